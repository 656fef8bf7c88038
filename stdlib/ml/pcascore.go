package ml

import (
	"math"

	"github.com/sim-lang/sim/runtime"
	gmat "gonum.org/v1/gonum/mat"
)

// PCA's probabilistic model (Tipping & Bishop): get_covariance,
// get_precision, score_samples and score, as scikit-learn defines them.
func init() {
	m := specs["PCA"].methods
	m["get_covariance"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("PCA.get_covariance", args, kwargs); err != nil {
			return runtime.Value{}, err
		}
		if e.state == nil {
			return runtime.Value{}, e.notFitted()
		}
		return pcaCovariance(e).value(), nil
	}
	m["get_precision"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("PCA.get_precision", args, kwargs); err != nil {
			return runtime.Value{}, err
		}
		if e.state == nil {
			return runtime.Value{}, e.notFitted()
		}
		P, _, err := pcaPrecision(e)
		if err != nil {
			return runtime.Value{}, err
		}
		return P.value(), nil
	}
	m["score_samples"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		X, err := e.fittedX("score_samples", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		ll, err := pcaLogLik(e, X)
		if err != nil {
			return runtime.Value{}, err
		}
		return floatsValue(ll), nil
	}
	m["score"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if e.state == nil {
			return runtime.Value{}, e.notFitted()
		}
		X, _, _, err := argsXy(e, "score", args, kwargs, false)
		if err != nil {
			return runtime.Value{}, err
		}
		if err := e.checkFeatures("score", X); err != nil {
			return runtime.Value{}, err
		}
		ll, err := pcaLogLik(e, X)
		if err != nil {
			return runtime.Value{}, err
		}
		s := 0.0
		for _, v := range ll {
			s += v
		}
		return runtime.MakeFloat(s / float64(len(ll))), nil
	}
}

// pcaCovariance is components_ᵀ·diag(max(explained_variance_ −
// noise_variance_, 0))·components_ + noise_variance_·I (components
// scaled by √explained_variance_ first when whitening, as scikit-learn
// does).
func pcaCovariance(e *Estimator) *mat {
	st := e.state.(*pcaState)
	noise, _ := e.fitted["noise_variance_"].ToFloat()
	k, d := st.comp.r, st.comp.c
	W := st.comp.clone()
	for r := 0; r < k; r++ {
		s := math.Max(st.ev[r]-noise, 0)
		if st.whiten {
			s *= st.ev[r]
		}
		for j := range W.row(r) {
			W.row(r)[j] *= s
		}
	}
	C := newMat(d, d)
	gemm(true, false, 1, W, st.comp, 0, C)
	for j := 0; j < d; j++ {
		C.d[j*d+j] += noise
	}
	return C
}

// pcaPrecision inverts the covariance and returns its log-determinant.
func pcaPrecision(e *Estimator) (*mat, float64, error) {
	C := pcaCovariance(e)
	d := C.r
	sym := gmat.NewSymDense(d, nil)
	for i := 0; i < d; i++ {
		for j := i; j < d; j++ {
			sym.SetSym(i, j, 0.5*(C.at(i, j)+C.at(j, i)))
		}
	}
	var ch gmat.Cholesky
	if !ch.Factorize(sym) {
		return nil, 0, runtime.Errorf("PCA: the model's covariance is singular (noise_variance_ is %g); score needs fewer components than features or data of full rank", e.fitted["noise_variance_"].AsFloat())
	}
	var inv gmat.SymDense
	if err := ch.InverseTo(&inv); err != nil {
		return nil, 0, runtime.Errorf("PCA: %v", err)
	}
	P := newMat(d, d)
	for i := 0; i < d; i++ {
		for j := 0; j < d; j++ {
			P.d[i*d+j] = inv.At(i, j)
		}
	}
	return P, ch.LogDet(), nil
}

// pcaLogLik is the log-likelihood of each sample under the model:
// −½ xᵀPx − ½(d·log 2π + log det C) with x centred.
func pcaLogLik(e *Estimator, X *mat) ([]float64, error) {
	st := e.state.(*pcaState)
	P, logDet, err := pcaPrecision(e)
	if err != nil {
		return nil, err
	}
	Xc := X.clone()
	for i := 0; i < Xc.r; i++ {
		for j := range Xc.row(i) {
			Xc.row(i)[j] -= st.mean[j]
		}
	}
	XP := newMat(X.r, X.c)
	gemm(false, false, 1, Xc, P, 0, XP)
	c := 0.5 * (float64(X.c)*math.Log(2*math.Pi) + logDet)
	out := make([]float64, X.r)
	for i := range out {
		out[i] = -0.5*dot(Xc.row(i), XP.row(i)) - c
	}
	return out, nil
}
