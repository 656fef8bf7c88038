package integrate

import (
	"fmt"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// scriptRHS calls a script function f(t, y, *args) (or f(y, t, *args)
// for odeint) as a right-hand side. The y array handed to the function
// is reused from call to call (its data overwritten), so a function that
// keeps y beyond the call must copy it; the returned derivative is
// copied out at once.
type scriptRHS struct {
	th     *runtime.Thread
	fn     runtime.Value
	caller string // "solve_ivp" or "odeint", for messages
	lay    *layout
	n      int
	yFirst bool // odeint's func(y, t)
	yArr   *array.Array
	yData  []float64
	yVal   runtime.Value
	args   []runtime.Value
	want   []units.Dim // expected derivative dimensions
}

func newScriptRHS(th *runtime.Thread, caller string, fn runtime.Value, lay *layout, n int, extra []runtime.Value, yFirst bool) *scriptRHS {
	s := &scriptRHS{th: th, fn: fn, caller: caller, lay: lay, n: n, yFirst: yFirst}
	s.args = make([]runtime.Value, 2+len(extra))
	copy(s.args[2:], extra)
	if lay.homogeneous {
		s.yData = make([]float64, n)
		s.yArr = array.New([]int{n}, s.yData, lay.dim())
		s.yVal = array.Value(s.yArr)
	}
	s.want = make([]units.Dim, n)
	for i, d := range lay.dims {
		s.want[i] = d.Div(lay.tDim)
	}
	return s
}

// call runs the function at (t, y) and returns its raw result.
func (s *scriptRHS) call(t float64, y []float64) (runtime.Value, error) {
	tv := runtime.MakeQuantity(t, s.lay.tDim)
	var yv runtime.Value
	if s.yVal.IsValid() {
		copy(s.yData, y)
		yv = s.yVal
	} else {
		yv = s.lay.stateValue(y)
	}
	if s.yFirst {
		s.args[0], s.args[1] = yv, tv
	} else {
		s.args[0], s.args[1] = tv, yv
	}
	return runtime.Call(s.th, s.fn, s.args, nil)
}

// eval implements rhsFunc.
func (s *scriptRHS) eval(t float64, y, out []float64) error {
	v, err := s.call(t, y)
	if err != nil {
		return err
	}
	return s.derivative(v, out)
}

// derivative copies a returned derivative into out, checking its length
// and units.
func (s *scriptRHS) derivative(v runtime.Value, out []float64) error {
	n := s.n
	switch o := v.Obj().(type) {
	case *array.Array:
		if o.Size() != n {
			return s.lengthError(o.Size())
		}
		if s.lay.homogeneous {
			if o.Dim() != s.want[0] && !(o.Dim().IsDimensionless() && allZero(o)) {
				return s.unitError(-1, o.Dim())
			}
		} else {
			for i := range s.want {
				if o.Dim() != s.want[i] {
					return s.unitError(i, o.Dim())
				}
			}
		}
		copy(out, o.Float64s())
		return nil
	case *runtime.List:
		return s.elems(o.Elems, out)
	case runtime.Tuple:
		return s.elems(o, out)
	}
	if x, d, ok := scalarOf(v); ok {
		if n != 1 {
			return s.lengthError(1)
		}
		if d != s.want[0] && !(d.IsDimensionless() && x == 0) {
			return s.unitError(0, d)
		}
		out[0] = x
		return nil
	}
	return runtime.Errorf("%s: the right-hand side must return a list or an array of %d derivatives, not %s", s.caller, n, runtime.TypeName(v))
}

func (s *scriptRHS) elems(elems []runtime.Value, out []float64) error {
	if len(elems) != s.n {
		return s.lengthError(len(elems))
	}
	for i, e := range elems {
		switch e.Kind() {
		case runtime.FloatKind:
			out[i] = e.AsFloat()
			if !s.want[i].IsDimensionless() && out[i] != 0 {
				return s.unitError(i, units.Dim{})
			}
			continue
		}
		x, d, ok := scalarOf(e)
		if !ok {
			return runtime.Errorf("%s: derivative %d returned by the right-hand side is %s, not a number", s.caller, i, runtime.TypeName(e))
		}
		if d != s.want[i] && !(d.IsDimensionless() && x == 0) {
			return s.unitError(i, d)
		}
		out[i] = x
	}
	return nil
}

func (s *scriptRHS) lengthError(got int) error {
	return runtime.Errorf("%s: the right-hand side returned %d derivative%s, but y has %d component%s", s.caller, got, plural(got), s.n, plural(s.n))
}

func (s *scriptRHS) unitError(i int, got units.Dim) error {
	idx := "y"
	want := s.want[0]
	if i >= 0 {
		idx = fmt.Sprintf("y[%d]", i)
		want = s.want[i]
	}
	return runtime.Errorf("%s: the derivative of %s has units of %s, but d%s/dt needs %s", s.caller, idx, rateName(got, s.lay.tDim), idx, rateName(want, s.lay.tDim))
}

// rateName names a dimension, as a rate per unit of time where that
// reads better ("volt/second" rather than "m^2 kg s^-4 A^-1").
func rateName(d, tDim units.Dim) string {
	plain := array.DimName(d)
	if tDim.IsDimensionless() || !strings.ContainsAny(plain, " ^") {
		return plain
	}
	num := array.DimName(d.Mul(tDim))
	if strings.ContainsAny(num, " ^") {
		return plain
	}
	if num == "1" || num == "" {
		num = "1"
	}
	return num + "/" + array.DimName(tDim)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func allZero(a *array.Array) bool {
	for _, v := range a.Float64s() {
		if v != 0 {
			return false
		}
	}
	return true
}

// scriptEvent wraps an event function g(t, y, *args).
func scriptEvent(r *scriptRHS, fn runtime.Value) eventFunc {
	ev := *r
	ev.fn = fn
	ev.args = append([]runtime.Value(nil), r.args...)
	if r.yVal.IsValid() {
		ev.yData = make([]float64, r.n)
		ev.yArr = array.New([]int{r.n}, ev.yData, r.lay.dim())
		ev.yVal = array.Value(ev.yArr)
	}
	return func(t float64, y []float64) (float64, error) {
		v, err := ev.call(t, y)
		if err != nil {
			return 0, err
		}
		x, _, ok := scalarOf(v)
		if !ok {
			return 0, runtime.Errorf("solve_ivp: an event function must return a number, not %s", runtime.TypeName(v))
		}
		return x, nil
	}
}

// scriptJac wraps a Jacobian function jac(t, y, *args) returning n×n.
func scriptJac(r *scriptRHS, fn runtime.Value) jacFunc {
	ev := *r
	ev.fn = fn
	ev.args = append([]runtime.Value(nil), r.args...)
	if r.yVal.IsValid() {
		ev.yData = make([]float64, r.n)
		ev.yArr = array.New([]int{r.n}, ev.yData, r.lay.dim())
		ev.yVal = array.Value(ev.yArr)
	}
	return func(t float64, y []float64, J []float64) error {
		v, err := ev.call(t, y)
		if err != nil {
			return err
		}
		return matrixInto(r.caller, "jac", v, r.n, J)
	}
}

// matrixInto copies an n×n matrix value into J (row-major).
func matrixInto(caller, name string, v runtime.Value, n int, J []float64) error {
	a, err := array.From(v)
	if err != nil {
		return runtime.Errorf("%s: %s must be an %d×%d matrix: %v", caller, name, n, n, err)
	}
	sh := a.Shape()
	if len(sh) != 2 || sh[0] != n || sh[1] != n {
		if !(n == 1 && a.Size() == 1) {
			return runtime.Errorf("%s: %s is expected to have shape (%d, %d), but has shape %s", caller, name, n, n, array.ShapeString(sh))
		}
	}
	copy(J, a.Float64s())
	return nil
}
