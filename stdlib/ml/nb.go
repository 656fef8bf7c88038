package ml

import (
	"math"

	"github.com/sim-lang/sim/runtime"
)

// nbState is a Gaussian naive Bayes model updated incrementally.
type nbState struct {
	lab     *labels
	count   []float64
	theta   *mat
	vr      *mat // variances without epsilon
	epsilon float64
	priors  []float64
}

var _ = register(&spec{name: "GaussianNB", kind: "classifier", params: []param{
	{"priors", runtime.None}, {"var_smoothing", runtime.MakeFloat(1e-9)},
}, weighted: true, methods: nbMethods()}, "naive_bayes")

func nbMethods() map[string]method {
	m := classifierMethods(func(e *Estimator, X *mat, l *labels, w []float64) (any, error) {
		st := &nbState{lab: l}
		if err := nbUpdate(e, st, X, l.idx, w); err != nil {
			return nil, err
		}
		return st, nil
	}, nbProba)
	fit := m["fit"]
	m["fit"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		v, err := fit(e, th, args, kwargs)
		if err == nil {
			nbAttrs(e)
		}
		return v, err
	}
	m["partial_fit"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var Xv, yv, cv, swv runtime.Value
		if err := runtime.UnpackArgs("GaussianNB.partial_fit", args, kwargs, "X", &Xv, "y", &yv, "classes?", &cv, "sample_weight?", &swv); err != nil {
			return runtime.Value{}, err
		}
		X, err := toMat("GaussianNB.partial_fit", Xv, false)
		if err != nil {
			return runtime.Value{}, err
		}
		y, isInt, err := toVec("GaussianNB.partial_fit", "y", yv)
		if err != nil {
			return runtime.Value{}, err
		}
		if err := checkXY("GaussianNB.partial_fit", X, y); err != nil {
			return runtime.Value{}, err
		}
		w, err := sampleWeight("GaussianNB.partial_fit", swv, X.r)
		if err != nil {
			return runtime.Value{}, err
		}
		cs, _ := e.state.(*clfState)
		if cs == nil {
			if !cv.IsValid() || cv.IsNone() {
				return runtime.Value{}, runtime.Errorf("GaussianNB.partial_fit: classes must be passed on the first call to partial_fit.")
			}
			cl, cInt, err := toVec("GaussianNB.partial_fit", "classes", cv)
			if err != nil {
				return runtime.Value{}, err
			}
			l := &labels{classes: unique(cl), isInt: cInt && isInt}
			cs = &clfState{lab: l, model: &nbState{lab: l}}
			e.fitted = map[string]runtime.Value{}
			e.setFit(X)
			e.set("classes_", classesValue(l.classes, l.isInt))
		} else if err := e.checkFeatures("partial_fit", X); err != nil {
			return runtime.Value{}, err
		}
		pos := map[float64]int{}
		for k, c := range cs.lab.classes {
			pos[c] = k
		}
		idx := make([]int, len(y))
		for i, v := range y {
			k, ok := pos[v]
			if !ok {
				return runtime.Value{}, runtime.Errorf("GaussianNB.partial_fit: The target label(s) [%g] in y do not exist in the initial classes %s", v, runtime.Repr(e.fitted["classes_"]))
			}
			idx[i] = k
		}
		if err := nbUpdate(e, cs.model.(*nbState), X, idx, w); err != nil {
			return runtime.Value{}, err
		}
		e.state = cs
		nbAttrs(e)
		return runtime.MakeObj(e), nil
	}
	return m
}

// nbUpdate merges a batch into the per-class means and variances (Chan et
// al.'s parallel update, as scikit-learn's partial_fit). With sample
// weights w (nil: none) a class's count is its weight sum and its batch
// mean and variance are weighted; a class whose batch weighs nothing is
// left as it was.
func nbUpdate(e *Estimator, st *nbState, X *mat, idx []int, w []float64) error {
	K, d := len(st.lab.classes), X.c
	vs, err := e.pFloat("var_smoothing")
	if err != nil {
		return err
	}
	mu := colMeans(X)
	mx := 0.0
	for _, v := range colVars(X, mu) {
		mx = math.Max(mx, v)
	}
	eps := vs * mx
	if st.theta == nil {
		st.count = make([]float64, K)
		st.theta, st.vr = newMat(K, d), newMat(K, d)
	} else if eps != st.epsilon {
		// scikit-learn takes this batch's epsilon off var_, which holds the
		// previous batch's: the difference stays in the variances
		for k := range st.vr.d {
			st.vr.d[k] += st.epsilon - eps
		}
	}
	st.epsilon = eps
	for k := 0; k < K; k++ {
		var rows []int
		for i, c := range idx {
			if c == k {
				rows = append(rows, i)
			}
		}
		if len(rows) == 0 {
			continue
		}
		B := X.rows(rows)
		var bw []float64
		if w != nil {
			bw = make([]float64, len(rows))
			for r, i := range rows {
				bw[r] = w[i]
			}
		}
		nb, bm, bv := weightedMoments(B, bw)
		if math.Abs(nb) <= 1e-8 { // numpy's isclose(n_new, 0)
			continue
		}
		np := st.count[k]
		nt := np + nb
		for j := 0; j < d; j++ {
			om, ov := st.theta.at(k, j), st.vr.at(k, j)
			nm := (np*om + nb*bm[j]) / nt
			ssd := np*ov + nb*bv[j] + np*nb/nt*(om-bm[j])*(om-bm[j])
			st.theta.d[k*d+j] = nm
			st.vr.d[k*d+j] = ssd / nt
		}
		st.count[k] = nt
	}
	pr := e.params["priors"]
	if pr.IsValid() && !pr.IsNone() {
		p, _, err := toVec("GaussianNB", "priors", pr)
		if err != nil {
			return err
		}
		if len(p) != K {
			return runtime.Errorf("GaussianNB: Number of priors must match number of classes.")
		}
		st.priors = p
	} else {
		tot := 0.0
		for _, c := range st.count {
			tot += c
		}
		st.priors = make([]float64, K)
		for k, c := range st.count {
			st.priors[k] = c / tot
		}
	}
	return nil
}

// weightedMoments returns the weight sum (the row count without
// weights), the column means and the column variances of B.
func weightedMoments(B *mat, w []float64) (float64, []float64, []float64) {
	if w == nil {
		bm := colMeans(B)
		return float64(B.r), bm, colVars(B, bm)
	}
	tot := 0.0
	for _, v := range w {
		tot += v
	}
	mu := make([]float64, B.c)
	vr := make([]float64, B.c)
	if tot == 0 {
		return 0, mu, vr
	}
	for i := 0; i < B.r; i++ {
		axpy(w[i], B.row(i), mu)
	}
	for j := range mu {
		mu[j] /= tot
	}
	for i := 0; i < B.r; i++ {
		for j, x := range B.row(i) {
			vr[j] += w[i] * (x - mu[j]) * (x - mu[j])
		}
	}
	for j := range vr {
		vr[j] /= tot
	}
	return tot, mu, vr
}

func nbAttrs(e *Estimator) {
	st := e.state.(*clfState).model.(*nbState)
	v := st.vr.clone()
	for k := range v.d {
		v.d[k] += st.epsilon
	}
	e.set("theta_", st.theta.clone().value())
	e.set("var_", v.value())
	e.set("class_count_", floatsValue(append([]float64(nil), st.count...)))
	e.set("class_prior_", floatsValue(append([]float64(nil), st.priors...)))
	e.set("epsilon_", runtime.MakeFloat(st.epsilon))
}

func nbProba(e *Estimator, X *mat) *mat {
	st := e.state.(*clfState).model.(*nbState)
	K := len(st.lab.classes)
	P := newMat(X.r, K)
	for i := 0; i < X.r; i++ {
		x := X.row(i)
		r := P.row(i)
		for k := 0; k < K; k++ {
			ll := math.Log(st.priors[k])
			for j, v := range x {
				vr := st.vr.at(k, j) + st.epsilon
				dd := v - st.theta.at(k, j)
				ll -= 0.5*math.Log(2*math.Pi*vr) + dd*dd/(2*vr)
			}
			r[k] = ll
		}
	}
	softmaxRows(P)
	return P
}
