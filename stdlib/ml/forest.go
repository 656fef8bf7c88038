package ml

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/sim-lang/sim/runtime"
)

var treeParams = []param{
	{"criterion", runtime.MakeStr("gini")}, {"max_depth", runtime.None},
	{"min_samples_split", runtime.MakeInt(2)}, {"min_samples_leaf", runtime.MakeInt(1)},
	{"max_features", runtime.MakeStr("sqrt")}, {"random_state", runtime.None},
}

var (
	_ = register(&spec{name: "RandomForestClassifier", kind: "classifier", params: append([]param{
		{"n_estimators", runtime.MakeInt(100)}}, append(append([]param(nil), treeParams...),
		param{"bootstrap", runtime.True}, param{"n_jobs", runtime.None}, param{"oob_score", runtime.False})...),
		weighted: true, methods: classifierMethods(forestFit, forestProba)}, "ensemble")
	_ = register(&spec{name: "DecisionTreeClassifier", kind: "classifier", params: func() []param {
		p := append([]param(nil), treeParams...)
		p[4] = param{"max_features", runtime.None}
		return p
	}(), weighted: true, methods: classifierMethods(forestFit, forestProba)}, "tree", "ensemble")
)

// tree is a fitted CART classification tree in flat arrays.
type tree struct {
	feat   []int // -1 for leaves
	thr    []float64
	left   []int
	right  []int
	value  [][]float64 // class distribution of each node
	impDec []float64   // weighted impurity decrease per feature
}

// vc is a feature value with its class and sample weight.
type vc struct {
	v float64
	w float64
	c int32
}

type treeCfg struct {
	maxDepth, minSplit, minLeaf, mtry int
	entropy                           bool
}

func impurity(counts []float64, n float64, entropy bool) float64 {
	if n == 0 {
		return 0
	}
	s := 0.0
	for _, c := range counts {
		p := c / n
		if entropy {
			if p > 0 {
				s -= p * math.Log2(p)
			}
		} else {
			s += p * p
		}
	}
	if entropy {
		return s
	}
	return 1 - s
}

// grow builds a tree on the rows idx (with repeats for bootstrap). With
// sample weights sw (nil: all 1) the class counts, impurities and
// impurity decreases are weighted; min_samples_split and
// min_samples_leaf still count samples, as in scikit-learn.
func grow(X *mat, y []int, K int, idx []int, sw []float64, cfg treeCfg, rng *rand.Rand) *tree {
	t := &tree{impDec: make([]float64, X.c)}
	type job struct {
		node, depth int
		rows        []int
	}
	newNode := func(rows []int) int {
		v := make([]float64, K)
		for _, i := range rows {
			v[y[i]] += wt(sw, i)
		}
		t.feat = append(t.feat, -1)
		t.thr = append(t.thr, 0)
		t.left = append(t.left, -1)
		t.right = append(t.right, -1)
		t.value = append(t.value, v)
		return len(t.feat) - 1
	}
	stack := []job{{newNode(idx), 0, idx}}
	feats := make([]int, X.c)
	for f := range feats {
		feats[f] = f
	}
	total := 0.0
	for _, i := range idx {
		total += wt(sw, i)
	}
	leftC := make([]float64, K)
	rightC := make([]float64, K)
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		rows := j.rows
		counts := t.value[j.node]
		n := 0.0
		for _, c := range counts {
			n += c
		}
		imp := impurity(counts, n, cfg.entropy)
		if len(rows) < cfg.minSplit || len(rows) < 2*cfg.minLeaf || imp <= 1e-12 || (cfg.maxDepth > 0 && j.depth >= cfg.maxDepth) {
			continue
		}
		bestF, bestThr, bestImp := -1, 0.0, math.Inf(1)
		rng.Shuffle(len(feats), func(a, b int) { feats[a], feats[b] = feats[b], feats[a] })
		pairs := make([]vc, len(rows))
		for fi, f := range feats {
			if fi >= cfg.mtry && bestF >= 0 {
				break
			}
			for k, i := range rows {
				pairs[k] = vc{X.d[i*X.c+f], wt(sw, i), int32(y[i])}
			}
			slices.SortFunc(pairs, func(a, b vc) int { return cmp.Compare(a.v, b.v) })
			if pairs[0].v == pairs[len(pairs)-1].v {
				continue
			}
			sqL, sqR := 0.0, 0.0
			for c := range leftC {
				leftC[c] = 0
				rightC[c] = counts[c]
				sqR += counts[c] * counts[c]
			}
			nl := 0.0
			for k := 0; k < len(pairs)-1; k++ {
				c, w := pairs[k].c, pairs[k].w
				// (L+w)² − L² and (R−w)² − R²
				sqL += w * (2*leftC[c] + w)
				sqR -= w * (2*rightC[c] - w)
				leftC[c] += w
				rightC[c] -= w
				nl += w
				v0, v1 := pairs[k].v, pairs[k+1].v
				if v0 == v1 || k+1 < cfg.minLeaf || len(pairs)-k-1 < cfg.minLeaf || nl <= 0 || n-nl <= 0 {
					continue
				}
				var wi float64
				if cfg.entropy {
					wi = nl*impurity(leftC, nl, true) + (n-nl)*impurity(rightC, n-nl, true)
				} else {
					// weighted Gini: nl(1 - sum pl^2) + nr(1 - sum pr^2)
					wi = n - sqL/nl - sqR/(n-nl)
				}
				if wi < bestImp {
					bestF, bestThr, bestImp = f, (v0+v1)/2, wi
					if bestThr == v1 {
						bestThr = v0
					}
				}
			}
		}
		if bestF < 0 {
			continue
		}
		var lr, rr []int
		for _, i := range rows {
			if X.d[i*X.c+bestF] <= bestThr {
				lr = append(lr, i)
			} else {
				rr = append(rr, i)
			}
		}
		t.impDec[bestF] += (n*imp - bestImp) / total
		t.feat[j.node] = bestF
		t.thr[j.node] = bestThr
		l := newNode(lr)
		r := newNode(rr)
		t.left[j.node], t.right[j.node] = l, r
		stack = append(stack, job{l, j.depth + 1, lr}, job{r, j.depth + 1, rr})
	}
	return t
}

func (t *tree) leaf(x []float64) []float64 {
	nd := 0
	for t.feat[nd] >= 0 {
		if x[t.feat[nd]] <= t.thr[nd] {
			nd = t.left[nd]
		} else {
			nd = t.right[nd]
		}
	}
	return t.value[nd]
}

type forest struct{ trees []*tree }

func forestFit(e *Estimator, X *mat, l *labels, w []float64) (any, error) {
	nTrees := 1
	boot := false
	if _, ok := e.params["n_estimators"]; ok {
		var err error
		if nTrees, err = e.pInt("n_estimators"); err != nil {
			return nil, err
		}
		boot = e.pBool("bootstrap")
	}
	if nTrees < 1 {
		return nil, runtime.Errorf("%s: n_estimators must be >= 1, got %d", e.spec.name, nTrees)
	}
	cfg := treeCfg{}
	crit, err := e.pStr("criterion", "gini", "entropy", "log_loss")
	if err != nil {
		return nil, err
	}
	cfg.entropy = crit != "gini"
	if !e.pNone("max_depth") {
		if cfg.maxDepth, err = e.pInt("max_depth"); err != nil {
			return nil, err
		}
	}
	if cfg.minSplit, err = e.pInt("min_samples_split"); err != nil {
		return nil, err
	}
	if cfg.minLeaf, err = e.pInt("min_samples_leaf"); err != nil {
		return nil, err
	}
	mf := e.params["max_features"]
	switch {
	case mf.IsNone():
		cfg.mtry = X.c
	case isStr(mf, "sqrt"):
		cfg.mtry = int(math.Sqrt(float64(X.c)))
	case isStr(mf, "log2"):
		cfg.mtry = int(math.Log2(float64(X.c)))
	case mf.Kind() == runtime.FloatKind:
		cfg.mtry = int(mf.AsFloat() * float64(X.c))
	default:
		if cfg.mtry, err = e.pInt("max_features"); err != nil {
			return nil, runtime.Errorf("%s: max_features must be 'sqrt', 'log2', None, an int or a float", e.spec.name)
		}
	}
	cfg.mtry = max(1, min(cfg.mtry, X.c))
	rng, err := e.rng()
	if err != nil {
		return nil, err
	}
	K := len(l.classes)
	f := &forest{}
	imp := make([]float64, X.c)
	for k := 0; k < nTrees; k++ {
		idx := make([]int, X.r)
		for i := range idx {
			if boot {
				idx[i] = rng.IntN(X.r)
			} else {
				idx[i] = i
			}
		}
		t := grow(X, l.idx, K, idx, w, cfg, rng)
		f.trees = append(f.trees, t)
		s := 0.0
		for _, v := range t.impDec {
			s += v
		}
		for j, v := range t.impDec {
			if s > 0 {
				imp[j] += v / s / float64(nTrees)
			}
		}
	}
	e.set("feature_importances_", floatsValue(imp))
	e.set("n_classes_", runtime.MakeInt(int64(K)))
	return f, nil
}

func forestProba(e *Estimator, X *mat) *mat {
	f := e.state.(*clfState).model.(*forest)
	K := len(e.state.(*clfState).lab.classes)
	P := newMat(X.r, K)
	for i := 0; i < X.r; i++ {
		r := P.row(i)
		for _, t := range f.trees {
			v := t.leaf(X.row(i))
			s := 0.0
			for _, c := range v {
				s += c
			}
			for c := range r {
				r[c] += v[c] / s / float64(len(f.trees))
			}
		}
	}
	return P
}
