package ml

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// catCol is one column of categorical input: strings or numbers, with
// missing cells (None, or NaN for numbers).
type catCol struct {
	str   []string
	num   []float64
	miss  []bool
	isStr bool
	isInt bool // every number was an int
	nNum  int  // numeric cells seen while reading a list
}

func (c *catCol) len() int { return len(c.miss) }

// readCats reads the X of an encoder: a Table (its columns and their
// names), a 2-d array, or a list of rows whose cells are strings, numbers
// or None.
func readCats(fn string, v runtime.Value) ([]*catCol, []string, error) {
	if t, ok := v.Obj().(*Table); ok {
		cols := make([]*catCol, len(t.cols))
		for j, c := range t.cols {
			if c.isCat {
				cols[j] = &catCol{str: c.str, miss: c.miss, isStr: true}
			} else {
				cols[j] = numCol(c.num, false)
			}
		}
		return cols, t.names(), nil
	}
	if a, ok := v.Obj().(*array.Array); ok {
		sh := a.Shape()
		if len(sh) != 2 {
			return nil, nil, runtime.Errorf("%s: Expected 2D array, got %dD array instead (reshape your data with X.reshape(-1, 1) for a single feature or X.reshape(1, -1) for a single sample)", fn, len(sh))
		}
		d := a.Float64s()
		cols := make([]*catCol, sh[1])
		for j := range cols {
			x := make([]float64, sh[0])
			for i := range x {
				x[i] = d[i*sh[1]+j]
			}
			cols[j] = numCol(x, a.DType() != array.Float)
		}
		return cols, nil, nil
	}
	rows, err := listOf(fn, "X", v)
	if err != nil {
		return nil, nil, err
	}
	var cols []*catCol
	for i, r := range rows {
		cells, err := listOf(fn, "X", r)
		if err != nil {
			return nil, nil, runtime.Errorf("%s: Expected 2D array, got 1D array instead (reshape your data with X.reshape(-1, 1) for a single feature or X.reshape(1, -1) for a single sample)", fn)
		}
		if i == 0 {
			cols = make([]*catCol, len(cells))
			for j := range cols {
				cols[j] = &catCol{isInt: true}
			}
		} else if len(cells) != len(cols) {
			return nil, nil, runtime.Errorf("%s: X has rows of different lengths (%d and %d)", fn, len(cols), len(cells))
		}
		for j, x := range cells {
			if err := cols[j].add(fn, x); err != nil {
				return nil, nil, err
			}
		}
	}
	if len(rows) == 0 {
		return nil, nil, runtime.Errorf("%s: Found array with 0 sample(s) while a minimum of 1 is required", fn)
	}
	for j, c := range cols {
		if err := c.settle(fn, j); err != nil {
			return nil, nil, err
		}
	}
	return cols, nil, nil
}

// readLabels reads a 1-d column of labels (LabelEncoder's y).
func readLabels(fn string, v runtime.Value) (*catCol, error) {
	if a, ok := v.Obj().(*array.Array); ok {
		sh := a.Shape()
		if len(sh) == 2 && sh[1] == 1 {
			sh = sh[:1]
		}
		if len(sh) != 1 {
			return nil, runtime.Errorf("%s: y should be a 1d array, got an array of shape %s instead.", fn, array.ShapeString(a.Shape()))
		}
		return numCol(append([]float64(nil), a.Float64s()...), a.DType() != array.Float), nil
	}
	cells, err := listOf(fn, "y", v)
	if err != nil {
		return nil, err
	}
	c := &catCol{isInt: true}
	for _, x := range cells {
		if err := c.add(fn, x); err != nil {
			return nil, err
		}
	}
	return c, c.settle(fn, 0)
}

func numCol(x []float64, isInt bool) *catCol {
	c := &catCol{num: x, miss: make([]bool, len(x)), isInt: isInt}
	for i, v := range x {
		c.miss[i] = math.IsNaN(v)
	}
	return c
}

func listOf(fn, name string, v runtime.Value) ([]runtime.Value, error) {
	switch v.Obj().(type) {
	case runtime.Tuple, *runtime.List:
	default:
		return nil, runtime.Errorf("%s: %s must be an array, a list or a DataFrame, not %s", fn, name, runtime.TypeName(v))
	}
	it, err := runtime.Iterate(v)
	if err != nil {
		return nil, err
	}
	var out []runtime.Value
	var x runtime.Value
	for it.Next(&x) {
		out = append(out, x)
	}
	return out, nil
}

// add appends a cell of a list input.
func (c *catCol) add(fn string, x runtime.Value) error {
	if s, ok := runtime.AsString(x); ok {
		c.str = append(c.str, s)
		c.num = append(c.num, 0)
		c.miss = append(c.miss, false)
		c.isStr = true
		return nil
	}
	c.str = append(c.str, "")
	if x.IsNone() {
		c.num = append(c.num, math.NaN())
		c.miss = append(c.miss, true)
		return nil
	}
	f, ok := x.ToFloat()
	if !ok || x.Kind() == runtime.ObjKind {
		return runtime.Errorf("%s: cannot use %s as a category (strings, numbers or None)", fn, runtime.TypeName(x))
	}
	if x.Kind() == runtime.FloatKind {
		c.isInt = false
	}
	if !math.IsNaN(f) {
		c.nNum++
	}
	c.num = append(c.num, f)
	c.miss = append(c.miss, math.IsNaN(f))
	return nil
}

// settle checks that a list column is all strings or all numbers (None
// aside), as scikit-learn requires.
func (c *catCol) settle(fn string, j int) error {
	if !c.isStr {
		c.str = nil
		return nil
	}
	if c.nNum > 0 {
		return runtime.Errorf("%s: Encoders require their input argument must be uniformly strings or numbers. Got ['float', 'str'] in column %d", fn, j)
	}
	c.num, c.isInt = nil, false
	return nil
}

// catSet is the sorted categories of one feature, with missing as the
// last category when it was seen (NaN for numbers, None for strings).
type catSet struct {
	str     []string
	num     []float64
	isStr   bool
	isInt   bool
	missing bool
	strIdx  map[string]int
	numIdx  map[float64]int
}

func (s *catSet) size() int {
	n := len(s.num)
	if s.isStr {
		n = len(s.str)
	}
	if s.missing {
		n++
	}
	return n
}

// fitSet collects the categories of a column.
func fitSet(c *catCol) *catSet {
	s := &catSet{isStr: c.isStr, isInt: c.isInt}
	if c.isStr {
		seen := map[string]bool{}
		for i, v := range c.str {
			if c.miss[i] {
				s.missing = true
			} else if !seen[v] {
				seen[v] = true
				s.str = append(s.str, v)
			}
		}
		sort.Strings(s.str)
	} else {
		seen := map[float64]bool{}
		for i, v := range c.num {
			if c.miss[i] {
				s.missing = true
			} else if !seen[v] {
				seen[v] = true
				s.num = append(s.num, v)
			}
		}
		sort.Float64s(s.num)
	}
	s.index()
	return s
}

func (s *catSet) index() {
	s.strIdx, s.numIdx = map[string]int{}, map[float64]int{}
	for k, v := range s.str {
		s.strIdx[v] = k
	}
	for k, v := range s.num {
		s.numIdx[v] = k
	}
}

// lookup returns the category index of cell i of c.
func (s *catSet) lookup(c *catCol, i int) (int, bool) {
	if c.miss[i] {
		return s.size() - 1, s.missing
	}
	if s.isStr != c.isStr {
		return 0, false
	}
	if s.isStr {
		k, ok := s.strIdx[c.str[i]]
		return k, ok
	}
	k, ok := s.numIdx[c.num[i]]
	return k, ok
}

// parseSet reads a user-given list of categories for one feature.
func parseSet(fn string, v runtime.Value, j int) (*catSet, error) {
	c, err := readLabels(fn, v)
	if err != nil {
		return nil, err
	}
	s := &catSet{isStr: c.isStr, isInt: c.isInt}
	for i := range c.miss {
		switch {
		case c.miss[i]:
			s.missing = true
		case c.isStr:
			s.str = append(s.str, c.str[i])
		default:
			if i > 0 && len(s.num) > 0 && c.num[i] <= s.num[len(s.num)-1] {
				return nil, runtime.Errorf("%s: Unsorted categories are not supported for numerical categories (feature %d)", fn, j)
			}
			s.num = append(s.num, c.num[i])
		}
	}
	s.index()
	return s, nil
}

// value returns the categories as scikit-learn's categories_ entry: an
// array of numbers, or a list of strings (None last when missing).
func (s *catSet) value() runtime.Value {
	if s.isStr {
		out := make([]runtime.Value, 0, s.size())
		for _, v := range s.str {
			out = append(out, runtime.MakeStr(v))
		}
		if s.missing {
			out = append(out, runtime.None)
		}
		return runtime.NewList(out)
	}
	if s.isInt && !s.missing {
		ints := make([]int, len(s.num))
		for k, v := range s.num {
			ints[k] = int(v)
		}
		return intsValue(ints)
	}
	x := append([]float64(nil), s.num...)
	if s.missing {
		x = append(x, math.NaN())
	}
	return floatsValue(x)
}

// cat returns category k as a script value.
func (s *catSet) cat(k int) runtime.Value {
	switch {
	case k >= s.size()-1 && s.missing:
		if s.isStr {
			return runtime.None
		}
		return runtime.MakeFloat(math.NaN())
	case s.isStr:
		return runtime.MakeStr(s.str[k])
	case s.isInt:
		return runtime.MakeInt(int64(s.num[k]))
	}
	return runtime.MakeFloat(s.num[k])
}

// label formats category k as Python's str() does, for feature names.
func (s *catSet) label(k int) string {
	v := s.cat(k)
	if str, ok := runtime.AsString(v); ok {
		return str
	}
	if v.Kind() == runtime.FloatKind {
		f := v.AsFloat()
		switch {
		case math.IsNaN(f):
			return "nan"
		case f == math.Trunc(f) && math.Abs(f) < 1e16:
			return strconv.FormatFloat(f, 'f', 1, 64)
		}
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return runtime.Str(v)
}

// cellRepr formats cell i of c for error messages.
func cellRepr(c *catCol, i int) string {
	switch {
	case c.miss[i] && c.isStr:
		return "None"
	case c.isStr:
		return "'" + c.str[i] + "'"
	case c.isInt:
		return strconv.FormatInt(int64(c.num[i]), 10)
	}
	return runtime.Repr(runtime.MakeFloat(c.num[i]))
}

// unknownCells lists the distinct cells of c that s does not hold, for
// the "Found unknown categories" message.
func unknownCells(s *catSet, c *catCol) string {
	var out []string
	seen := map[string]bool{}
	for i := range c.miss {
		if _, ok := s.lookup(c, i); !ok {
			r := cellRepr(c, i)
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	sort.Strings(out)
	return "[" + strings.Join(out, ", ") + "]"
}
