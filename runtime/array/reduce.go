package array

import (
	"math"
	"sort"

	rt "github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// ParseAxes turns an axis argument (absent/None, an int or a tuple of
// ints) into sorted, normalised axes for an array of nd dimensions; nil
// means all axes.
func ParseAxes(axis rt.Value, nd int) ([]int, error) {
	if !axis.IsValid() || axis.IsNone() {
		return nil, nil
	}
	var raw []rt.Value
	if t, ok := axis.Obj().(rt.Tuple); ok {
		raw = t
	} else {
		raw = []rt.Value{axis}
	}
	out := make([]int, 0, len(raw))
	seen := map[int]bool{}
	for _, v := range raw {
		i, ok := v.ToInt()
		if !ok || v.Kind() == rt.BoolKind {
			return nil, rt.Errorf("axis must be an integer or a tuple of integers, not %s", rt.TypeName(v))
		}
		ax, err := NormAxis(int(i), nd)
		if err != nil {
			return nil, err
		}
		if seen[ax] {
			return nil, rt.Errorf("duplicate value in 'axis'")
		}
		seen[ax] = true
		out = append(out, ax)
	}
	sort.Ints(out)
	return out, nil
}

// NormAxis checks an axis against nd dimensions and makes it
// non-negative.
func NormAxis(ax, nd int) (int, error) {
	if ax < -nd || ax >= nd {
		return 0, rt.Errorf("axis %d is out of bounds for array of dimension %d", ax, nd)
	}
	if ax < 0 {
		ax += nd
	}
	return ax, nil
}

// lanes rearranges a so that the reduced axes come last and are merged:
// it returns a contiguous array of shape (outer..., n), the outer shape,
// the kept-dims shape and n.
func (a *Array) lanes(axes []int) (*Array, []int, []int, int) {
	nd := len(a.shape)
	if axes == nil {
		axes = make([]int, nd)
		for k := range axes {
			axes[k] = k
		}
	}
	red := map[int]bool{}
	for _, ax := range axes {
		red[ax] = true
	}
	var perm, outer, keep []int
	for k := 0; k < nd; k++ {
		if !red[k] {
			perm = append(perm, k)
			outer = append(outer, a.shape[k])
			keep = append(keep, a.shape[k])
		} else {
			keep = append(keep, 1)
		}
	}
	n := 1
	for _, ax := range axes {
		perm = append(perm, ax)
		n *= a.shape[ax]
	}
	if outer == nil {
		outer = []int{}
	}
	t := a.permute(perm)
	if !t.contiguous() {
		t = t.Copy()
	}
	return t, outer, keep, n
}

// permute returns a view with axes reordered (perm[k] is the source axis
// of new axis k).
func (a *Array) permute(perm []int) *Array {
	c := *a
	c.shape = make([]int, len(perm))
	c.strides = make([]int, len(perm))
	for k, p := range perm {
		c.shape[k] = a.shape[p]
		c.strides[k] = a.strides[p]
	}
	c.scalarSel = false
	return &c
}

func laneReduce[T, R any](src []T, off, nOuter, n int, f func([]T) R) []R {
	out := make([]R, nOuter)
	for k := range out {
		out[k] = f(src[off+k*n : off+(k+1)*n])
	}
	return out
}

// pairwise sum, as numpy does for floats.
func sumF(x []float64) float64 {
	if len(x) <= 128 {
		var s0, s1, s2, s3 float64
		i := 0
		for ; i+4 <= len(x); i += 4 {
			s0 += x[i]
			s1 += x[i+1]
			s2 += x[i+2]
			s3 += x[i+3]
		}
		for ; i < len(x); i++ {
			s0 += x[i]
		}
		return (s0 + s1) + (s2 + s3)
	}
	h := len(x) / 2 &^ 7
	return sumF(x[:h]) + sumF(x[h:])
}

func sumI(x []int64) int64 {
	var s int64
	for _, v := range x {
		s += v
	}
	return s
}

func prodF(x []float64) float64 {
	p := 1.0
	for _, v := range x {
		p *= v
	}
	return p
}

func prodI(x []int64) int64 {
	p := int64(1)
	for _, v := range x {
		p *= v
	}
	return p
}

func minF(x []float64) float64 {
	m := x[0]
	for _, v := range x {
		if v < m || math.IsNaN(v) {
			if math.IsNaN(v) {
				return v
			}
			m = v
		}
	}
	return m
}

func maxF(x []float64) float64 {
	m := x[0]
	for _, v := range x {
		if v > m || math.IsNaN(v) {
			if math.IsNaN(v) {
				return v
			}
			m = v
		}
	}
	return m
}

func minI(x []int64) int64 {
	m := x[0]
	for _, v := range x {
		m = min(m, v)
	}
	return m
}

func maxI(x []int64) int64 {
	m := x[0]
	for _, v := range x {
		m = max(m, v)
	}
	return m
}

func argF(x []float64, better func(a, b float64) bool) int64 {
	best := 0
	for k, v := range x {
		if math.IsNaN(v) {
			return int64(k)
		}
		if better(v, x[best]) {
			best = k
		}
	}
	return int64(best)
}

func varF(x []float64, ddof int) float64 {
	n := float64(len(x))
	m := sumF(x) / n
	s := 0.0
	for _, v := range x {
		d := v - m
		s += d * d
	}
	return s / (n - float64(ddof))
}

// Reduce computes the reduction called name ("sum", "prod", "mean",
// "std", "var", "min", "max", "argmin", "argmax", "all", "any", "ptp")
// over axis (None, int or tuple) with numpy's dtype and unit rules. The
// result is a scalar when every axis is reduced and keepdims is false.
func Reduce(name string, a *Array, axis rt.Value, keepdims bool, ddof int) (rt.Value, error) {
	r, err := ReduceArray(name, a, axis, keepdims, ddof)
	if err != nil {
		return rt.Value{}, err
	}
	return result(r), nil
}

// ReduceArray is Reduce returning an array (0-d when fully reduced).
func ReduceArray(name string, a *Array, axis rt.Value, keepdims bool, ddof int) (*Array, error) {
	axes, err := ParseAxes(axis, len(a.shape))
	if err != nil {
		return nil, err
	}
	if (name == "argmin" || name == "argmax") && len(axes) > 1 {
		return nil, rt.Errorf("%s: axis must be an integer", name)
	}
	t, outer, keep, n := a.lanes(axes)
	if (name == "argmin" || name == "argmax") && axes == nil && len(a.shape) > 1 {
		t, outer, keep, n = a.Copy().reshapeView([]int{a.Size()}).lanes(nil)
		keep = make([]int, len(a.shape))
		for k := range keep {
			keep[k] = 1
		}
	}
	no := prod(outer)
	if n == 0 && no > 0 {
		switch name {
		case "min", "max", "argmin", "argmax", "ptp":
			nm := map[string]string{"min": "minimum", "max": "maximum", "ptp": "maximum"}[name]
			if nm == "" {
				return nil, rt.Errorf("attempt to get %s of an empty sequence", name)
			}
			return nil, rt.Errorf("zero-size array to reduction operation %s which has no identity", nm)
		}
	}
	var r *Array
	dim := a.dim
	switch name {
	case "sum", "prod", "min", "max", "ptp":
		dt := t.dtype
		if dt == Bool && (name == "sum" || name == "prod") {
			dt = Int
		}
		if name == "prod" && !a.dim.IsDimensionless() {
			if n > 24 {
				return nil, rt.Errorf("prod of %d values with units of %s: the resulting power is too large", n, DimName(a.dim))
			}
			dim = a.dim.Pow(units.R(n, 1))
		}
		if dt == Int {
			ti := t.AsTypeView(Int)
			f := map[string]func([]int64) int64{"sum": sumI, "prod": prodI, "min": minI, "max": maxI,
				"ptp": func(x []int64) int64 { return maxI(x) - minI(x) }}[name]
			r = FromInts(laneReduce(ti.i, ti.offset, no, n, f), outer...)
		} else if dt == Bool {
			f := map[string]func([]bool) bool{"min": allB, "max": anyB, "ptp": func(x []bool) bool { return anyB(x) && !allB(x) }}[name]
			r = FromBools(laneReduce(t.b, t.offset, no, n, f), outer...)
		} else {
			f := map[string]func([]float64) float64{"sum": sumF, "prod": prodF, "min": minF, "max": maxF,
				"ptp": func(x []float64) float64 { return maxF(x) - minF(x) }}[name]
			r = New(outer, laneReduce(t.f, t.offset, no, n, f), units.Dim{})
		}
	case "mean", "std", "var":
		tf := t.AsTypeView(Float)
		f := func(x []float64) float64 { return sumF(x) / float64(len(x)) }
		switch name {
		case "var":
			f = func(x []float64) float64 { return varF(x, ddof) }
			dim = a.dim.Mul(a.dim)
		case "std":
			f = func(x []float64) float64 { return math.Sqrt(varF(x, ddof)) }
		}
		r = New(outer, laneReduce(tf.f, tf.offset, no, n, f), units.Dim{})
	case "argmin", "argmax":
		tf := t.AsTypeView(Float)
		better := func(x, y float64) bool { return x < y }
		if name == "argmax" {
			better = func(x, y float64) bool { return x > y }
		}
		r = FromInts(laneReduce(tf.f, tf.offset, no, n, func(x []float64) int64 { return argF(x, better) }), outer...)
		dim = units.Dim{}
	case "all", "any":
		tb := t.AsTypeView(Bool)
		f := allB
		if name == "any" {
			f = anyB
		}
		r = FromBools(laneReduce(tb.b, tb.offset, no, n, f), outer...)
		dim = units.Dim{}
	default:
		return nil, rt.Errorf("unknown reduction %s", name)
	}
	r.dim = dim
	if keepdims {
		r = r.reshapeView(keep)
	}
	return r, nil
}

func allB(x []bool) bool {
	for _, v := range x {
		if !v {
			return false
		}
	}
	return true
}

func anyB(x []bool) bool {
	for _, v := range x {
		if v {
			return true
		}
	}
	return false
}

// Cumulate returns the running sum ("cumsum") or product ("cumprod")
// along axis (None flattens).
func Cumulate(name string, a *Array, axis rt.Value) (*Array, error) {
	if name == "cumprod" && !a.dim.IsDimensionless() {
		return nil, rt.Errorf("cumprod is not supported for arrays with units")
	}
	src := a
	ax := 0
	if !axis.IsValid() || axis.IsNone() {
		src = a.Copy().reshapeView([]int{a.Size()})
	} else {
		i, ok := axis.ToInt()
		if !ok {
			return nil, rt.Errorf("axis must be an integer")
		}
		var err error
		if ax, err = NormAxis(int(i), len(a.shape)); err != nil {
			return nil, err
		}
	}
	dt := src.dtype
	if dt == Bool {
		dt = Int
	}
	out := src.AsType(dt)
	out.dim = a.dim
	// walk every lane along ax in the contiguous copy
	n := out.shape[ax]
	st := out.strides[ax]
	outerShape := append(append([]int(nil), out.shape[:ax]...), out.shape[ax+1:]...)
	outerStrides := append(append([]int(nil), out.strides[:ax]...), out.strides[ax+1:]...)
	if n == 0 {
		return out, nil
	}
	walk(outerShape, outerStrides, 0, func(off int) {
		for j := 1; j < n; j++ {
			p, c := off+(j-1)*st, off+j*st
			if dt == Float {
				if name == "cumsum" {
					out.f[c] += out.f[p]
				} else {
					out.f[c] *= out.f[p]
				}
			} else if name == "cumsum" {
				out.i[c] += out.i[p]
			} else {
				out.i[c] *= out.i[p]
			}
		}
	})
	return out, nil
}
