package ml

import (
	"math"
	"math/rand/v2"

	"github.com/sim-lang/sim/runtime"
)

// The network: MLP(layers, activation) with PyTorch-style training options,
// and scikit-learn's MLPClassifier/MLPRegressor mapped onto it.

var mlpParams = []param{
	{"layers", runtime.None}, {"activation", runtime.MakeStr("relu")},
	{"loss", runtime.MakeStr("cross_entropy")}, {"optimizer", runtime.MakeStr("adam")},
	{"lr", runtime.MakeFloat(1e-3)}, {"momentum", runtime.MakeFloat(0.9)},
	{"nesterov", runtime.False}, {"betas", runtime.MakeTuple(runtime.MakeFloat(0.9), runtime.MakeFloat(0.999))},
	{"eps", runtime.MakeFloat(1e-8)}, {"weight_decay", runtime.MakeFloat(0)},
	{"batch_size", runtime.MakeInt(32)}, {"epochs", runtime.MakeInt(10)},
	{"schedule", runtime.None}, {"accumulate", runtime.MakeInt(1)},
	{"early_stopping", runtime.False}, {"validation_fraction", runtime.MakeFloat(0.1)},
	{"patience", runtime.MakeInt(10)}, {"tol", runtime.MakeFloat(1e-4)},
	{"shuffle", runtime.True}, {"random_state", runtime.None}, {"verbose", runtime.False},
}

var skMLPParams = []param{
	{"hidden_layer_sizes", runtime.MakeTuple(runtime.MakeInt(100))}, {"activation", runtime.MakeStr("relu")},
	{"solver", runtime.MakeStr("adam")}, {"alpha", runtime.MakeFloat(1e-4)},
	{"batch_size", runtime.MakeStr("auto")}, {"learning_rate", runtime.MakeStr("constant")},
	{"learning_rate_init", runtime.MakeFloat(1e-3)}, {"power_t", runtime.MakeFloat(0.5)},
	{"max_iter", runtime.MakeInt(200)}, {"shuffle", runtime.True}, {"random_state", runtime.None},
	{"tol", runtime.MakeFloat(1e-4)}, {"verbose", runtime.False}, {"warm_start", runtime.False},
	{"momentum", runtime.MakeFloat(0.9)}, {"nesterovs_momentum", runtime.True},
	{"early_stopping", runtime.False}, {"validation_fraction", runtime.MakeFloat(0.1)},
	{"beta_1", runtime.MakeFloat(0.9)}, {"beta_2", runtime.MakeFloat(0.999)},
	{"epsilon", runtime.MakeFloat(1e-8)}, {"n_iter_no_change", runtime.MakeInt(10)},
	{"max_fun", runtime.MakeInt(15000)},
}

var (
	_ = register(&spec{name: "MLP", kind: "network", params: mlpParams, methods: mlpMethods()}, "neural_network")
	_ = register(&spec{name: "MLPClassifier", kind: "classifier", params: skMLPParams, methods: mlpMethods()}, "neural_network")
	_ = register(&spec{name: "MLPRegressor", kind: "regressor", params: skMLPParams, methods: mlpMethods()}, "neural_network")
)

// mlpConfig is the resolved training configuration.
type mlpConfig struct {
	sizes         []int // hidden sizes (inputs and outputs added at fit)
	act           string
	classify      bool
	opt           string
	lr, mom, b1   float64
	b2, eps, wd   float64
	l2            float64 // scikit-learn's alpha (L2 penalty in the loss)
	nesterov      bool
	batch, epochs int
	accum         int
	sched         runtime.Value
	early         bool
	valFrac       float64
	patience      int
	tol           float64
	trainStop     bool // stop on training loss (scikit-learn)
	shuffle       bool
	explicitIO    bool // layers include inputs and outputs
	layers        []int
}

func mlpConfigOf(e *Estimator) (*mlpConfig, error) {
	c := &mlpConfig{}
	var err error
	get := func(name string, p *float64) {
		if err == nil {
			*p, err = e.pFloat(name)
		}
	}
	geti := func(name string, p *int) {
		if err == nil {
			*p, err = e.pInt(name)
		}
	}
	if e.spec.name == "MLP" {
		if e.pNone("layers") {
			return nil, runtime.Errorf("MLP: layers is required, e.g. MLP([64, 128, 10])")
		}
		ls, _, err := toVec("MLP", "layers", e.params["layers"])
		if err != nil || len(ls) < 2 {
			return nil, runtime.Errorf("MLP: layers must list at least the input and output sizes, e.g. [64, 128, 10]")
		}
		for _, v := range ls {
			if v < 1 || v != math.Trunc(v) {
				return nil, runtime.Errorf("MLP: layer sizes must be positive integers, got %s", runtime.Repr(e.params["layers"]))
			}
			c.layers = append(c.layers, int(v))
		}
		c.explicitIO = true
		loss, err := e.pStr("loss", "cross_entropy", "mse")
		if err != nil {
			return nil, err
		}
		c.classify = loss == "cross_entropy"
		if c.opt, err = e.pStr("optimizer", "sgd", "adam", "adamw"); err != nil {
			return nil, err
		}
		get("lr", &c.lr)
		get("momentum", &c.mom)
		get("eps", &c.eps)
		get("weight_decay", &c.wd)
		geti("batch_size", &c.batch)
		geti("epochs", &c.epochs)
		geti("accumulate", &c.accum)
		geti("patience", &c.patience)
		get("validation_fraction", &c.valFrac)
		get("tol", &c.tol)
		if err != nil {
			return nil, err
		}
		b, _, err := toVec("MLP", "betas", e.params["betas"])
		if err != nil || len(b) != 2 {
			return nil, runtime.Errorf("MLP: betas must be a pair (beta1, beta2)")
		}
		c.b1, c.b2 = b[0], b[1]
		c.nesterov = e.pBool("nesterov")
		c.sched = e.params["schedule"]
		c.early = e.pBool("early_stopping")
	} else {
		hs, _, err := toVec(e.spec.name, "hidden_layer_sizes", e.params["hidden_layer_sizes"])
		if err != nil {
			if i, ok := e.params["hidden_layer_sizes"].ToInt(); ok {
				hs, err = []float64{float64(i)}, nil
			} else {
				return nil, err
			}
		}
		for _, v := range hs {
			c.sizes = append(c.sizes, int(v))
		}
		c.classify = e.spec.name == "MLPClassifier"
		if c.opt, err = e.pStr("solver", "adam", "sgd"); err != nil {
			return nil, err
		}
		get("learning_rate_init", &c.lr)
		get("momentum", &c.mom)
		get("beta_1", &c.b1)
		get("beta_2", &c.b2)
		get("epsilon", &c.eps)
		get("alpha", &c.l2)
		geti("max_iter", &c.epochs)
		geti("n_iter_no_change", &c.patience)
		get("validation_fraction", &c.valFrac)
		get("tol", &c.tol)
		if err != nil {
			return nil, err
		}
		c.batch = -1
		if !isStr(e.params["batch_size"], "auto") {
			if c.batch, err = e.pInt("batch_size"); err != nil {
				return nil, err
			}
		}
		c.nesterov = e.pBool("nesterovs_momentum")
		c.accum = 1
		c.early = e.pBool("early_stopping")
		c.trainStop = !c.early
	}
	if c.act, err = e.pStr("activation", "relu", "tanh", "logistic", "sigmoid", "identity", "gelu"); err != nil {
		return nil, err
	}
	if c.epochs < 1 || c.accum < 1 {
		return nil, runtime.Errorf("%s: epochs/max_iter and accumulate must be >= 1", e.spec.name)
	}
	if c.lr <= 0 {
		return nil, runtime.Errorf("%s: the learning rate must be positive, got %g", e.spec.name, c.lr)
	}
	c.shuffle = e.pBool("shuffle")
	return c, nil
}

// net is a fully connected network: W[l] is in×out, b[l] out.
type net struct {
	W      []*mat
	b      [][]float64
	act    string
	output string // "softmax" or "identity"
}

func activate(act string, z []float64) {
	switch act {
	case "relu":
		for k, v := range z {
			z[k] = (v + math.Abs(v)) * 0.5 // branch-free max(v, 0)
		}
	case "tanh":
		for k, v := range z {
			z[k] = math.Tanh(v)
		}
	case "logistic", "sigmoid":
		for k, v := range z {
			z[k] = sigmoid(v)
		}
	case "gelu":
		for k, v := range z {
			z[k] = 0.5 * v * (1 + math.Erf(v/math.Sqrt2))
		}
	}
}

// derivative multiplies d by the activation derivative, given the
// pre-activation z and output a.
func derivative(act string, d, z, a []float64) {
	switch act {
	case "relu":
		k0 := 0
		if haveVec && useKernel && len(a) >= 4 {
			k0 = len(a) &^ 3
			reluGrad4(&d[0], &a[0], k0)
		}
		for k := k0; k < len(a); k++ {
			v := a[k]
			// a >= 0, so its bits are non-zero exactly where a > 0:
			// (b | -b) >> 63 is that step, without a branch
			b := math.Float64bits(v)
			d[k] *= float64((b | -b) >> 63)
		}
	case "tanh":
		for k, v := range a {
			d[k] *= 1 - v*v
		}
	case "logistic", "sigmoid":
		for k, v := range a {
			d[k] *= v * (1 - v)
		}
	case "gelu":
		for k, v := range z {
			cdf := 0.5 * (1 + math.Erf(v/math.Sqrt2))
			pdf := math.Exp(-v*v/2) / math.Sqrt(2*math.Pi)
			d[k] *= cdf + v*pdf
		}
	}
}

// forward returns the activations of every layer (A[0] = X) and the
// pre-activations Z.
func (nt *net) forward(X *mat, A, Z []*mat) ([]*mat, []*mat) {
	L := len(nt.W)
	if A == nil || cap(A[1].d) < X.r*nt.W[0].c {
		A = make([]*mat, L+1)
		Z = make([]*mat, L+1)
		for l := 1; l <= L; l++ {
			A[l] = newMat(X.r, nt.W[l-1].c)
			if nt.act == "gelu" {
				Z[l] = newMat(X.r, nt.W[l-1].c)
			}
		}
	}
	// a smaller batch (the last of an epoch) reuses the buffers
	for l := 1; l <= L; l++ {
		resize(A[l], X.r)
		if Z[l] != nil {
			resize(Z[l], X.r)
		}
	}
	A[0] = X
	for l := 1; l <= L; l++ {
		out := A[l]
		gemm(false, false, 1, A[l-1], nt.W[l-1], 0, out)
		b := nt.b[l-1]
		if l < L && Z[l] == nil && nt.act == "relu" {
			// the intercepts and the activation in one pass
			for i := 0; i < out.r; i++ {
				biasRelu(out.row(i), b)
			}
			continue
		}
		for i := 0; i < out.r; i++ {
			r := out.row(i)
			for j := range r {
				r[j] += b[j]
			}
		}
		if l < L {
			if Z[l] != nil {
				copy(Z[l].d, out.d)
			}
			activate(nt.act, out.d)
		} else if nt.output == "softmax" {
			softmaxRows(out)
		}
	}
	return A, Z
}

// grads holds parameter-shaped buffers.
type grads struct {
	W []*mat
	b [][]float64
}

func (nt *net) zeroLike() *grads {
	g := &grads{}
	for l := range nt.W {
		g.W = append(g.W, newMat(nt.W[l].r, nt.W[l].c))
		g.b = append(g.b, make([]float64, len(nt.b[l])))
	}
	return g
}

func (g *grads) each(f func(p []float64, k int)) {
	for l := range g.W {
		f(g.W[l].d, 2*l)
		f(g.b[l], 2*l+1)
	}
}

// backward adds the gradients of the batch loss to g (scaled by scale)
// and returns the loss (mean over the batch).
func (nt *net) backward(A, Z []*mat, Y *mat, yIdx []int, g *grads, scale float64, D []*mat) float64 {
	L := len(nt.W)
	out := A[L]
	B := out.r
	delta := D[L]
	loss := 0.0
	copy(delta.d, out.d)
	if nt.output == "softmax" {
		for i := 0; i < B; i++ {
			p := out.d[i*out.c+yIdx[i]]
			loss -= math.Log(math.Max(p, 1e-300))
			delta.d[i*out.c+yIdx[i]] -= 1
		}
	} else {
		for k := range delta.d {
			delta.d[k] -= Y.d[k]
			loss += 0.5 * delta.d[k] * delta.d[k]
		}
	}
	loss /= float64(B)
	s := scale / float64(B)
	for l := L; l >= 1; l-- {
		gemm(true, false, s, A[l-1], delta, 1, g.W[l-1])
		gb := g.b[l-1]
		for i := 0; i < B; i++ {
			axpy(s, delta.row(i), gb)
		}
		if l > 1 {
			prev := D[l-1]
			gemm(false, true, 1, delta, nt.W[l-1], 0, prev)
			var z []float64
			if Z[l-1] != nil {
				z = Z[l-1].d
			}
			derivative(nt.act, prev.d, z, A[l-1].d)
			delta = prev
		}
	}
	return loss
}

func newNet(sizes []int, act, output string, rng *rand.Rand) *net {
	nt := &net{act: act, output: output}
	for l := 0; l+1 < len(sizes); l++ {
		in, out := sizes[l], sizes[l+1]
		f := 6.0
		if act == "logistic" || act == "sigmoid" {
			f = 2
		}
		bound := math.Sqrt(f / float64(in+out))
		W := newMat(in, out)
		for k := range W.d {
			W.d[k] = (2*rng.Float64() - 1) * bound
		}
		b := make([]float64, out)
		for k := range b {
			b[k] = (2*rng.Float64() - 1) * bound
		}
		nt.W = append(nt.W, W)
		nt.b = append(nt.b, b)
	}
	return nt
}

type mlpState struct {
	nt  *net
	lab *labels
	out int
}

func mlpMethods() map[string]method {
	return map[string]method{
		"fit": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			var Xv, yv runtime.Value
			if err := runtime.UnpackArgs(e.spec.name+".fit", args, kwargs, "X", &Xv, "y", &yv); err != nil {
				return runtime.Value{}, err
			}
			if err := mlpFit(e, th, Xv, yv); err != nil {
				return runtime.Value{}, err
			}
			return runtime.MakeObj(e), nil
		},
		"predict": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, err := e.fittedX("predict", args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			st := e.state.(*mlpState)
			A, _ := st.nt.forward(X, nil, nil)
			out := A[len(A)-1]
			if st.lab != nil {
				return st.lab.decode(argmaxRows(out)), nil
			}
			if out.c == 1 {
				return floatsValue(out.d), nil
			}
			return out.value(), nil
		},
		"predict_proba": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, err := e.fittedX("predict_proba", args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			st := e.state.(*mlpState)
			if st.lab == nil {
				return runtime.Value{}, runtime.Errorf("%s.predict_proba: only for classification (loss='cross_entropy')", e.spec.name)
			}
			A, _ := st.nt.forward(X, nil, nil)
			return A[len(A)-1].value(), nil
		},
		"score": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			var X, y runtime.Value
			if err := runtime.UnpackArgs(e.spec.name+".score", args, kwargs, "X", &X, "y", &y); err != nil {
				return runtime.Value{}, err
			}
			p, err := e.spec.methods["predict"](e, th, []runtime.Value{X}, nil)
			if err != nil {
				return runtime.Value{}, err
			}
			st := e.state.(*mlpState)
			if st.lab != nil {
				yt, _, err := toVec(e.spec.name+".score", "y", y)
				if err != nil {
					return runtime.Value{}, err
				}
				yp, _, _ := toVec(e.spec.name+".score", "y", p)
				if len(yt) != len(yp) {
					return runtime.Value{}, runtime.Errorf("%s.score: Found input variables with inconsistent numbers of samples: [%d, %d]", e.spec.name, len(yp), len(yt))
				}
				return runtime.MakeFloat(accuracy(yt, yp)), nil
			}
			Yt, err := targetMat(e.spec.name+".score", y)
			if err != nil {
				return runtime.Value{}, err
			}
			Yp, _ := targetMat(e.spec.name+".score", p)
			if Yt.r != Yp.r || Yt.c != Yp.c {
				return runtime.Value{}, runtime.Errorf("%s.score: y has shape (%d, %d), predictions (%d, %d)", e.spec.name, Yt.r, Yt.c, Yp.r, Yp.c)
			}
			return runtime.MakeFloat(r2(Yt.d, Yp.d)), nil
		},
	}
}

// targetMat reads a regression target as n × outputs.
func targetMat(fn string, v runtime.Value) (*mat, error) {
	if y, _, err := toVec(fn, "y", v); err == nil {
		return &mat{len(y), 1, y}, nil
	}
	return toMat(fn, v, false)
}

func mlpFit(e *Estimator, th *runtime.Thread, Xv, yv runtime.Value) error {
	fn := e.spec.name + ".fit"
	c, err := mlpConfigOf(e)
	if err != nil {
		return err
	}
	X, err := toMat(fn, Xv, false)
	if err != nil {
		return err
	}
	st := &mlpState{}
	var Y *mat
	var yIdx []int
	if c.classify {
		y, isInt, err := toVec(fn, "y", yv)
		if err != nil {
			return err
		}
		if err := checkXY(fn, X, y); err != nil {
			return err
		}
		st.lab = encode(y, isInt)
		yIdx = st.lab.idx
		st.out = len(st.lab.classes)
	} else {
		if Y, err = targetMat(fn, yv); err != nil {
			return err
		}
		if Y.r != X.r {
			return runtime.Errorf("%s: Found input variables with inconsistent numbers of samples: [%d, %d]", fn, X.r, Y.r)
		}
		st.out = Y.c
	}
	sizes := c.layers
	if !c.explicitIO {
		sizes = append(append([]int{X.c}, c.sizes...), st.out)
	} else {
		if sizes[0] != X.c {
			return runtime.Errorf("%s: the first layer has %d inputs but X has %d features", fn, sizes[0], X.c)
		}
		if sizes[len(sizes)-1] != st.out {
			what := "classes"
			if !c.classify {
				what = "targets"
			}
			return runtime.Errorf("%s: the last layer has %d outputs but y has %d %s", fn, sizes[len(sizes)-1], st.out, what)
		}
	}
	rng, err := e.rng()
	if err != nil {
		return err
	}
	output := "identity"
	if c.classify {
		output = "softmax"
	}
	st.nt = newNet(sizes, c.act, output, rng)
	// validation split
	n := X.r
	idx := rng.Perm(n)
	var val []int
	if c.early {
		nv := int(math.Ceil(c.valFrac * float64(n)))
		if nv < 1 || nv >= n {
			return runtime.Errorf("%s: validation_fraction %g leaves no training or validation samples", fn, c.valFrac)
		}
		val, idx = idx[:nv], idx[nv:]
	}
	if !c.shuffle {
		sortInts(idx)
	}
	batch := c.batch
	if batch < 0 {
		batch = min(200, len(idx))
	}
	batch = max(1, min(batch, len(idx)))
	tr := newTrainer(st.nt, c)
	var lossCurve, valCurve []float64
	best, bestEpoch, stall := math.Inf(1), 0, 0
	var bestNet *net
	Xb := newMat(batch, X.c)
	var Yb *mat
	if Y != nil {
		Yb = newMat(batch, Y.c)
	}
	yb := make([]int, batch)
	var A, Z []*mat
	g := st.nt.zeroLike()
	var D []*mat
	micro := 0
	epoch := 0
	for epoch = 1; epoch <= c.epochs; epoch++ {
		if th != nil && th.Ctx != nil {
			if err := th.Ctx.Err(); err != nil {
				return err
			}
		}
		if c.shuffle {
			rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		}
		tot := 0.0
		for lo := 0; lo < len(idx); lo += batch {
			hi := min(lo+batch, len(idx))
			B := hi - lo
			xb := &mat{B, X.c, Xb.d[:B*X.c]}
			for k, i := range idx[lo:hi] {
				copy(xb.row(k), X.row(i))
				if yIdx != nil {
					yb[k] = yIdx[i]
				}
			}
			var ybm *mat
			if Y != nil {
				ybm = &mat{B, Y.c, Yb.d[:B*Y.c]}
				for k, i := range idx[lo:hi] {
					copy(ybm.row(k), Y.row(i))
				}
			}
			A, Z = st.nt.forward(xb, A, Z)
			if D == nil {
				D = make([]*mat, len(A))
				for l := 1; l < len(A); l++ {
					D[l] = newMat(B, A[l].c)
				}
			}
			for l := 1; l < len(A); l++ {
				resize(D[l], B)
			}
			loss := st.nt.backward(A, Z, ybm, yb[:B], g, 1/float64(c.accum), D)
			if c.l2 > 0 {
				// scikit-learn: alpha/(2 n_batch) ||W||^2 added to the loss
				f := c.l2 / float64(B) / float64(c.accum)
				for l, W := range st.nt.W {
					loss += c.l2 / (2 * float64(B)) * dot(W.d, W.d)
					axpy(f, W.d, g.W[l].d)
				}
			}
			tot += loss * float64(B)
			micro++
			if micro%c.accum == 0 {
				if err := tr.step(th, g); err != nil {
					return err
				}
				g.each(func(p []float64, _ int) { clear(p) })
			}
		}
		ep := tot / float64(len(idx))
		if math.IsNaN(ep) || math.IsInf(ep, 0) {
			return runtime.Errorf("%s: the training loss diverged (NaN or infinity) at epoch %d; lower the learning rate", fn, epoch)
		}
		lossCurve = append(lossCurve, ep)
		monitor := ep
		if c.early {
			monitor = mlpLoss(st.nt, X.rows(val), Y, yIdx, val)
			valCurve = append(valCurve, monitor)
		}
		if c.early || c.trainStop {
			if monitor < best-c.tol {
				stall = 0
			} else {
				stall++
			}
			if monitor < best {
				best, bestEpoch = monitor, epoch
				if c.early {
					bestNet = st.nt.copyNet()
				}
			}
			if stall >= c.patience {
				break
			}
		}
	}
	if epoch > c.epochs {
		epoch = c.epochs
	}
	if bestNet != nil {
		st.nt = bestNet
	}
	e.fitted = map[string]runtime.Value{}
	e.state = st
	e.setFit(X)
	e.set("loss_curve_", floatsValue(lossCurve))
	e.set("loss_", runtime.MakeFloat(lossCurve[len(lossCurve)-1]))
	e.set("n_iter_", runtime.MakeInt(int64(epoch)))
	e.set("t_", runtime.MakeInt(int64(tr.t)))
	if c.early {
		e.set("validation_loss_curve_", floatsValue(valCurve))
		e.set("best_epoch_", runtime.MakeInt(int64(bestEpoch)))
	}
	var coefs, inters []runtime.Value
	for l := range st.nt.W {
		coefs = append(coefs, st.nt.W[l].clone().value())
		inters = append(inters, floatsValue(append([]float64(nil), st.nt.b[l]...)))
	}
	e.set("coefs_", runtime.NewList(coefs))
	e.set("intercepts_", runtime.NewList(inters))
	if st.lab != nil {
		e.set("classes_", classesValue(st.lab.classes, st.lab.isInt))
	}
	return nil
}

func (nt *net) copyNet() *net {
	c := &net{act: nt.act, output: nt.output}
	for l := range nt.W {
		c.W = append(c.W, nt.W[l].clone())
		c.b = append(c.b, append([]float64(nil), nt.b[l]...))
	}
	return c
}

// mlpLoss is the mean loss on a held-out set.
func mlpLoss(nt *net, Xv, Y *mat, yIdx, rows []int) float64 {
	A, _ := nt.forward(Xv, nil, nil)
	out := A[len(A)-1]
	loss := 0.0
	for k, i := range rows {
		if Y == nil {
			loss -= math.Log(math.Max(out.at(k, yIdx[i]), 1e-300))
		} else {
			for j := 0; j < out.c; j++ {
				d := out.at(k, j) - Y.at(i, j)
				loss += 0.5 * d * d
			}
		}
	}
	return loss / float64(len(rows))
}

// trainer applies optimizer steps with an optional schedule.
type trainer struct {
	nt   *net
	c    *mlpConfig
	t    int
	m, v *grads
	p    [][]float64 // parameter slices, in grads.each order
}

func newTrainer(nt *net, c *mlpConfig) *trainer {
	tr := &trainer{nt: nt, c: c, m: nt.zeroLike(), v: nt.zeroLike()}
	(&grads{W: nt.W, b: nt.b}).each(func(p []float64, _ int) { tr.p = append(tr.p, p) })
	return tr
}

func (tr *trainer) step(th *runtime.Thread, g *grads) error {
	c := tr.c
	lr, mom, b1 := c.lr, c.mom, c.b1
	if c.sched.IsValid() && !c.sched.IsNone() {
		if s, ok := c.sched.Obj().(*Schedule); ok {
			lr = s.lr(float64(tr.t))
			if s.mom != nil {
				mom = s.mom(float64(tr.t))
				b1 = mom
			}
		} else {
			v, err := runtime.Call(th, c.sched, []runtime.Value{runtime.MakeInt(int64(tr.t))}, nil)
			if err != nil {
				return err
			}
			f, ok := v.ToFloat()
			if !ok {
				return runtime.Errorf("MLP: schedule(step) must return a number, got %s", runtime.TypeName(v))
			}
			lr = f
		}
	}
	tr.t++
	t := float64(tr.t)
	bc := lr * math.Sqrt(1-math.Pow(c.b2, t)) / (1 - math.Pow(b1, t))
	k := 0
	for l := range g.W {
		for half := 0; half < 2; half++ {
			var gr, m, v []float64
			if half == 0 {
				gr, m, v = g.W[l].d, tr.m.W[l].d, tr.v.W[l].d
			} else {
				gr, m, v = g.b[l], tr.m.b[l], tr.v.b[l]
			}
			p := tr.p[k]
			k++
			p = p[:len(gr)]
			m = m[:len(gr)]
			v = v[:len(gr)]
			switch c.opt {
			case "sgd":
				for i, gi := range gr {
					if c.wd > 0 {
						gi += c.wd * p[i]
					}
					m[i] = mom*m[i] - lr*gi
					if c.nesterov {
						p[i] += mom*m[i] - lr*gi
					} else {
						p[i] += m[i]
					}
				}
			default: // adam, adamw
				decay := 1.0
				if c.opt == "adamw" {
					decay = 1 - lr*c.wd
				}
				l2 := 0.0
				if c.opt == "adam" {
					l2 = c.wd
				}
				b2 := c.b2
				i0 := 0
				if haveVec && useKernel && len(gr) >= 4 {
					i0 = len(gr) &^ 3
					k := [8]float64{b1, 1 - b1, b2, 1 - b2, bc, c.eps, l2, decay}
					adam4(&p[0], &gr[0], &m[0], &v[0], i0, &k)
				}
				for i := i0; i < len(gr); i++ {
					gi := gr[i] + l2*p[i]
					mi := b1*m[i] + (1-b1)*gi
					vi := b2*v[i] + (1-b2)*gi*gi
					m[i], v[i] = mi, vi
					p[i] = p[i]*decay - bc*mi/(math.Sqrt(vi)+c.eps)
				}
			}
		}
	}
	return nil
}

// resize makes m a view of r rows within its storage (which must hold
// them).
func resize(m *mat, r int) {
	m.r = r
	m.d = m.d[:r*m.c]
}
