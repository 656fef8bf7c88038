package ml

import (
	"math"

	"github.com/sim-lang/sim/runtime"
	gmat "gonum.org/v1/gonum/mat"
)

// RidgeClassifier: ridge regression on targets ±1, one column per class
// (one column for two classes), predicting the class of the largest
// decision value.
var _ = register(&spec{name: "RidgeClassifier", kind: "classifier", params: []param{
	{"alpha", runtime.MakeFloat(1)}, {"fit_intercept", runtime.True}, {"copy_X", runtime.True},
	{"max_iter", runtime.None}, {"tol", runtime.MakeFloat(1e-4)}, {"class_weight", runtime.None},
	{"solver", runtime.MakeStr("auto")}, {"positive", runtime.False}, {"random_state", runtime.None},
}, weighted: true, methods: withDecision(ridgeClfMethods(), func(e *Estimator) *linState { return e.state.(*clfState).model.(*linState) })}, "linear_model")

func ridgeClfMethods() map[string]method {
	m := classifierMethods(ridgeClfFit, nil)
	m["predict"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		X, err := e.fittedX("predict", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		st := e.state.(*clfState)
		Z := st.model.(*linState).decision(X)
		idx := make([]int, Z.r)
		if Z.c == 1 {
			for i, v := range Z.d {
				if v > 0 {
					idx[i] = 1
				}
			}
		} else {
			idx = argmaxRows(Z)
		}
		return st.lab.decode(idx), nil
	}
	return m
}

// ridgeClfFit solves the ridge problem with each sample's squared
// residual weighted by its sample weight times its class weight.
func ridgeClfFit(e *Estimator, X *mat, l *labels, sw []float64) (any, error) {
	alpha, err := e.pFloat("alpha")
	if err != nil {
		return nil, err
	}
	if alpha < 0 {
		return nil, runtime.Errorf("RidgeClassifier: alpha must be >= 0, got %g", alpha)
	}
	cw, err := classWeightTable(e, l)
	if err != nil {
		return nil, err
	}
	sw = mulWeights(sampleWeights(l.idx, cw), sw)
	if e.pBool("positive") {
		return nil, runtime.Errorf("RidgeClassifier: positive=True is not supported")
	}
	K := len(l.classes)
	cols := K
	if K == 2 {
		cols = 1
	}
	// targets: +1 for the column's class, −1 otherwise, centered with X
	fitB := e.pBool("fit_intercept")
	n, d := X.r, X.c
	Y := newMat(n, cols)
	for i, c := range l.idx {
		for k := 0; k < cols; k++ {
			Y.d[i*cols+k] = -1
			if (cols == 1 && c == 1) || (cols > 1 && c == k) {
				Y.d[i*cols+k] = 1
			}
		}
	}
	Xc, _, mu, _ := centered(X, make([]float64, n), sw, fitB)
	ym := make([]float64, cols)
	if fitB {
		tot := 0.0
		for i := 0; i < n; i++ {
			wi := 1.0
			if sw != nil {
				wi = sw[i]
			}
			tot += wi
			for k, v := range Y.row(i) {
				ym[k] += wi * v
			}
		}
		for k := range ym {
			ym[k] /= tot
		}
	}
	for i := 0; i < n; i++ {
		s := 1.0
		if sw != nil {
			s = math.Sqrt(sw[i])
		}
		for k := range Y.row(i) {
			Y.row(i)[k] = (Y.row(i)[k] - ym[k]) * s
		}
	}
	A := newMat(d, d)
	gemm(true, false, 1, Xc, Xc, 0, A)
	for j := 0; j < d; j++ {
		A.d[j*d+j] += alpha
	}
	B := newMat(d, cols)
	gemm(true, false, 1, Xc, Y, 0, B)
	var ch gmat.Cholesky
	if !ch.Factorize(gmat.NewSymDense(d, A.d)) {
		return nil, runtime.Errorf("RidgeClassifier: singular matrix (use alpha > 0)")
	}
	var W gmat.Dense
	if err := ch.SolveTo(&W, gmat.NewDense(d, cols, B.d)); err != nil {
		return nil, runtime.Errorf("RidgeClassifier: %v", err)
	}
	coef := newMat(cols, d)
	icpt := make([]float64, cols)
	for k := 0; k < cols; k++ {
		icpt[k] = ym[k]
		for j := 0; j < d; j++ {
			coef.d[k*d+j] = W.At(j, k)
			icpt[k] -= W.At(j, k) * mu[j]
		}
	}
	e.set("coef_", coef.clone().value())
	e.set("intercept_", floatsValue(append([]float64(nil), icpt...)))
	return &linState{coef: coef, intercept: icpt}, nil
}
