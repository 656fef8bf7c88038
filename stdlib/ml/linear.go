package ml

import (
	"math"

	"github.com/sim-lang/sim/internal/vmath"
	"github.com/sim-lang/sim/runtime"
	gmat "gonum.org/v1/gonum/mat"
)

// linState is a fitted linear model: coef (outputs × features) and
// intercepts.
type linState struct {
	coef      *mat
	intercept []float64
}

func (s *linState) decision(X *mat) *mat {
	Z := newMat(X.r, s.coef.r)
	gemm(false, true, 1, X, s.coef, 0, Z)
	for i := 0; i < Z.r; i++ {
		for k := range Z.row(i) {
			Z.row(i)[k] += s.intercept[k]
		}
	}
	return Z
}

// regressorMethods builds fit/predict for a least-squares regressor.
// The weights w (nil: none) multiply each sample's squared residual.
func regressorMethods(fit func(e *Estimator, X *mat, y, w []float64) (*linState, error)) map[string]method {
	return map[string]method{
		"fit": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, y, _, w, err := argsXyw(e, "fit", args, kwargs, true)
			if err != nil {
				return runtime.Value{}, err
			}
			st, err := fit(e, X, y, w)
			if err != nil {
				return runtime.Value{}, err
			}
			e.fitted = map[string]runtime.Value{}
			e.state = st
			e.setFit(X)
			e.set("coef_", floatsValue(append([]float64(nil), st.coef.d...)))
			e.set("intercept_", runtime.MakeFloat(st.intercept[0]))
			return runtime.MakeObj(e), nil
		},
		"predict": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, err := e.fittedX("predict", args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			return floatsValue(e.state.(*linState).decision(X).d), nil
		},
	}
}

// centered returns X and y minus their means (when fitIntercept), the
// means weighted by w when given; each centered row is then scaled by
// √wᵢ, so that least squares on the result minimizes Σ wᵢ·residualᵢ²
// (scikit-learn's _preprocess_data and _rescale_data).
func centered(X *mat, y, w []float64, fitIntercept bool) (*mat, []float64, []float64, float64) {
	mu := make([]float64, X.c)
	ym := 0.0
	if fitIntercept {
		mu, ym = weightedMeans(X, y, w)
	}
	Xc := X.clone()
	yc := make([]float64, len(y))
	for i := 0; i < X.r; i++ {
		s := 1.0
		if w != nil {
			s = math.Sqrt(w[i])
		}
		r := Xc.row(i)
		for j := range r {
			r[j] = (r[j] - mu[j]) * s
		}
		yc[i] = (y[i] - ym) * s
	}
	return Xc, yc, mu, ym
}

// weightedMeans returns the column means of X and the mean of y,
// weighted by w (nil: plain means).
func weightedMeans(X *mat, y, w []float64) ([]float64, float64) {
	if w == nil {
		ym := 0.0
		for _, v := range y {
			ym += v
		}
		return colMeans(X), ym / float64(len(y))
	}
	mu := make([]float64, X.c)
	ym, sw := 0.0, 0.0
	for i := 0; i < X.r; i++ {
		axpy(w[i], X.row(i), mu)
		ym += w[i] * y[i]
		sw += w[i]
	}
	for j := range mu {
		mu[j] /= sw
	}
	return mu, ym / sw
}

func finish(w, mu []float64, ym float64) *linState {
	b := ym
	for j := range w {
		b -= w[j] * mu[j]
	}
	return &linState{coef: &mat{1, len(w), w}, intercept: []float64{b}}
}

var (
	_ = register(&spec{name: "LinearRegression", kind: "regressor", params: []param{
		{"fit_intercept", runtime.True}, {"copy_X", runtime.True}, {"n_jobs", runtime.None}, {"positive", runtime.False},
	}, weighted: true, methods: regressorMethods(func(e *Estimator, X *mat, y, sw []float64) (*linState, error) {
		if err := nonNegative("LinearRegression.fit", sw); err != nil {
			return nil, err
		}
		Xc, yc, mu, ym := centered(X, y, sw, e.pBool("fit_intercept"))
		U, s, Vt, ok := thinSVD(Xc)
		if !ok {
			return nil, runtime.Errorf("LinearRegression: SVD did not converge")
		}
		// w = V diag(1/s) U^T y, ignoring tiny singular values (lstsq)
		cut := 1e-12 * s[0] * float64(max(X.r, X.c))
		w := make([]float64, X.c)
		for k, sk := range s {
			if sk <= cut {
				continue
			}
			c := 0.0
			for i := 0; i < U.r; i++ {
				c += U.at(i, k) * yc[i]
			}
			c /= sk
			for j := range w {
				w[j] += c * Vt.at(k, j)
			}
		}
		e.set("singular_", floatsValue(s))
		return finish(w, mu, ym), nil
	})}, "linear_model")

	_ = register(&spec{name: "Ridge", kind: "regressor", params: []param{
		{"alpha", runtime.MakeFloat(1)}, {"fit_intercept", runtime.True}, {"copy_X", runtime.True},
		{"max_iter", runtime.None}, {"tol", runtime.MakeFloat(1e-4)}, {"solver", runtime.MakeStr("auto")},
		{"positive", runtime.False}, {"random_state", runtime.None},
	}, weighted: true, methods: regressorMethods(func(e *Estimator, X *mat, y, sw []float64) (*linState, error) {
		alpha, err := e.pFloat("alpha")
		if err != nil {
			return nil, err
		}
		if alpha < 0 {
			return nil, runtime.Errorf("Ridge: alpha must be >= 0, got %g", alpha)
		}
		Xc, yc, mu, ym := centered(X, y, sw, e.pBool("fit_intercept"))
		A := newMat(X.c, X.c)
		gemm(true, false, 1, Xc, Xc, 0, A)
		for j := 0; j < X.c; j++ {
			A.d[j*X.c+j] += alpha
		}
		b := make([]float64, X.c)
		for i := 0; i < X.r; i++ {
			axpy(yc[i], Xc.row(i), b)
		}
		var ch gmat.Cholesky
		if !ch.Factorize(gmat.NewSymDense(X.c, A.d)) {
			return nil, runtime.Errorf("Ridge: singular matrix (use alpha > 0)")
		}
		var w gmat.VecDense
		if err := ch.SolveVecTo(&w, gmat.NewVecDense(X.c, b)); err != nil {
			return nil, runtime.Errorf("Ridge: %v", err)
		}
		return finish(append([]float64(nil), w.RawVector().Data...), mu, ym), nil
	})}, "linear_model")
)

// ---- logistic regression ----

// clfState is a fitted classifier: its labels and a model.
type clfState struct {
	lab   *labels
	model any
}

// classifierMethods builds fit/predict/predict_proba/predict_log_proba
// for a probabilistic classifier. fit gets the sample weights (nil: none;
// only estimators whose spec is weighted ever get any).
func classifierMethods(fit func(e *Estimator, X *mat, l *labels, w []float64) (any, error), proba func(e *Estimator, X *mat) *mat) map[string]method {
	m := map[string]method{
		"fit": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, y, isInt, w, err := argsXyw(e, "fit", args, kwargs, true)
			if err != nil {
				return runtime.Value{}, err
			}
			l := encode(y, isInt)
			if len(l.classes) < 2 {
				return runtime.Value{}, runtime.Errorf("%s.fit: This solver needs samples of at least 2 classes in the data, but the data contains only one class: %g", e.spec.name, l.classes[0])
			}
			e.fitted = map[string]runtime.Value{}
			model, err := fit(e, X, l, w)
			if err != nil {
				return runtime.Value{}, err
			}
			e.state = &clfState{lab: l, model: model}
			e.setFit(X)
			e.set("classes_", classesValue(l.classes, l.isInt))
			return runtime.MakeObj(e), nil
		},
		"predict": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, err := e.fittedX("predict", args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			return e.state.(*clfState).lab.decode(argmaxRows(proba(e, X))), nil
		},
	}
	if proba != nil {
		m["predict_proba"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, err := e.fittedX("predict_proba", args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			return proba(e, X).value(), nil
		}
		m["predict_log_proba"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, err := e.fittedX("predict_log_proba", args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			P := proba(e, X)
			for k, v := range P.d {
				P.d[k] = math.Log(v)
			}
			return P.value(), nil
		}
	}
	return m
}

func argmaxRows(P *mat) []int {
	out := make([]int, P.r)
	for i := 0; i < P.r; i++ {
		b, bv := 0, math.Inf(-1)
		for k, v := range P.row(i) {
			if v > bv {
				b, bv = k, v
			}
		}
		out[i] = b
	}
	return out
}

// classWeights returns per-sample weights for class_weight (nil: none).
func classWeights(e *Estimator, l *labels) ([]float64, error) {
	v := e.params["class_weight"]
	if !v.IsValid() || v.IsNone() {
		return nil, nil
	}
	if s, ok := runtime.AsString(v); !ok || s != "balanced" {
		return nil, runtime.Errorf("%s: class_weight must be None or 'balanced'", e.spec.name)
	}
	cnt := make([]float64, len(l.classes))
	for _, c := range l.idx {
		cnt[c]++
	}
	w := make([]float64, len(l.idx))
	for i, c := range l.idx {
		w[i] = float64(len(l.idx)) / (float64(len(cnt)) * cnt[c])
	}
	return w, nil
}

func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	ex := math.Exp(x)
	return ex / (1 + ex)
}

func softplus(x float64) float64 {
	if x > 30 {
		return x
	}
	return math.Log1p(math.Exp(x))
}

// softmaxRows applies a softmax to each row in place (the exponentials
// of the whole matrix in one vmath.Exp call).
func softmaxRows(Z *mat) {
	for i := 0; i < Z.r; i++ {
		z := Z.row(i)
		mx := math.Inf(-1)
		for _, v := range z {
			mx = max(mx, v)
		}
		for k := range z {
			z[k] -= mx
		}
	}
	vmath.Exp(Z.d, Z.d)
	for i := 0; i < Z.r; i++ {
		z := Z.row(i)
		s := 0.0
		for _, v := range z {
			s += v
		}
		for k := range z {
			z[k] /= s
		}
	}
}
