package ml

import (
	"math"

	"github.com/sim-lang/sim/runtime"
)

var _ = register(&spec{name: "TSNE", kind: "transformer", params: []param{
	{"n_components", runtime.MakeInt(2)}, {"perplexity", runtime.MakeFloat(30)},
	{"early_exaggeration", runtime.MakeFloat(12)}, {"learning_rate", runtime.MakeStr("auto")},
	{"n_iter", runtime.MakeInt(1000)}, {"n_iter_without_progress", runtime.MakeInt(300)},
	{"min_grad_norm", runtime.MakeFloat(1e-7)}, {"metric", runtime.MakeStr("euclidean")},
	{"init", runtime.MakeStr("pca")}, {"verbose", runtime.MakeInt(0)},
	{"random_state", runtime.None}, {"method", runtime.MakeStr("barnes_hut")},
	{"angle", runtime.MakeFloat(0.5)}, {"n_jobs", runtime.None},
}, methods: map[string]method{
	"fit": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		X, _, _, err := argsXy(e, "fit", args, kwargs, false)
		if err != nil {
			return runtime.Value{}, err
		}
		if err := tsneFit(e, th, X); err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeObj(e), nil
	},
	"fit_transform": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		X, _, _, err := argsXy(e, "fit_transform", args, kwargs, false)
		if err != nil {
			return runtime.Value{}, err
		}
		if err := tsneFit(e, th, X); err != nil {
			return runtime.Value{}, err
		}
		return e.fitted["embedding_"], nil
	},
}}, "manifold")

// sparseP is a symmetric joint-probability matrix in CSR form.
type sparseP struct {
	ptr []int
	col []int
	val []float64
}

// condP finds, for each row of squared distances to its neighbours, the
// precision giving the wanted perplexity (binary search on the entropy)
// and returns the conditional probabilities.
func condP(D [][]float64, perplexity float64) [][]float64 {
	target := math.Log(perplexity)
	P := make([][]float64, len(D))
	for i, d := range D {
		p := make([]float64, len(d))
		beta, lo, hi := 1.0, math.Inf(-1), math.Inf(1)
		for it := 0; it < 100; it++ {
			sum := 0.0
			for j, v := range d {
				p[j] = math.Exp(-v * beta)
				sum += p[j]
			}
			if sum == 0 {
				sum = 1e-8
			}
			sdp := 0.0
			for j, v := range d {
				p[j] /= sum
				sdp += v * p[j]
			}
			H := math.Log(sum) + beta*sdp
			diff := H - target
			if math.Abs(diff) <= 1e-5 {
				break
			}
			if diff > 0 {
				lo = beta
				if math.IsInf(hi, 1) {
					beta *= 2
				} else {
					beta = (beta + hi) / 2
				}
			} else {
				hi = beta
				if math.IsInf(lo, -1) {
					beta /= 2
				} else {
					beta = (beta + lo) / 2
				}
			}
		}
		P[i] = p
	}
	return P
}

// tsneState holds the optimisation problem.
type tsneState struct {
	n, dim int
	sp     *sparseP    // Barnes-Hut
	full   [][]float64 // exact (n×n joint P)
	angle  float64
	tree   quadTree
	neg    []float64
}

func tsneFit(e *Estimator, th *runtime.Thread, X *mat) error {
	n := X.r
	dim, err := e.pInt("n_components")
	if err != nil {
		return err
	}
	perp, err := e.pFloat("perplexity")
	if err != nil {
		return err
	}
	if perp >= float64(n) {
		return runtime.Errorf("TSNE: perplexity must be less than n_samples (%d), got %g", n, perp)
	}
	if perp <= 0 {
		return runtime.Errorf("TSNE: perplexity must be positive, got %g", perp)
	}
	method, err := e.pStr("method", "barnes_hut", "exact")
	if err != nil {
		return err
	}
	if method == "barnes_hut" && dim != 2 {
		return runtime.Errorf("TSNE: 'n_components' should be inferior to 4 for the barnes_hut algorithm as it relies on quad-tree or oct-tree; this implementation supports n_components=2 with barnes_hut (use method='exact' otherwise)")
	}
	exag, err := e.pFloat("early_exaggeration")
	if err != nil {
		return err
	}
	nIter, err := e.pInt("n_iter")
	if err != nil {
		return err
	}
	if nIter < 250 {
		return runtime.Errorf("TSNE: n_iter should be at least 250, got %d", nIter)
	}
	noProg, _ := e.pInt("n_iter_without_progress")
	minGrad, _ := e.pFloat("min_grad_norm")
	angle, _ := e.pFloat("angle")
	lr := math.Max(float64(n)/exag/4, 50)
	if lv := e.params["learning_rate"]; lv.Kind() != runtime.ObjKind || !isStr(lv, "auto") {
		if lr, err = e.pFloat("learning_rate"); err != nil {
			return runtime.Errorf("TSNE: learning_rate must be 'auto' or a positive number")
		}
	}
	metric, err := e.pStr("metric", "euclidean", "sqeuclidean", "manhattan", "cosine", "precomputed")
	if err != nil {
		return err
	}
	rng, err := e.rng()
	if err != nil {
		return err
	}
	// affinities
	st := &tsneState{n: n, dim: dim, angle: angle}
	sqD := func(rows *mat) *mat {
		var D *mat
		switch metric {
		case "euclidean", "sqeuclidean":
			D = newMat(rows.r, n)
			sqDist(rows, X, rowNorms(rows), rowNorms(X), D)
		case "precomputed":
			D = rows
		default:
			D, _ = distances(metric, rows, X)
		}
		return D
	}
	if metric == "precomputed" && X.r != X.c {
		return runtime.Errorf("TSNE: a precomputed distance matrix must be square, got %dx%d", X.r, X.c)
	}
	if method == "exact" {
		D := sqD(X)
		rowsD := make([][]float64, n)
		idx := make([][]int, n)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if j != i {
					rowsD[i] = append(rowsD[i], D.at(i, j))
					idx[i] = append(idx[i], j)
				}
			}
		}
		C := condP(rowsD, perp)
		full := make([][]float64, n)
		for i := range full {
			full[i] = make([]float64, n)
		}
		tot := 0.0
		for i := range C {
			for k, j := range idx[i] {
				full[i][j] += C[i][k]
				full[j][i] += C[i][k]
				tot += 2 * C[i][k]
			}
		}
		for i := range full {
			for j := range full[i] {
				full[i][j] = math.Max(full[i][j]/tot, 1e-12)
			}
			full[i][i] = 0
		}
		st.full = full
	} else {
		k := min(n-1, int(3*perp+1))
		ks := &knnState{X: X, xn: rowNorms(X)}
		var nbr [][]int
		var nd [][]float64
		if metric == "euclidean" || metric == "sqeuclidean" {
			nbr, nd, _ = ks.neighbors(X, k+1, "euclidean")
			for i := range nd {
				for j := range nd[i] {
					nd[i][j] *= nd[i][j]
				}
			}
		} else {
			nbr = make([][]int, n)
			nd = make([][]float64, n)
			D := sqD(X)
			order := make([]int, n)
			for i := 0; i < n; i++ {
				for j := range order {
					order[j] = j
				}
				partialSort(order, D.row(i), k+1)
				nbr[i] = append([]int(nil), order[:k+1]...)
				for _, j := range nbr[i] {
					nd[i] = append(nd[i], D.at(i, j))
				}
			}
		}
		// drop each point itself
		for i := range nbr {
			var ni []int
			var di []float64
			for j, v := range nbr[i] {
				if v != i && len(ni) < k {
					ni = append(ni, v)
					di = append(di, nd[i][j])
				}
			}
			nbr[i], nd[i] = ni, di
		}
		C := condP(nd, perp)
		// symmetrize: P = (C + C^T) / sum
		rows := make([]map[int]float64, n)
		for i := range rows {
			rows[i] = map[int]float64{}
		}
		for i := range C {
			for k, j := range nbr[i] {
				rows[i][j] += C[i][k]
				rows[j][i] += C[i][k]
			}
		}
		// rows in column order, summed in that order (deterministic)
		sp := &sparseP{ptr: make([]int, n+1)}
		tot := 0.0
		for i := range rows {
			cols := make([]int, 0, len(rows[i]))
			for j := range rows[i] {
				cols = append(cols, j)
			}
			sortInts(cols)
			for _, j := range cols {
				sp.col = append(sp.col, j)
				sp.val = append(sp.val, rows[i][j])
				tot += rows[i][j]
			}
			sp.ptr[i+1] = len(sp.col)
		}
		for k := range sp.val {
			sp.val[k] /= tot
		}
		st.sp = sp
	}
	// initial embedding
	Y := make([]float64, n*dim)
	switch s, _ := runtime.AsString(e.params["init"]); {
	case s == "pca":
		if metric == "precomputed" {
			return runtime.Errorf("TSNE: The parameter init=\"pca\" cannot be used with metric=\"precomputed\".")
		}
		p, _ := newEstimator(specs["PCA"], nil, []runtime.Kwarg{{Name: "n_components", Value: runtime.MakeInt(int64(dim))}, {Name: "svd_solver", Value: runtime.MakeStr("randomized")}, {Name: "random_state", Value: runtime.MakeInt(int64(rng.Uint32()))}})
		if dim > min(X.r, X.c) {
			return runtime.Errorf("TSNE: n_components=%d is larger than the data allows for init='pca'", dim)
		}
		if err := pcaFit(p, X); err != nil {
			return err
		}
		Z := pcaTransform(p, X)
		m, s2 := 0.0, 0.0
		for i := 0; i < n; i++ {
			m += Z.at(i, 0)
		}
		m /= float64(n)
		for i := 0; i < n; i++ {
			s2 += (Z.at(i, 0) - m) * (Z.at(i, 0) - m)
		}
		sd := math.Sqrt(s2 / float64(n))
		for k, v := range Z.d {
			Y[k] = v / sd * 1e-4
		}
	case s == "random":
		for k := range Y {
			Y[k] = 1e-4 * rng.NormFloat64()
		}
	default:
		Yi, err := toMat("TSNE", e.params["init"], false)
		if err != nil {
			return runtime.Errorf("TSNE: init must be 'pca', 'random' or an array")
		}
		if Yi.r != n || Yi.c != dim {
			return runtime.Errorf("TSNE: init array must have shape (%d, %d)", n, dim)
		}
		copy(Y, Yi.d)
	}
	// optimisation: exploration with early exaggeration, then the rest
	const explore = 250
	kl := 0.0
	it := 0
	g := &gdState{update: make([]float64, len(Y)), gains: make([]float64, len(Y)), grad: make([]float64, len(Y))}
	for k := range g.gains {
		g.gains[k] = 1
	}
	g.bestErr = math.Inf(1)
	run := func(from, to int, mom, ex float64) error {
		for i := from; i < to; i++ {
			if th != nil && th.Ctx != nil {
				if err := th.Ctx.Err(); err != nil {
					return err
				}
			}
			check := (i+1)%50 == 0 || i == nIter-1
			kl = st.gradient(Y, g.grad, ex, check)
			gn := 0.0
			for k, gv := range g.grad {
				if g.update[k]*gv < 0 {
					g.gains[k] += 0.2
				} else {
					g.gains[k] = math.Max(g.gains[k]*0.8, 0.01)
				}
				gv *= g.gains[k]
				g.update[k] = mom*g.update[k] - lr*gv
				Y[k] += g.update[k]
				gn += g.grad[k] * g.grad[k]
			}
			it = i + 1
			if check {
				if kl < g.bestErr {
					g.bestErr, g.bestIter = kl, i
				} else if i-g.bestIter > noProg {
					return nil
				}
				if math.Sqrt(gn) <= minGrad {
					return nil
				}
			}
		}
		return nil
	}
	if err := run(0, explore, 0.5, exag); err != nil {
		return err
	}
	g.bestErr, g.bestIter = math.Inf(1), explore
	if err := run(explore, nIter, 0.8, 1); err != nil {
		return err
	}
	e.fitted = map[string]runtime.Value{}
	e.setFit(X)
	e.state = st
	e.set("embedding_", (&mat{n, dim, Y}).value())
	e.set("kl_divergence_", runtime.MakeFloat(kl))
	e.set("n_iter_", runtime.MakeInt(int64(it)))
	e.set("learning_rate_", runtime.MakeFloat(lr))
	return nil
}

type gdState struct {
	update, gains, grad []float64
	bestErr             float64
	bestIter            int
}

func isStr(v runtime.Value, s string) bool {
	x, ok := runtime.AsString(v)
	return ok && x == s
}

func sortInts(x []int) {
	for i := 1; i < len(x); i++ {
		for j := i; j > 0 && x[j] < x[j-1]; j-- {
			x[j], x[j-1] = x[j-1], x[j]
		}
	}
}

// gradient fills grad with the KL gradient at Y (P multiplied by ex) and
// returns the KL divergence when wantKL.
func (s *tsneState) gradient(Y, grad []float64, ex float64, wantKL bool) float64 {
	if s.sp == nil {
		return s.exactGradient(Y, grad, ex, wantKL)
	}
	n := s.n
	tree := &s.tree
	tree.reset(Y, n)
	sQ := 0.0
	if len(s.neg) != 2*n {
		s.neg = make([]float64, 2*n)
	}
	neg := s.neg
	for _, i := range tree.order {
		fx, fy, q := tree.repulse(Y[2*i], Y[2*i+1], s.angle)
		neg[2*i], neg[2*i+1] = fx, fy
		sQ += q
	}
	kl := 0.0
	sp := s.sp
	for i := 0; i < n; i++ {
		yi0, yi1 := Y[2*i], Y[2*i+1]
		px, py := 0.0, 0.0
		for k := sp.ptr[i]; k < sp.ptr[i+1]; k++ {
			j := sp.col[k]
			d0, d1 := yi0-Y[2*j], yi1-Y[2*j+1]
			q := 1 / (1 + d0*d0 + d1*d1)
			p := sp.val[k] * ex
			px += p * q * d0
			py += p * q * d1
			if wantKL {
				qn := math.Max(q/sQ, 1e-12)
				pp := math.Max(p, 1e-12)
				kl += p * math.Log(pp/qn)
			}
		}
		grad[2*i] = 4 * (px - neg[2*i]/sQ)
		grad[2*i+1] = 4 * (py - neg[2*i+1]/sQ)
	}
	return kl
}

func (s *tsneState) exactGradient(Y, grad []float64, ex float64, wantKL bool) float64 {
	n, dim := s.n, s.dim
	num := make([]float64, n*n)
	sum := 0.0
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			d2 := 0.0
			for c := 0; c < dim; c++ {
				d := Y[i*dim+c] - Y[j*dim+c]
				d2 += d * d
			}
			q := 1 / (1 + d2)
			num[i*n+j], num[j*n+i] = q, q
			sum += 2 * q
		}
	}
	for k := range grad {
		grad[k] = 0
	}
	kl := 0.0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i == j {
				continue
			}
			p := s.full[i][j] * ex
			q := math.Max(num[i*n+j]/sum, 1e-12)
			if wantKL {
				kl += p * math.Log(math.Max(p, 1e-12)/q)
			}
			f := 4 * (p - q) * num[i*n+j]
			for c := 0; c < dim; c++ {
				grad[i*dim+c] += f * (Y[i*dim+c] - Y[j*dim+c])
			}
		}
	}
	return kl
}
