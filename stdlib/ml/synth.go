package ml

import (
	"math"
	"math/rand/v2"

	"github.com/sim-lang/sim/runtime"
)

// Synthetic data sets (scikit-learn's generators; the same seed always
// gives the same data, though not scikit-learn's numbers).

var (
	_ = def("make_blobs", makeBlobs, "datasets")
	_ = def("make_classification", makeClassification, "datasets")
	_ = def("make_regression", makeRegression, "datasets")
	_ = def("make_moons", makeMoons, "datasets")
)

// shuffleRows permutes the rows of X and y together.
func shuffleRows(rng *rand.Rand, X *mat, y []float64) {
	tmp := make([]float64, X.c)
	rng.Shuffle(X.r, func(i, j int) {
		copy(tmp, X.row(i))
		copy(X.row(i), X.row(j))
		copy(X.row(j), tmp)
		y[i], y[j] = y[j], y[i]
	})
}

func labelValue(y []float64) runtime.Value {
	ints := make([]int, len(y))
	for i, v := range y {
		ints[i] = int(v)
	}
	return intsValue(ints)
}

func makeBlobs(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "make_blobs"
	var nS, centers, std, box, rs runtime.Value
	nF := 2
	shuffle, retC := true, false
	if err := runtime.UnpackArgs(fn, args, kwargs, "n_samples?", &nS, "n_features?", &nF, "centers?", &centers, "cluster_std?", &std, "center_box?", &box, "shuffle?", &shuffle, "random_state?", &rs, "return_centers?", &retC); err != nil {
		return runtime.Value{}, err
	}
	rng, err := seeded(fn, rs)
	if err != nil {
		return runtime.Value{}, err
	}
	lo, hi := -10.0, 10.0
	if box.IsValid() && !box.IsNone() {
		b, _, err := toVec(fn, "center_box", box)
		if err != nil || len(b) != 2 {
			return runtime.Value{}, runtime.Errorf("make_blobs: center_box must be a pair (min, max)")
		}
		lo, hi = b[0], b[1]
	}
	var C *mat
	k := 3
	var counts []int
	n := 100
	if nS.IsValid() && !nS.IsNone() {
		if i, ok := nS.ToInt(); ok && nS.Kind() == runtime.IntKind {
			n = int(i)
		} else {
			c, _, err := toVec(fn, "n_samples", nS)
			if err != nil {
				return runtime.Value{}, err
			}
			for _, v := range c {
				counts = append(counts, int(v))
			}
			k = len(counts)
		}
	}
	if centers.IsValid() && !centers.IsNone() {
		if i, ok := centers.ToInt(); ok && centers.Kind() == runtime.IntKind {
			k = int(i)
		} else {
			if C, err = toMat(fn, centers, false); err != nil {
				return runtime.Value{}, err
			}
			k, nF = C.r, C.c
		}
	}
	if k < 1 || n < 0 {
		return runtime.Value{}, runtime.Errorf("make_blobs: need at least one center and n_samples >= 0")
	}
	if C == nil {
		C = newMat(k, nF)
		for i := range C.d {
			C.d[i] = lo + (hi-lo)*rng.Float64()
		}
	}
	if counts == nil {
		for c := 0; c < k; c++ {
			m := n / k
			if c < n%k {
				m++
			}
			counts = append(counts, m)
		}
	} else if len(counts) != k {
		return runtime.Value{}, runtime.Errorf("make_blobs: Length of `n_samples` not consistent with number of centers. Got n_samples = %d and centers = %d", len(counts), k)
	}
	stds := make([]float64, k)
	for c := range stds {
		stds[c] = 1
	}
	if std.IsValid() && !std.IsNone() {
		if f, ok := std.ToFloat(); ok && std.Kind() != runtime.ObjKind {
			for c := range stds {
				stds[c] = f
			}
		} else if s, _, err := toVec(fn, "cluster_std", std); err == nil && len(s) == k {
			stds = s
		} else {
			return runtime.Value{}, runtime.Errorf("make_blobs: cluster_std must be a number or one per center")
		}
	}
	total := 0
	for _, m := range counts {
		total += m
	}
	X := newMat(total, nF)
	y := make([]float64, total)
	i := 0
	for c, m := range counts {
		for r := 0; r < m; r++ {
			for f := 0; f < nF; f++ {
				X.d[i*nF+f] = C.at(c, f) + stds[c]*rng.NormFloat64()
			}
			y[i] = float64(c)
			i++
		}
	}
	if shuffle {
		shuffleRows(rng, X, y)
	}
	if retC {
		return runtime.MakeTuple(X.value(), labelValue(y), C.value()), nil
	}
	return runtime.MakeTuple(X.value(), labelValue(y)), nil
}

func makeClassification(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "make_classification"
	n, nF, nInf, nRed, nRep, nC, nCPC := 100, 20, 2, 2, 0, 2, 2
	flip, sep, shift, scale := 0.01, 1.0, 0.0, 1.0
	hyper, shuffle := true, true
	var weights, rs runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "n_samples?", &n, "n_features?", &nF, "n_informative?", &nInf,
		"n_redundant?", &nRed, "n_repeated?", &nRep, "n_classes?", &nC, "n_clusters_per_class?", &nCPC,
		"weights?", &weights, "flip_y?", &flip, "class_sep?", &sep, "hypercube?", &hyper, "shift?", &shift,
		"scale?", &scale, "shuffle?", &shuffle, "random_state?", &rs); err != nil {
		return runtime.Value{}, err
	}
	if nInf+nRed+nRep > nF {
		return runtime.Value{}, runtime.Errorf("Number of informative, redundant and repeated features must sum to less than the number of total features")
	}
	if nC*nCPC > 1<<uint(min(nInf, 30)) {
		return runtime.Value{}, runtime.Errorf("n_classes(%d) * n_clusters_per_class(%d) must be smaller or equal 2**n_informative(%d)=%d", nC, nCPC, nInf, 1<<uint(nInf))
	}
	rng, err := seeded(fn, rs)
	if err != nil {
		return runtime.Value{}, err
	}
	nClusters := nC * nCPC
	// class sizes
	w := make([]float64, nC)
	for c := range w {
		w[c] = 1 / float64(nC)
	}
	if weights.IsValid() && !weights.IsNone() {
		ww, _, err := toVec(fn, "weights", weights)
		if err != nil {
			return runtime.Value{}, err
		}
		if len(ww) == nC-1 {
			s := 0.0
			for _, v := range ww {
				s += v
			}
			ww = append(ww, 1-s)
		}
		if len(ww) != nC {
			return runtime.Value{}, runtime.Errorf("make_classification: weights specified but incompatible with number of classes.")
		}
		w = ww
	}
	per := make([]int, nClusters)
	got := 0
	for k := range per {
		per[k] = int(float64(n) * w[k%nC] / float64(nCPC))
		got += per[k]
	}
	for k := 0; got < n; k = (k + 1) % nClusters {
		per[k]++
		got++
	}
	// cluster centroids on hypercube vertices
	cent := newMat(nClusters, nInf)
	used := map[int]bool{}
	for k := 0; k < nClusters; k++ {
		var v int
		for {
			v = rng.IntN(1 << uint(min(nInf, 30)))
			if !used[v] || len(used) >= 1<<uint(min(nInf, 30)) {
				break
			}
		}
		used[v] = true
		for f := 0; f < nInf; f++ {
			bit := float64((v >> uint(f%30)) & 1)
			cent.d[k*nInf+f] = (2*bit - 1) * sep
			if !hyper {
				cent.d[k*nInf+f] *= rng.Float64()
			}
		}
	}
	X := newMat(n, nF)
	y := make([]float64, n)
	i := 0
	A := newMat(nInf, nInf)
	for k := 0; k < nClusters; k++ {
		for j := range A.d {
			A.d[j] = 2*rng.Float64() - 1
		}
		for r := 0; r < per[k]; r++ {
			z := make([]float64, nInf)
			for f := range z {
				z[f] = rng.NormFloat64()
			}
			row := X.row(i)
			for f := 0; f < nInf; f++ {
				s := 0.0
				for g := 0; g < nInf; g++ {
					s += z[g] * A.at(g, f)
				}
				row[f] = s + cent.at(k, f)
			}
			y[i] = float64(k % nC)
			i++
		}
	}
	// redundant: random combinations of the informative features
	B := newMat(nInf, nRed)
	for j := range B.d {
		B.d[j] = 2*rng.Float64() - 1
	}
	for r := 0; r < n; r++ {
		row := X.row(r)
		for f := 0; f < nRed; f++ {
			s := 0.0
			for g := 0; g < nInf; g++ {
				s += row[g] * B.at(g, f)
			}
			row[nInf+f] = s
		}
		for f := 0; f < nRep; f++ {
			row[nInf+nRed+f] = row[rng.IntN(nInf+nRed)]
		}
		for f := nInf + nRed + nRep; f < nF; f++ {
			row[f] = rng.NormFloat64()
		}
	}
	for r := 0; r < n; r++ {
		if flip > 0 && rng.Float64() < flip {
			y[r] = float64(rng.IntN(nC))
		}
		for f := range X.row(r) {
			X.row(r)[f] = (X.row(r)[f] + shift) * scale
		}
	}
	if shuffle {
		shuffleRows(rng, X, y)
		perm := rng.Perm(nF)
		P := X.clone()
		for r := 0; r < n; r++ {
			for f, p := range perm {
				X.d[r*nF+f] = P.d[r*nF+p]
			}
		}
	}
	return runtime.MakeTuple(X.value(), labelValue(y)), nil
}

func makeRegression(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "make_regression"
	n, nF, nInf, nT := 100, 100, 10, 1
	bias, noise := 0.0, 0.0
	shuffle, retCoef := true, false
	var rs, er, ts runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "n_samples?", &n, "n_features?", &nF, "n_informative?", &nInf,
		"n_targets?", &nT, "bias?", &bias, "effective_rank?", &er, "tail_strength?", &ts, "noise?", &noise,
		"shuffle?", &shuffle, "coef?", &retCoef, "random_state?", &rs); err != nil {
		return runtime.Value{}, err
	}
	if nT != 1 {
		return runtime.Value{}, runtime.Errorf("make_regression: only n_targets=1 is supported")
	}
	rng, err := seeded(fn, rs)
	if err != nil {
		return runtime.Value{}, err
	}
	nInf = min(nInf, nF)
	X := newMat(n, nF)
	for k := range X.d {
		X.d[k] = rng.NormFloat64()
	}
	w := make([]float64, nF)
	for f := 0; f < nInf; f++ {
		w[f] = 100 * rng.Float64()
	}
	y := make([]float64, n)
	for r := 0; r < n; r++ {
		y[r] = dot(X.row(r), w) + bias
		if noise > 0 {
			y[r] += noise * rng.NormFloat64()
		}
	}
	if shuffle {
		shuffleRows(rng, X, y)
		perm := rng.Perm(nF)
		P := X.clone()
		wp := append([]float64(nil), w...)
		for f, p := range perm {
			for r := 0; r < n; r++ {
				X.d[r*nF+f] = P.d[r*nF+p]
			}
			w[f] = wp[p]
		}
	}
	if retCoef {
		return runtime.MakeTuple(X.value(), floatsValue(y), floatsValue(w)), nil
	}
	return runtime.MakeTuple(X.value(), floatsValue(y)), nil
}

func makeMoons(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	n := 100
	shuffle := true
	var noise, rs runtime.Value
	if err := runtime.UnpackArgs("make_moons", args, kwargs, "n_samples?", &n, "shuffle?", &shuffle, "noise?", &noise, "random_state?", &rs); err != nil {
		return runtime.Value{}, err
	}
	rng, err := seeded("make_moons", rs)
	if err != nil {
		return runtime.Value{}, err
	}
	nOut := n / 2
	nIn := n - nOut
	X := newMat(n, 2)
	y := make([]float64, n)
	for i := 0; i < nOut; i++ {
		t := math.Pi * float64(i) / float64(max(nOut-1, 1))
		X.d[2*i], X.d[2*i+1] = math.Cos(t), math.Sin(t)
	}
	for i := 0; i < nIn; i++ {
		t := math.Pi * float64(i) / float64(max(nIn-1, 1))
		k := nOut + i
		X.d[2*k], X.d[2*k+1] = 1-math.Cos(t), 1-math.Sin(t)-0.5
		y[k] = 1
	}
	if shuffle {
		shuffleRows(rng, X, y)
	}
	if s, ok := noise.ToFloat(); ok && noise.IsValid() && !noise.IsNone() {
		for k := range X.d {
			X.d[k] += s * rng.NormFloat64()
		}
	}
	return runtime.MakeTuple(X.value(), labelValue(y)), nil
}
