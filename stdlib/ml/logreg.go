package ml

import (
	"math/rand/v2"

	"github.com/sim-lang/sim/runtime"
)

// LogisticRegression as scikit-learn 1.2 has it: penalties l2, l1,
// elasticnet and none; solvers lbfgs, liblinear, sag and saga;
// multinomial or one-vs-rest.
var _ = register(&spec{name: "LogisticRegression", kind: "classifier", params: []param{
	{"penalty", runtime.MakeStr("l2")}, {"dual", runtime.False}, {"tol", runtime.MakeFloat(1e-4)},
	{"C", runtime.MakeFloat(1)}, {"fit_intercept", runtime.True}, {"intercept_scaling", runtime.MakeInt(1)},
	{"class_weight", runtime.None}, {"random_state", runtime.None}, {"solver", runtime.MakeStr("lbfgs")},
	{"max_iter", runtime.MakeInt(100)}, {"multi_class", runtime.MakeStr("auto")}, {"verbose", runtime.MakeInt(0)},
	{"warm_start", runtime.False}, {"n_jobs", runtime.None}, {"l1_ratio", runtime.None},
}, weighted: true, methods: withDecision(classifierMethods(logisticFit, logisticProba), logitLin)}, "linear_model")

// logitModel holds the fitted coefficients: one row per class, or one
// row for two classes; ovr marks one-vs-rest probabilities.
type logitModel struct {
	lin      *linState
	ovr      bool
	softmax2 bool // multinomial on two classes: p = softmax(−z, z)
}

func logitLin(e *Estimator) *linState { return e.state.(*clfState).model.(*logitModel).lin }

// logitOpts are LogisticRegression's checked parameters.
type logitOpts struct {
	penalty, solver string
	ovr             bool
	C, l1Ratio, tol float64
	maxIter         int
	fitB            bool
	scaling         float64 // intercept_scaling (liblinear)
}

// l2 and l1 return the strengths of the two penalty terms, as multiples
// of the data term Σ wᵢ·loss: the objective is
// Σ wᵢ·loss + l2/2‖W‖² + l1‖W‖₁.
func (o *logitOpts) l2() float64 {
	switch o.penalty {
	case "l2":
		return 1 / o.C
	case "elasticnet":
		return (1 - o.l1Ratio) / o.C
	}
	return 0
}

func (o *logitOpts) l1() float64 {
	switch o.penalty {
	case "l1":
		return 1 / o.C
	case "elasticnet":
		return o.l1Ratio / o.C
	}
	return 0
}

var logitSolvers = []string{"lbfgs", "liblinear", "sag", "saga"}

// logitOptions reads and checks the parameters with scikit-learn's
// messages for the combinations it rejects.
func logitOptions(e *Estimator, K int) (*logitOpts, error) {
	o := &logitOpts{fitB: e.pBool("fit_intercept")}
	var err error
	if o.C, err = e.pFloat("C"); err != nil {
		return nil, err
	}
	if o.C <= 0 {
		return nil, runtime.Errorf("LogisticRegression: C must be positive, got %g", o.C)
	}
	if e.pNone("penalty") {
		o.penalty = "none"
	} else if o.penalty, err = e.pStr("penalty", "l1", "l2", "elasticnet", "none"); err != nil {
		return nil, err
	}
	if o.solver, err = e.pStr("solver", logitSolvers...); err != nil {
		if s, ok := runtime.AsString(e.params["solver"]); ok && (s == "newton-cg" || s == "newton-cholesky") {
			return nil, runtime.Errorf("LogisticRegression: solver '%s' is not available in sim; use one of %s (they reach the same optimum)", s, quoteList(logitSolvers))
		}
		return nil, err
	}
	multi, err := e.pStr("multi_class", "auto", "ovr", "multinomial")
	if err != nil {
		return nil, err
	}
	if o.maxIter, err = e.pInt("max_iter"); err != nil {
		return nil, err
	}
	if o.maxIter < 0 {
		return nil, runtime.Errorf("LogisticRegression: max_iter must be >= 0, got %d", o.maxIter)
	}
	if o.tol, err = e.pFloat("tol"); err != nil {
		return nil, err
	}
	if o.scaling, err = e.pFloat("intercept_scaling"); err != nil {
		return nil, err
	}
	dual := e.pBool("dual")
	switch {
	case o.solver != "liblinear" && o.solver != "saga" && o.penalty != "l2" && o.penalty != "none":
		return nil, runtime.Errorf("LogisticRegression: Solver %s supports only 'l2' or 'none' penalties, got %s penalty.", o.solver, o.penalty)
	case o.solver != "liblinear" && dual:
		return nil, runtime.Errorf("LogisticRegression: Solver %s supports only dual=False, got dual=True", o.solver)
	case o.penalty == "elasticnet" && o.solver != "saga":
		return nil, runtime.Errorf("LogisticRegression: Only 'saga' solver supports elasticnet penalty, got solver=%s.", o.solver)
	case o.solver == "liblinear" && o.penalty == "none":
		return nil, runtime.Errorf("LogisticRegression: penalty='none' is not supported for the liblinear solver")
	case o.solver == "liblinear" && dual && o.penalty == "l1":
		return nil, runtime.Errorf("LogisticRegression: Unsupported set of arguments: The combination of penalty='l1' and loss='logistic_regression' are not supported when dual=True")
	case o.solver == "liblinear" && multi == "multinomial":
		return nil, runtime.Errorf("LogisticRegression: Solver liblinear does not support a multinomial backend.")
	}
	if o.penalty == "elasticnet" {
		r, ok := e.params["l1_ratio"].ToFloat()
		if !ok || e.params["l1_ratio"].Kind() == runtime.BoolKind || r < 0 || r > 1 {
			return nil, runtime.Errorf("LogisticRegression: l1_ratio must be between 0 and 1; got (l1_ratio=%s)", runtime.Repr(e.params["l1_ratio"]))
		}
		o.l1Ratio = r
	}
	o.ovr = multi == "ovr" || (multi == "auto" && (K == 2 || o.solver == "liblinear"))
	return o, nil
}

// logisticFit fits the model; the sample weights w (nil: none) multiply
// each sample's loss term, on top of the class weights.
func logisticFit(e *Estimator, X *mat, l *labels, w []float64) (any, error) {
	K := len(l.classes)
	o, err := logitOptions(e, K)
	if err != nil {
		return nil, err
	}
	cw, err := classWeightTable(e, l)
	if err != nil {
		return nil, err
	}
	rng, err := e.rng()
	if err != nil {
		return nil, err
	}
	d := X.c
	var coef *mat
	var icpt []float64
	var iters []int
	if !o.ovr {
		sw := mulWeights(sampleWeights(l.idx, cw), w)
		c, it := fitLogit(o, X, l.idx, sw, K, rng)
		coef = &mat{K, d, append([]float64(nil), c[:K*d]...)}
		icpt = append([]float64(nil), c[K*d:]...)
		if K == 2 { // scikit-learn keeps the second class's row
			coef = &mat{1, d, coef.row(1)}
			icpt = icpt[1:]
		}
		iters = []int{it}
	} else {
		pos := []int{1}
		if K > 2 {
			pos = make([]int, K)
			for k := range pos {
				pos[k] = k
			}
		}
		coef = newMat(len(pos), d)
		icpt = make([]float64, len(pos))
		y := make([]int, X.r)
		for r, k := range pos {
			for i, c := range l.idx {
				y[i] = 0
				if c == k {
					y[i] = 1
				}
			}
			sw := mulWeights(ovrWeights(o, l.idx, y, k, cw, e.params["class_weight"]), w)
			c, it := fitLogit(o, X, y, sw, 1, rng)
			copy(coef.row(r), c[:d])
			icpt[r] = c[d]
			iters = append(iters, it)
		}
	}
	st := &linState{coef: coef, intercept: icpt}
	e.set("coef_", coef.clone().value())
	if o.solver == "liblinear" && !o.fitB {
		e.set("intercept_", runtime.MakeFloat(0)) // as scikit-learn's liblinear path
	} else {
		e.set("intercept_", floatsValue(append([]float64(nil), icpt...)))
	}
	e.set("n_iter_", intsValue(iters))
	return &logitModel{lin: st, ovr: o.ovr && K > 2, softmax2: !o.ovr && K == 2}, nil
}

// fitLogit fits one problem: rows = 1 a binary one (y in {0, 1}, one
// row of coefficients), rows = K ≥ 2 a multinomial one. It returns the
// coefficients (rows×d, then the intercepts) and the iterations used.
func fitLogit(o *logitOpts, X *mat, y []int, sw []float64, rows int, rng *rand.Rand) ([]float64, int) {
	switch o.solver {
	case "liblinear":
		return liblinearLogit(o, X, y, sw)
	case "lbfgs":
		return logisticLBFGS(X, y, sw, rows, o.l2(), o.fitB, o.maxIter, o.tol)
	}
	n := float64(X.r)
	p := &sagProblem{X: X, y: y, sw: sw, rows: rows, alpha: o.l2() / n, beta: o.l1() / n, fitB: o.fitB, saga: o.solver == "saga"}
	return p.solve(o.maxIter, o.tol, rng)
}

// classWeightTable returns the weight of each class for class_weight:
// nil for None, n/(K·n_k) for 'balanced', or a dict's entries (1 for the
// classes it leaves out).
func classWeightTable(e *Estimator, l *labels) ([]float64, error) {
	v := e.params["class_weight"]
	if !v.IsValid() || v.IsNone() {
		return nil, nil
	}
	K := len(l.classes)
	cw := make([]float64, K)
	if s, ok := runtime.AsString(v); ok && s == "balanced" {
		cnt := make([]float64, K)
		for _, c := range l.idx {
			cnt[c]++
		}
		for k := range cw {
			cw[k] = float64(len(l.idx)) / (float64(K) * cnt[k])
		}
		return cw, nil
	}
	d, ok := v.Obj().(*runtime.Dict)
	if !ok {
		return nil, runtime.Errorf("%s: class_weight must be None, 'balanced' or a dict of class: weight, not %s", e.spec.name, runtime.Repr(v))
	}
	for k := range cw {
		cw[k] = 1
	}
	for _, kv := range d.Items() {
		lab, ok1 := kv[0].ToFloat()
		w, ok2 := kv[1].ToFloat()
		if !ok1 || !ok2 {
			return nil, runtime.Errorf("%s: class_weight must map class labels to numbers, got %s: %s", e.spec.name, runtime.Repr(kv[0]), runtime.Repr(kv[1]))
		}
		found := false
		for k, c := range l.classes {
			if c == lab {
				cw[k], found = w, true
			}
		}
		if !found {
			return nil, runtime.Errorf("%s: The classes, %s, are not in class_weight", e.spec.name, runtime.Repr(kv[0]))
		}
	}
	return cw, nil
}

// mulWeights returns the elementwise product of two weight vectors, either
// of which may be nil (all ones).
func mulWeights(a, b []float64) []float64 {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	out := make([]float64, len(a))
	for i, v := range a {
		out[i] = v * b[i]
	}
	return out
}

// sampleWeights maps class weights onto the samples (nil stays nil).
func sampleWeights(idx []int, cw []float64) []float64 {
	if cw == nil {
		return nil
	}
	sw := make([]float64, len(idx))
	for i, c := range idx {
		sw[i] = cw[c]
	}
	return sw
}

// ovrWeights are the sample weights of the binary problem "class k
// against the rest" as scikit-learn sets them: liblinear weights the
// positive class by its weight and the rest by 1 (both by their own
// weights with two classes); the other solvers recompute 'balanced'
// weights on the binary labels and apply a dict's weights per class.
func ovrWeights(o *logitOpts, idx, y []int, k int, cw []float64, spec runtime.Value) []float64 {
	if cw == nil {
		return nil
	}
	K := len(cw)
	sw := make([]float64, len(idx))
	s, balanced := runtime.AsString(spec)
	balanced = balanced && s == "balanced"
	switch {
	case o.solver == "liblinear" && K > 2:
		for i, t := range y {
			sw[i] = 1
			if t == 1 {
				sw[i] = cw[k]
			}
		}
	case balanced && K > 2:
		npos := 0
		for _, t := range y {
			npos += t
		}
		n := float64(len(y))
		for i, t := range y {
			if t == 1 {
				sw[i] = n / (2 * float64(npos))
			} else {
				sw[i] = n / (2 * (n - float64(npos)))
			}
		}
	default:
		return sampleWeights(idx, cw)
	}
	return sw
}

func logisticProba(e *Estimator, X *mat) *mat {
	m := e.state.(*clfState).model.(*logitModel)
	Z := m.lin.decision(X)
	if Z.c == 1 {
		s := 1.0
		if m.softmax2 {
			s = 2
		}
		P := newMat(X.r, 2)
		for i := 0; i < X.r; i++ {
			p := sigmoid(s * Z.d[i])
			P.d[2*i], P.d[2*i+1] = 1-p, p
		}
		return P
	}
	if !m.ovr {
		softmaxRows(Z)
		return Z
	}
	// one-vs-rest: each class's sigmoid, normalized over the classes
	for i := 0; i < Z.r; i++ {
		r := Z.row(i)
		s := 0.0
		for k, v := range r {
			r[k] = sigmoid(v)
			s += r[k]
		}
		for k := range r {
			r[k] /= s
		}
	}
	return Z
}

// logisticLBFGS minimizes Σ wᵢ·loss + lam/2‖W‖² by L-BFGS from zero and
// returns the coefficients (rows×d, then the intercepts) and iterations.
// y holds class indices (0/1 when rows is 1).
func logisticLBFGS(X *mat, y []int, sw []float64, rows int, lam float64, fitB bool, maxIter int, tol float64) ([]float64, int) {
	d := X.c
	n := X.r
	W := newMat(rows, d)
	Zt := newMat(rows, n) // decision values, one row per class
	G := newMat(rows, d)
	// X is fixed: with the kernel it is packed once for both products
	var pXt, pX *packedB
	if haveFMA && useKernel {
		pXt, pX = packRight(X, true), packRight(X, false)
	}
	ll := newLogLoss(y, sw)
	f := func(w, g []float64) float64 {
		W.d = w[:rows*d]
		b := w[rows*d:]
		if pXt != nil {
			gemmPacked(false, 1, W, pXt, 0, Zt)
		} else {
			gemm(false, true, 1, W, X, 0, Zt)
		}
		gb := g[rows*d:]
		var loss float64
		if rows == 1 {
			loss = ll.binary(Zt.d, b[0], gb)
		} else {
			loss = ll.multinomial(Zt.d, rows, b, gb)
		}
		G.d = g[:rows*d]
		if pX != nil {
			gemmPacked(false, 1, Zt, pX, 0, G)
		} else {
			gemm(false, false, 1, Zt, X, 0, G)
		}
		for k, v := range w[:rows*d] {
			loss += 0.5 * lam * v * v
			g[k] += lam * v
		}
		if !fitB {
			for k := range gb {
				gb[k] = 0
			}
		}
		return loss
	}
	w := make([]float64, rows*d+rows)
	it := lbfgs(f, w, maxIter, 10, tol)
	return w, it
}
