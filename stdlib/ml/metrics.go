package ml

import (
	"math"
	"sort"

	"github.com/sim-lang/sim/runtime"
)

var (
	_ = def("accuracy_score", accuracyScore, "metrics")
	_ = def("precision_score", prfScore("precision_score", 0), "metrics")
	_ = def("recall_score", prfScore("recall_score", 1), "metrics")
	_ = def("f1_score", prfScore("f1_score", 2), "metrics")
	_ = def("confusion_matrix", confusionMatrix, "metrics")
	_ = def("roc_auc_score", rocAUC, "metrics")
	_ = def("mean_squared_error", regMetric("mean_squared_error"), "metrics")
	_ = def("mean_absolute_error", regMetric("mean_absolute_error"), "metrics")
	_ = def("r2_score", regMetric("r2_score"), "metrics")
	_ = def("pairwise_distances", pairwiseDistances, "metrics")
)

func accuracy(yt, yp []float64) float64 {
	ok := 0
	for i := range yt {
		if yt[i] == yp[i] {
			ok++
		}
	}
	return float64(ok) / float64(len(yt))
}

func r2(yt, yp []float64) float64 { return r2w(yt, yp, nil) }

// r2w is the coefficient of determination with sample weights w (nil:
// unweighted): 1 - Σw(y-ŷ)² / Σw(y-ȳ)², ȳ the weighted mean.
func r2w(yt, yp, w []float64) float64 {
	weight := func(i int) float64 {
		if w == nil {
			return 1
		}
		return w[i]
	}
	mu, sw := 0.0, 0.0
	for i, v := range yt {
		mu += weight(i) * v
		sw += weight(i)
	}
	mu /= sw
	ssr, sst := 0.0, 0.0
	for i := range yt {
		ssr += weight(i) * (yt[i] - yp[i]) * (yt[i] - yp[i])
		sst += weight(i) * (yt[i] - mu) * (yt[i] - mu)
	}
	if sst == 0 {
		if ssr == 0 {
			return 1
		}
		return 0
	}
	return 1 - ssr/sst
}

// twoVecs reads y_true and y_pred of equal length.
func twoVecs(fn string, a, b runtime.Value) ([]float64, []float64, error) {
	yt, _, err := toVec(fn, "y_true", a)
	if err != nil {
		return nil, nil, err
	}
	yp, _, err := toVec(fn, "y_pred", b)
	if err != nil {
		return nil, nil, err
	}
	if len(yt) != len(yp) {
		return nil, nil, runtime.Errorf("%s: Found input variables with inconsistent numbers of samples: [%d, %d]", fn, len(yt), len(yp))
	}
	if len(yt) == 0 {
		return nil, nil, runtime.Errorf("%s: empty input", fn)
	}
	return yt, yp, nil
}

func accuracyScore(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var a, b runtime.Value
	normalize := true
	if err := runtime.UnpackArgs("accuracy_score", args, kwargs, "y_true", &a, "y_pred", &b, "normalize?", &normalize); err != nil {
		return runtime.Value{}, err
	}
	yt, yp, err := twoVecs("accuracy_score", a, b)
	if err != nil {
		return runtime.Value{}, err
	}
	acc := accuracy(yt, yp)
	if !normalize {
		return runtime.MakeFloat(math.Round(acc * float64(len(yt)))), nil
	}
	return runtime.MakeFloat(acc), nil
}

// prf computes precision (0), recall (1) or F1 (2) with an average mode,
// over the given labels (nil: every label in y_true and y_pred, sorted).
func prf(which int, yt, yp []float64, average string, pos float64, given []float64) (float64, []float64, error) {
	labels := unique(append(append([]float64(nil), yt...), yp...))
	if given != nil && average != "binary" {
		labels = given
	}
	per := func(c float64) (tp, fp, fn float64) {
		for i := range yt {
			switch {
			case yp[i] == c && yt[i] == c:
				tp++
			case yp[i] == c:
				fp++
			case yt[i] == c:
				fn++
			}
		}
		return
	}
	score := func(tp, fp, fn float64) float64 {
		p, r := 0.0, 0.0
		if tp+fp > 0 {
			p = tp / (tp + fp)
		}
		if tp+fn > 0 {
			r = tp / (tp + fn)
		}
		switch which {
		case 0:
			return p
		case 1:
			return r
		}
		if p+r == 0 {
			return 0
		}
		return 2 * p * r / (p + r)
	}
	switch average {
	case "binary":
		if len(labels) > 2 {
			return 0, nil, runtime.Errorf("Target is multiclass but average='binary'. Please choose another average setting, one of [None, 'micro', 'macro', 'weighted'].")
		}
		tp, fp, fn := per(pos)
		return score(tp, fp, fn), nil, nil
	case "micro":
		var TP, FP, FN float64
		for _, c := range labels {
			tp, fp, fn := per(c)
			TP, FP, FN = TP+tp, FP+fp, FN+fn
		}
		return score(TP, FP, FN), nil, nil
	case "macro", "weighted", "none":
		out := make([]float64, len(labels))
		tot, wsum := 0.0, 0.0
		for k, c := range labels {
			tp, fp, fn := per(c)
			out[k] = score(tp, fp, fn)
			w := 1.0
			if average == "weighted" {
				w = tp + fn
			}
			tot += w * out[k]
			wsum += w
		}
		return tot / wsum, out, nil
	}
	return 0, nil, runtime.Errorf("average has to be one of (None, 'micro', 'macro', 'weighted', 'binary'), not '%s'", average)
}

func prfScore(name string, which int) fn {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var a, b, avg, pos, lv runtime.Value
		if err := runtime.UnpackArgs(name, args, kwargs, "y_true", &a, "y_pred", &b, "labels?", &lv, "pos_label?", &pos, "average?", &avg); err != nil {
			return runtime.Value{}, err
		}
		yt, yp, err := twoVecs(name, a, b)
		if err != nil {
			return runtime.Value{}, err
		}
		var labels []float64
		if lv.IsValid() && !lv.IsNone() {
			if labels, _, err = toVec(name, "labels", lv); err != nil {
				return runtime.Value{}, err
			}
		}
		average := "binary"
		if avg.IsValid() {
			if avg.IsNone() {
				average = "none"
			} else if s, ok := runtime.AsString(avg); ok {
				average = s
			}
		}
		p := 1.0
		if pos.IsValid() {
			p, _ = pos.ToFloat()
		}
		s, per, err := prf(which, yt, yp, average, p, labels)
		if err != nil {
			return runtime.Value{}, runtime.Errorf("%s: %v", name, err)
		}
		if average == "none" {
			return floatsValue(per), nil
		}
		return runtime.MakeFloat(s), nil
	}
}

func confusionMatrix(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var a, b, lv runtime.Value
	if err := runtime.UnpackArgs("confusion_matrix", args, kwargs, "y_true", &a, "y_pred", &b, "labels?", &lv); err != nil {
		return runtime.Value{}, err
	}
	yt, yp, err := twoVecs("confusion_matrix", a, b)
	if err != nil {
		return runtime.Value{}, err
	}
	labels := unique(append(append([]float64(nil), yt...), yp...))
	if lv.IsValid() && !lv.IsNone() {
		if labels, _, err = toVec("confusion_matrix", "labels", lv); err != nil {
			return runtime.Value{}, err
		}
	}
	pos := map[float64]int{}
	for k, c := range labels {
		pos[c] = k
	}
	n := len(labels)
	cm := make([]int, n*n)
	for i := range yt {
		r, ok1 := pos[yt[i]]
		c, ok2 := pos[yp[i]]
		if ok1 && ok2 {
			cm[r*n+c]++
		}
	}
	v := intsValue(cm)
	return reshape(v, n, n)
}

// auc computes the binary ROC AUC (ties get half credit).
func auc(y []bool, s []float64) (float64, error) {
	idx := make([]int, len(s))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return s[idx[a]] < s[idx[b]] })
	// rank-sum (Mann-Whitney) with average ranks for ties
	ranks := make([]float64, len(s))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && s[idx[j+1]] == s[idx[i]] {
			j++
		}
		r := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			ranks[idx[k]] = r
		}
		i = j + 1
	}
	var np, nn, sum float64
	for i, pos := range y {
		if pos {
			np++
			sum += ranks[i]
		} else {
			nn++
		}
	}
	if np == 0 || nn == 0 {
		return 0, runtime.Errorf("Only one class present in y_true. ROC AUC score is not defined in that case.")
	}
	return (sum - np*(np+1)/2) / (np * nn), nil
}

func rocAUC(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var a, b, avg, mc runtime.Value
	if err := runtime.UnpackArgs("roc_auc_score", args, kwargs, "y_true", &a, "y_score", &b, "average?", &avg, "multi_class?", &mc); err != nil {
		return runtime.Value{}, err
	}
	yt, _, err := toVec("roc_auc_score", "y_true", a)
	if err != nil {
		return runtime.Value{}, err
	}
	if S, err := toMat("roc_auc_score", b, false); err == nil && S.c > 1 {
		// multiclass one-vs-rest, macro average
		cl := unique(yt)
		if len(cl) != S.c {
			return runtime.Value{}, runtime.Errorf("roc_auc_score: Number of classes in y_true (%d) not equal to the number of columns in 'y_score' (%d)", len(cl), S.c)
		}
		tot := 0.0
		for k, c := range cl {
			y := make([]bool, len(yt))
			s := make([]float64, len(yt))
			for i := range yt {
				y[i] = yt[i] == c
				s[i] = S.at(i, k)
			}
			v, err := auc(y, s)
			if err != nil {
				return runtime.Value{}, err
			}
			tot += v
		}
		return runtime.MakeFloat(tot / float64(len(cl))), nil
	}
	ys, _, err := toVec("roc_auc_score", "y_score", b)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(ys) != len(yt) {
		return runtime.Value{}, runtime.Errorf("roc_auc_score: Found input variables with inconsistent numbers of samples: [%d, %d]", len(yt), len(ys))
	}
	cl := unique(yt)
	if len(cl) > 2 {
		return runtime.Value{}, runtime.Errorf("roc_auc_score: multiclass y_true needs a 2-d y_score of class probabilities")
	}
	y := make([]bool, len(yt))
	for i := range yt {
		y[i] = yt[i] == cl[len(cl)-1]
	}
	v, err := auc(y, ys)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("roc_auc_score: %v", err)
	}
	return runtime.MakeFloat(v), nil
}

func regMetric(name string) fn {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var a, b, swv runtime.Value
		squared := true
		multioutput := "uniform_average"
		pairs := []any{"y_true", &a, "y_pred", &b, "sample_weight?", &swv, "multioutput?", &multioutput}
		if name == "mean_squared_error" {
			pairs = append(pairs, "squared?", &squared)
		}
		if err := runtime.UnpackArgs(name, args, kwargs, pairs...); err != nil {
			return runtime.Value{}, err
		}
		switch multioutput {
		case "uniform_average", "raw_values", "variance_weighted":
		default:
			return runtime.Value{}, runtime.Errorf("%s: Allowed 'multioutput' string values are ('raw_values', 'uniform_average', 'variance_weighted'). You provided multioutput='%s'", name, multioutput)
		}
		yt, yp, err := twoVecs(name, a, b)
		if err != nil {
			return runtime.Value{}, err
		}
		var w []float64
		if swv.IsValid() && !swv.IsNone() {
			if w, _, err = toVec(name, "sample_weight", swv); err != nil {
				return runtime.Value{}, err
			}
			if len(w) != len(yt) {
				return runtime.Value{}, runtime.Errorf("%s: Found input variables with inconsistent numbers of samples: [%d, %d, %d]", name, len(yt), len(yp), len(w))
			}
		}
		var v float64
		switch name {
		case "r2_score":
			v = r2w(yt, yp, w)
		case "mean_absolute_error":
			v = weightedMean(yt, yp, w, func(d float64) float64 { return math.Abs(d) })
		default:
			v = weightedMean(yt, yp, w, func(d float64) float64 { return d * d })
			if !squared {
				v = math.Sqrt(v)
			}
		}
		if multioutput == "raw_values" {
			return floatsValue([]float64{v}), nil
		}
		return runtime.MakeFloat(v), nil
	}
}

// weightedMean is the average of f(y_true - y_pred) with weights w (nil:
// all ones), as sklearn's np.average.
func weightedMean(yt, yp, w []float64, f func(float64) float64) float64 {
	s, sw := 0.0, 0.0
	for i := range yt {
		wi := 1.0
		if w != nil {
			wi = w[i]
		}
		s += wi * f(yt[i]-yp[i])
		sw += wi
	}
	return s / sw
}

func pairwiseDistances(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var xv, yv runtime.Value
	metric := "euclidean"
	if err := runtime.UnpackArgs("pairwise_distances", args, kwargs, "X", &xv, "Y?", &yv, "metric?", &metric); err != nil {
		return runtime.Value{}, err
	}
	X, err := toMat("pairwise_distances", xv, false)
	if err != nil {
		return runtime.Value{}, err
	}
	Y := X
	if yv.IsValid() && !yv.IsNone() {
		if Y, err = toMat("pairwise_distances", yv, false); err != nil {
			return runtime.Value{}, err
		}
		if Y.c != X.c {
			return runtime.Value{}, runtime.Errorf("pairwise_distances: Incompatible dimension for X and Y matrices: X.shape[1] == %d while Y.shape[1] == %d", X.c, Y.c)
		}
	}
	D, err := distances(metric, X, Y)
	if err != nil {
		return runtime.Value{}, err
	}
	return D.value(), nil
}

// distances computes a distance matrix for a named metric.
func distances(metric string, X, Y *mat) (*mat, error) {
	D := newMat(X.r, Y.r)
	switch metric {
	case "euclidean", "sqeuclidean":
		sqDist(X, Y, rowNorms(X), rowNorms(Y), D)
		if metric == "euclidean" {
			for k, v := range D.d {
				D.d[k] = math.Sqrt(v)
			}
		}
		if X == Y {
			for i := 0; i < X.r; i++ {
				D.d[i*X.r+i] = 0
			}
		}
	case "manhattan", "cityblock", "l1", "chebyshev":
		for i := 0; i < X.r; i++ {
			xi := X.row(i)
			for j := 0; j < Y.r; j++ {
				yj := Y.row(j)
				s := 0.0
				for k := range xi {
					d := math.Abs(xi[k] - yj[k])
					if metric == "chebyshev" {
						s = math.Max(s, d)
					} else {
						s += d
					}
				}
				D.d[i*Y.r+j] = s
			}
		}
	case "cosine":
		xn, yn := rowNorms(X), rowNorms(Y)
		gemm(false, true, 1, X, Y, 0, D)
		for i := 0; i < X.r; i++ {
			for j := 0; j < Y.r; j++ {
				D.d[i*Y.r+j] = 1 - D.d[i*Y.r+j]/math.Sqrt(xn[i]*yn[j])
			}
		}
	default:
		return nil, runtime.Errorf("pairwise_distances: Unknown metric '%s'. Valid metrics are 'euclidean', 'sqeuclidean', 'manhattan', 'cityblock', 'l1', 'chebyshev', 'cosine'", metric)
	}
	return D, nil
}
