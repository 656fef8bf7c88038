// Package simtest predeclares the assertion helpers used by sim's test
// scripts: assert_eq, assert_close, assert_raises and assert_true. A
// failed assertion is an error whose message shows both values; the VM
// adds the script position.
package simtest

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

func init() {
	for name, fn := range map[string]runtime.BuiltinFunc{
		"assert_eq":     assertEq,
		"assert_close":  assertClose,
		"assert_raises": assertRaises,
		"assert_true":   assertTrue,
	} {
		runtime.Predeclare(name, runtime.NewBuiltin(name, fn))
	}
}

// fail builds an assertion error, appending the user's message if any.
func fail(msg runtime.Value, format string, args ...any) error {
	s := fmt.Sprintf(format, args...)
	if msg.IsValid() && !msg.IsNone() {
		s += ": " + runtime.Str(msg)
	}
	return runtime.Errorf("%s", s)
}

func assertTrue(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var x, msg runtime.Value
	if err := runtime.UnpackArgs("assert_true", args, kwargs, "x", &x, "msg?", &msg); err != nil {
		return runtime.Value{}, err
	}
	ok, err := runtime.Truth(x)
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok {
		return runtime.Value{}, fail(msg, "assert_true failed: %s is not true", runtime.Repr(x))
	}
	return runtime.None, nil
}

func assertEq(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var a, b, msg runtime.Value
	if err := runtime.UnpackArgs("assert_eq", args, kwargs, "a", &a, "b", &b, "msg?", &msg); err != nil {
		return runtime.Value{}, err
	}
	if hasFloats(a) || hasFloats(b) {
		va, err1 := numeric(a)
		vb, err2 := numeric(b)
		if err1 == nil && err2 == nil {
			if reason := va.sameShape(vb); reason != "" {
				return runtime.Value{}, fail(msg, "assert_eq failed: %s != %s (%s)", runtime.Repr(a), runtime.Repr(b), reason)
			}
			for i := range va.data {
				x, y := va.at(i), vb.at(i)
				if x != y && !(math.IsNaN(x) && math.IsNaN(y)) {
					return runtime.Value{}, fail(msg, "assert_eq failed: %s != %s (first difference at %s: %s vs %s)",
						runtime.Repr(a), runtime.Repr(b), va.index(i, vb), va.show(x), vb.show(y))
				}
			}
			return runtime.None, nil
		}
	}
	eq, err := runtime.Equal(a, b)
	if err != nil {
		return runtime.Value{}, err
	}
	if !eq {
		return runtime.Value{}, fail(msg, "assert_eq failed: %s != %s", runtime.Repr(a), runtime.Repr(b))
	}
	return runtime.None, nil
}

func hasFloats(v runtime.Value) bool {
	_, ok := v.Obj().(runtime.HasFloats)
	return ok
}

// numView is a numeric value flattened to floats, with a shape (nil for a
// scalar) and a dimension.
type numView struct {
	data  []float64
	shape []int
	dim   units.Dim
}

// numeric views a number, quantity, list/tuple of those, or array.
func numeric(v runtime.Value) (numView, error) {
	if f, ok := v.ToFloat(); ok {
		return numView{data: []float64{f}}, nil
	}
	switch o := v.Obj().(type) {
	case runtime.Quantity:
		return numView{data: []float64{o.V}, dim: o.D}, nil
	case runtime.HasFloats:
		data, shape, d := o.Floats()
		return numView{data: data, shape: shape, dim: d}, nil
	case *runtime.List, runtime.Tuple:
		if runtime.ToArray != nil {
			arr, err := runtime.ToArray(v)
			if err == nil {
				if h, ok := arr.Obj().(runtime.HasFloats); ok {
					data, shape, d := h.Floats()
					return numView{data: data, shape: shape, dim: d}, nil
				}
			}
		}
		elems, _ := runtime.ToSlice(v)
		out := numView{shape: []int{len(elems)}}
		for i, e := range elems {
			ev, err := numeric(e)
			if err != nil || ev.shape != nil {
				return numView{}, runtime.Errorf("cannot compare %s numerically", runtime.Repr(v))
			}
			if i == 0 {
				out.dim = ev.dim
			} else if ev.dim != out.dim {
				return numView{}, runtime.Errorf("%s mixes units (%s and %s)", runtime.Repr(v), units.DimName(out.dim), units.DimName(ev.dim))
			}
			out.data = append(out.data, ev.data[0])
		}
		return out, nil
	}
	return numView{}, runtime.Errorf("cannot compare %s numerically", runtime.Repr(v))
}

// at returns element i, broadcasting a scalar.
func (v numView) at(i int) float64 {
	if len(v.data) == 1 {
		return v.data[0]
	}
	return v.data[i]
}

// sameShape returns "" when v and w can be compared elementwise (equal
// shapes, or one a scalar), else the reason they cannot.
func (v numView) sameShape(w numView) string {
	if len(v.data) == 1 && v.shape == nil || len(w.data) == 1 && w.shape == nil {
		if len(v.data) < len(w.data) {
			return "scalar vs " + shapeText(w.shape)
		}
		return ""
	}
	if shapeText(v.shape) != shapeText(w.shape) {
		return "shapes differ: " + shapeText(v.shape) + " vs " + shapeText(w.shape)
	}
	return ""
}

func shapeText(shape []int) string {
	parts := make([]string, len(shape))
	for i, n := range shape {
		parts[i] = fmt.Sprint(n)
	}
	if len(parts) == 1 {
		return "(" + parts[0] + ",)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// index writes the position of flat element i ("[2]", "[1, 0]").
func (v numView) index(i int, w numView) string {
	shape := v.shape
	if len(v.data) == 1 {
		shape = w.shape
	}
	if len(shape) == 0 {
		return "[0]"
	}
	idx := make([]string, len(shape))
	for k := len(shape) - 1; k >= 0; k-- {
		n := shape[k]
		if n == 0 {
			n = 1
		}
		idx[k] = fmt.Sprint(i % n)
		i /= n
	}
	return "[" + strings.Join(idx, ", ") + "]"
}

// show writes one element with the view's unit.
func (v numView) show(x float64) string {
	if v.dim.IsDimensionless() {
		return runtime.FormatFloat(x)
	}
	return units.Format(x, v.dim)
}

func (v numView) n() int {
	return len(v.data)
}

func assertClose(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var a, b, atolV, msg runtime.Value
	rtol := 1e-7
	if err := runtime.UnpackArgs("assert_close", args, kwargs, "a", &a, "b", &b, "rtol?", &rtol, "atol?", &atolV, "msg?", &msg); err != nil {
		return runtime.Value{}, err
	}
	va, err := numeric(a)
	if err != nil {
		return runtime.Value{}, err
	}
	vb, err := numeric(b)
	if err != nil {
		return runtime.Value{}, err
	}
	if va.dim != vb.dim {
		return runtime.Value{}, fail(msg, "assert_close failed: units do not match: %s (%s) vs %s (%s)",
			runtime.Repr(a), units.DimName(va.dim), runtime.Repr(b), units.DimName(vb.dim))
	}
	atol := 0.0
	if atolV.IsValid() && !atolV.IsNone() {
		av, err := numeric(atolV)
		if err != nil || av.shape != nil {
			return runtime.Value{}, runtime.Errorf("assert_close() argument 'atol' must be a number or quantity, not %s", runtime.TypeName(atolV))
		}
		if av.dim != va.dim && !av.dim.IsDimensionless() {
			return runtime.Value{}, runtime.Errorf("assert_close: atol %s has units %s, the values %s", runtime.Repr(atolV), units.DimName(av.dim), units.DimName(va.dim))
		}
		atol = av.data[0]
	}
	if reason := va.sameShape(vb); reason != "" {
		return runtime.Value{}, fail(msg, "assert_close failed: %s vs %s: %s", runtime.Repr(a), runtime.Repr(b), reason)
	}
	n := max(va.n(), vb.n())
	worst, worstExcess := -1, 0.0
	for i := 0; i < n; i++ {
		x, y := va.at(i), vb.at(i)
		if x == y || math.IsNaN(x) && math.IsNaN(y) {
			continue
		}
		diff := math.Abs(x - y)
		tol := atol + rtol*math.Abs(y)
		if diff <= tol {
			continue
		}
		excess := diff - tol
		if math.IsNaN(diff) {
			excess = math.Inf(1)
		}
		if worst < 0 || excess > worstExcess {
			worst, worstExcess = i, excess
		}
	}
	if worst < 0 {
		return runtime.None, nil
	}
	x, y := va.at(worst), vb.at(worst)
	where := ""
	if n > 1 || va.shape != nil || vb.shape != nil {
		where = " at " + va.index(worst, vb)
	}
	return runtime.Value{}, fail(msg, "assert_close failed: %s vs %s (rtol=%s, atol=%s): worst element%s: %s vs %s, |diff| = %s",
		runtime.Repr(a), runtime.Repr(b), runtime.FormatFloat(rtol), va.show(atol),
		where, va.show(x), vb.show(y), va.show(math.Abs(x-y)))
}

func assertRaises(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var fn runtime.Value
	var pattern string
	if err := runtime.UnpackArgs("assert_raises", args, kwargs, "fn", &fn, "pattern", &pattern); err != nil {
		return runtime.Value{}, err
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("assert_raises: bad pattern %q: %v", pattern, err)
	}
	_, callErr := runtime.Call(th, fn, nil, nil)
	if callErr == nil {
		return runtime.Value{}, runtime.Errorf("assert_raises failed: expected an error matching %q, got none", pattern)
	}
	if th != nil && th.Ctx != nil && th.Ctx.Err() != nil {
		return runtime.Value{}, callErr // cancellation is not an expected error
	}
	// Match the message only: the full error text also quotes the source
	// line, which holds the pattern itself when fn is an inline lambda.
	msg := callErr.Error()
	var ee *runtime.EvalError
	if errors.As(callErr, &ee) {
		msg = ee.Msg
	}
	if !re.MatchString(msg) {
		return runtime.Value{}, runtime.Errorf("assert_raises failed: expected an error matching %q, got: %s", pattern, msg)
	}
	return runtime.None, nil
}
