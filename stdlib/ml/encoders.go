package ml

import (
	"fmt"
	"math"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// The categorical encoders of sklearn.preprocessing. X may hold strings
// (a list of rows, or a DataFrame's categorical columns) or numbers;
// categories_ holds arrays for numeric features and lists of strings for
// string ones (numpy's object arrays).
var (
	_ = register(&spec{name: "OneHotEncoder", kind: "transformer", params: []param{
		{"categories", runtime.MakeStr("auto")}, {"drop", runtime.None}, {"sparse", runtime.MakeStr("deprecated")},
		{"sparse_output", runtime.False}, {"dtype", runtime.None}, {"handle_unknown", runtime.MakeStr("error")},
		{"min_frequency", runtime.None}, {"max_categories", runtime.None},
	}, methods: encoderMethods(oheFit, oheTransform, oheInverse, oheNames)}, "preprocessing")

	_ = register(&spec{name: "OrdinalEncoder", kind: "transformer", params: []param{
		{"categories", runtime.MakeStr("auto")}, {"dtype", runtime.None}, {"handle_unknown", runtime.MakeStr("error")},
		{"unknown_value", runtime.None}, {"encoded_missing_value", runtime.MakeFloat(math.NaN())},
	}, methods: encoderMethods(ordFit, ordTransform, ordInverse, nil)}, "preprocessing")
)

// encState is a fitted encoder.
type encState struct {
	sets    []*catSet
	names   []string // feature_names_in_ (nil unless fitted on a DataFrame)
	drop    []int    // OneHotEncoder: the dropped category of each feature, -1 for none
	ignore  bool     // unknown categories are encoded as zeros / unknown_value
	unknown float64  // OrdinalEncoder's unknown_value
	missing float64  // OrdinalEncoder's encoded_missing_value
}

// encoderMethods builds fit/transform/inverse_transform (and
// get_feature_names_out when names is given) of an encoder.
func encoderMethods(fit func(e *Estimator, st *encState, cols []*catCol) error,
	tr func(st *encState, cols []*catCol) (*mat, error),
	inv func(st *encState, X *mat) (runtime.Value, error),
	names func(st *encState, in []string) []string) map[string]method {
	m := map[string]method{
		"fit": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			var X, y runtime.Value
			fn := e.spec.name + ".fit"
			if err := runtime.UnpackArgs(fn, args, kwargs, "X", &X, "y?", &y); err != nil {
				return runtime.Value{}, err
			}
			cols, colNames, err := readCats(fn, X)
			if err != nil {
				return runtime.Value{}, err
			}
			st := &encState{names: colNames}
			if st.sets, err = encoderCategories(e, fn, cols); err != nil {
				return runtime.Value{}, err
			}
			e.fitted = map[string]runtime.Value{}
			e.state = nil
			if err := fit(e, st, cols); err != nil {
				return runtime.Value{}, err
			}
			e.state = st
			cats := make([]runtime.Value, len(st.sets))
			for j, s := range st.sets {
				cats[j] = s.value()
			}
			e.set("categories_", runtime.NewList(cats))
			e.set("n_features_in_", runtime.MakeInt(int64(len(cols))))
			if colNames != nil {
				e.set("feature_names_in_", strList(colNames))
			}
			return runtime.MakeObj(e), nil
		},
		"transform": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			st, cols, err := encoderInput(e, args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			out, err := tr(st, cols)
			if err != nil {
				return runtime.Value{}, runtime.Errorf("%s.transform: %v", e.spec.name, err)
			}
			return out.value(), nil
		},
		"inverse_transform": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			st, ok := e.state.(*encState)
			if !ok {
				return runtime.Value{}, e.notFitted()
			}
			var X runtime.Value
			fn := e.spec.name + ".inverse_transform"
			if err := runtime.UnpackArgs(fn, args, kwargs, "X", &X); err != nil {
				return runtime.Value{}, err
			}
			Xm, err := toMat(fn, X, true)
			if err != nil {
				return runtime.Value{}, err
			}
			out, err := inv(st, Xm)
			if err != nil {
				return runtime.Value{}, runtime.Errorf("%s: %v", fn, err)
			}
			return out, nil
		},
	}
	m["get_feature_names_out"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		st, ok := e.state.(*encState)
		if !ok {
			return runtime.Value{}, e.notFitted()
		}
		var in runtime.Value
		fn := e.spec.name + ".get_feature_names_out"
		if err := runtime.UnpackArgs(fn, args, kwargs, "input_features?", &in); err != nil {
			return runtime.Value{}, err
		}
		inNames, err := inputNames(fn, st, in)
		if err != nil {
			return runtime.Value{}, err
		}
		if names == nil {
			return strList(inNames), nil
		}
		return strList(names(st, inNames)), nil
	}
	return m
}

// encoderInput reads the X of transform and checks it against the fit.
func encoderInput(e *Estimator, args []runtime.Value, kwargs []runtime.Kwarg) (*encState, []*catCol, error) {
	st, ok := e.state.(*encState)
	if !ok {
		return nil, nil, e.notFitted()
	}
	var X runtime.Value
	fn := e.spec.name + ".transform"
	if err := runtime.UnpackArgs(fn, args, kwargs, "X", &X); err != nil {
		return nil, nil, err
	}
	cols, _, err := readCats(fn, X)
	if err != nil {
		return nil, nil, err
	}
	if len(cols) != len(st.sets) {
		return nil, nil, runtime.Errorf("%s: X has %d features, but %s is expecting %d features as input", fn, len(cols), e.spec.name, len(st.sets))
	}
	return st, cols, nil
}

// inputNames returns the input feature names: those given, those seen
// in fit, or x0, x1, ...
func inputNames(fn string, st *encState, in runtime.Value) ([]string, error) {
	if in.IsValid() && !in.IsNone() {
		names, err := stringList(in)
		if err != nil {
			return nil, runtime.Errorf("%s: input_features must be a list of strings", fn)
		}
		if len(names) != len(st.sets) {
			return nil, runtime.Errorf("%s: input_features should have length equal to number of features (%d), got %d", fn, len(st.sets), len(names))
		}
		if st.names != nil && strings.Join(names, "\x00") != strings.Join(st.names, "\x00") {
			return nil, runtime.Errorf("%s: input_features is not equal to feature_names_in_", fn)
		}
		return names, nil
	}
	if st.names != nil {
		return st.names, nil
	}
	names := make([]string, len(st.sets))
	for j := range names {
		names[j] = fmt.Sprintf("x%d", j)
	}
	return names, nil
}

// encoderCategories returns the categories of each feature: found in the
// data (categories='auto') or given (a list with one list per feature,
// checked against the data when unknown categories are errors).
func encoderCategories(e *Estimator, fn string, cols []*catCol) ([]*catSet, error) {
	sets := make([]*catSet, len(cols))
	spec := e.params["categories"]
	if s, ok := runtime.AsString(spec); ok {
		if s != "auto" {
			return nil, runtime.Errorf("%s: categories must be 'auto' or a list of lists of categories, not %s", fn, runtime.Repr(spec))
		}
		for j, c := range cols {
			sets[j] = fitSet(c)
		}
		return sets, nil
	}
	given, err := listOf(fn, "categories", spec)
	if err != nil {
		return nil, err
	}
	if len(given) != len(cols) {
		return nil, runtime.Errorf("%s: Shape mismatch: if categories is an array, it has to be of shape (n_features,).", fn)
	}
	hu, _ := runtime.AsString(e.params["handle_unknown"])
	for j, g := range given {
		if sets[j], err = parseSet(fn, g, j); err != nil {
			return nil, err
		}
		if hu == "error" {
			c := cols[j]
			for i := range c.miss {
				if _, ok := sets[j].lookup(c, i); !ok {
					return nil, runtime.Errorf("%s: Found unknown categories %s in column %d during fit", fn, unknownCells(sets[j], c), j)
				}
			}
		}
	}
	return sets, nil
}

// ---- OneHotEncoder ----

func oheFit(e *Estimator, st *encState, cols []*catCol) error {
	hu, err := e.pStr("handle_unknown", "error", "ignore", "infrequent_if_exist")
	if err != nil {
		return err
	}
	st.ignore = hu != "error"
	if sp, ok := runtime.AsString(e.params["sparse"]); (!ok || sp != "deprecated") && e.pBool("sparse") || e.pBool("sparse_output") {
		return runtime.Errorf("OneHotEncoder: sparse output is not supported (sim has no sparse matrices); use sparse_output=False for a dense array")
	}
	if !e.pNone("min_frequency") || !e.pNone("max_categories") {
		return runtime.Errorf("OneHotEncoder: infrequent categories (min_frequency, max_categories) are not supported; leave them None")
	}
	st.drop = make([]int, len(st.sets))
	for j := range st.drop {
		st.drop[j] = -1
	}
	dv := e.params["drop"]
	switch s, isStr := runtime.AsString(dv); {
	case dv.IsNone():
	case isStr && s == "first":
		for j := range st.drop {
			st.drop[j] = 0
		}
	case isStr && s == "if_binary":
		for j, set := range st.sets {
			if set.size() == 2 {
				st.drop[j] = 0
			}
		}
	case isStr:
		return runtime.Errorf("OneHotEncoder: Wrong input for parameter `drop`. Expected 'first', 'if_binary', None or array of objects, got %s", runtime.Repr(dv))
	default:
		cells, err := listOf("OneHotEncoder", "drop", dv)
		if err != nil {
			return runtime.Errorf("OneHotEncoder: Wrong input for parameter `drop`. Expected 'first', 'if_binary', None or array of objects, got %s", runtime.TypeName(dv))
		}
		if len(cells) != len(st.sets) {
			return runtime.Errorf("OneHotEncoder: `drop` should have length equal to the number of features (%d), got %d", len(st.sets), len(cells))
		}
		var missing []string
		for j, set := range st.sets {
			c := &catCol{isInt: true}
			if err := c.add("OneHotEncoder", cells[j]); err != nil {
				return err
			}
			_ = c.settle("OneHotEncoder", j)
			k, ok := set.lookup(c, 0)
			if !ok {
				missing = append(missing, fmt.Sprintf("Category: %s, Feature: %d", cellRepr(c, 0), j))
			}
			st.drop[j] = k
		}
		if missing != nil {
			return runtime.Errorf("OneHotEncoder: The following categories were supposed to be dropped, but were not found in the training data.\n%s", strings.Join(missing, "\n"))
		}
	}
	if dv.IsNone() {
		e.set("drop_idx_", runtime.None)
	} else {
		idx := make([]runtime.Value, len(st.drop))
		for j, k := range st.drop {
			idx[j] = runtime.None
			if k >= 0 {
				idx[j] = runtime.MakeInt(int64(k))
			}
		}
		if v, err := array.From(runtime.NewList(idx)); err == nil {
			e.set("drop_idx_", array.Value(v))
		} else {
			e.set("drop_idx_", runtime.NewList(idx))
		}
	}
	return nil
}

// width is the number of output columns of feature j.
func (st *encState) width(j int) int {
	w := st.sets[j].size()
	if st.drop != nil && st.drop[j] >= 0 {
		w--
	}
	return w
}

func oheTransform(st *encState, cols []*catCol) (*mat, error) {
	total := 0
	for j := range st.sets {
		total += st.width(j)
	}
	n := cols[0].len()
	out := newMat(n, total)
	off := 0
	for j, set := range st.sets {
		c, drop := cols[j], st.drop[j]
		for i := 0; i < n; i++ {
			k, ok := set.lookup(c, i)
			if !ok {
				if !st.ignore {
					return nil, fmt.Errorf("Found unknown categories %s in column %d during transform", unknownCells(set, c), j)
				}
				continue
			}
			switch {
			case k == drop:
				continue
			case drop >= 0 && k > drop:
				k--
			}
			out.d[i*total+off+k] = 1
		}
		off += st.width(j)
	}
	return out, nil
}

func oheInverse(st *encState, X *mat) (runtime.Value, error) {
	total := 0
	for j := range st.sets {
		total += st.width(j)
	}
	if X.c != total {
		return runtime.Value{}, fmt.Errorf("Shape of the passed X data is not correct. Expected %d columns, got %d.", total, X.c)
	}
	codes := make([][]int, X.r) // category per cell, -1 for unknown
	var zeros []string
	zero := make([]bool, X.r)
	for i := range codes {
		codes[i] = make([]int, len(st.sets))
	}
	off := 0
	for j := range st.sets {
		w, drop := st.width(j), st.drop[j]
		for i := 0; i < X.r; i++ {
			block := X.row(i)[off : off+w]
			k, best := -1, 0.0
			for q, v := range block {
				if v > best {
					k, best = q, v
				}
			}
			switch {
			case k < 0 && drop >= 0:
				k = drop
			case k < 0 && !st.ignore:
				zero[i] = true
			case drop >= 0 && k >= drop:
				k++
			}
			codes[i][j] = k
		}
		off += w
	}
	for i, z := range zero {
		if z {
			zeros = append(zeros, fmt.Sprint(i))
		}
	}
	if zeros != nil {
		return runtime.Value{}, fmt.Errorf("Samples [%s] can not be inverted when drop=None and handle_unknown='error' because they contain all zeros", strings.Join(zeros, ", "))
	}
	return decodeRows(st.sets, codes), nil
}

func oheNames(st *encState, in []string) []string {
	var out []string
	for j, set := range st.sets {
		for k := 0; k < set.size(); k++ {
			if k != st.drop[j] {
				out = append(out, in[j]+"_"+set.label(k))
			}
		}
	}
	return out
}

// decodeRows turns category codes (-1: unknown, None) back into values:
// a numeric array when every feature is numeric and every cell known,
// otherwise a list of rows.
func decodeRows(sets []*catSet, codes [][]int) runtime.Value {
	numeric, ints := true, true
	for _, s := range sets {
		numeric = numeric && !s.isStr
		ints = ints && s.isInt && !s.missing
	}
	for _, r := range codes {
		for _, k := range r {
			numeric = numeric && k >= 0
		}
	}
	if numeric {
		d := make([]float64, 0, len(codes)*len(sets))
		for _, r := range codes {
			for j, k := range r {
				f, _ := sets[j].cat(k).ToFloat()
				d = append(d, f)
			}
		}
		a := array.FromFloats(d, len(codes), len(sets))
		if ints {
			iv := make([]int64, len(d))
			for k, v := range d {
				iv[k] = int64(v)
			}
			a = array.FromInts(iv, len(codes), len(sets))
		}
		return array.Value(a)
	}
	rows := make([]runtime.Value, len(codes))
	for i, r := range codes {
		cells := make([]runtime.Value, len(r))
		for j, k := range r {
			cells[j] = runtime.None
			if k >= 0 {
				cells[j] = sets[j].cat(k)
			}
		}
		rows[i] = runtime.NewList(cells)
	}
	return runtime.NewList(rows)
}

// ---- OrdinalEncoder ----

func ordFit(e *Estimator, st *encState, cols []*catCol) error {
	hu, err := e.pStr("handle_unknown", "error", "use_encoded_value")
	if err != nil {
		return err
	}
	st.ignore = hu == "use_encoded_value"
	uv := e.params["unknown_value"]
	if st.ignore {
		f, ok := uv.ToFloat()
		isInt := uv.Kind() == runtime.IntKind
		if !ok || (!isInt && !math.IsNaN(f)) {
			return runtime.Errorf("OrdinalEncoder: unknown_value should be an integer or np.nan when handle_unknown is 'use_encoded_value', got %s.", runtime.Repr(uv))
		}
		st.unknown = f
		for _, s := range st.sets {
			if isInt && f >= 0 && int(f) < s.size() {
				return runtime.Errorf("OrdinalEncoder: The used value for unknown_value %s is one of the values already used for encoding the seen categories.", runtime.Repr(uv))
			}
		}
	} else if !uv.IsNone() {
		return runtime.Errorf("OrdinalEncoder: unknown_value should only be set when handle_unknown is 'use_encoded_value', got %s.", runtime.Repr(uv))
	}
	mv, ok := e.params["encoded_missing_value"].ToFloat()
	if !ok {
		return runtime.Errorf("OrdinalEncoder: encoded_missing_value must be a number or np.nan, not %s", runtime.Repr(e.params["encoded_missing_value"]))
	}
	st.missing = mv
	return nil
}

func ordTransform(st *encState, cols []*catCol) (*mat, error) {
	n := cols[0].len()
	out := newMat(n, len(st.sets))
	for j, set := range st.sets {
		c := cols[j]
		for i := 0; i < n; i++ {
			k, ok := set.lookup(c, i)
			switch {
			case c.miss[i] && set.missing && !set.isStr: // NaN; None is a category
				out.d[i*out.c+j] = st.missing
			case !ok && st.ignore:
				out.d[i*out.c+j] = st.unknown
			case !ok:
				return nil, fmt.Errorf("Found unknown categories %s in column %d during transform", unknownCells(set, c), j)
			default:
				out.d[i*out.c+j] = float64(k)
			}
		}
	}
	return out, nil
}

func ordInverse(st *encState, X *mat) (runtime.Value, error) {
	if X.c != len(st.sets) {
		return runtime.Value{}, fmt.Errorf("Shape of the passed X data is not correct. Expected %d columns, got %d.", len(st.sets), X.c)
	}
	codes := make([][]int, X.r)
	for i := range codes {
		codes[i] = make([]int, X.c)
		for j, v := range X.row(i) {
			set := st.sets[j]
			switch {
			case set.missing && !set.isStr && (v == st.missing || math.IsNaN(v) && math.IsNaN(st.missing)):
				codes[i][j] = set.size() - 1
			case st.ignore && (v == st.unknown || math.IsNaN(v) && math.IsNaN(st.unknown)):
				codes[i][j] = -1
			case v >= 0 && v < float64(set.size()) && v == math.Trunc(v):
				codes[i][j] = int(v)
			default:
				return runtime.Value{}, fmt.Errorf("%s is not a code of feature %d (0 to %d)", runtime.Repr(runtime.MakeFloat(v)), j, set.size()-1)
			}
		}
	}
	return decodeRows(st.sets, codes), nil
}
