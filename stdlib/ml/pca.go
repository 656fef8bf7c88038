package ml

import (
	"math"
	"math/rand/v2"

	"github.com/sim-lang/sim/runtime"
	gmat "gonum.org/v1/gonum/mat"
)

var _ = register(&spec{name: "PCA", kind: "transformer", params: []param{
	{"n_components", runtime.None}, {"copy", runtime.True}, {"whiten", runtime.False},
	{"svd_solver", runtime.MakeStr("auto")}, {"tol", runtime.MakeFloat(0)},
	{"iterated_power", runtime.MakeStr("auto")}, {"n_oversamples", runtime.MakeInt(10)},
	{"random_state", runtime.None},
}, methods: map[string]method{
	"fit": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		X, _, _, err := argsXy(e, "fit", args, kwargs, false)
		if err != nil {
			return runtime.Value{}, err
		}
		if err := pcaFit(e, X); err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeObj(e), nil
	},
	"transform": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		X, err := e.fittedX("transform", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return pcaTransform(e, X).value(), nil
	},
	"inverse_transform": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if e.state == nil {
			return runtime.Value{}, e.notFitted()
		}
		Z, err := argsX(e, "inverse_transform", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		st := e.state.(*pcaState)
		if Z.c != st.comp.r {
			return runtime.Value{}, runtime.Errorf("PCA.inverse_transform: X has %d features, but PCA has %d components", Z.c, st.comp.r)
		}
		if st.whiten {
			Z = Z.clone()
			for i := 0; i < Z.r; i++ {
				for k := range Z.row(i) {
					Z.row(i)[k] *= math.Sqrt(st.ev[k])
				}
			}
		}
		out := newMat(Z.r, st.comp.c)
		gemm(false, false, 1, Z, st.comp, 0, out)
		for i := 0; i < out.r; i++ {
			for j := range out.row(i) {
				out.row(i)[j] += st.mean[j]
			}
		}
		return out.value(), nil
	},
}}, "decomposition")

type pcaState struct {
	mean   []float64
	comp   *mat // n_components × features
	ev     []float64
	whiten bool
}

// svdFlip makes the largest-magnitude entry of each column of U positive,
// flipping the rows of Vt with it (scikit-learn's svd_flip).
func svdFlip(U, Vt *mat, k int) {
	for c := 0; c < k; c++ {
		bi, bv := 0, -1.0
		for i := 0; i < U.r; i++ {
			if a := math.Abs(U.at(i, c)); a > bv {
				bi, bv = i, a
			}
		}
		if U.at(bi, c) < 0 {
			for i := 0; i < U.r; i++ {
				U.d[i*U.c+c] = -U.d[i*U.c+c]
			}
			for j := range Vt.row(c) {
				Vt.row(c)[j] = -Vt.row(c)[j]
			}
		}
	}
}

// thinSVD returns U (n×r), s (r) and Vt (r×d) of A.
func thinSVD(A *mat) (*mat, []float64, *mat, bool) {
	var svd gmat.SVD
	if !svd.Factorize(gmat.NewDense(A.r, A.c, append([]float64(nil), A.d...)), gmat.SVDThin) {
		return nil, nil, nil, false
	}
	s := svd.Values(nil)
	var u, v gmat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	r := len(s)
	U := newMat(A.r, r)
	for i := 0; i < A.r; i++ {
		for k := 0; k < r; k++ {
			U.d[i*r+k] = u.At(i, k)
		}
	}
	Vt := newMat(r, A.c)
	for k := 0; k < r; k++ {
		for j := 0; j < A.c; j++ {
			Vt.d[k*A.c+j] = v.At(j, k)
		}
	}
	return U, s, Vt, true
}

// orthonormalize returns an orthonormal basis of the columns of Y
// (modified Gram-Schmidt, applied twice for stability).
func orthonormalize(Y *mat) *mat {
	n, k := Y.r, Y.c
	cols := make([][]float64, k)
	for c := range cols {
		v := make([]float64, n)
		for i := 0; i < n; i++ {
			v[i] = Y.d[i*k+c]
		}
		for pass := 0; pass < 2; pass++ {
			for p := 0; p < c; p++ {
				axpy(-dot4(cols[p], v), cols[p], v)
			}
		}
		nv := math.Sqrt(dot4(v, v))
		if nv > 1e-300 {
			for i := range v {
				v[i] /= nv
			}
		}
		cols[c] = v
	}
	out := newMat(n, k)
	for c, v := range cols {
		for i, x := range v {
			out.d[i*k+c] = x
		}
	}
	return out
}

// randomizedSVD is Halko et al.'s randomized SVD with power iterations.
func randomizedSVD(A *mat, k, over, iters int, rng *rand.Rand) (*mat, []float64, *mat, bool) {
	l := min(k+over, min(A.r, A.c))
	Om := newMat(A.c, l)
	for i := range Om.d {
		Om.d[i] = rng.NormFloat64()
	}
	Y := newMat(A.r, l)
	gemm(false, false, 1, A, Om, 0, Y)
	Q := orthonormalize(Y)
	Z := newMat(A.c, l)
	for it := 0; it < iters; it++ {
		gemm(true, false, 1, A, Q, 0, Z)
		Z = orthonormalize(Z)
		gemm(false, false, 1, A, Z, 0, Y)
		Q = orthonormalize(Y)
	}
	B := newMat(l, A.c)
	gemm(true, false, 1, Q, A, 0, B)
	Ub, s, Vt, ok := thinSVD(B)
	if !ok {
		return nil, nil, nil, false
	}
	U := newMat(A.r, Ub.c)
	gemm(false, false, 1, Q, Ub, 0, U)
	return U, s, Vt, true
}

func pcaFit(e *Estimator, X *mat) error {
	n, d := X.r, X.c
	maxK := min(n, d)
	k := maxK
	frac := 0.0
	nc := e.params["n_components"]
	if !nc.IsNone() {
		if nc.Kind() == runtime.FloatKind {
			frac = nc.AsFloat()
			if frac <= 0 || frac >= 1 {
				return runtime.Errorf("PCA: n_components=%v must be between 0 and 1 when a float", frac)
			}
		} else {
			v, err := e.pInt("n_components")
			if err != nil {
				return err
			}
			if v < 0 || v > maxK {
				return runtime.Errorf("PCA: n_components=%d must be between 0 and min(n_samples, n_features)=%d with svd_solver='full'", v, maxK)
			}
			k = v
		}
	}
	solver, err := e.pStr("svd_solver", "auto", "full", "randomized", "arpack")
	if err != nil {
		return err
	}
	if solver == "auto" {
		solver = "full"
		if max(n, d) > 500 && frac == 0 && k < int(0.8*float64(maxK)) {
			solver = "randomized"
		}
	}
	mu := colMeans(X)
	Xc := X.clone()
	total := 0.0
	for i := 0; i < n; i++ {
		r := Xc.row(i)
		for j := range r {
			r[j] -= mu[j]
			total += r[j] * r[j]
		}
	}
	total /= float64(n - 1)
	var U, Vt *mat
	var s []float64
	var ok bool
	if solver == "randomized" || solver == "arpack" {
		rng, err := e.rng()
		if err != nil {
			return err
		}
		iters := 4
		if ip, ok := e.params["iterated_power"].ToInt(); ok {
			iters = int(ip)
		} else if k < maxK/10 {
			iters = 7
		}
		over, _ := e.pInt("n_oversamples")
		U, s, Vt, ok = randomizedSVD(Xc, k, over, iters, rng)
	} else if n >= 2*d {
		U, s, Vt, ok = gramSVD(Xc)
	} else {
		U, s, Vt, ok = thinSVD(Xc)
	}
	if !ok {
		return runtime.Errorf("PCA: SVD did not converge")
	}
	svdFlip(U, Vt, len(s))
	ev := make([]float64, len(s))
	for i, v := range s {
		ev[i] = v * v / float64(n-1)
	}
	if frac > 0 {
		c := 0.0
		k = len(s)
		for i, v := range ev {
			c += v / total
			if c >= frac-1e-12 {
				k = i + 1
				break
			}
		}
	}
	k = min(k, len(s))
	comp := &mat{k, d, append([]float64(nil), Vt.d[:k*d]...)}
	ratio := make([]float64, k)
	for i := range ratio {
		ratio[i] = ev[i] / total
	}
	noise := 0.0
	if k < maxK {
		rest := total
		for _, v := range ev[:k] {
			rest -= v
		}
		noise = rest / float64(maxK-k)
	}
	e.fitted = map[string]runtime.Value{}
	e.state = &pcaState{mean: mu, comp: comp, ev: ev[:k], whiten: e.pBool("whiten")}
	e.setFit(X)
	e.set("components_", comp.clone().value())
	e.set("explained_variance_", floatsValue(append([]float64(nil), ev[:k]...)))
	e.set("explained_variance_ratio_", floatsValue(ratio))
	e.set("singular_values_", floatsValue(append([]float64(nil), s[:k]...)))
	e.set("mean_", floatsValue(append([]float64(nil), mu...)))
	e.set("n_components_", runtime.MakeInt(int64(k)))
	e.set("n_samples_", runtime.MakeInt(int64(n)))
	e.set("noise_variance_", runtime.MakeFloat(noise))
	return nil
}

func pcaTransform(e *Estimator, X *mat) *mat {
	st := e.state.(*pcaState)
	Xc := X.clone()
	for i := 0; i < Xc.r; i++ {
		r := Xc.row(i)
		for j := range r {
			r[j] -= st.mean[j]
		}
	}
	out := newMat(X.r, st.comp.r)
	gemm(false, true, 1, Xc, st.comp, 0, out)
	if st.whiten {
		for i := 0; i < out.r; i++ {
			for k := range out.row(i) {
				out.row(i)[k] /= math.Sqrt(st.ev[k])
			}
		}
	}
	return out
}

// gramSVD returns the thin SVD of a tall A through the eigenvectors of
// AᵀA (one d×d eigenproblem instead of an n×d SVD): V from the
// eigenvectors, s from the eigenvalues, U = A V / s.
func gramSVD(A *mat) (*mat, []float64, *mat, bool) {
	d := A.c
	G := newMat(d, d)
	gemm(true, false, 1, A, A, 0, G)
	var eig gmat.EigenSym
	if !eig.Factorize(gmat.NewSymDense(d, G.d), true) {
		return nil, nil, nil, false
	}
	vals := eig.Values(nil)
	var vecs gmat.Dense
	eig.VectorsTo(&vecs)
	// eigenvalues come in ascending order: reverse to descending
	s := make([]float64, d)
	Vt := newMat(d, d)
	for k := 0; k < d; k++ {
		src := d - 1 - k
		s[k] = math.Sqrt(math.Max(vals[src], 0))
		for j := 0; j < d; j++ {
			Vt.d[k*d+j] = vecs.At(j, src)
		}
	}
	U := newMat(A.r, d)
	gemm(false, true, 1, A, Vt, 0, U)
	for i := 0; i < A.r; i++ {
		r := U.row(i)
		for k := range r {
			if s[k] > 0 {
				r[k] /= s[k]
			}
		}
	}
	return U, s, Vt, true
}
