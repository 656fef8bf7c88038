package brian2

import (
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/engine"
	"github.com/sim-lang/sim/units"
)

// defaultClockProxy is `defaultclock`, predeclared once for every
// interpreter. It implements runtime.PerThread: script code reaching
// its attributes gets the default clock of its own interpreter.
type defaultClockProxy struct{}

// clockView is the script object of one interpreter's default clock.
// Its single pointer field makes boxing it free of allocation.
type clockView struct{ c *engine.Clock }

// ForThread implements runtime.PerThread.
func (defaultClockProxy) ForThread(th *runtime.Thread) runtime.Value {
	return runtime.MakeObj(clockView{stateOf(th).defaultClock})
}

// Type implements runtime.Object.
func (defaultClockProxy) Type() string { return "Clock" }

// String implements runtime.Object (the clock of the interpreter that
// used brian2 most recently: str() has no thread).
func (defaultClockProxy) String() string { return clockView{currentClock()}.String() }

// Truth implements runtime.Object.
func (defaultClockProxy) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs for callers without a thread (the
// clock of the interpreter that used brian2 most recently).
func (defaultClockProxy) Attr(name string) (runtime.Value, error) {
	return clockView{currentClock()}.Attr(name)
}

// AttrNames implements runtime.HasAttrs.
func (defaultClockProxy) AttrNames() []string { return clockAttrNames }

// SetAttr implements runtime.HasSetAttr for callers without a thread.
func (defaultClockProxy) SetAttr(name string, v runtime.Value) error {
	return clockView{currentClock()}.SetAttr(name, v)
}

var clockAttrNames = []string{"dt", "dt_", "t", "t_", "name"}

// Type implements runtime.Object.
func (clockView) Type() string { return "Clock" }

// String implements runtime.Object.
func (v clockView) String() string {
	return "Clock(dt=" + units.Format(v.c.Dt(), secondDim) + ", name='" + v.c.Name + "')"
}

// Truth implements runtime.Object.
func (clockView) Truth() (bool, error) { return true, nil }

// AttrNames implements runtime.HasAttrs.
func (clockView) AttrNames() []string { return clockAttrNames }

// Attr implements runtime.HasAttrs: dt, t (and unitless dt_, t_), name.
func (v clockView) Attr(name string) (runtime.Value, error) {
	c := v.c
	switch name {
	case "dt":
		return runtime.MakeQuantity(c.Dt(), secondDim), nil
	case "dt_":
		return runtime.MakeFloat(c.Dt()), nil
	case "t":
		return runtime.MakeQuantity(c.T(), secondDim), nil
	case "t_":
		return runtime.MakeFloat(c.T()), nil
	case "name":
		return runtime.MakeStr(c.Name), nil
	}
	return runtime.Value{}, nil
}

// SetAttr implements runtime.HasSetAttr: defaultclock.dt = 0.05*ms.
func (v clockView) SetAttr(name string, x runtime.Value) error {
	switch name {
	case "dt", "dt_":
		want := secondDim
		if name == "dt_" {
			want = units.Dim{}
		}
		d, err := quantity("defaultclock", name, x, want)
		if err != nil {
			return err
		}
		return v.c.SetDt(d)
	case "t", "t_":
		return runtime.Errorf("defaultclock.t cannot be set; it follows the network's time")
	}
	return runtime.Errorf("'Clock' object has no attribute '%s'", name)
}
