package iomod

import (
	"bufio"
	"strconv"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// savetxt is np.savetxt(fname, X, fmt='%.18e', delimiter=' ',
// newline='\n', header=”, footer=”, comments='# '): one line per row
// of a 1-d (one column) or 2-d array, each value formatted with Python's
// % formatting, written atomically.
func savetxt(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "savetxt"
	var fname, X, fmtV, delimV, newlineV, headerV, footerV, commentsV, encoding runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "fname", &fname, "X", &X, "fmt?", &fmtV, "delimiter?", &delimV,
		"newline?", &newlineV, "header?", &headerV, "footer?", &footerV, "comments?", &commentsV, "encoding?", &encoding); err != nil {
		return runtime.Value{}, err
	}
	path, err := pathArg(fn, fname)
	if err != nil {
		return runtime.Value{}, err
	}
	a, err := array.From(X)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("savetxt(): %v", err)
	}
	switch a.NDim() {
	case 1:
		a, _ = a.Reshape([]int{a.Size(), 1})
	case 2:
	default:
		return runtime.Value{}, runtime.Errorf("savetxt(): expected 1D or 2D array, got %dD array instead", a.NDim())
	}
	delim, err := optStr(fn, "delimiter", delimV, " ")
	if err != nil {
		return runtime.Value{}, err
	}
	newline, err := optStr(fn, "newline", newlineV, "\n")
	if err != nil {
		return runtime.Value{}, err
	}
	header, err := optStr(fn, "header", headerV, "")
	if err != nil {
		return runtime.Value{}, err
	}
	footer, err := optStr(fn, "footer", footerV, "")
	if err != nil {
		return runtime.Value{}, err
	}
	comments, err := optStr(fn, "comments", commentsV, "# ")
	if err != nil {
		return runtime.Value{}, err
	}
	shape := a.Shape()
	rows, cols := shape[0], shape[1]
	rowFmt, err := rowFormat(fmtV, cols, delim)
	if err != nil {
		return runtime.Value{}, err
	}
	vals := rowValues(a)
	err = WriteAtomic(path, func(w *bufio.Writer) error {
		if header != "" {
			w.WriteString(comments + strings.ReplaceAll(header, "\n", "\n"+comments) + newline)
		}
		row := make(runtime.Tuple, cols)
		for r := 0; r < rows; r++ {
			copy(row, vals[r*cols:(r+1)*cols])
			s, err := runtime.PercentFormat(rowFmt, runtime.MakeObj(row))
			if err != nil {
				return runtime.Errorf("savetxt(): mismatch between format %q and row %d: %v", rowFmt, r, err)
			}
			w.WriteString(s)
			w.WriteString(newline)
		}
		if footer != "" {
			w.WriteString(comments + strings.ReplaceAll(footer, "\n", "\n"+comments) + newline)
		}
		return nil
	})
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, nil
}

// rowFormat builds the % format of one row from fmt: one spec repeated for
// every column, a string holding one spec per column, or a list of specs.
func rowFormat(fmtV runtime.Value, cols int, delim string) (string, error) {
	if !fmtV.IsValid() || fmtV.IsNone() {
		return repeatJoin("%.18e", cols, delim), nil
	}
	if s, ok := runtime.AsString(fmtV); ok {
		n := strings.Count(s, "%") - 2*strings.Count(s, "%%")
		switch {
		case n == 1:
			return repeatJoin(s, cols, delim), nil
		case n == cols:
			return s, nil
		}
		return "", runtime.Errorf("savetxt(): fmt has wrong number of %% formats: %s (%d columns)", s, cols)
	}
	specs, err := strList("savetxt", "fmt", fmtV)
	if err != nil {
		return "", err
	}
	if len(specs) != cols {
		return "", runtime.Errorf("savetxt(): fmt has %d formats for %d columns", len(specs), cols)
	}
	return strings.Join(specs, delim), nil
}

func repeatJoin(s string, n int, delim string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = s
	}
	return strings.Join(parts, delim)
}

// rowValues returns a's elements as script numbers (bools as ints).
func rowValues(a *array.Array) []runtime.Value {
	out := make([]runtime.Value, a.Size())
	switch a.DType() {
	case array.Float:
		for i, x := range a.Float64s() {
			out[i] = runtime.MakeFloat(x)
		}
	default:
		for i, x := range a.Int64s() {
			out[i] = runtime.MakeInt(x)
		}
	}
	return out
}

// loadtxt is np.loadtxt(fname, dtype=float, comments='#', delimiter=None,
// skiprows=0, usecols=None, unpack=False, ndmin=0, max_rows=None).
func loadtxt(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "loadtxt"
	var fname, dtypeV, commentsV, delimV, skipV, usecolsV, unpackV, ndminV, maxRowsV, encoding runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "fname", &fname, "dtype?", &dtypeV, "comments?", &commentsV,
		"delimiter?", &delimV, "skiprows?", &skipV, "usecols?", &usecolsV, "unpack?", &unpackV, "ndmin?", &ndminV,
		"max_rows?", &maxRowsV, "encoding?", &encoding); err != nil {
		return runtime.Value{}, err
	}
	path, err := pathArg(fn, fname)
	if err != nil {
		return runtime.Value{}, err
	}
	dt := array.Float
	if dtypeV.IsValid() && !dtypeV.IsNone() {
		if dt, err = array.ParseDType(dtypeV); err != nil {
			return runtime.Value{}, err
		}
	}
	var comments []string
	switch {
	case !commentsV.IsValid():
		comments = []string{"#"}
	case commentsV.IsNone():
	default:
		if comments, err = strList(fn, "comments", commentsV); err != nil {
			return runtime.Value{}, err
		}
	}
	delim, err := optStr(fn, "delimiter", delimV, "")
	if err != nil {
		return runtime.Value{}, err
	}
	skip, err := optInt(fn, "skiprows", skipV, 0)
	if err != nil {
		return runtime.Value{}, err
	}
	maxRows, err := optInt(fn, "max_rows", maxRowsV, -1)
	if err != nil {
		return runtime.Value{}, err
	}
	ndmin, err := optInt(fn, "ndmin", ndminV, 0)
	if err != nil {
		return runtime.Value{}, err
	}
	if ndmin < 0 || ndmin > 2 {
		return runtime.Value{}, runtime.Errorf("loadtxt(): illegal value of ndmin keyword: %d", ndmin)
	}
	unpack, err := optBool(fn, "unpack", unpackV, false)
	if err != nil {
		return runtime.Value{}, err
	}
	var usecols []int
	if usecolsV.IsValid() && !usecolsV.IsNone() {
		if i, ok := usecolsV.ToInt(); ok && usecolsV.Kind() == runtime.IntKind {
			usecols = []int{int(i)}
		} else {
			elems, err := runtime.ToSlice(usecolsV)
			if err != nil {
				return runtime.Value{}, runtime.Errorf("loadtxt(): usecols must be an int or a sequence of ints")
			}
			for _, e := range elems {
				i, ok := e.ToInt()
				if !ok || e.Kind() != runtime.IntKind {
					return runtime.Value{}, runtime.Errorf("loadtxt(): usecols must be an int or a sequence of ints, not %s", runtime.TypeName(e))
				}
				usecols = append(usecols, int(i))
			}
		}
	}
	data, err := readFile(path)
	if err != nil {
		return runtime.Value{}, err
	}
	p := textParser{dt: dt, comments: comments, delim: delim, skip: skip, maxRows: maxRows, usecols: usecols, path: path}
	a, err := p.parse(string(data))
	if err != nil {
		return runtime.Value{}, err
	}
	a = ensureNdmin(a, ndmin)
	if unpack {
		if a, err = a.Transpose(nil); err != nil {
			return runtime.Value{}, err
		}
	}
	return array.Value(a), nil
}

// textParser reads a numeric text table.
type textParser struct {
	dt       array.DType
	comments []string
	delim    string
	skip     int
	maxRows  int
	usecols  []int
	path     string
}

func (p *textParser) parse(text string) (*array.Array, error) {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	if strings.HasSuffix(text, "\n") {
		lines = lines[:len(lines)-1]
	}
	var floats []float64
	var ints []int64
	var bools []bool
	ncols, nrows := -1, 0
	for ln, line := range lines {
		if ln < p.skip {
			continue
		}
		if p.maxRows >= 0 && nrows >= p.maxRows {
			break
		}
		for _, c := range p.comments {
			if c == "" {
				continue
			}
			if i := strings.Index(line, c); i >= 0 {
				line = line[:i]
			}
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		var fields []string
		if p.delim == "" {
			fields = strings.Fields(line)
		} else {
			fields = strings.Split(line, p.delim)
		}
		if p.usecols != nil {
			sel := make([]string, len(p.usecols))
			for k, c := range p.usecols {
				j := c
				if j < 0 {
					j += len(fields)
				}
				if j < 0 || j >= len(fields) {
					return nil, runtime.Errorf("loadtxt('%s'): invalid column index %d at row %d with %d columns", p.path, c, ln+1, len(fields))
				}
				sel[k] = fields[j]
			}
			fields = sel
		}
		if ncols < 0 {
			ncols = len(fields)
		} else if len(fields) != ncols {
			return nil, runtime.Errorf("loadtxt('%s'): the number of columns changed from %d to %d at row %d; use `usecols` to select a subset and avoid this error", p.path, ncols, len(fields), ln+1)
		}
		for _, f := range fields {
			f = strings.TrimSpace(f)
			switch p.dt {
			case array.Float:
				x, err := runtime.ParseFloat(f)
				if err != nil {
					return nil, runtime.Errorf("loadtxt('%s'): could not convert string '%s' to float64 at row %d", p.path, f, ln+1)
				}
				floats = append(floats, x)
			case array.Int:
				x, err := strconv.ParseInt(f, 10, 64)
				if err != nil {
					return nil, runtime.Errorf("loadtxt('%s'): could not convert string '%s' to int64 at row %d", p.path, f, ln+1)
				}
				ints = append(ints, x)
			case array.Bool:
				x, err := strconv.ParseFloat(f, 64)
				if err != nil {
					b, berr := strconv.ParseBool(f)
					if berr != nil {
						return nil, runtime.Errorf("loadtxt('%s'): could not convert string '%s' to bool at row %d", p.path, f, ln+1)
					}
					bools = append(bools, b)
					continue
				}
				bools = append(bools, x != 0)
			}
		}
		nrows++
	}
	if ncols < 0 {
		ncols = 0
		if p.usecols != nil {
			ncols = len(p.usecols)
		}
	}
	if nrows == 0 {
		return array.Zeros(p.dt, []int{0}, units.Dim{}), nil
	}
	shape := []int{nrows, ncols}
	switch p.dt {
	case array.Int:
		return array.FromInts(ints, shape...), nil
	case array.Bool:
		return array.FromBools(bools, shape...), nil
	}
	a := array.New(shape, floats, units.Dim{})
	return a, nil
}

// ensureNdmin squeezes a as numpy's loadtxt does and then gives it at
// least ndmin dimensions (columns stay columns for ndmin=2).
func ensureNdmin(a *array.Array, ndmin int) *array.Array {
	if a.NDim() > ndmin {
		if s, err := a.Squeeze(nil); err == nil {
			a = s
		}
	}
	if a.NDim() < ndmin {
		if ndmin == 1 {
			a = a.AtLeast(1)
		} else {
			b := a.AtLeast(2)
			if a.NDim() == 1 {
				if t, err := b.Transpose(nil); err == nil {
					b = t
				}
			}
			a = b
		}
	}
	return a
}
