package iomod

import (
	"fmt"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// Table is a small table of named columns of equal length, as read_csv
// returns: t['name'] (or t[k] by position) is a column, t.columns the
// names, t.shape (rows, columns), len(t) the number of rows, and
// iterating gives the names. Numeric columns are arrays (float with NaN
// for missing values, int or bool when complete); other columns are lists
// of str with None for missing values.
type Table struct {
	Names []string
	Cols  []runtime.Value
	Rows  int
}

// NewTable checks that the columns have equal lengths and returns the
// table. Columns may be arrays (1-d) or lists.
func NewTable(names []string, cols []runtime.Value) (*Table, error) {
	t := &Table{Rows: -1}
	for k, name := range names {
		if err := t.set(name, cols[k]); err != nil {
			return nil, err
		}
	}
	if t.Rows < 0 {
		t.Rows = 0
	}
	return t, nil
}

// set adds or replaces a column.
func (t *Table) set(name string, col runtime.Value) error {
	col, n, err := columnValue(name, col)
	if err != nil {
		return err
	}
	if t.Rows >= 0 && len(t.Names) > 0 && n != t.Rows && !(len(t.Names) == 1 && t.Names[0] == name) {
		return runtime.Errorf("column '%s' has %d values, the table has %d rows", name, n, t.Rows)
	}
	t.Rows = n
	for k, nm := range t.Names {
		if nm == name {
			t.Cols[k] = col
			return nil
		}
	}
	t.Names = append(t.Names, name)
	t.Cols = append(t.Cols, col)
	return nil
}

// columnValue normalises a column: arrays (1-d) stay arrays, lists and
// tuples of numbers become arrays, other lists stay lists.
func columnValue(name string, v runtime.Value) (runtime.Value, int, error) {
	if a, ok := v.Obj().(*array.Array); ok {
		if a.NDim() != 1 {
			return runtime.Value{}, 0, runtime.Errorf("column '%s' must be 1-d, not of shape %s", name, array.ShapeString(a.Shape()))
		}
		return v, a.Size(), nil
	}
	elems, err := runtime.ToSlice(v)
	if err != nil {
		return runtime.Value{}, 0, runtime.Errorf("column '%s' must be an array or a list, not %s", name, runtime.TypeName(v))
	}
	if a, err := array.From(v); err == nil && a.NDim() == 1 {
		return array.Value(a), a.Size(), nil
	}
	return runtime.NewList(append([]runtime.Value{}, elems...)), len(elems), nil
}

// Column returns the column called name.
func (t *Table) Column(name string) (runtime.Value, bool) {
	for k, nm := range t.Names {
		if nm == name {
			return t.Cols[k], true
		}
	}
	return runtime.Value{}, false
}

// Type implements runtime.Object.
func (t *Table) Type() string { return "Table" }

// String implements runtime.Object.
func (t *Table) String() string {
	return fmt.Sprintf("<Table %d rows x %d columns: %s>", t.Rows, len(t.Names), strings.Join(t.Names, ", "))
}

// Truth implements runtime.Object.
func (t *Table) Truth() (bool, error) { return t.Rows > 0, nil }

// Len implements runtime.Sequence: the number of rows.
func (t *Table) Len() int { return t.Rows }

// Iterate implements runtime.Iterable: the column names.
func (t *Table) Iterate() runtime.Iterator {
	names := make([]runtime.Value, len(t.Names))
	for i, n := range t.Names {
		names[i] = runtime.MakeStr(n)
	}
	it, _ := runtime.Iterate(runtime.NewList(names))
	return it
}

// Index implements runtime.Indexable: t['name'] or t[k].
func (t *Table) Index(key runtime.Value) (runtime.Value, error) {
	if s, ok := runtime.AsString(key); ok {
		if c, ok := t.Column(s); ok {
			return c, nil
		}
		return runtime.Value{}, runtime.Errorf("no column '%s' in the table%s", s, runtime.Suggest(s, t.Names))
	}
	if k, ok := key.ToInt(); ok && key.Kind() == runtime.IntKind {
		n := int64(len(t.Cols))
		if k < 0 {
			k += n
		}
		if k < 0 || k >= n {
			return runtime.Value{}, runtime.Errorf("column index %d out of range for a table of %d columns", key.AsInt(), n)
		}
		return t.Cols[k], nil
	}
	return runtime.Value{}, runtime.Errorf("a Table is indexed by a column name or position, not %s", runtime.TypeName(key))
}

// SetIndex implements runtime.HasSetIndex: t['name'] = column.
func (t *Table) SetIndex(key, v runtime.Value) error {
	s, ok := runtime.AsString(key)
	if !ok {
		return runtime.Errorf("table columns are set by name, not %s", runtime.TypeName(key))
	}
	return t.set(s, v)
}

// Attr implements runtime.HasAttrs: columns, shape and to_dict().
func (t *Table) Attr(name string) (runtime.Value, error) {
	switch name {
	case "columns":
		out := make([]runtime.Value, len(t.Names))
		for i, n := range t.Names {
			out[i] = runtime.MakeStr(n)
		}
		return runtime.NewList(out), nil
	case "shape":
		return runtime.MakeTuple(runtime.MakeInt(int64(t.Rows)), runtime.MakeInt(int64(len(t.Names)))), nil
	case "to_dict":
		return runtime.NewBuiltin("to_dict", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.UnpackArgs("to_dict", args, kwargs); err != nil {
				return runtime.Value{}, err
			}
			d := runtime.NewDict()
			for k, n := range t.Names {
				if err := d.Set(runtime.MakeStr(n), t.Cols[k]); err != nil {
					return runtime.Value{}, err
				}
			}
			return runtime.MakeObj(d), nil
		}), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (t *Table) AttrNames() []string { return []string{"columns", "shape", "to_dict"} }

// Str implements runtime.HasStr: the first rows as aligned text.
func (t *Table) Str() string {
	const maxRows = 10
	n := min(t.Rows, maxRows)
	cells := make([][]string, len(t.Names))
	widths := make([]int, len(t.Names))
	for k, name := range t.Names {
		cells[k] = append(cells[k], name)
		for r := 0; r < n; r++ {
			c, err := cellValue(t.Cols[k], r)
			s := "?"
			if err == nil {
				s = displayCell(c)
			}
			cells[k] = append(cells[k], s)
		}
		for _, s := range cells[k] {
			widths[k] = max(widths[k], len(s))
		}
	}
	var b strings.Builder
	for r := 0; r <= n; r++ {
		for k := range t.Names {
			if k > 0 {
				b.WriteString("  ")
			}
			fmt.Fprintf(&b, "%*s", widths[k], cells[k][r])
		}
		b.WriteString("\n")
	}
	if t.Rows > n {
		fmt.Fprintf(&b, "... (%d rows)\n", t.Rows)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// displayCell formats one cell for Str.
func displayCell(v runtime.Value) string {
	if v.IsNone() {
		return "NaN"
	}
	return runtime.Str(v)
}

// cellValue returns element r of a column (array or list) as a script
// value (SI value for arrays with units).
func cellValue(col runtime.Value, r int) (runtime.Value, error) {
	switch c := col.Obj().(type) {
	case *array.Array:
		v, err := c.Index(runtime.MakeInt(int64(r)))
		if err != nil {
			return runtime.Value{}, err
		}
		if q, ok := v.Obj().(runtime.Quantity); ok {
			return runtime.MakeFloat(q.V), nil
		}
		return v, nil
	case *runtime.List:
		return c.Elems[r], nil
	}
	return runtime.GetIndex(col, runtime.MakeInt(int64(r)))
}

// newTable is io.Table(columns): a table from a dict of columns (or a
// Table, copied).
func newTable(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var data runtime.Value
	if err := runtime.UnpackArgs("Table", args, kwargs, "data", &data); err != nil {
		return runtime.Value{}, err
	}
	names, cols, err := tableColumns("Table", data, nil)
	if err != nil {
		return runtime.Value{}, err
	}
	t, err := NewTable(names, cols)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(t), nil
}

// tableColumns reads tabular data: a Table, a dict of columns, or a 2-d
// array (or list of rows) with optional column names.
func tableColumns(fn string, data runtime.Value, names []string) ([]string, []runtime.Value, error) {
	switch d := data.Obj().(type) {
	case *Table:
		return d.Names, d.Cols, nil
	case *runtime.Dict:
		var ns []string
		var cs []runtime.Value
		for _, kv := range d.Items() {
			s, ok := runtime.AsString(kv[0])
			if !ok {
				s = runtime.Str(kv[0])
			}
			ns = append(ns, s)
			cs = append(cs, kv[1])
		}
		return ns, cs, nil
	}
	a, err := array.From(data)
	if err != nil {
		return nil, nil, runtime.Errorf("%s() needs a Table, a dict of columns or a 2-d array, not %s", fn, runtime.TypeName(data))
	}
	if a.NDim() == 1 {
		a, _ = a.Reshape([]int{a.Size(), 1})
	}
	if a.NDim() != 2 {
		return nil, nil, runtime.Errorf("%s() needs a 2-d array, not of shape %s", fn, array.ShapeString(a.Shape()))
	}
	ncols := a.Shape()[1]
	if names == nil {
		for k := 0; k < ncols; k++ {
			names = append(names, fmt.Sprint(k))
		}
	}
	if len(names) != ncols {
		return nil, nil, runtime.Errorf("%s(): %d column names for %d columns", fn, len(names), ncols)
	}
	t, _ := a.Transpose(nil)
	cols := make([]runtime.Value, ncols)
	for k := range cols {
		c, err := t.Get(runtime.MakeInt(int64(k)))
		if err != nil {
			return nil, nil, err
		}
		cols[k] = array.Value(c.Copy())
	}
	return names, cols, nil
}
