package ml

import (
	"math"
	"sort"

	"github.com/sim-lang/sim/runtime"
)

// transformer builds the method table of a column-wise transformer from
// its fit and transform functions.
func transformer(allowNaN bool, fit func(e *Estimator, X *mat) error, tr func(e *Estimator, X *mat) *mat, inv func(e *Estimator, X *mat) *mat) map[string]method {
	// read returns X, and its column names when it is a DataFrame
	read := func(e *Estimator, meth string, args []runtime.Value, kwargs []runtime.Kwarg) (*mat, []string, error) {
		var X, y runtime.Value
		fn := e.spec.name + "." + meth
		if err := runtime.UnpackArgs(fn, args, kwargs, "X", &X, "y?", &y); err != nil {
			return nil, nil, err
		}
		var names []string
		if t, ok := X.Obj().(*Table); ok {
			names = t.names()
		}
		m, err := toMat(fn, X, allowNaN)
		return m, names, err
	}
	m := map[string]method{
		"fit": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, names, err := read(e, "fit", args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			e.fitted = map[string]runtime.Value{}
			if err := fit(e, X); err != nil {
				return runtime.Value{}, err
			}
			e.setFit(X)
			if names != nil {
				e.set("feature_names_in_", strList(names))
			}
			return runtime.MakeObj(e), nil
		},
		"transform": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if e.state == nil {
				return runtime.Value{}, e.notFitted()
			}
			X, _, err := read(e, "transform", args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			if err := e.checkFeatures("transform", X); err != nil {
				return runtime.Value{}, err
			}
			return tr(e, X).value(), nil
		},
	}
	if inv != nil {
		m["inverse_transform"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if e.state == nil {
				return runtime.Value{}, e.notFitted()
			}
			X, _, err := read(e, "inverse_transform", args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			if err := e.checkFeatures("inverse_transform", X); err != nil {
				return runtime.Value{}, err
			}
			return inv(e, X).value(), nil
		}
	}
	return m
}

// affine is a per-column x*scale + shift state.
type affine struct{ scale, shift []float64 }

func (a *affine) apply(X *mat, inverse bool) *mat {
	out := X.clone()
	for i := 0; i < out.r; i++ {
		r := out.row(i)
		for j := range r {
			if inverse {
				r[j] = (r[j] - a.shift[j]) / a.scale[j]
			} else {
				r[j] = r[j]*a.scale[j] + a.shift[j]
			}
		}
	}
	return out
}

func affineTr(e *Estimator, X *mat) *mat  { return e.state.(*affine).apply(X, false) }
func affineInv(e *Estimator, X *mat) *mat { return e.state.(*affine).apply(X, true) }

var (
	_ = register(&spec{name: "StandardScaler", kind: "transformer", params: []param{
		{"copy", runtime.True}, {"with_mean", runtime.True}, {"with_std", runtime.True},
	}, methods: transformer(false, func(e *Estimator, X *mat) error {
		mu := colMeans(X)
		v := colVars(X, mu)
		a := &affine{scale: make([]float64, X.c), shift: make([]float64, X.c)}
		sc := make([]float64, X.c)
		for j := range mu {
			sc[j] = 1
			if e.pBool("with_std") && v[j] > 1e-300 {
				sc[j] = math.Sqrt(v[j])
			}
			m := 0.0
			if e.pBool("with_mean") {
				m = mu[j]
			}
			a.scale[j] = 1 / sc[j]
			a.shift[j] = -m / sc[j]
		}
		e.state = a
		e.set("mean_", floatsValue(mu))
		e.set("var_", floatsValue(v))
		e.set("scale_", floatsValue(sc))
		e.set("n_samples_seen_", runtime.MakeInt(int64(X.r)))
		return nil
	}, affineTr, affineInv)}, "preprocessing")

	_ = register(&spec{name: "MinMaxScaler", kind: "transformer", params: []param{
		{"feature_range", runtime.MakeTuple(runtime.MakeInt(0), runtime.MakeInt(1))},
		{"copy", runtime.True}, {"clip", runtime.False},
	}, methods: transformer(false, func(e *Estimator, X *mat) error {
		fr, _, err := toVec("MinMaxScaler", "feature_range", e.params["feature_range"])
		if err != nil || len(fr) != 2 || fr[0] >= fr[1] {
			return runtime.Errorf("MinMaxScaler: Minimum of desired feature range must be smaller than maximum. Got %s.", runtime.Repr(e.params["feature_range"]))
		}
		lo, hi := make([]float64, X.c), make([]float64, X.c)
		for j := range lo {
			lo[j], hi[j] = math.Inf(1), math.Inf(-1)
		}
		for i := 0; i < X.r; i++ {
			for j, x := range X.row(i) {
				lo[j], hi[j] = math.Min(lo[j], x), math.Max(hi[j], x)
			}
		}
		a := &affine{scale: make([]float64, X.c), shift: make([]float64, X.c)}
		rng := make([]float64, X.c)
		for j := range lo {
			rng[j] = hi[j] - lo[j]
			r := rng[j]
			if r == 0 {
				r = 1
			}
			a.scale[j] = (fr[1] - fr[0]) / r
			a.shift[j] = fr[0] - lo[j]*a.scale[j]
		}
		e.state = a
		e.set("data_min_", floatsValue(lo))
		e.set("data_max_", floatsValue(hi))
		e.set("data_range_", floatsValue(rng))
		e.set("scale_", floatsValue(append([]float64(nil), a.scale...)))
		e.set("min_", floatsValue(append([]float64(nil), a.shift...)))
		return nil
	}, func(e *Estimator, X *mat) *mat {
		out := affineTr(e, X)
		if e.pBool("clip") {
			fr, _, _ := toVec("MinMaxScaler", "feature_range", e.params["feature_range"])
			for k, v := range out.d {
				out.d[k] = math.Max(fr[0], math.Min(fr[1], v))
			}
		}
		return out
	}, affineInv)}, "preprocessing")

	_ = register(&spec{name: "SimpleImputer", kind: "transformer", params: []param{
		{"missing_values", runtime.MakeFloat(math.NaN())}, {"strategy", runtime.MakeStr("mean")},
		{"fill_value", runtime.None}, {"copy", runtime.True}, {"add_indicator", runtime.False},
	}, methods: transformer(true, imputerFit, imputerTransform, nil)}, "impute")
)

type imputer struct {
	stats   []float64
	missing float64
	ind     []int // features with missing values at fit time
	addInd  bool
}

func (im *imputer) isMissing(x float64) bool {
	if math.IsNaN(im.missing) {
		return math.IsNaN(x)
	}
	return x == im.missing
}

func imputerFit(e *Estimator, X *mat) error {
	strategy, err := e.pStr("strategy", "mean", "median", "most_frequent", "constant")
	if err != nil {
		return err
	}
	mv, ok := e.params["missing_values"].ToFloat()
	if !ok {
		return runtime.Errorf("SimpleImputer: missing_values must be a number or nan")
	}
	im := &imputer{missing: mv, addInd: e.pBool("add_indicator"), stats: make([]float64, X.c)}
	fill := 0.0
	if strategy == "constant" && !e.pNone("fill_value") {
		if fill, ok = e.params["fill_value"].ToFloat(); !ok {
			return runtime.Errorf("SimpleImputer: fill_value must be a number for numerical data")
		}
	}
	col := make([]float64, 0, X.r)
	for j := 0; j < X.c; j++ {
		col = col[:0]
		for i := 0; i < X.r; i++ {
			if x := X.at(i, j); !im.isMissing(x) {
				col = append(col, x)
			}
		}
		if len(col) < X.r {
			im.ind = append(im.ind, j)
		}
		s := math.NaN()
		switch {
		case strategy == "constant":
			s = fill
		case len(col) == 0:
		case strategy == "mean":
			s = 0
			for _, x := range col {
				s += x
			}
			s /= float64(len(col))
		case strategy == "median":
			sort.Float64s(col)
			n := len(col)
			if n%2 == 1 {
				s = col[n/2]
			} else {
				s = (col[n/2-1] + col[n/2]) / 2
			}
		default: // most_frequent: the smallest of the most common values
			sort.Float64s(col)
			best, bc := col[0], 0
			for a := 0; a < len(col); {
				b := a
				for b < len(col) && col[b] == col[a] {
					b++
				}
				if b-a > bc {
					best, bc = col[a], b-a
				}
				a = b
			}
			s = best
		}
		if math.IsNaN(s) {
			s = 0 // an all-missing column is filled with 0
		}
		im.stats[j] = s
	}
	e.state = im
	e.set("statistics_", floatsValue(append([]float64(nil), im.stats...)))
	if im.addInd {
		e.set("indicator_features_", intsValue(im.ind))
	}
	return nil
}

func imputerTransform(e *Estimator, X *mat) *mat {
	im := e.state.(*imputer)
	extra := 0
	if im.addInd {
		extra = len(im.ind)
	}
	out := newMat(X.r, X.c+extra)
	for i := 0; i < X.r; i++ {
		r := out.row(i)
		for j, x := range X.row(i) {
			if im.isMissing(x) {
				x = im.stats[j]
			}
			r[j] = x
		}
		for k, j := range im.ind[:extra] {
			if im.isMissing(X.at(i, j)) {
				r[X.c+k] = 1
			}
		}
	}
	return out
}
