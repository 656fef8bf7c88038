package ml

import (
	"math"
	"sort"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

var (
	_ = def("train_test_split", trainTestSplit, "model_selection")
	_ = def("cross_val_score", crossValScore, "model_selection")
	_ = register(&spec{name: "KFold", kind: "splitter", params: []param{
		{"n_splits", runtime.MakeInt(5)}, {"shuffle", runtime.False}, {"random_state", runtime.None},
	}, methods: splitterMethods(false)}, "model_selection")
	_ = register(&spec{name: "StratifiedKFold", kind: "splitter", params: []param{
		{"n_splits", runtime.MakeInt(5)}, {"shuffle", runtime.False}, {"random_state", runtime.None},
	}, methods: splitterMethods(true)}, "model_selection")
)

// callMethod calls obj.name(args...).
func callMethod(th *runtime.Thread, obj runtime.Value, name string, args ...runtime.Value) (runtime.Value, error) {
	f, err := runtime.GetAttr(obj, name)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Call(th, f, args, nil)
}

// callMethodKw calls obj.name(args..., kwargs...).
func callMethodKw(th *runtime.Thread, obj runtime.Value, name string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	f, err := runtime.GetAttr(obj, name)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Call(th, f, args, kwargs)
}

// nSamples returns the length of an array-like (rows of a Table).
func nSamples(v runtime.Value) (int, error) {
	if t, ok := v.Obj().(*Table); ok {
		return t.n, nil
	}
	return runtime.Len(v)
}

// takeRows selects rows of an array, list or Table.
func takeRows(v runtime.Value, idx []int) (runtime.Value, error) {
	switch o := v.Obj().(type) {
	case *Table:
		return runtime.MakeObj(o.selectRows(idx)), nil
	case *array.Array:
		r, err := o.Get(intsValue(idx))
		if err != nil {
			return runtime.Value{}, err
		}
		return array.Value(r), nil
	}
	out := make([]runtime.Value, len(idx))
	for k, i := range idx {
		e, err := runtime.GetIndex(v, runtime.MakeInt(int64(i)))
		if err != nil {
			return runtime.Value{}, err
		}
		out[k] = e
	}
	return runtime.NewList(out), nil
}

// kfold returns the test folds of n samples (scikit-learn's KFold).
func kfold(n, k int, perm []int) [][]int {
	idx := perm
	if idx == nil {
		idx = make([]int, n)
		for i := range idx {
			idx[i] = i
		}
	}
	var folds [][]int
	start := 0
	for f := 0; f < k; f++ {
		size := n / k
		if f < n%k {
			size++
		}
		folds = append(folds, append([]int(nil), idx[start:start+size]...))
		start += size
	}
	return folds
}

// stratifiedFolds reproduces scikit-learn's StratifiedKFold allocation:
// classes in order of first appearance, sorted labels dealt round-robin.
func stratifiedFolds(y []float64, k int, shuffle func([]int)) ([][]int, error) {
	first := map[float64]int{}
	var order []float64
	for _, v := range y {
		if _, ok := first[v]; !ok {
			first[v] = len(order)
			order = append(order, v)
		}
	}
	// classes sorted by value, then encoded by first appearance
	enc := make([]int, len(y))
	for i, v := range y {
		enc[i] = first[v]
	}
	nc := len(order)
	counts := make([]int, nc)
	for _, c := range enc {
		counts[c]++
	}
	minC := len(y)
	for _, c := range counts {
		minC = min(minC, c)
	}
	if k > len(y) {
		return nil, runtime.Errorf("Cannot have number of splits n_splits=%d greater than the number of samples: n_samples=%d.", k, len(y))
	}
	sorted := append([]int(nil), enc...)
	sort.Ints(sorted)
	alloc := make([][]int, k)
	for f := 0; f < k; f++ {
		alloc[f] = make([]int, nc)
		for i := f; i < len(sorted); i += k {
			alloc[f][sorted[i]]++
		}
	}
	folds := make([][]int, k)
	testFold := make([]int, len(y))
	for c := 0; c < nc; c++ {
		var fc []int
		for f := 0; f < k; f++ {
			for j := 0; j < alloc[f][c]; j++ {
				fc = append(fc, f)
			}
		}
		if shuffle != nil {
			shuffle(fc)
		}
		j := 0
		for i, e := range enc {
			if e == c {
				testFold[i] = fc[j]
				j++
			}
		}
	}
	for i, f := range testFold {
		folds[f] = append(folds[f], i)
	}
	return folds, nil
}

// splits returns (train, test) index pairs from test folds.
func splits(n int, folds [][]int) [][2][]int {
	out := make([][2][]int, len(folds))
	for f, test := range folds {
		in := make([]bool, n)
		for _, i := range test {
			in[i] = true
		}
		var train []int
		for i := 0; i < n; i++ {
			if !in[i] {
				train = append(train, i)
			}
		}
		sort.Ints(test)
		out[f] = [2][]int{train, test}
	}
	return out
}

// splitFor computes the splits of a KFold/StratifiedKFold estimator.
func splitFor(e *Estimator, n int, y []float64) ([][2][]int, error) {
	k, err := e.pInt("n_splits")
	if err != nil {
		return nil, err
	}
	if k < 2 {
		return nil, runtime.Errorf("%s: k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=%d.", e.spec.name, k)
	}
	if k > n {
		return nil, runtime.Errorf("Cannot have number of splits n_splits=%d greater than the number of samples: n_samples=%d.", k, n)
	}
	var shuffle func([]int)
	if e.pBool("shuffle") {
		rng, err := e.rng()
		if err != nil {
			return nil, err
		}
		shuffle = func(x []int) { rng.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] }) }
	}
	if e.spec.name == "StratifiedKFold" {
		if y == nil {
			return nil, runtime.Errorf("StratifiedKFold.split: y is required")
		}
		folds, err := stratifiedFolds(y, k, shuffle)
		if err != nil {
			return nil, err
		}
		return splits(n, folds), nil
	}
	var perm []int
	if shuffle != nil {
		perm = make([]int, n)
		for i := range perm {
			perm[i] = i
		}
		shuffle(perm)
	}
	return splits(n, kfold(n, k, perm)), nil
}

func splitterMethods(strat bool) map[string]method {
	return map[string]method{
		"split": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			var X, y, g runtime.Value
			if err := runtime.UnpackArgs(e.spec.name+".split", args, kwargs, "X", &X, "y?", &y, "groups?", &g); err != nil {
				return runtime.Value{}, err
			}
			n, err := nSamples(X)
			if err != nil {
				return runtime.Value{}, err
			}
			var yv []float64
			if y.IsValid() && !y.IsNone() {
				if yv, _, err = toVec(e.spec.name+".split", "y", y); err != nil {
					return runtime.Value{}, err
				}
			}
			sp, err := splitFor(e, n, yv)
			if err != nil {
				return runtime.Value{}, err
			}
			out := make([]runtime.Value, len(sp))
			for k, s := range sp {
				out[k] = runtime.MakeTuple(intsValue(s[0]), intsValue(s[1]))
			}
			return runtime.NewList(out), nil
		},
		"get_n_splits": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return e.params["n_splits"], nil
		},
	}
}

// cvSplits resolves a cv argument into splits.
func cvSplits(fn string, cv runtime.Value, est runtime.Value, n int, y []float64) ([][2][]int, error) {
	k := 5
	if cv.IsValid() && !cv.IsNone() {
		if s, ok := cv.Obj().(*Estimator); ok && s.spec.kind == "splitter" {
			return splitFor(s, n, y)
		}
		i, ok := cv.ToInt()
		if !ok {
			return nil, runtime.Errorf("%s: cv must be an int, a KFold/StratifiedKFold or None, not %s", fn, runtime.TypeName(cv))
		}
		k = int(i)
	}
	name := "KFold"
	if e, ok := est.Obj().(*Estimator); ok && e.isClassifier() && y != nil {
		name = "StratifiedKFold"
	}
	s, _ := newEstimator(specs[name], []runtime.Value{runtime.MakeInt(int64(k))}, nil)
	return splitFor(s, n, y)
}

func (e *Estimator) isClassifier() bool {
	if e.spec.kind == "classifier" {
		return true
	}
	if e.spec.name == "Pipeline" || e.spec.name == "GridSearchCV" {
		if last := e.finalStep(); last != nil {
			return last.isClassifier()
		}
	}
	return false
}

// scorer evaluates a fitted estimator on (X, y) by a scoring name or
// callable (None: the estimator's score method).
func scorer(th *runtime.Thread, scoring, est, X, y runtime.Value) (float64, error) {
	var v runtime.Value
	var err error
	switch {
	case !scoring.IsValid() || scoring.IsNone():
		v, err = callMethod(th, est, "score", X, y)
	default:
		name, ok := runtime.AsString(scoring)
		if !ok {
			v, err = runtime.Call(th, scoring, []runtime.Value{est, X, y}, nil)
			break
		}
		meth := "predict"
		if name == "roc_auc" {
			meth = "predict_proba"
		}
		p, err := callMethod(th, est, meth, X)
		if err != nil {
			return 0, err
		}
		yt, _, err := toVec("scoring", "y", y)
		if err != nil {
			return 0, err
		}
		if name == "roc_auc" {
			P, err := toMat("roc_auc", p, false)
			if err != nil {
				return 0, err
			}
			if P.c == 2 {
				s := make([]float64, P.r)
				for i := range s {
					s[i] = P.at(i, 1)
				}
				p = floatsValue(s)
			}
			v, err := rocAUC(th, []runtime.Value{y, p}, nil)
			if err != nil {
				return 0, err
			}
			return v.AsFloat(), nil
		}
		yp, _, err := toVec("scoring", "y_pred", p)
		if err != nil {
			return 0, err
		}
		switch name {
		case "accuracy":
			return accuracy(yt, yp), nil
		case "r2":
			return r2(yt, yp), nil
		case "neg_mean_squared_error", "neg_mean_absolute_error", "neg_root_mean_squared_error":
			s := 0.0
			for i := range yt {
				d := yt[i] - yp[i]
				if name == "neg_mean_absolute_error" {
					s += math.Abs(d)
				} else {
					s += d * d
				}
			}
			s /= float64(len(yt))
			if name == "neg_root_mean_squared_error" {
				s = math.Sqrt(s)
			}
			return -s, nil
		}
		avgs := map[string][2]any{
			"f1": {2, "binary"}, "f1_macro": {2, "macro"}, "f1_micro": {2, "micro"}, "f1_weighted": {2, "weighted"},
			"precision": {0, "binary"}, "precision_macro": {0, "macro"}, "precision_weighted": {0, "weighted"},
			"recall": {1, "binary"}, "recall_macro": {1, "macro"}, "recall_weighted": {1, "weighted"},
		}
		a, ok := avgs[name]
		if !ok {
			return 0, runtime.Errorf("'%s' is not a valid scoring value. Use 'accuracy', 'r2', 'neg_mean_squared_error', 'f1_macro', 'roc_auc', ... or a callable", name)
		}
		s, _, err := prf(a[0].(int), yt, yp, a[1].(string), 1, nil)
		return s, err
	}
	if err != nil {
		return 0, err
	}
	f, ok := v.ToFloat()
	if !ok {
		return 0, runtime.Errorf("scoring must return a number, got %s", runtime.TypeName(v))
	}
	return f, nil
}

// cloneValue clones an estimator object.
func cloneValue(fn string, v runtime.Value) (runtime.Value, error) {
	e, ok := v.Obj().(*Estimator)
	if !ok {
		return runtime.Value{}, runtime.Errorf("%s: Cannot clone object %s: it does not seem to be a scikit-learn estimator", fn, runtime.Repr(v))
	}
	return runtime.MakeObj(e.clone()), nil
}

// cvScores fits clones of est on each training fold and scores the test
// fold.
func cvScores(th *runtime.Thread, fn string, est, X, y, scoring, cv runtime.Value) ([]float64, error) {
	n, err := nSamples(X)
	if err != nil {
		return nil, err
	}
	var yv []float64
	if y.IsValid() && !y.IsNone() {
		if yv, _, err = toVec(fn, "y", y); err != nil {
			return nil, err
		}
		if len(yv) != n {
			return nil, runtime.Errorf("%s: Found input variables with inconsistent numbers of samples: [%d, %d]", fn, n, len(yv))
		}
	}
	sp, err := cvSplits(fn, cv, est, n, yv)
	if err != nil {
		return nil, err
	}
	scores := make([]float64, len(sp))
	for k, s := range sp {
		c, err := cloneValue(fn, est)
		if err != nil {
			return nil, err
		}
		Xtr, err := takeRows(X, s[0])
		if err != nil {
			return nil, err
		}
		Xte, _ := takeRows(X, s[1])
		var ytr, yte runtime.Value = runtime.None, runtime.None
		if yv != nil {
			ytr, _ = takeRows(y, s[0])
			yte, _ = takeRows(y, s[1])
		}
		if _, err := callMethod(th, c, "fit", Xtr, ytr); err != nil {
			return nil, err
		}
		if scores[k], err = scorer(th, scoring, c, Xte, yte); err != nil {
			return nil, err
		}
	}
	return scores, nil
}

func crossValScore(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var est, X, y, groups, scoring, cv runtime.Value
	if err := runtime.UnpackArgs("cross_val_score", args, kwargs, "estimator", &est, "X", &X, "y?", &y, "groups?", &groups, "scoring?", &scoring, "cv?", &cv, "n_jobs?", new(runtime.Value)); err != nil {
		return runtime.Value{}, err
	}
	s, err := cvScores(th, "cross_val_score", est, X, y, scoring, cv)
	if err != nil {
		return runtime.Value{}, err
	}
	return floatsValue(s), nil
}

func trainTestSplit(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "train_test_split"
	if len(args) == 0 {
		return runtime.Value{}, runtime.Errorf("At least one array required as input")
	}
	var testSize, trainSize, rs, stratify runtime.Value
	shuffle := true
	if err := runtime.UnpackArgs(fn, nil, kwargs, "test_size?", &testSize, "train_size?", &trainSize, "random_state?", &rs, "shuffle?", &shuffle, "stratify?", &stratify); err != nil {
		return runtime.Value{}, err
	}
	n, err := nSamples(args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	for _, a := range args[1:] {
		m, err := nSamples(a)
		if err != nil {
			return runtime.Value{}, err
		}
		if m != n {
			return runtime.Value{}, runtime.Errorf("Found input variables with inconsistent numbers of samples: [%d, %d]", n, m)
		}
	}
	size := func(v runtime.Value, name string) (int, bool, error) {
		if !v.IsValid() || v.IsNone() {
			return 0, false, nil
		}
		if v.Kind() == runtime.FloatKind {
			f := v.AsFloat()
			if f <= 0 || f >= 1 {
				return 0, false, runtime.Errorf("%s=%v should be either positive and smaller than the number of samples %d or a float in the (0, 1) range", name, f, n)
			}
			if name == "test_size" {
				return int(math.Ceil(f * float64(n))), true, nil
			}
			return int(math.Floor(f * float64(n))), true, nil
		}
		i, ok := v.ToInt()
		if !ok || i <= 0 || int(i) >= n {
			return 0, false, runtime.Errorf("%s=%s should be either positive and smaller than the number of samples %d or a float in the (0, 1) range", name, runtime.Repr(v), n)
		}
		return int(i), true, nil
	}
	nTest, hasTest, err := size(testSize, "test_size")
	if err != nil {
		return runtime.Value{}, err
	}
	nTrain, hasTrain, err := size(trainSize, "train_size")
	if err != nil {
		return runtime.Value{}, err
	}
	switch {
	case !hasTest && !hasTrain:
		nTest = int(math.Ceil(0.25 * float64(n)))
		nTrain = n - nTest
	case !hasTest:
		nTest = n - nTrain
	case !hasTrain:
		nTrain = n - nTest
	}
	if nTrain+nTest > n || nTrain <= 0 {
		return runtime.Value{}, runtime.Errorf("With n_samples=%d, test_size=%s and train_size=%s, the resulting train set will be empty or too large. Adjust any of the aforementioned parameters.", n, runtime.Repr(testSize), runtime.Repr(trainSize))
	}
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	rng, err := seeded(fn, rs)
	if err != nil {
		return runtime.Value{}, err
	}
	var train, test []int
	if stratify.IsValid() && !stratify.IsNone() {
		if !shuffle {
			return runtime.Value{}, runtime.Errorf("Stratified train/test split is not implemented for shuffle=False")
		}
		y, _, err := toVec(fn, "stratify", stratify)
		if err != nil {
			return runtime.Value{}, err
		}
		train, test = stratifiedSplit(y, nTrain, nTest, rng.Shuffle)
	} else {
		if shuffle {
			rng.Shuffle(n, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		}
		test, train = perm[:nTest], perm[nTest:nTest+nTrain]
	}
	out := make([]runtime.Value, 0, 2*len(args))
	for _, a := range args {
		tr, err := takeRows(a, train)
		if err != nil {
			return runtime.Value{}, err
		}
		te, err := takeRows(a, test)
		if err != nil {
			return runtime.Value{}, err
		}
		out = append(out, tr, te)
	}
	return runtime.NewList(out), nil
}

// stratifiedSplit draws train and test sets keeping class proportions
// (largest remainders get the leftover samples).
func stratifiedSplit(y []float64, nTrain, nTest int, shuffle func(int, func(int, int))) ([]int, []int) {
	l := encode(y, false)
	K := len(l.classes)
	byClass := make([][]int, K)
	for i, c := range l.idx {
		byClass[c] = append(byClass[c], i)
	}
	alloc := func(total int) []int {
		out := make([]int, K)
		type rem struct {
			c int
			r float64
		}
		var rems []rem
		got := 0
		for c := range byClass {
			exact := float64(total) * float64(len(byClass[c])) / float64(len(y))
			out[c] = int(math.Floor(exact))
			got += out[c]
			rems = append(rems, rem{c, exact - float64(out[c])})
		}
		sort.SliceStable(rems, func(a, b int) bool { return rems[a].r > rems[b].r })
		for k := 0; got < total && k < len(rems); k++ {
			out[rems[k].c]++
			got++
		}
		return out
	}
	at := alloc(nTest)
	var train, test []int
	for c, idx := range byClass {
		shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		t := min(at[c], len(idx))
		test = append(test, idx[:t]...)
		rest := idx[t:]
		train = append(train, rest...)
	}
	shuffle(len(train), func(i, j int) { train[i], train[j] = train[j], train[i] })
	shuffle(len(test), func(i, j int) { test[i], test[j] = test[j], test[i] })
	if len(train) > nTrain {
		train = train[:nTrain]
	}
	return train, test
}
