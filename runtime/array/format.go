package array

import (
	"math"
	"strconv"
	"strings"

	rt "github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// Printing follows numpy's arrayprint defaults: precision 8, floatmode
// "maxprec", no small-number suppression, line width 75, summarisation
// with 3 edge items above 1000 elements. Arrays with a unit are shown in
// one display unit chosen for their largest magnitude.

const (
	lineWidth = 75
	threshold = 1000
	edgeItems = 3
)

// String implements runtime.Object: the repr, "array([1., 2.])" or
// "array([1., 2.]) * mvolt".
func (a *Array) String() string {
	vals, short, long := a.display()
	_ = short
	var body string
	switch {
	case a.Size() == 0 && len(a.shape) == 1:
		body = "array([], dtype=" + a.dtype.String() + ")"
	case a.Size() == 0:
		body = "array([], shape=" + ShapeString(a.shape) + ", dtype=" + a.dtype.String() + ")"
	default:
		body = "array(" + formatArray(vals, ", ", "array(", ")") + ")"
	}
	if long != "" {
		body += " * " + long
	}
	return body
}

// Str implements runtime.HasStr: "[1. 2. 3.] mV".
func (a *Array) Str() string {
	vals, short, _ := a.display()
	var body string
	switch {
	case len(a.shape) == 0:
		v := vals.valueAt(vals.offset)
		body = rt.Repr(v)
		if v.Kind() == rt.FloatKind {
			body = rt.FormatFloat(v.AsFloat())
		}
	case a.Size() == 0:
		body = "[]"
	default:
		body = formatArray(vals, " ", "", "")
	}
	if short != "" {
		body += " " + short
	}
	return body
}

// display returns the dimensionless array of numbers to print and the
// unit texts that follow them.
func (a *Array) display() (*Array, string, string) {
	if a.dim.IsDimensionless() {
		return a, "", ""
	}
	shown := a.Float64s()
	if a.Size() > threshold {
		offs := edgeOffsets(a, true)
		all := a.AsTypeView(Float)
		shown = make([]float64, len(offs))
		for k, o := range offs {
			shown[k] = all.floatAt(o)
		}
	}
	short, long, scale, ok := units.DisplayUnit(shown, a.dim)
	if !ok {
		s := a.dim.String()
		return a.WithDim(units.Dim{}), s, s
	}
	vs := a.Float64s()
	out := make([]float64, len(vs))
	for k, v := range vs {
		out[k] = v / scale
	}
	return New(a.shape, out, units.Dim{}), short, long
}

// formatArray is numpy's _formatArray for a non-empty array of at least
// one dimension.
func formatArray(a *Array, sep, prefix, suffix string) string {
	summary := a.Size() > threshold
	ff := newFormatter(a, summary)
	width := lineWidth - len(suffix)
	nextPrefix := " " + strings.Repeat(" ", len(prefix))
	idx := make([]int, 0, len(a.shape))
	var rec func(hanging string, curWidth int) string
	rec = func(hanging string, curWidth int) string {
		axis := len(idx)
		left := len(a.shape) - axis
		if left == 0 {
			off := a.offset
			for k, i := range idx {
				off += i * a.strides[k]
			}
			return ff(off)
		}
		nextHanging := hanging + " "
		nextWidth := curWidth - 1
		n := a.shape[axis]
		show := summary && 2*edgeItems < n
		lead, trail := 0, n
		if show {
			lead, trail = edgeItems, edgeItems
		}
		item := func(i int) string {
			if i < 0 {
				i += n
			}
			idx = append(idx, i)
			s := rec(nextHanging, nextWidth)
			idx = idx[:len(idx)-1]
			return s
		}
		var s strings.Builder
		if left == 1 {
			elemWidth := curWidth - max(len(strings.TrimRight(sep, " ")), 1)
			line := hanging
			ext := func(word string, w int) {
				if len(line)+len(word) > w && len(line) > len(hanging) {
					s.WriteString(strings.TrimRight(line, " ") + "\n")
					line = hanging
				}
				line += word
			}
			for i := 0; i < lead; i++ {
				ext(item(i), elemWidth)
				line += sep
			}
			if show {
				ext("...", elemWidth)
				line += sep
			}
			for i := trail; i > 1; i-- {
				ext(item(-i), elemWidth)
				line += sep
			}
			ext(item(-1), elemWidth)
			s.WriteString(line)
		} else {
			lineSep := strings.TrimRight(sep, " ") + strings.Repeat("\n", left-1)
			for i := 0; i < lead; i++ {
				s.WriteString(hanging + item(i) + lineSep)
			}
			if show {
				s.WriteString(hanging + "..." + lineSep)
			}
			for i := trail; i > 1; i-- {
				s.WriteString(hanging + item(-i) + lineSep)
			}
			s.WriteString(hanging + item(-1))
		}
		return "[" + s.String()[len(hanging):] + "]"
	}
	return rec(nextPrefix, width)
}

// edgeOffsets returns the offsets of the elements that a summarised print
// shows (all of them when not summarising).
func edgeOffsets(a *Array, summary bool) []int {
	if !summary {
		return a.offsets()
	}
	var out []int
	var rec func(axis, off int)
	rec = func(axis, off int) {
		if axis == len(a.shape) {
			out = append(out, off)
			return
		}
		n := a.shape[axis]
		for i := 0; i < n; i++ {
			if 2*edgeItems < n && i == edgeItems {
				i = n - edgeItems
			}
			rec(axis+1, off+i*a.strides[axis])
		}
	}
	rec(0, a.offset)
	return out
}

// newFormatter returns the element formatter for a (numpy's
// FloatingFormat, IntegerFormat or BoolFormat).
func newFormatter(a *Array, summary bool) func(off int) string {
	offs := edgeOffsets(a, summary)
	switch a.dtype {
	case Bool:
		return func(off int) string {
			if a.b[off] {
				return " True"
			}
			return "False"
		}
	case Int:
		w := 0
		for _, o := range offs {
			w = max(w, len(strconv.FormatInt(a.i[o], 10)))
		}
		return func(off int) string {
			s := strconv.FormatInt(a.i[off], 10)
			return strings.Repeat(" ", w-len(s)) + s
		}
	}
	vals := make([]float64, len(offs))
	for k, o := range offs {
		vals[k] = a.f[o]
	}
	f := newFloatFormat(vals)
	return func(off int) string { return f.format(a.f[off]) }
}

// floatFormat is numpy's FloatingFormat in "maxprec" mode, precision 8.
type floatFormat struct {
	exp                 bool
	padLeft, padRight   int
	precision, expDigit int
}

func newFloatFormat(vals []float64) *floatFormat {
	ff := &floatFormat{}
	var finite []float64
	maxV, minV := 0.0, math.Inf(1)
	neginf := false
	for _, v := range vals {
		if math.IsInf(v, 0) || math.IsNaN(v) {
			if math.IsInf(v, -1) {
				neginf = true
			}
			continue
		}
		finite = append(finite, v)
		if v != 0 {
			maxV = math.Max(maxV, math.Abs(v))
			minV = math.Min(minV, math.Abs(v))
		}
	}
	if maxV > 0 && (maxV >= 1e8 || minV < 1e-4 || maxV/minV > 1e3) {
		ff.exp = true
	}
	switch {
	case len(finite) == 0:
	case ff.exp:
		expLen := 0
		for _, v := range finite {
			m, e := sciUnique(v)
			ip, fp, _ := strings.Cut(m, ".")
			ff.padLeft = max(ff.padLeft, len(ip))
			ff.precision = max(ff.precision, len(fp))
			expLen = max(expLen, len(e))
		}
		ff.expDigit = expLen - 1
		ff.padRight = ff.expDigit + 2 + ff.precision
	default:
		for _, v := range finite {
			ip, fp, _ := strings.Cut(posUnique(v), ".")
			ff.padLeft = max(ff.padLeft, len(ip))
			ff.padRight = max(ff.padRight, len(fp))
		}
	}
	if len(finite) != len(vals) {
		inflen := 3
		if neginf {
			inflen = 4
		}
		off := ff.padRight + 1
		ff.padLeft = max(ff.padLeft, 3-off, inflen-off)
	}
	return ff
}

// posUnique is dragon4_positional(x, precision=8, unique=True, trim='.').
func posUnique(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 > 8 {
		s = strings.TrimRight(strconv.FormatFloat(x, 'f', 8, 64), "0")
	}
	if !strings.Contains(s, ".") {
		s += "."
	}
	return s
}

// sciUnique is dragon4_scientific(x, precision=8, unique=True, trim='.'),
// split into mantissa and exponent ("-05").
func sciUnique(x float64) (string, string) {
	s := strconv.FormatFloat(x, 'e', -1, 64)
	m, e, _ := strings.Cut(s, "e")
	if i := strings.IndexByte(m, '.'); i >= 0 && len(m)-i-1 > 8 {
		s = strconv.FormatFloat(x, 'e', 8, 64)
		m, e, _ = strings.Cut(s, "e")
		m = strings.TrimRight(m, "0")
	}
	if !strings.Contains(m, ".") {
		m += "."
	}
	return m, e
}

func (ff *floatFormat) format(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		s := "nan"
		if math.IsInf(x, 1) {
			s = "inf"
		} else if math.IsInf(x, -1) {
			s = "-inf"
		}
		return strings.Repeat(" ", max(0, ff.padLeft+ff.padRight+1-len(s))) + s
	}
	if ff.exp {
		s := strconv.FormatFloat(x, 'e', ff.precision, 64)
		m, e, _ := strings.Cut(s, "e")
		if !strings.Contains(m, ".") {
			m += "."
		}
		sign, digits := e[:1], e[1:]
		for len(digits) < ff.expDigit {
			digits = "0" + digits
		}
		ip, _, _ := strings.Cut(m, ".")
		return strings.Repeat(" ", max(0, ff.padLeft-len(ip))) + m + "e" + sign + digits
	}
	ip, fp, _ := strings.Cut(posUnique(x), ".")
	return strings.Repeat(" ", max(0, ff.padLeft-len(ip))) + ip + "." + fp + strings.Repeat(" ", max(0, ff.padRight-len(fp)))
}

// Truth implements runtime.Object with numpy's rule.
func (a *Array) Truth() (bool, error) {
	switch a.Size() {
	case 1:
		return a.floatAt(a.offset) != 0, nil
	case 0:
		return false, nil
	}
	return false, rt.Errorf("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
}
