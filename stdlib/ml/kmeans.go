package ml

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/sim-lang/sim/runtime"
)

var (
	_ = register(&spec{name: "KMeans", kind: "cluster", params: []param{
		{"n_clusters", runtime.MakeInt(8)}, {"init", runtime.MakeStr("k-means++")},
		{"n_init", runtime.MakeInt(10)}, {"max_iter", runtime.MakeInt(300)},
		{"tol", runtime.MakeFloat(1e-4)}, {"verbose", runtime.MakeInt(0)},
		{"random_state", runtime.None}, {"copy_x", runtime.True}, {"algorithm", runtime.MakeStr("lloyd")},
	}, weighted: true, methods: kmeansMethods(false)}, "cluster")
	_ = register(&spec{name: "MiniBatchKMeans", kind: "cluster", params: []param{
		{"n_clusters", runtime.MakeInt(8)}, {"init", runtime.MakeStr("k-means++")},
		{"max_iter", runtime.MakeInt(100)}, {"batch_size", runtime.MakeInt(1024)},
		{"verbose", runtime.MakeInt(0)}, {"compute_labels", runtime.True},
		{"random_state", runtime.None}, {"tol", runtime.MakeFloat(0)},
		{"max_no_improvement", runtime.MakeInt(10)}, {"init_size", runtime.None},
		{"n_init", runtime.MakeInt(3)}, {"reassignment_ratio", runtime.MakeFloat(0.01)},
	}, weighted: true, methods: kmeansMethods(true)}, "cluster")
)

// kmState is a fitted k-means model.
type kmState struct{ centers *mat }

func kmeansMethods(mini bool) map[string]method {
	return map[string]method{
		"fit": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, _, _, w, err := argsXyw(e, "fit", args, kwargs, false)
			if err != nil {
				return runtime.Value{}, err
			}
			if err := kmeansFit(e, X, w, mini); err != nil {
				return runtime.Value{}, err
			}
			return runtime.MakeObj(e), nil
		},
		"predict": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, err := e.fittedX("predict", args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			lab, _ := assign(X, e.state.(*kmState).centers, nil, nil)
			return intsValue(lab), nil
		},
		"transform": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, err := e.fittedX("transform", args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			C := e.state.(*kmState).centers
			D := newMat(X.r, C.r)
			sqDist(X, C, rowNorms(X), rowNorms(C), D)
			for k, v := range D.d {
				D.d[k] = math.Sqrt(v)
			}
			return D.value(), nil
		},
		"score": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, _, _, w, err := argsXyw(e, "score", args, kwargs, false)
			if err != nil {
				return runtime.Value{}, err
			}
			if err := e.checkFeatures("score", X); err != nil {
				return runtime.Value{}, err
			}
			_, in := assign(X, e.state.(*kmState).centers, nil, w)
			return runtime.MakeFloat(-in), nil
		},
	}
}

// fittedX reads X for a method of a fitted estimator.
func (e *Estimator) fittedX(meth string, args []runtime.Value, kwargs []runtime.Kwarg) (*mat, error) {
	if e.state == nil {
		return nil, e.notFitted()
	}
	X, err := argsX(e, meth, args, kwargs)
	if err != nil {
		return nil, err
	}
	return X, e.checkFeatures(meth, X)
}

// kmeansFit runs n_init k-means fits and keeps the one of least inertia.
// Sample weights w (nil: none) weight each point in the centre means and
// the inertia; as in scikit-learn 1.2, the initialization, the centering
// and the tolerance ignore them.
func kmeansFit(e *Estimator, X *mat, w []float64, mini bool) error {
	k, err := e.pInt("n_clusters")
	if err != nil {
		return err
	}
	if k < 1 {
		return runtime.Errorf("%s: n_clusters should be >= 1, got %d", e.spec.name, k)
	}
	if X.r < k {
		return runtime.Errorf("%s: n_samples=%d should be >= n_clusters=%d.", e.spec.name, X.r, k)
	}
	nInit, err := e.pInt("n_init")
	if err != nil {
		return err
	}
	maxIter, err := e.pInt("max_iter")
	if err != nil {
		return err
	}
	tol, err := e.pFloat("tol")
	if err != nil {
		return err
	}
	if nInit < 1 || maxIter < 1 {
		return runtime.Errorf("%s: n_init and max_iter must be >= 1", e.spec.name)
	}
	rng, err := e.rng()
	if err != nil {
		return err
	}
	algo := "lloyd"
	if !mini {
		if algo, err = e.pStr("algorithm", "lloyd", "elkan", "auto", "full"); err != nil {
			return err
		}
		if algo == "auto" {
			algo = "elkan"
		}
	}
	var initC *mat
	initName := "k-means++"
	if s, ok := runtime.AsString(e.params["init"]); ok {
		if s != "k-means++" && s != "random" {
			return runtime.Errorf("%s: init should be either 'k-means++', 'random' or an array, got '%s'", e.spec.name, s)
		}
		initName = s
	} else {
		if initC, err = toMat(e.spec.name, e.params["init"], false); err != nil {
			return err
		}
		if initC.r != k || initC.c != X.c {
			return runtime.Errorf("%s: The shape of the initial centers (%d, %d) does not match the number of clusters %d and features %d", e.spec.name, initC.r, initC.c, k, X.c)
		}
		nInit = 1
	}
	// center the data for precision, as scikit-learn does
	mu := colMeans(X)
	Xc := X.clone()
	for i := 0; i < Xc.r; i++ {
		r := Xc.row(i)
		for j := range r {
			r[j] -= mu[j]
		}
	}
	vars := colVars(Xc, make([]float64, X.c))
	mv := 0.0
	for _, v := range vars {
		mv += v
	}
	tol *= mv / float64(X.c)
	xn := rowNorms(Xc)
	var pXt *packedB // X packed once for every product with centres
	if haveFMA && useKernel {
		pXt = packRight(Xc, true)
	}
	var best *mat
	var bestLab []int
	bestIn, bestIter := math.Inf(1), 0
	for run := 0; run < nInit; run++ {
		var C *mat
		switch {
		case initC != nil:
			C = initC.clone()
			for i := 0; i < C.r; i++ {
				for j := range C.row(i) {
					C.row(i)[j] -= mu[j]
				}
			}
		case initName == "random":
			C = Xc.rows(rng.Perm(X.r)[:k])
		default:
			C = kmeansPP(Xc, xn, k, rng, pXt)
		}
		var lab []int
		var in float64
		var it int
		if mini {
			C, lab, in, it, err = miniBatch(e, Xc, C, w, rng)
			if err != nil {
				return err
			}
		} else if algo == "elkan" {
			C, lab, in, it = elkan(Xc, C, w, maxIter, tol)
		} else {
			C, lab, in, it = lloyd(Xc, xn, C, w, maxIter, tol, pXt)
		}
		if in < bestIn {
			best, bestLab, bestIn, bestIter = C, lab, in, it
		}
	}
	for i := 0; i < best.r; i++ {
		r := best.row(i)
		for j := range r {
			r[j] += mu[j]
		}
	}
	e.fitted = map[string]runtime.Value{}
	e.state = &kmState{centers: best}
	e.setFit(X)
	e.set("cluster_centers_", best.clone().value())
	e.set("labels_", intsValue(bestLab))
	e.set("inertia_", runtime.MakeFloat(bestIn))
	e.set("n_iter_", runtime.MakeInt(int64(bestIter)))
	return nil
}

// kmeansPP picks k centers by greedy k-means++ (2 + log k local trials,
// as scikit-learn).
func kmeansPP(X *mat, xn []float64, k int, rng *rand.Rand, pXt *packedB) *mat {
	n := X.r
	C := newMat(k, X.c)
	trials := 2 + int(math.Log(float64(k)))
	first := rng.IntN(n)
	copy(C.row(0), X.row(first))
	closest := make([]float64, n)
	one := newMat(1, X.c)
	prod := newMat(1, n)
	rowDist := func(i int, out []float64) {
		xi := X.row(i)
		if pXt != nil {
			copy(one.d, xi)
			prod.d = out
			gemmPacked(false, -2, one, pXt, 0, prod)
			for j := range out {
				out[j] = math.Max(xn[i]+xn[j]+out[j], 0)
			}
		} else {
			for j := 0; j < n; j++ {
				out[j] = math.Max(xn[i]+xn[j]-2*dot4(xi, X.row(j)), 0)
			}
		}
		out[i] = 0
	}
	rowDist(first, closest)
	pot := 0.0
	for _, v := range closest {
		pot += v
	}
	cum := make([]float64, n)
	cand := make([][]float64, trials)
	for t := range cand {
		cand[t] = make([]float64, n)
	}
	for c := 1; c < k; c++ {
		s := 0.0
		for i, v := range closest {
			s += v
			cum[i] = s
		}
		bestPot, bestID, bestT := math.Inf(1), 0, 0
		for t := 0; t < trials; t++ {
			r := rng.Float64() * pot
			id := sort.SearchFloat64s(cum, r)
			if id >= n {
				id = n - 1
			}
			rowDist(id, cand[t])
			p := 0.0
			for i, v := range cand[t] {
				p += math.Min(v, closest[i])
			}
			if p < bestPot {
				bestPot, bestID, bestT = p, id, t
			}
		}
		for i, v := range cand[bestT] {
			closest[i] = math.Min(v, closest[i])
		}
		pot = bestPot
		copy(C.row(c), X.row(bestID))
	}
	return C
}

// assign returns the nearest center of each row and the inertia
// (weighted by w unless nil).
func assign(X, C *mat, xn, w []float64) ([]int, float64) {
	if xn == nil {
		xn = rowNorms(X)
	}
	D := newMat(X.r, C.r)
	gemm(false, true, -2, X, C, 0, D)
	cn := rowNorms(C)
	lab := make([]int, X.r)
	in := 0.0
	for i := 0; i < X.r; i++ {
		r := D.row(i)
		b, bd := 0, math.Inf(1)
		for j, v := range r {
			if v += cn[j]; v < bd {
				b, bd = j, v
			}
		}
		lab[i] = b
		in += wt(w, i) * math.Max(bd+xn[i], 0)
	}
	return lab, in
}

// wt is the weight of sample i (1 when w is nil).
func wt(w []float64, i int) float64 {
	if w == nil {
		return 1
	}
	return w[i]
}

// lloyd runs Lloyd iterations with GEMM distances; each centre moves to
// the (w-weighted) mean of its points.
func lloyd(X *mat, xn []float64, C *mat, w []float64, maxIter int, tol float64, pXt *packedB) (*mat, []int, float64, int) {
	k := C.r
	prev := make([]int, X.r)
	for i := range prev {
		prev[i] = -1
	}
	counts := make([]float64, k)
	newC := newMat(k, X.c)
	var lab []int
	it := 0
	strict := false
	for it = 1; it <= maxIter; it++ {
		lab, _ = assignPacked(X, C, xn, nil, pXt)
		for j := range newC.d {
			newC.d[j] = 0
		}
		for j := range counts {
			counts[j] = 0
		}
		for i, l := range lab {
			if w == nil {
				counts[l]++
				addTo(newC.row(l), X.row(i))
			} else {
				counts[l] += w[i]
				axpy(w[i], X.row(i), newC.row(l))
			}
		}
		relocateEmpty(X, C, lab, w, counts, newC)
		shift := 0.0
		for c := 0; c < k; c++ {
			r := newC.row(c)
			for f := range r {
				if counts[c] > 0 {
					r[f] /= counts[c]
				}
				d := r[f] - C.at(c, f)
				shift += d * d
			}
		}
		C, newC = newC, C
		same := true
		for i := range lab {
			if lab[i] != prev[i] {
				same = false
				break
			}
		}
		if same {
			strict = true
			break
		}
		copy(prev, lab)
		if shift <= tol {
			break
		}
	}
	if it > maxIter {
		it = maxIter
	}
	lab, in := assignPacked(X, C, xn, w, pXt)
	_ = strict
	return C, lab, in, it
}

// relocateEmpty moves empty clusters (of no weight) to the points
// farthest from their centers (as scikit-learn does); sums and counts are
// the weighted sums and weights of the clusters.
func relocateEmpty(X, C *mat, lab []int, w, counts []float64, sums *mat) {
	var empty []int
	for c, n := range counts {
		if n == 0 {
			empty = append(empty, c)
		}
	}
	if len(empty) == 0 {
		return
	}
	d := make([]float64, X.r)
	idx := make([]int, X.r)
	for i := range d {
		s := 0.0
		for f, x := range X.row(i) {
			v := x - C.at(lab[i], f)
			s += v * v
		}
		d[i], idx[i] = s, i
	}
	sort.SliceStable(idx, func(a, b int) bool { return d[idx[a]] > d[idx[b]] })
	for k, c := range empty {
		i := idx[k]
		old := lab[i]
		wi := wt(w, i)
		for f, x := range X.row(i) {
			sums.row(old)[f] -= wi * x
			sums.row(c)[f] = wi * x
		}
		counts[old] -= wi
		counts[c] = wi
		lab[i] = c
	}
}

// miniBatch runs mini-batch k-means updates (per-center learning rates
// 1/count) and returns the centers and full-data labels and inertia.
func miniBatch(e *Estimator, X, C *mat, w []float64, rng *rand.Rand) (*mat, []int, float64, int, error) {
	bs, err := e.pInt("batch_size")
	if err != nil {
		return nil, nil, 0, 0, err
	}
	maxIter, _ := e.pInt("max_iter")
	noImp, _ := e.pInt("max_no_improvement")
	bs = max(1, min(bs, X.r))
	steps := maxIter * X.r / bs
	counts := make([]float64, C.r)
	batch := newMat(bs, X.c)
	var bw []float64 // the batch's weights
	if w != nil {
		bw = make([]float64, bs)
	}
	bestEwa, ewa, stall := math.Inf(1), -1.0, 0
	step := 0
	for step = 1; step <= steps; step++ {
		for b := 0; b < bs; b++ {
			i := rng.IntN(X.r)
			copy(batch.row(b), X.row(i))
			if bw != nil {
				bw[b] = w[i]
			}
		}
		lab, in := assign(batch, C, nil, bw)
		for b, l := range lab {
			wb := wt(bw, b)
			counts[l] += wb
			if counts[l] <= 0 {
				continue
			}
			eta := wb / counts[l]
			r := C.row(l)
			for f, x := range batch.row(b) {
				r[f] += eta * (x - r[f])
			}
		}
		in /= float64(bs)
		if ewa < 0 {
			ewa = in
		} else {
			a := math.Min(1, 2*float64(bs)/float64(X.r+1))
			ewa = ewa*(1-a) + in*a
		}
		if ewa < bestEwa {
			bestEwa, stall = ewa, 0
		} else if stall++; noImp > 0 && stall >= noImp {
			break
		}
	}
	lab, in := assign(X, C, nil, w)
	return C, lab, in, min(step, steps), nil
}

// assignPacked is assign with X packed once (the centres times Xᵀ).
func assignPacked(X, C *mat, xn, w []float64, pXt *packedB) ([]int, float64) {
	if pXt == nil {
		return assign(X, C, xn, w)
	}
	n, k := X.r, C.r
	Dt := newMat(k, n)
	gemmPacked(false, -2, C, pXt, 0, Dt)
	cn := rowNorms(C)
	lab := make([]int, n)
	best := make([]float64, n)
	for i := range best {
		best[i] = math.Inf(1)
	}
	for j := 0; j < k; j++ {
		r := Dt.row(j)
		for i, v := range r {
			if v += cn[j]; v < best[i] {
				best[i], lab[i] = v, j
			}
		}
	}
	in := 0.0
	for i, b := range best {
		in += wt(w, i) * math.Max(b+xn[i], 0)
	}
	return lab, in
}
