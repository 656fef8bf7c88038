package ml

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

var (
	_ = def("read_csv", readCSV)
	_ = def("get_dummies", getDummies)
	_ = def("DataFrame", newDataFrame)
)

// column is one named column of a Table: numbers (NaN for missing) or
// categories (strings, with a missing flag).
type column struct {
	name  string
	num   []float64
	str   []string
	miss  []bool
	isCat bool
}

// Table is a small data frame: named numeric and categorical columns of
// equal length, with missing values.
type Table struct {
	cols  []*column
	n     int
	index []string // row labels (nil: 0, 1, 2, ...)
}

func truthy(v runtime.Value) bool {
	if !v.IsValid() {
		return false
	}
	b, _ := runtime.Truth(v)
	return b
}

func tableFromMat(X *mat, names []string) *Table {
	t := &Table{n: X.r}
	for j := 0; j < X.c; j++ {
		col := make([]float64, X.r)
		for i := range col {
			col[i] = X.at(i, j)
		}
		t.addFloat(names[j], col)
	}
	return t
}

func (t *Table) addFloat(name string, x []float64) {
	t.n = len(x)
	if c := t.col(name); c != nil {
		*c = column{name: name, num: x}
		return
	}
	t.cols = append(t.cols, &column{name: name, num: x})
}

func (t *Table) col(name string) *column {
	for _, c := range t.cols {
		if c.name == name {
			return c
		}
	}
	return nil
}

func (t *Table) names() []string {
	out := make([]string, len(t.cols))
	for k, c := range t.cols {
		out[k] = c.name
	}
	return out
}

var missingTokens = map[string]bool{"": true, "NA": true, "N/A": true, "NaN": true, "nan": true, "null": true, "NULL": true, "None": true, "?": true, "-": false}

// parseTable parses CSV text with a header line.
func parseTable(fn, text string, sep rune, extraNA []string) (*Table, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.TrimLeadingSpace = true
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, runtime.Errorf("%s: %v", fn, err)
	}
	if len(recs) == 0 {
		return nil, runtime.Errorf("%s: No columns to parse from file", fn)
	}
	head := recs[0]
	rows := recs[1:]
	isNA := func(s string) bool {
		s = strings.TrimSpace(s)
		if missingTokens[s] {
			return true
		}
		for _, x := range extraNA {
			if s == x {
				return true
			}
		}
		return false
	}
	t := &Table{n: len(rows)}
	for j, name := range head {
		c := &column{name: strings.TrimSpace(name)}
		numeric := true
		for i, row := range rows {
			if len(row) != len(head) {
				return nil, runtime.Errorf("%s: Error tokenizing data. Expected %d fields in line %d, saw %d", fn, len(head), i+2, len(row))
			}
			s := strings.TrimSpace(row[j])
			if isNA(s) {
				continue
			}
			if _, err := strconv.ParseFloat(s, 64); err != nil {
				numeric = false
				break
			}
		}
		if numeric {
			c.num = make([]float64, len(rows))
			for i, row := range rows {
				s := strings.TrimSpace(row[j])
				if isNA(s) {
					c.num[i] = math.NaN()
				} else {
					c.num[i], _ = strconv.ParseFloat(s, 64)
				}
			}
		} else {
			c.isCat = true
			c.str = make([]string, len(rows))
			c.miss = make([]bool, len(rows))
			for i, row := range rows {
				s := strings.TrimSpace(row[j])
				if isNA(s) {
					c.miss[i] = true
				} else {
					c.str[i] = s
				}
			}
		}
		t.cols = append(t.cols, c)
	}
	return t, nil
}

func readCSV(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var src, sep, na runtime.Value
	if err := runtime.UnpackArgs("read_csv", args, kwargs, "filepath_or_buffer", &src, "sep?", &sep, "na_values?", &na); err != nil {
		return runtime.Value{}, err
	}
	s, ok := runtime.AsString(src)
	if !ok {
		return runtime.Value{}, runtime.Errorf("read_csv() argument 'filepath_or_buffer' must be a path or CSV text, not %s", runtime.TypeName(src))
	}
	text := s
	if !strings.Contains(s, "\n") {
		b, err := os.ReadFile(s)
		if err != nil {
			return runtime.Value{}, runtime.Errorf("read_csv: %v", err)
		}
		text = string(b)
	}
	comma := ','
	if sep.IsValid() && !sep.IsNone() {
		ss, _ := runtime.AsString(sep)
		if len([]rune(ss)) != 1 {
			return runtime.Value{}, runtime.Errorf("read_csv: sep must be one character, not %s", runtime.Repr(sep))
		}
		comma = []rune(ss)[0]
	}
	var extra []string
	if na.IsValid() && !na.IsNone() {
		if x, ok := runtime.AsString(na); ok {
			extra = []string{x}
		} else {
			it, err := runtime.Iterate(na)
			if err != nil {
				return runtime.Value{}, err
			}
			var v runtime.Value
			for it.Next(&v) {
				extra = append(extra, runtime.Str(v))
			}
		}
	}
	t, err := parseTable("read_csv", text, comma, extra)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(t), nil
}

// newDataFrame builds a Table from a dict of columns.
func newDataFrame(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var data runtime.Value
	if err := runtime.UnpackArgs("DataFrame", args, kwargs, "data", &data); err != nil {
		return runtime.Value{}, err
	}
	d, ok := data.Obj().(*runtime.Dict)
	if !ok {
		return runtime.Value{}, runtime.Errorf("DataFrame() needs a dict of columns, not %s", runtime.TypeName(data))
	}
	t := &Table{n: -1}
	for _, kv := range d.Items() {
		name := runtime.Str(kv[0])
		if err := t.setColumn(name, kv[1]); err != nil {
			return runtime.Value{}, err
		}
	}
	if t.n < 0 {
		t.n = 0
	}
	return runtime.MakeObj(t), nil
}

// setColumn assigns a column from a list (strings make a categorical
// column; None is missing) or an array.
func (t *Table) setColumn(name string, v runtime.Value) error {
	c := &column{name: name}
	if a, ok := v.Obj().(*array.Array); ok {
		c.num = append([]float64(nil), a.Flatten().Float64s()...)
	} else {
		it, err := runtime.Iterate(v)
		if err != nil {
			return runtime.Errorf("a Table column must be a list or an array, not %s", runtime.TypeName(v))
		}
		var vals []runtime.Value
		var x runtime.Value
		for it.Next(&x) {
			vals = append(vals, x)
			if _, ok := runtime.AsString(x); ok {
				c.isCat = true
			}
		}
		for _, x := range vals {
			if c.isCat {
				s, ok := runtime.AsString(x)
				c.str = append(c.str, s)
				c.miss = append(c.miss, !ok)
			} else if x.IsNone() {
				c.num = append(c.num, math.NaN())
			} else {
				f, ok := x.ToFloat()
				if !ok {
					return runtime.Errorf("column '%s': cannot use %s as a number", name, runtime.TypeName(x))
				}
				c.num = append(c.num, f)
			}
		}
	}
	n := c.len()
	if t.n >= 0 && len(t.cols) > 0 && n != t.n {
		return runtime.Errorf("Length of values (%d) does not match length of index (%d)", n, t.n)
	}
	t.n = n
	if old := t.col(name); old != nil {
		*old = *c
	} else {
		t.cols = append(t.cols, c)
	}
	return nil
}

func (c *column) len() int {
	if c.isCat {
		return len(c.str)
	}
	return len(c.num)
}

func (c *column) missing(i int) bool {
	if c.isCat {
		return c.miss[i]
	}
	return math.IsNaN(c.num[i])
}

// categories returns the sorted distinct non-missing values.
func (c *column) categories() []string {
	seen := map[string]bool{}
	var out []string
	for i, s := range c.str {
		if !c.miss[i] && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// codes returns the category codes (NaN for missing).
func (c *column) codes() []float64 {
	cats := c.categories()
	pos := map[string]int{}
	for k, s := range cats {
		pos[s] = k
	}
	out := make([]float64, len(c.str))
	for i, s := range c.str {
		if c.miss[i] {
			out[i] = math.NaN()
		} else {
			out[i] = float64(pos[s])
		}
	}
	return out
}

func (c *column) value() runtime.Value {
	if !c.isCat {
		return floatsValue(append([]float64(nil), c.num...))
	}
	out := make([]runtime.Value, len(c.str))
	for i, s := range c.str {
		if c.miss[i] {
			out[i] = runtime.None
		} else {
			out[i] = runtime.MakeStr(s)
		}
	}
	return runtime.NewList(out)
}

// matrix returns the numeric columns as a matrix (NaN for missing);
// categorical columns are an error.
func (t *Table) matrix(fn string) (*mat, error) {
	m := newMat(t.n, len(t.cols))
	for j, c := range t.cols {
		if c.isCat {
			return nil, runtime.Errorf("%s: column '%s' is categorical (strings); encode it first with get_dummies() or t.to_codes()", fn, c.name)
		}
		for i, x := range c.num {
			m.d[i*m.c+j] = x
		}
	}
	return m, nil
}

func (t *Table) selectRows(idx []int) *Table {
	out := &Table{n: len(idx)}
	for _, c := range t.cols {
		nc := &column{name: c.name, isCat: c.isCat}
		for _, i := range idx {
			if c.isCat {
				nc.str = append(nc.str, c.str[i])
				nc.miss = append(nc.miss, c.miss[i])
			} else {
				nc.num = append(nc.num, c.num[i])
			}
		}
		out.cols = append(out.cols, nc)
	}
	return out
}

// Type implements runtime.Object.
func (t *Table) Type() string { return "DataFrame" }

// Truth implements runtime.Object.
func (t *Table) Truth() (bool, error) { return t.n > 0, nil }

// Len implements runtime.Sequence (the number of rows).
func (t *Table) Len() int { return t.n }

// String implements runtime.Object: the first rows as an aligned table.
func (t *Table) String() string { return t.render(10) }

func (t *Table) render(maxRows int) string {
	rows := t.n
	if rows > maxRows {
		rows = maxRows
	}
	cells := make([][]string, rows+1)
	cells[0] = append([]string{""}, t.names()...)
	for i := 0; i < rows; i++ {
		r := []string{strconv.Itoa(i)}
		if t.index != nil {
			r[0] = t.index[i]
		}
		for _, c := range t.cols {
			switch {
			case c.missing(i):
				r = append(r, "NaN")
			case c.isCat:
				r = append(r, c.str[i])
			default:
				r = append(r, fmtNum(c.num[i]))
			}
		}
		cells[i+1] = r
	}
	w := make([]int, len(cells[0]))
	for _, r := range cells {
		for j, s := range r {
			w[j] = max(w[j], len(s))
		}
	}
	var b strings.Builder
	for k, r := range cells {
		for j, s := range r {
			if j > 0 {
				b.WriteString("  ")
			}
			if j == 0 {
				fmt.Fprintf(&b, "%-*s", w[j], s)
			} else {
				fmt.Fprintf(&b, "%*s", w[j], s)
			}
		}
		if k < len(cells)-1 {
			b.WriteByte('\n')
		}
	}
	if t.n > rows {
		fmt.Fprintf(&b, "\n... [%d rows x %d columns]", t.n, len(t.cols))
	}
	return b.String()
}

func fmtNum(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', 1, 64)
	}
	return strconv.FormatFloat(x, 'g', 6, 64)
}

// Index implements runtime.Indexable: t['a'], t[['a', 'b']], t[mask].
func (t *Table) Index(key runtime.Value) (runtime.Value, error) {
	if s, ok := runtime.AsString(key); ok {
		c := t.col(s)
		if c == nil {
			return runtime.Value{}, runtime.Errorf("KeyError: '%s'%s", s, runtime.Suggest(s, t.names()))
		}
		return c.value(), nil
	}
	if a, ok := key.Obj().(*array.Array); ok && a.DType() == array.Bool {
		mask := a.Bools()
		if len(mask) != t.n {
			return runtime.Value{}, runtime.Errorf("boolean index has %d elements, the table %d rows", len(mask), t.n)
		}
		var idx []int
		for i, b := range mask {
			if b {
				idx = append(idx, i)
			}
		}
		return runtime.MakeObj(t.selectRows(idx)), nil
	}
	names, err := stringList(key)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("a Table is indexed by a column name, a list of names or a boolean mask, not %s", runtime.TypeName(key))
	}
	out := &Table{n: t.n}
	for _, s := range names {
		c := t.col(s)
		if c == nil {
			return runtime.Value{}, runtime.Errorf("KeyError: '%s'%s", s, runtime.Suggest(s, t.names()))
		}
		out.cols = append(out.cols, c)
	}
	return runtime.MakeObj(out), nil
}

// SetIndex implements runtime.HasSetIndex: t['c'] = values.
func (t *Table) SetIndex(key, v runtime.Value) error {
	s, ok := runtime.AsString(key)
	if !ok {
		return runtime.Errorf("Table column names are strings, not %s", runtime.TypeName(key))
	}
	return t.setColumn(s, v)
}

func stringList(v runtime.Value) ([]string, error) {
	if s, ok := runtime.AsString(v); ok {
		return []string{s}, nil
	}
	it, err := runtime.Iterate(v)
	if err != nil {
		return nil, err
	}
	var out []string
	var x runtime.Value
	for it.Next(&x) {
		s, ok := runtime.AsString(x)
		if !ok {
			return nil, runtime.Errorf("expected strings, got %s", runtime.TypeName(x))
		}
		out = append(out, s)
	}
	return out, nil
}

type tableMethod func(t *Table, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error)

var tableMethods = map[string]tableMethod{
	"describe":   (*Table).describe,
	"to_numpy":   func(t *Table, _ []runtime.Value, _ []runtime.Kwarg) (runtime.Value, error) { return t.numpy() },
	"head":       (*Table).head,
	"drop":       (*Table).drop,
	"to_codes":   (*Table).toCodes,
	"isna":       (*Table).isna,
	"sum":        (*Table).sum,
	"fillna":     (*Table).fillna,
	"categories": (*Table).cats,
	"copy": func(t *Table, _ []runtime.Value, _ []runtime.Kwarg) (runtime.Value, error) {
		idx := make([]int, t.n)
		for i := range idx {
			idx[i] = i
		}
		return runtime.MakeObj(t.selectRows(idx)), nil
	},
}

// Attr implements runtime.HasAttrs.
func (t *Table) Attr(name string) (runtime.Value, error) {
	switch name {
	case "columns":
		return strList(t.names()), nil
	case "shape":
		return runtime.MakeTuple(runtime.MakeInt(int64(t.n)), runtime.MakeInt(int64(len(t.cols)))), nil
	case "values":
		return t.numpy()
	case "dtypes":
		d := runtime.NewDict()
		for _, c := range t.cols {
			ty := "float64"
			if c.isCat {
				ty = "object"
			}
			_ = d.Set(runtime.MakeStr(c.name), runtime.MakeStr(ty))
		}
		return runtime.MakeObj(d), nil
	}
	if m, ok := tableMethods[name]; ok {
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return m(t, args, kwargs)
		}), nil
	}
	if c := t.col(name); c != nil {
		return c.value(), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (t *Table) AttrNames() []string {
	out := []string{"columns", "shape", "values", "dtypes"}
	for k := range tableMethods {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (t *Table) numpy() (runtime.Value, error) {
	m, err := t.matrix("to_numpy")
	if err != nil {
		return runtime.Value{}, err
	}
	return m.value(), nil
}

func (t *Table) head(args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	n := 5
	if err := runtime.UnpackArgs("head", args, kwargs, "n?", &n); err != nil {
		return runtime.Value{}, err
	}
	idx := []int{}
	for i := 0; i < n && i < t.n; i++ {
		idx = append(idx, i)
	}
	return runtime.MakeObj(t.selectRows(idx)), nil
}

func (t *Table) drop(args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var cols runtime.Value
	if err := runtime.UnpackArgs("drop", args, kwargs, "columns", &cols); err != nil {
		return runtime.Value{}, err
	}
	names, err := stringList(cols)
	if err != nil {
		return runtime.Value{}, err
	}
	out := &Table{n: t.n}
	for _, n := range names {
		if t.col(n) == nil {
			return runtime.Value{}, runtime.Errorf("KeyError: \"['%s'] not found in axis\"", n)
		}
	}
	for _, c := range t.cols {
		if !contains(names, c.name) {
			out.cols = append(out.cols, c)
		}
	}
	return runtime.MakeObj(out), nil
}

// toCodes replaces categorical columns by their codes (NaN when missing).
func (t *Table) toCodes(args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	out := &Table{n: t.n}
	for _, c := range t.cols {
		if c.isCat {
			out.cols = append(out.cols, &column{name: c.name, num: c.codes()})
		} else {
			out.cols = append(out.cols, c)
		}
	}
	return runtime.MakeObj(out), nil
}

func (t *Table) cats(args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var name string
	if err := runtime.UnpackArgs("categories", args, kwargs, "column", &name); err != nil {
		return runtime.Value{}, err
	}
	c := t.col(name)
	if c == nil || !c.isCat {
		return runtime.Value{}, runtime.Errorf("'%s' is not a categorical column", name)
	}
	return strList(c.categories()), nil
}

func (t *Table) isna(args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	out := &Table{n: t.n}
	for _, c := range t.cols {
		x := make([]float64, t.n)
		for i := range x {
			if c.missing(i) {
				x[i] = 1
			}
		}
		out.cols = append(out.cols, &column{name: c.name, num: x})
	}
	return runtime.MakeObj(out), nil
}

func (t *Table) sum(args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	d := runtime.NewDict()
	for _, c := range t.cols {
		if c.isCat {
			continue
		}
		s := 0.0
		for _, x := range c.num {
			if !math.IsNaN(x) {
				s += x
			}
		}
		_ = d.Set(runtime.MakeStr(c.name), runtime.MakeFloat(s))
	}
	return runtime.MakeObj(d), nil
}

func (t *Table) fillna(args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var v runtime.Value
	if err := runtime.UnpackArgs("fillna", args, kwargs, "value", &v); err != nil {
		return runtime.Value{}, err
	}
	out := &Table{n: t.n}
	for _, c := range t.cols {
		nc := &column{name: c.name, isCat: c.isCat}
		if c.isCat {
			s := runtime.Str(v)
			nc.str = append([]string(nil), c.str...)
			nc.miss = make([]bool, t.n)
			for i := range nc.str {
				if c.miss[i] {
					nc.str[i] = s
				}
			}
		} else {
			f, ok := v.ToFloat()
			if !ok {
				return runtime.Value{}, runtime.Errorf("fillna: value for numeric column '%s' must be a number", c.name)
			}
			nc.num = append([]float64(nil), c.num...)
			for i, x := range nc.num {
				if math.IsNaN(x) {
					nc.num[i] = f
				}
			}
		}
		out.cols = append(out.cols, nc)
	}
	return runtime.MakeObj(out), nil
}

// describe returns count, mean, std, min, quartiles and max of the
// numeric columns (missing values skipped), like pandas.
func (t *Table) describe(args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	stats := []string{"count", "mean", "std", "min", "25%", "50%", "75%", "max"}
	out := &Table{n: len(stats), index: stats}
	for _, c := range t.cols {
		if c.isCat {
			continue
		}
		var x []float64
		for _, v := range c.num {
			if !math.IsNaN(v) {
				x = append(x, v)
			}
		}
		sort.Float64s(x)
		n := float64(len(x))
		mean, ss := 0.0, 0.0
		for _, v := range x {
			mean += v
		}
		mean /= n
		for _, v := range x {
			ss += (v - mean) * (v - mean)
		}
		q := func(p float64) float64 {
			if len(x) == 0 {
				return math.NaN()
			}
			pos := p * (n - 1)
			lo := int(math.Floor(pos))
			hi := min(lo+1, len(x)-1)
			return x[lo] + (pos-float64(lo))*(x[hi]-x[lo])
		}
		out.cols = append(out.cols, &column{name: c.name, num: []float64{n, mean, math.Sqrt(ss / (n - 1)), q(0), q(0.25), q(0.5), q(0.75), q(1)}})
	}
	return runtime.MakeObj(out), nil
}

// getDummies one-hot encodes categorical columns (pandas.get_dummies):
// the other columns first, then name_value columns in sorted order.
func getDummies(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var data, columns, prefixSep, dummyNA, dropFirst runtime.Value
	if err := runtime.UnpackArgs("get_dummies", args, kwargs, "data", &data, "columns?", &columns, "prefix_sep?", &prefixSep, "dummy_na?", &dummyNA, "drop_first?", &dropFirst); err != nil {
		return runtime.Value{}, err
	}
	sepStr := "_"
	if s, ok := runtime.AsString(prefixSep); ok {
		sepStr = s
	}
	t, ok := data.Obj().(*Table)
	if !ok {
		tt := &Table{n: -1}
		if err := tt.setColumn("", data); err != nil {
			return runtime.Value{}, err
		}
		tt.cols[0].isCat = true
		if tt.cols[0].str == nil {
			for _, x := range tt.cols[0].num {
				tt.cols[0].str = append(tt.cols[0].str, fmtNum(x))
				tt.cols[0].miss = append(tt.cols[0].miss, math.IsNaN(x))
			}
		}
		t = tt
		sepStr = ""
	}
	var which []string
	if columns.IsValid() && !columns.IsNone() {
		var err error
		if which, err = stringList(columns); err != nil {
			return runtime.Value{}, err
		}
		for _, n := range which {
			if t.col(n) == nil {
				return runtime.Value{}, runtime.Errorf("KeyError: '%s'%s", n, runtime.Suggest(n, t.names()))
			}
		}
	} else {
		for _, c := range t.cols {
			if c.isCat {
				which = append(which, c.name)
			}
		}
	}
	out := &Table{n: t.n}
	for _, c := range t.cols {
		if !contains(which, c.name) {
			out.cols = append(out.cols, c)
		}
	}
	for _, c := range t.cols {
		if !contains(which, c.name) {
			continue
		}
		src := c
		if !c.isCat {
			src = &column{name: c.name, isCat: true, miss: make([]bool, t.n)}
			for i, x := range c.num {
				src.str = append(src.str, fmtNum(x))
				src.miss[i] = math.IsNaN(x)
			}
		}
		cats := src.categories()
		if truthy(dropFirst) && len(cats) > 0 {
			cats = cats[1:]
		}
		prefix := c.name + sepStr
		for _, v := range cats {
			x := make([]float64, t.n)
			for i := range x {
				if !src.miss[i] && src.str[i] == v {
					x[i] = 1
				}
			}
			out.cols = append(out.cols, &column{name: prefix + v, num: x})
		}
		if truthy(dummyNA) {
			x := make([]float64, t.n)
			for i := range x {
				if src.miss[i] {
					x[i] = 1
				}
			}
			out.cols = append(out.cols, &column{name: prefix + "nan", num: x})
		}
	}
	return runtime.MakeObj(out), nil
}
