package ml

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// ColumnTransformer as scikit-learn 1.2 has it: each transformer fits on
// its own columns (int indices, names of a DataFrame's columns, a bool
// mask, a slice or a callable choosing them) and the outputs are stacked
// side by side, then the remaining columns ('drop' or 'passthrough' or a
// transformer). Output is always dense: sparse_threshold and n_jobs are
// accepted and ignored.
var (
	_ = register(&spec{name: "ColumnTransformer", kind: "transformer", params: []param{
		{"transformers", runtime.NewList(nil)}, {"remainder", runtime.MakeStr("drop")},
		{"sparse_threshold", runtime.MakeFloat(0.3)}, {"n_jobs", runtime.None},
		{"transformer_weights", runtime.None}, {"verbose", runtime.False},
		{"verbose_feature_names_out", runtime.True},
	}, methods: colTransMethods()}, "compose")
	_ = def("make_column_transformer", makeColumnTransformer, "compose")
)

// ctItem is one transformer of a ColumnTransformer and its columns.
type ctItem struct {
	name   string
	kind   string        // "est", "drop" or "passthrough"
	est    runtime.Value // the transformer (a fitted clone after fit)
	spec   runtime.Value // the columns as given
	cols   []int         // the columns chosen (indices into the fit's X)
	scalar bool          // a single column given as a scalar: passed 1-d
	weight float64       // transformer_weights entry (1 without)
}

// ctState is a fitted ColumnTransformer.
type ctState struct {
	items  []*ctItem // in order, then the remainder when it has columns
	nIn    int
	names  []string // the DataFrame's column names at fit (nil otherwise)
	widths []int    // output columns of each item
}

// ctData is the X of a ColumnTransformer: a DataFrame, a numeric matrix,
// or rows of arbitrary cells (strings for the encoders).
type ctData struct {
	v     runtime.Value
	n, p  int
	table *Table
	m     *mat
	rows  [][]runtime.Value
}

func readCTData(fn string, v runtime.Value) (*ctData, error) {
	if t, ok := v.Obj().(*Table); ok {
		return &ctData{v: v, n: t.n, p: len(t.cols), table: t}, nil
	}
	if m, err := toMat(fn, v, true); err == nil {
		return &ctData{v: v, n: m.r, p: m.c, m: m}, nil
	} else if _, isArr := v.Obj().(*array.Array); isArr {
		return nil, err
	}
	rows, err := listOf(fn, "X", v)
	if err != nil {
		return nil, err
	}
	d := &ctData{v: v, n: len(rows)}
	for i, r := range rows {
		cells, err := listOf(fn, "X", r)
		if err != nil {
			return nil, runtime.Errorf("%s: Expected 2D array, got 1D array instead (reshape your data with X.reshape(-1, 1) for a single feature or X.reshape(1, -1) for a single sample)", fn)
		}
		if i == 0 {
			d.p = len(cells)
		} else if len(cells) != d.p {
			return nil, runtime.Errorf("%s: X has rows of different lengths (%d and %d)", fn, d.p, len(cells))
		}
		d.rows = append(d.rows, cells)
	}
	if d.n == 0 {
		return nil, runtime.Errorf("%s: Found array with 0 sample(s) while a minimum of 1 is required", fn)
	}
	return d, nil
}

// take returns the chosen columns in X's own kind: a DataFrame, an
// array or rows of cells; a scalar selection gives one 1-d column.
func (d *ctData) take(cols []int, scalar bool) runtime.Value {
	switch {
	case d.table != nil:
		if scalar {
			return d.table.cols[cols[0]].value()
		}
		t := &Table{n: d.n, index: d.table.index}
		for _, j := range cols {
			t.cols = append(t.cols, d.table.cols[j])
		}
		return runtime.MakeObj(t)
	case d.m != nil:
		if scalar {
			x := make([]float64, d.n)
			for i := range x {
				x[i] = d.m.at(i, cols[0])
			}
			return floatsValue(x)
		}
		return d.m.cols(cols).value()
	}
	out := make([]runtime.Value, d.n)
	for i, r := range d.rows {
		if scalar {
			out[i] = r[cols[0]]
			continue
		}
		cells := make([]runtime.Value, len(cols))
		for k, j := range cols {
			cells[k] = r[j]
		}
		out[i] = runtime.NewList(cells)
	}
	return runtime.NewList(out)
}

// numeric returns the chosen columns as numbers (passthrough).
func (d *ctData) numeric(fn string, cols []int) (*mat, error) {
	switch {
	case d.table != nil:
		out := newMat(d.n, len(cols))
		for k, j := range cols {
			c := d.table.cols[j]
			if c.isCat {
				return nil, runtime.Errorf("%s: passthrough column '%s' is categorical (strings); encode it, e.g. with OneHotEncoder", fn, c.name)
			}
			for i, x := range c.num {
				out.d[i*out.c+k] = x
			}
		}
		return out, nil
	case d.m != nil:
		return d.m.cols(cols), nil
	}
	out := newMat(d.n, len(cols))
	for i, r := range d.rows {
		for k, j := range cols {
			x, ok := r[j].ToFloat()
			if !ok {
				if r[j].IsNone() {
					x = math.NaN()
				} else {
					return nil, runtime.Errorf("%s: passthrough column %d holds %s, not numbers; encode it, e.g. with OneHotEncoder", fn, j, runtime.Repr(r[j]))
				}
			}
			out.d[i*out.c+k] = x
		}
	}
	return out, nil
}

// cols returns a new matrix of the given columns.
func (m *mat) cols(idx []int) *mat {
	out := newMat(m.r, len(idx))
	for i := 0; i < m.r; i++ {
		r, o := m.row(i), out.row(i)
		for k, j := range idx {
			o[k] = r[j]
		}
	}
	return out
}

// names returns the column names of X: the DataFrame's, or x0, x1, ...
func (d *ctData) names() []string {
	if d.table != nil {
		return d.table.names()
	}
	out := make([]string, d.p)
	for j := range out {
		out[j] = "x" + strconv.Itoa(j)
	}
	return out
}

// resolveCols turns a column specification into column indices and
// whether it was a scalar (one column, passed as a 1-d array).
func resolveCols(th *runtime.Thread, fn string, spec runtime.Value, d *ctData) ([]int, bool, error) {
	if _, ok := spec.Obj().(*runtime.Function); ok {
		return resolveCallable(th, fn, spec, d)
	}
	if _, ok := spec.Obj().(runtime.Callable); ok {
		return resolveCallable(th, fn, spec, d)
	}
	if s, ok := runtime.AsString(spec); ok {
		j, err := d.colByName(fn, s)
		return []int{j}, true, err
	}
	if spec.Kind() == runtime.IntKind {
		j, err := d.colByIndex(fn, spec.AsInt())
		return []int{j}, true, err
	}
	if sl, ok := spec.Obj().(*runtime.Slice); ok {
		cols, err := d.sliceCols(fn, sl)
		return cols, false, err
	}
	var items []runtime.Value
	if a, ok := spec.Obj().(*array.Array); ok {
		if len(a.Shape()) != 1 {
			return nil, false, runtime.Errorf("%s: a column selection must be 1-d, got shape %s", fn, array.ShapeString(a.Shape()))
		}
		if a.DType() == array.Bool {
			return d.maskCols(fn, a.Bools())
		}
		if a.DType() == array.Float {
			return nil, false, runtime.Errorf("%s: No valid specification of the columns. Only a scalar, list or slice of all integers or all strings, or boolean mask is allowed", fn)
		}
		for _, x := range a.Int64s() {
			items = append(items, runtime.MakeInt(x))
		}
	} else {
		var err error
		if items, err = listOf(fn, "columns", spec); err != nil {
			return nil, false, runtime.Errorf("%s: No valid specification of the columns. Only a scalar, list or slice of all integers or all strings, or boolean mask is allowed", fn)
		}
	}
	kinds := map[runtime.Kind]bool{}
	for _, x := range items {
		k := x.Kind()
		if _, ok := runtime.AsString(x); ok {
			k = runtime.Invalid // strings
		}
		kinds[k] = true
	}
	if len(kinds) > 1 {
		return nil, false, runtime.Errorf("%s: No valid specification of the columns. Only a scalar, list or slice of all integers or all strings, or boolean mask is allowed", fn)
	}
	if kinds[runtime.BoolKind] {
		mask := make([]bool, len(items))
		for k, x := range items {
			mask[k], _ = runtime.Truth(x)
		}
		return d.maskCols(fn, mask)
	}
	cols := make([]int, len(items))
	for k, x := range items {
		var err error
		switch {
		case kinds[runtime.Invalid]:
			s, _ := runtime.AsString(x)
			cols[k], err = d.colByName(fn, s)
		case x.Kind() == runtime.IntKind:
			cols[k], err = d.colByIndex(fn, x.AsInt())
		default:
			err = runtime.Errorf("%s: No valid specification of the columns. Only a scalar, list or slice of all integers or all strings, or boolean mask is allowed", fn)
		}
		if err != nil {
			return nil, false, err
		}
	}
	return cols, false, nil
}

// resolveCallable calls a column selector with X (as make_column_selector
// or a user function) and resolves what it returns.
func resolveCallable(th *runtime.Thread, fn string, f runtime.Value, d *ctData) ([]int, bool, error) {
	v, err := runtime.Call(th, f, []runtime.Value{d.v}, nil)
	if err != nil {
		return nil, false, err
	}
	if _, ok := v.Obj().(*runtime.Function); ok {
		return nil, false, runtime.Errorf("%s: a column selector must return columns, not a function", fn)
	}
	return resolveCols(th, fn, v, d)
}

func (d *ctData) colByName(fn, s string) (int, error) {
	if d.table == nil {
		return 0, runtime.Errorf("%s: Specifying the columns using strings is only supported for pandas DataFrames", fn)
	}
	for j, c := range d.table.cols {
		if c.name == s {
			return j, nil
		}
	}
	return 0, runtime.Errorf("%s: A given column is not a column of the dataframe: '%s'%s", fn, s, runtime.Suggest(s, d.table.names()))
}

func (d *ctData) colByIndex(fn string, i int64) (int, error) {
	j := int(i)
	if j < 0 {
		j += d.p
	}
	if j < 0 || j >= d.p {
		return 0, runtime.Errorf("%s: column index %d is out of bounds for X with %d columns", fn, i, d.p)
	}
	return j, nil
}

func (d *ctData) maskCols(fn string, mask []bool) ([]int, bool, error) {
	if len(mask) != d.p {
		return nil, false, runtime.Errorf("%s: boolean column mask has %d entries, X has %d columns", fn, len(mask), d.p)
	}
	var cols []int
	for j, b := range mask {
		if b {
			cols = append(cols, j)
		}
	}
	return cols, false, nil
}

// sliceCols resolves an integer slice, or a slice of column names (both
// ends included, as pandas' .loc).
func (d *ctData) sliceCols(fn string, sl *runtime.Slice) ([]int, error) {
	_, a := runtime.AsString(sl.Start)
	_, b := runtime.AsString(sl.Stop)
	if a || b {
		lo, hi := 0, d.p-1
		var err error
		if s, ok := runtime.AsString(sl.Start); ok {
			if lo, err = d.colByName(fn, s); err != nil {
				return nil, err
			}
		}
		if s, ok := runtime.AsString(sl.Stop); ok {
			if hi, err = d.colByName(fn, s); err != nil {
				return nil, err
			}
		}
		var cols []int
		for j := lo; j <= hi; j++ {
			cols = append(cols, j)
		}
		return cols, nil
	}
	start, _, step, count, err := sl.Indices(d.p)
	if err != nil {
		return nil, runtime.Errorf("%s: %v", fn, err)
	}
	cols := make([]int, count)
	for k := range cols {
		cols[k] = start + k*step
	}
	return cols, nil
}

// ctItems reads the transformers parameter (and the remainder) against X.
func ctItems(th *runtime.Thread, e *Estimator, fn string, d *ctData) ([]*ctItem, error) {
	list, err := listOf(fn, "transformers", e.params["transformers"])
	if err != nil {
		return nil, runtime.Errorf("%s: transformers must be a list of (name, transformer, columns) tuples", fn)
	}
	weights := map[string]float64{}
	if tw := e.params["transformer_weights"]; tw.IsValid() && !tw.IsNone() {
		dict, ok := tw.Obj().(*runtime.Dict)
		if !ok {
			return nil, runtime.Errorf("%s: transformer_weights must be a dict of name: weight", fn)
		}
		for _, kv := range dict.Items() {
			k, ok1 := runtime.AsString(kv[0])
			w, ok2 := kv[1].ToFloat()
			if !ok1 || !ok2 {
				return nil, runtime.Errorf("%s: transformer_weights must map names to numbers", fn)
			}
			weights[k] = w
		}
	}
	var items []*ctItem
	used := make([]bool, d.p)
	seen := map[string]bool{}
	for _, t := range list {
		tup, ok := t.Obj().(runtime.Tuple)
		if !ok || len(tup) != 3 {
			return nil, runtime.Errorf("%s: transformers must be a list of (name, transformer, columns) tuples, got %s", fn, runtime.Repr(t))
		}
		name, ok := runtime.AsString(tup[0])
		if !ok {
			return nil, runtime.Errorf("%s: transformer names must be strings, got %s", fn, runtime.Repr(tup[0]))
		}
		if seen[name] {
			return nil, runtime.Errorf("%s: Names provided are not unique: '%s'", fn, name)
		}
		if strings.Contains(name, "__") {
			return nil, runtime.Errorf("%s: Estimator names must not contain __: got ['%s']", fn, name)
		}
		seen[name] = true
		it, err := ctKind(fn, name, tup[1])
		if err != nil {
			return nil, err
		}
		it.spec = tup[2]
		if it.cols, it.scalar, err = resolveCols(th, fn, tup[2], d); err != nil {
			return nil, err
		}
		it.weight = 1
		if w, ok := weights[name]; ok {
			it.weight = w
		}
		for _, j := range it.cols {
			used[j] = true
		}
		items = append(items, it)
	}
	var rest []int
	for j, u := range used {
		if !u {
			rest = append(rest, j)
		}
	}
	if len(rest) > 0 {
		it, err := ctKind(fn, "remainder", e.params["remainder"])
		if err != nil {
			return nil, runtime.Errorf("%s: The remainder keyword needs to be one of 'drop', 'passthrough', or estimator. '%s' was passed instead", fn, runtime.Repr(e.params["remainder"]))
		}
		ints := make([]runtime.Value, len(rest))
		for k, j := range rest {
			ints[k] = runtime.MakeInt(int64(j))
		}
		it.spec, it.cols, it.weight = runtime.NewList(ints), rest, 1
		if w, ok := weights["remainder"]; ok {
			it.weight = w
		}
		items = append(items, it)
	}
	return items, nil
}

// ctKind classifies a transformer: an estimator with fit and transform,
// 'drop' or 'passthrough'.
func ctKind(fn, name string, v runtime.Value) (*ctItem, error) {
	if s, ok := runtime.AsString(v); ok {
		if s != "drop" && s != "passthrough" {
			return nil, runtime.Errorf("%s: All estimators should implement fit and transform, or can be 'drop' or 'passthrough' specifiers. '%s' (type str) doesn't.", fn, s)
		}
		return &ctItem{name: name, kind: s, est: v}, nil
	}
	est, ok := v.Obj().(*Estimator)
	if !ok || est.spec.methods["fit"] == nil || est.spec.methods["transform"] == nil {
		return nil, runtime.Errorf("%s: All estimators should implement fit and transform, or can be 'drop' or 'passthrough' specifiers. '%s' (type %s) doesn't.", fn, runtime.Repr(v), runtime.TypeName(v))
	}
	return &ctItem{name: name, kind: "est", est: v}, nil
}

// ctFitTransform fits every transformer on its columns (a clone of it, as
// scikit-learn) and returns the stacked outputs.
func ctFitTransform(th *runtime.Thread, e *Estimator, meth string, X, y runtime.Value) (*mat, error) {
	fn := e.spec.name + "." + meth
	d, err := readCTData(fn, X)
	if err != nil {
		return nil, err
	}
	items, err := ctItems(th, e, fn, d)
	if err != nil {
		return nil, err
	}
	st := &ctState{items: items, nIn: d.p}
	if d.table != nil {
		st.names = d.table.names()
	}
	outs := make([]*mat, len(items))
	for k, it := range items {
		if it.kind == "est" && len(it.cols) > 0 {
			it.est = runtime.MakeObj(it.est.Obj().(*Estimator).clone())
			v, err := callMethod(th, it.est, "fit_transform", d.take(it.cols, it.scalar), y)
			if err != nil {
				return nil, err
			}
			if outs[k], err = ctOutput(fn, it.name, v, d.n); err != nil {
				return nil, err
			}
		} else if outs[k], err = ctFixed(fn, d, it); err != nil {
			return nil, err
		}
	}
	out := st.stack(outs)
	e.fitted = map[string]runtime.Value{}
	e.state = st
	e.set("n_features_in_", runtime.MakeInt(int64(d.p)))
	if st.names != nil {
		e.set("feature_names_in_", strList(st.names))
	}
	e.set("transformers_", st.transformersValue())
	e.set("named_transformers_", st.namedValue())
	e.set("output_indices_", st.indicesValue())
	e.set("sparse_output_", runtime.False)
	return out, nil
}

// ctFixed is the output of 'drop' (no columns), 'passthrough' (the
// columns as they are) or a transformer with no columns.
func ctFixed(fn string, d *ctData, it *ctItem) (*mat, error) {
	if it.kind == "passthrough" {
		return d.numeric(fn, it.cols)
	}
	return newMat(d.n, 0), nil
}

// ctOutput checks one transformer's output: 2-d, one row per sample.
func ctOutput(fn, name string, v runtime.Value, n int) (*mat, error) {
	if a, ok := v.Obj().(*array.Array); ok && len(a.Shape()) != 2 {
		return nil, runtime.Errorf("%s: The output of the '%s' transformer should be 2D (scipy matrix, array, or pandas DataFrame).", fn, name)
	}
	m, err := toMat(fn, v, true)
	if err != nil {
		return nil, runtime.Errorf("%s: The output of the '%s' transformer should be 2D (scipy matrix, array, or pandas DataFrame).", fn, name)
	}
	if m.r != n {
		return nil, runtime.Errorf("%s: the output of the '%s' transformer has %d rows, X has %d", fn, name, m.r, n)
	}
	return m, nil
}

// stack puts the outputs side by side (each times its weight) and records
// their widths.
func (st *ctState) stack(outs []*mat) *mat {
	st.widths = make([]int, len(outs))
	w, n := 0, 0
	for k, o := range outs {
		st.widths[k] = o.c
		w += o.c
		n = o.r
	}
	out := newMat(n, w)
	at := 0
	for k, o := range outs {
		wt := st.items[k].weight
		for i := 0; i < n; i++ {
			dst := out.row(i)[at : at+o.c]
			copy(dst, o.row(i))
			if wt != 1 {
				for j := range dst {
					dst[j] *= wt
				}
			}
		}
		at += o.c
	}
	return out
}

// ctTransform runs X through the fitted transformers.
func ctTransform(th *runtime.Thread, e *Estimator, X runtime.Value) (*mat, error) {
	fn := e.spec.name + ".transform"
	st, ok := e.state.(*ctState)
	if !ok {
		return nil, e.notFitted()
	}
	d, err := readCTData(fn, X)
	if err != nil {
		return nil, err
	}
	cols := func(it *ctItem) []int { return it.cols }
	if st.names != nil && d.table != nil {
		// a DataFrame's columns are found by name, in any order
		pos := map[string]int{}
		for j, c := range d.table.cols {
			pos[c.name] = j
		}
		var missing []string
		for _, s := range st.names {
			if _, ok := pos[s]; !ok {
				missing = append(missing, "'"+s+"'")
			}
		}
		if len(missing) > 0 {
			return nil, runtime.Errorf("%s: columns are missing: {%s}", fn, strings.Join(missing, ", "))
		}
		cols = func(it *ctItem) []int {
			out := make([]int, len(it.cols))
			for k, j := range it.cols {
				out[k] = pos[st.names[j]]
			}
			return out
		}
	} else if d.p != st.nIn {
		return nil, runtime.Errorf("%s: X has %d features, but ColumnTransformer is expecting %d features as input.", fn, d.p, st.nIn)
	}
	outs := make([]*mat, len(st.items))
	for k, it := range st.items {
		c := cols(it)
		if it.kind == "est" && len(c) > 0 {
			v, err := callMethod(th, it.est, "transform", d.take(c, it.scalar))
			if err != nil {
				return nil, err
			}
			if outs[k], err = ctOutput(fn, it.name, v, d.n); err != nil {
				return nil, err
			}
		} else if outs[k], err = ctFixed(fn, d, &ctItem{kind: it.kind, cols: c}); err != nil {
			return nil, err
		}
	}
	return st.stack(outs), nil
}

// transformersValue is transformers_: (name, fitted transformer, columns)
// tuples, the remainder last with its column indices.
func (st *ctState) transformersValue() runtime.Value {
	out := make([]runtime.Value, len(st.items))
	for k, it := range st.items {
		out[k] = runtime.MakeTuple(runtime.MakeStr(it.name), it.est, it.spec)
	}
	return runtime.NewList(out)
}

func (st *ctState) namedValue() runtime.Value {
	b := &Bunch{name: "named_transformers_", m: map[string]runtime.Value{}}
	for _, it := range st.items {
		b.m[it.name] = it.est
	}
	return runtime.MakeObj(b)
}

// indicesValue is output_indices_: the slice of the output columns of
// each transformer (slice(0, 0) for those with no output, and for a
// remainder without columns).
func (st *ctState) indicesValue() runtime.Value {
	d := runtime.NewDict()
	sl := func(a, b int) runtime.Value {
		return runtime.MakeObj(&runtime.Slice{Start: runtime.MakeInt(int64(a)), Stop: runtime.MakeInt(int64(b)), Step: runtime.None})
	}
	at := 0
	for k, it := range st.items {
		if st.widths[k] == 0 {
			_ = d.Set(runtime.MakeStr(it.name), sl(0, 0))
			continue
		}
		_ = d.Set(runtime.MakeStr(it.name), sl(at, at+st.widths[k]))
		at += st.widths[k]
	}
	if _, ok := st.find("remainder"); !ok {
		_ = d.Set(runtime.MakeStr("remainder"), sl(0, 0))
	}
	return runtime.MakeObj(d)
}

func (st *ctState) find(name string) (*ctItem, bool) {
	for _, it := range st.items {
		if it.name == name {
			return it, true
		}
	}
	return nil, false
}

// featureNames is get_feature_names_out: each transformer's output names
// (from its own get_feature_names_out, given its input columns' names),
// prefixed "name__" unless verbose_feature_names_out is False.
func (st *ctState) featureNames(th *runtime.Thread, fn string, in []string, verbose bool) ([]string, error) {
	var out []string
	for _, it := range st.items {
		if it.kind == "drop" || len(it.cols) == 0 {
			continue
		}
		sub := make([]string, len(it.cols))
		for k, j := range it.cols {
			sub[k] = in[j]
		}
		names := sub
		if it.kind == "est" {
			est := it.est.Obj().(*Estimator)
			if est.spec.methods["get_feature_names_out"] == nil {
				return nil, runtime.Errorf("%s: Transformer %s (type %s) does not provide get_feature_names_out.", fn, it.name, est.spec.name)
			}
			v, err := callMethodKw(th, it.est, "get_feature_names_out", nil, []runtime.Kwarg{{Name: "input_features", Value: strList(sub)}})
			if err != nil {
				return nil, err
			}
			if names, err = stringList(v); err != nil {
				return nil, runtime.Errorf("%s: %s's get_feature_names_out did not return strings", fn, it.name)
			}
		}
		for _, s := range names {
			if verbose {
				s = it.name + "__" + s
			}
			out = append(out, s)
		}
	}
	if !verbose {
		count := map[string]int{}
		var dup []string
		for _, s := range out {
			if count[s]++; count[s] == 2 {
				dup = append(dup, "'"+s+"'")
			}
		}
		if len(dup) > 0 {
			sort.Strings(dup)
			return nil, runtime.Errorf("%s: Output feature names: [%s] are not unique. Please set verbose_feature_names_out=True to add prefixes to feature names", fn, strings.Join(dup, ", "))
		}
	}
	return out, nil
}

func colTransMethods() map[string]method {
	unpack := func(e *Estimator, meth string, args []runtime.Value, kwargs []runtime.Kwarg, withY bool) (runtime.Value, runtime.Value, error) {
		var X, y runtime.Value
		pairs := []any{"X", &X}
		if withY {
			pairs = append(pairs, "y?", &y)
		}
		if err := runtime.UnpackArgs(e.spec.name+"."+meth, args, kwargs, pairs...); err != nil {
			return X, y, err
		}
		if !y.IsValid() {
			y = runtime.None
		}
		return X, y, nil
	}
	return map[string]method{
		"fit": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, y, err := unpack(e, "fit", args, kwargs, true)
			if err != nil {
				return runtime.Value{}, err
			}
			if _, err := ctFitTransform(th, e, "fit", X, y); err != nil {
				return runtime.Value{}, err
			}
			return runtime.MakeObj(e), nil
		},
		"fit_transform": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, y, err := unpack(e, "fit_transform", args, kwargs, true)
			if err != nil {
				return runtime.Value{}, err
			}
			out, err := ctFitTransform(th, e, "fit_transform", X, y)
			if err != nil {
				return runtime.Value{}, err
			}
			return out.value(), nil
		},
		"transform": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			X, _, err := unpack(e, "transform", args, kwargs, false)
			if err != nil {
				return runtime.Value{}, err
			}
			out, err := ctTransform(th, e, X)
			if err != nil {
				return runtime.Value{}, err
			}
			return out.value(), nil
		},
		"get_feature_names_out": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			fn := e.spec.name + ".get_feature_names_out"
			var in runtime.Value
			if err := runtime.UnpackArgs(fn, args, kwargs, "input_features?", &in); err != nil {
				return runtime.Value{}, err
			}
			st, ok := e.state.(*ctState)
			if !ok {
				return runtime.Value{}, e.notFitted()
			}
			names, err := checkInputFeatures(fn, st.nIn, st.names, in)
			if err != nil {
				return runtime.Value{}, err
			}
			out, err := st.featureNames(th, fn, names, e.pBool("verbose_feature_names_out"))
			if err != nil {
				return runtime.Value{}, err
			}
			return strList(out), nil
		},
	}
}

// makeColumnTransformer is make_column_transformer(*(transformer,
// columns), remainder=..., ...): the names are the lowercased class
// names ('drop' and 'passthrough' name themselves), numbered -1, -2, ...
// where they repeat.
func makeColumnTransformer(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "make_column_transformer"
	names := make([]string, len(args))
	count := map[string]int{}
	for k, a := range args {
		t, ok := a.Obj().(runtime.Tuple)
		if !ok || len(t) != 2 {
			return runtime.Value{}, runtime.Errorf("%s: each argument must be a (transformer, columns) tuple, got %s", fn, runtime.Repr(a))
		}
		if s, ok := runtime.AsString(t[0]); ok {
			names[k] = s
		} else {
			names[k] = strings.ToLower(runtime.TypeName(t[0]))
		}
		count[names[k]]++
	}
	seen := map[string]int{}
	items := make([]runtime.Value, len(args))
	for k, a := range args {
		t := a.Obj().(runtime.Tuple)
		n := names[k]
		if count[n] > 1 {
			seen[n]++
			n += "-" + strconv.Itoa(seen[n])
		}
		items[k] = runtime.MakeTuple(runtime.MakeStr(n), t[0], t[1])
	}
	for _, kw := range kwargs {
		if kw.Name == "transformers" || kw.Name == "transformer_weights" {
			return runtime.Value{}, runtime.Errorf("%s() got an unexpected keyword argument '%s'", fn, kw.Name)
		}
	}
	e, err := newEstimator(specs["ColumnTransformer"], []runtime.Value{runtime.NewList(items)}, kwargs)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(e), nil
}

// cloneTransformers copies a transformers list with unfitted clones of
// its estimators (for clone(), cross-validation and grid search).
func cloneTransformers(v runtime.Value) runtime.Value {
	it, err := runtime.Iterate(v)
	if err != nil {
		return v
	}
	var out []runtime.Value
	var x runtime.Value
	for it.Next(&x) {
		if t, ok := x.Obj().(runtime.Tuple); ok && len(t) == 3 {
			if inner, ok := t[1].Obj().(*Estimator); ok {
				x = runtime.MakeTuple(t[0], runtime.MakeObj(inner.clone()), t[2])
			}
		}
		out = append(out, x)
	}
	return runtime.NewList(out)
}

// setTransformerParam sets name__param on a ColumnTransformer's
// transformer (or remainder__param on its remainder estimator).
func setTransformerParam(e *Estimator, head, rest, full string, v runtime.Value) error {
	if head == "remainder" {
		return runtime.SetAttr(e.params["remainder"], rest, v)
	}
	list, _ := listOf("ColumnTransformer", "transformers", e.params["transformers"])
	for _, t := range list {
		if tup, ok := t.Obj().(runtime.Tuple); ok && len(tup) == 3 {
			if s, _ := runtime.AsString(tup[0]); s == head {
				return runtime.SetAttr(tup[1], rest, v)
			}
		}
	}
	return runtime.Errorf("Invalid parameter '%s' for estimator ColumnTransformer: no transformer named '%s'", full, head)
}
