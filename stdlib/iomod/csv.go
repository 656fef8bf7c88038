package iomod

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// defaultNA are the fields read as missing values (a subset of pandas').
var defaultNA = []string{"", "NA", "N/A", "NaN", "nan", "-nan", "NULL", "null", "None", "#N/A", "n/a"}

// delimRune reads a one-character delimiter.
func delimRune(fn string, v runtime.Value) (rune, error) {
	s, err := optStr(fn, "delimiter", v, ",")
	if err != nil {
		return 0, err
	}
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || size != len(s) || r == '"' || r == '\n' || r == '\r' {
		return 0, runtime.Errorf("%s(): the delimiter must be one character other than a quote or newline, not %q", fn, s)
	}
	return r, nil
}

// readCSV is io.read_csv(path, delimiter=',', header=True, names=None,
// na_values=None, comment=None): a Table whose columns are float arrays
// (missing values NaN), int or bool arrays when every value is present,
// or lists of str (None where missing).
func readCSV(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "read_csv"
	var pathV, delimV, headerV, namesV, naV, commentV runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "path", &pathV, "delimiter?", &delimV, "header?", &headerV,
		"names?", &namesV, "na_values?", &naV, "comment?", &commentV); err != nil {
		return runtime.Value{}, err
	}
	path, err := pathArg(fn, pathV)
	if err != nil {
		return runtime.Value{}, err
	}
	delim, err := delimRune(fn, delimV)
	if err != nil {
		return runtime.Value{}, err
	}
	header, err := optBool(fn, "header", headerV, true)
	if err != nil {
		return runtime.Value{}, err
	}
	var names []string
	if namesV.IsValid() && !namesV.IsNone() {
		if names, err = strList(fn, "names", namesV); err != nil {
			return runtime.Value{}, err
		}
	}
	na := defaultNA
	if naV.IsValid() && !naV.IsNone() {
		extra, err := strList(fn, "na_values", naV)
		if err != nil {
			return runtime.Value{}, err
		}
		na = append(append([]string{}, defaultNA...), extra...)
	}
	comment, err := optStr(fn, "comment", commentV, "")
	if err != nil {
		return runtime.Value{}, err
	}
	data, err := readFile(path)
	if err != nil {
		return runtime.Value{}, err
	}
	t, err := ParseCSV(data, delim, header, names, na, comment)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("read_csv('%s'): %v", path, err)
	}
	return runtime.MakeObj(t), nil
}

// ParseCSV reads CSV text into a Table. With header the first record
// names the columns (names, when given, overrides them); without, the
// columns are named "0", "1", ... Fields in na are missing values.
func ParseCSV(data []byte, delim rune, header bool, names, na []string, comment string) (*Table, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delim
	r.FieldsPerRecord = -1
	if c, size := utf8.DecodeRuneInString(comment); size > 0 {
		r.Comment = c
	}
	var records [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		records = append(records, rec)
	}
	if header && len(records) > 0 {
		if names == nil {
			names = records[0]
		}
		records = records[1:]
	}
	ncols := len(names)
	if names == nil && len(records) > 0 {
		ncols = len(records[0])
		for k := 0; k < ncols; k++ {
			names = append(names, strconv.Itoa(k))
		}
	}
	for i, rec := range records {
		if len(rec) != ncols {
			row := i + 1
			if header {
				row++
			}
			return nil, runtime.Errorf("record %d has %d fields, expected %d", row, len(rec), ncols)
		}
	}
	isNA := map[string]bool{}
	for _, s := range na {
		isNA[s] = true
	}
	cols := make([]runtime.Value, ncols)
	for k := range cols {
		field := make([]string, len(records))
		for i, rec := range records {
			field[i] = rec[k]
		}
		cols[k] = parseColumn(field, isNA)
	}
	return NewTable(names, cols)
}

// parseColumn types one column: bool, int, float (with NaN for missing)
// or str.
func parseColumn(fields []string, isNA map[string]bool) runtime.Value {
	missing := 0
	allInt, allBool, allFloat := true, true, true
	for _, f := range fields {
		f = strings.TrimSpace(f)
		if isNA[f] {
			missing++
			continue
		}
		if _, err := strconv.ParseInt(f, 10, 64); err != nil {
			allInt = false
		}
		if f != "True" && f != "False" && f != "true" && f != "false" {
			allBool = false
		}
		if _, err := runtime.ParseFloat(f); err != nil {
			allFloat = false
		}
	}
	present := len(fields) - missing
	switch {
	case present > 0 && missing == 0 && allBool:
		out := make([]bool, len(fields))
		for i, f := range fields {
			out[i] = strings.EqualFold(strings.TrimSpace(f), "true")
		}
		return array.Value(array.FromBools(out))
	case present > 0 && missing == 0 && allInt:
		out := make([]int64, len(fields))
		for i, f := range fields {
			out[i], _ = strconv.ParseInt(strings.TrimSpace(f), 10, 64)
		}
		return array.Value(array.FromInts(out))
	case allFloat:
		out := make([]float64, len(fields))
		for i, f := range fields {
			f = strings.TrimSpace(f)
			if isNA[f] {
				out[i] = math.NaN()
				continue
			}
			out[i], _ = runtime.ParseFloat(f)
		}
		return array.Value(array.FromFloats(out))
	}
	out := make([]runtime.Value, len(fields))
	for i, f := range fields {
		if isNA[strings.TrimSpace(f)] {
			out[i] = runtime.None
		} else {
			out[i] = runtime.MakeStr(f)
		}
	}
	return runtime.NewList(out)
}

// writeCSV is io.write_csv(path, data, columns=None, delimiter=',',
// header=True, na_rep=”): write a Table, a dict of columns or a 2-d
// array as CSV. Floats are written with Python's repr (shortest exact
// form, so reading back gives the same values), NaN and None as na_rep.
func writeCSV(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "write_csv"
	var pathV, data, columnsV, delimV, headerV, naRepV runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "path", &pathV, "data", &data, "columns?", &columnsV,
		"delimiter?", &delimV, "header?", &headerV, "na_rep?", &naRepV); err != nil {
		return runtime.Value{}, err
	}
	path, err := pathArg(fn, pathV)
	if err != nil {
		return runtime.Value{}, err
	}
	delim, err := delimRune(fn, delimV)
	if err != nil {
		return runtime.Value{}, err
	}
	header, err := optBool(fn, "header", headerV, true)
	if err != nil {
		return runtime.Value{}, err
	}
	naRep, err := optStr(fn, "na_rep", naRepV, "")
	if err != nil {
		return runtime.Value{}, err
	}
	var names []string
	if columnsV.IsValid() && !columnsV.IsNone() {
		if names, err = strList(fn, "columns", columnsV); err != nil {
			return runtime.Value{}, err
		}
	}
	ns, cols, err := tableColumns(fn, data, names)
	if err != nil {
		return runtime.Value{}, err
	}
	t, err := NewTable(ns, cols)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%s(): %v", fn, err)
	}
	if names != nil && len(names) != len(t.Names) {
		return runtime.Value{}, runtime.Errorf("%s(): %d column names for %d columns", fn, len(names), len(t.Names))
	}
	if names != nil {
		t.Names = names
	}
	if err := WriteCSVFile(path, t, delim, header, naRep); err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, nil
}

// WriteCSVFile writes t to path atomically. A value that cannot be
// written (not a number, bool, str or None) fails the write, leaving any
// previous file intact.
func WriteCSVFile(path string, t *Table, delim rune, header bool, naRep string) error {
	return WriteAtomic(path, func(bw *bufio.Writer) error {
		w := csv.NewWriter(bw)
		w.Comma = delim
		if header {
			if err := w.Write(t.Names); err != nil {
				return err
			}
		}
		rec := make([]string, len(t.Names))
		for r := 0; r < t.Rows; r++ {
			for k, col := range t.Cols {
				v, err := cellValue(col, r)
				if err != nil {
					return err
				}
				s, err := csvField(v, naRep)
				if err != nil {
					return runtime.Errorf("write_csv(): column '%s', row %d: %v", t.Names[k], r, err)
				}
				rec[k] = s
			}
			if err := w.Write(rec); err != nil {
				return err
			}
		}
		w.Flush()
		return w.Error()
	})
}

// csvField formats one value for CSV.
func csvField(v runtime.Value, naRep string) (string, error) {
	switch v.Kind() {
	case runtime.NoneKind:
		return naRep, nil
	case runtime.BoolKind:
		if v.AsBool() {
			return "True", nil
		}
		return "False", nil
	case runtime.IntKind:
		return strconv.FormatInt(v.AsInt(), 10), nil
	case runtime.FloatKind:
		f := v.AsFloat()
		if math.IsNaN(f) {
			return naRep, nil
		}
		return runtime.FormatFloat(f), nil
	}
	switch o := v.Obj().(type) {
	case runtime.String:
		return string(o), nil
	case runtime.Quantity:
		if math.IsNaN(o.V) {
			return naRep, nil
		}
		return runtime.FormatFloat(o.V), nil
	}
	return "", runtime.Errorf("cannot write a %s value to CSV (numbers, bools, str and None only)", runtime.TypeName(v))
}
