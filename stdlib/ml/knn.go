package ml

import (
	"math"
	"sort"

	"github.com/sim-lang/sim/runtime"
)

var knnParams = []param{
	{"n_neighbors", runtime.MakeInt(5)}, {"weights", runtime.MakeStr("uniform")},
	{"algorithm", runtime.MakeStr("auto")}, {"leaf_size", runtime.MakeInt(30)},
	{"p", runtime.MakeInt(2)}, {"metric", runtime.MakeStr("minkowski")},
	{"metric_params", runtime.None}, {"n_jobs", runtime.None},
}

var (
	_ = register(&spec{name: "KNeighborsClassifier", kind: "classifier", params: knnParams, methods: knnMethods(true)}, "neighbors")
	_ = register(&spec{name: "KNeighborsRegressor", kind: "regressor", params: knnParams, methods: knnMethods(false)}, "neighbors")
)

// knnState is the training set of a neighbours model.
type knnState struct {
	X   *mat
	xn  []float64
	y   []float64
	lab *labels
}

// neighbors returns, for each row of Q, the indices and distances of its k
// nearest training points, nearest first (GEMM distances in row blocks).
func (s *knnState) neighbors(Q *mat, k int, metric string) ([][]int, [][]float64, error) {
	idx := make([][]int, Q.r)
	dist := make([][]float64, Q.r)
	const block = 256
	order := make([]int, s.X.r)
	for lo := 0; lo < Q.r; lo += block {
		hi := min(lo+block, Q.r)
		B := &mat{hi - lo, Q.c, Q.d[lo*Q.c : hi*Q.c]}
		var D *mat
		if metric == "euclidean" {
			D = newMat(B.r, s.X.r)
			sqDist(B, s.X, rowNorms(B), s.xn, D)
		} else {
			var err error
			if D, err = distances(metric, B, s.X); err != nil {
				return nil, nil, err
			}
		}
		for i := 0; i < B.r; i++ {
			r := D.row(i)
			for j := range order {
				order[j] = j
			}
			partialSort(order, r, k)
			idx[lo+i] = append([]int(nil), order[:k]...)
			dd := make([]float64, k)
			for j, o := range order[:k] {
				dd[j] = r[o]
				if metric == "euclidean" {
					dd[j] = math.Sqrt(dd[j])
				}
			}
			dist[lo+i] = dd
		}
	}
	return idx, dist, nil
}

// partialSort moves the k smallest keys (ties by index) to the front of
// order, sorted.
func partialSort(order []int, key []float64, k int) {
	less := func(a, b int) bool {
		if key[a] != key[b] {
			return key[a] < key[b]
		}
		return a < b
	}
	// selection by a bounded max-heap would be faster for tiny k; a
	// quickselect keeps it simple and linear on average
	lo, hi := 0, len(order)-1
	for lo < hi {
		p := order[(lo+hi)/2]
		i, j := lo, hi
		for i <= j {
			for less(order[i], p) {
				i++
			}
			for less(p, order[j]) {
				j--
			}
			if i <= j {
				order[i], order[j] = order[j], order[i]
				i++
				j--
			}
		}
		if k-1 <= j {
			hi = j
		} else if k-1 >= i {
			lo = i
		} else {
			break
		}
	}
	sort.Slice(order[:k], func(a, b int) bool { return less(order[a], order[b]) })
}

func knnMetric(e *Estimator) (string, error) {
	m, err := e.pStr("metric", "minkowski", "euclidean", "manhattan", "cityblock", "l1", "chebyshev", "cosine")
	if err != nil {
		return "", err
	}
	if m == "minkowski" {
		p, err := e.pInt("p")
		if err != nil {
			return "", err
		}
		switch p {
		case 1:
			return "manhattan", nil
		case 2:
			return "euclidean", nil
		}
		return "", runtime.Errorf("%s: only p=1 and p=2 are supported, got p=%d", e.spec.name, p)
	}
	return m, nil
}

func knnMethods(classify bool) map[string]method {
	query := func(e *Estimator, meth string, args []runtime.Value, kwargs []runtime.Kwarg) ([][]int, [][]float64, *knnState, error) {
		X, err := e.fittedX(meth, args, kwargs)
		if err != nil {
			return nil, nil, nil, err
		}
		st := e.state.(*knnState)
		k, err := e.pInt("n_neighbors")
		if err != nil {
			return nil, nil, nil, err
		}
		metric, err := knnMetric(e)
		if err != nil {
			return nil, nil, nil, err
		}
		idx, dist, err := st.neighbors(X, k, metric)
		return idx, dist, st, err
	}
	weightsOf := func(e *Estimator, d []float64) ([]float64, error) {
		w, err := e.pStr("weights", "uniform", "distance")
		if err != nil {
			return nil, err
		}
		out := make([]float64, len(d))
		zero := false
		for _, v := range d {
			zero = zero || v == 0
		}
		for j, v := range d {
			switch {
			case w == "uniform":
				out[j] = 1
			case zero && v == 0:
				out[j] = 1
			case zero:
				out[j] = 0
			default:
				out[j] = 1 / v
			}
		}
		return out, nil
	}
	proba := func(e *Estimator, args []runtime.Value, kwargs []runtime.Kwarg) (*mat, *knnState, error) {
		idx, dist, st, err := query(e, "predict", args, kwargs)
		if err != nil {
			return nil, nil, err
		}
		P := newMat(len(idx), len(st.lab.classes))
		for i := range idx {
			w, err := weightsOf(e, dist[i])
			if err != nil {
				return nil, nil, err
			}
			r := P.row(i)
			tot := 0.0
			for j, t := range idx[i] {
				r[st.lab.idx[t]] += w[j]
				tot += w[j]
			}
			for c := range r {
				r[c] /= tot
			}
		}
		return P, st, nil
	}
	m := map[string]method{
		"fit": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, y, isInt, err := argsXy(e, "fit", args, kwargs, true)
			if err != nil {
				return runtime.Value{}, err
			}
			k, err := e.pInt("n_neighbors")
			if err != nil {
				return runtime.Value{}, err
			}
			if k < 1 {
				return runtime.Value{}, runtime.Errorf("%s: n_neighbors must be >= 1, got %d", e.spec.name, k)
			}
			if k > X.r {
				return runtime.Value{}, runtime.Errorf("%s: Expected n_neighbors <= n_samples_fit, but n_neighbors = %d, n_samples_fit = %d", e.spec.name, k, X.r)
			}
			if _, err := knnMetric(e); err != nil {
				return runtime.Value{}, err
			}
			e.fitted = map[string]runtime.Value{}
			st := &knnState{X: X, xn: rowNorms(X), y: y}
			if classify {
				st.lab = encode(y, isInt)
				e.set("classes_", classesValue(st.lab.classes, isInt))
			}
			e.state = st
			e.setFit(X)
			e.set("n_samples_fit_", runtime.MakeInt(int64(X.r)))
			return runtime.MakeObj(e), nil
		},
		"kneighbors": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			idx, dist, _, err := query(e, "kneighbors", args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			k := len(idx[0])
			I, D := make([]int, 0, len(idx)*k), newMat(len(idx), k)
			for i := range idx {
				I = append(I, idx[i]...)
				copy(D.row(i), dist[i])
			}
			iv, _ := reshape(intsValue(I), len(idx), k)
			return runtime.MakeTuple(D.value(), iv), nil
		},
	}
	if classify {
		m["predict_proba"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			P, _, err := proba(e, args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			return P.value(), nil
		}
		m["predict"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			P, st, err := proba(e, args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			return st.lab.decode(argmaxRows(P)), nil
		}
	} else {
		m["predict"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			idx, dist, st, err := query(e, "predict", args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			out := make([]float64, len(idx))
			for i := range idx {
				w, err := weightsOf(e, dist[i])
				if err != nil {
					return runtime.Value{}, err
				}
				s, tot := 0.0, 0.0
				for j, t := range idx[i] {
					s += w[j] * st.y[t]
					tot += w[j]
				}
				out[i] = s / tot
			}
			return floatsValue(out), nil
		}
	}
	return m
}
