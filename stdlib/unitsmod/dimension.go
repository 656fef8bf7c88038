package unitsmod

import (
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// Dimension is the script value of a physical dimension, as returned by
// get_dimensions. Its repr is Brian2's ("metre ** 2 * kilogram * second
// ** -3 * amp ** -1"), its str the SI form ("m^2 kg s^-3 A^-1").
// Dimensions compare with == and !=, multiply, divide and take powers.
type Dimension struct {
	D units.Dim
}

// NewDimension returns the Dimension value of d.
func NewDimension(d units.Dim) runtime.Value { return runtime.MakeObj(Dimension{d}) }

// Type implements runtime.Object.
func (d Dimension) Type() string { return "Dimension" }

// String implements runtime.Object (the repr).
func (d Dimension) String() string { return units.DimRepr(d.D) }

// Str implements runtime.HasStr.
func (d Dimension) Str() string { return d.D.String() }

// Truth implements runtime.Object.
func (d Dimension) Truth() (bool, error) { return true, nil }

// Binary implements runtime.HasBinary: == and != with any value (only an
// equal Dimension is equal), * and / between Dimensions, ** a number.
func (d Dimension) Binary(op lang.Op, other runtime.Value, side runtime.Side) (runtime.Value, error) {
	o, isDim := other.Obj().(Dimension)
	switch op {
	case lang.Eq:
		return runtime.MakeBool(isDim && o.D == d.D), nil
	case lang.Ne:
		return runtime.MakeBool(!isDim || o.D != d.D), nil
	case lang.Star:
		if isDim {
			return NewDimension(d.D.Mul(o.D)), nil
		}
	case lang.Slash:
		if isDim {
			if side == runtime.Right {
				return NewDimension(o.D.Div(d.D)), nil
			}
			return NewDimension(d.D.Div(o.D)), nil
		}
	case lang.StarStar:
		if p, ok := other.ToFloat(); ok && side == runtime.Left {
			nd, ok := d.D.PowFloat(p)
			if !ok {
				return runtime.Value{}, runtime.Errorf("cannot raise %s to the power %s: not a simple fraction", d.String(), runtime.Repr(other))
			}
			return NewDimension(nd), nil
		}
	}
	return runtime.Value{}, nil
}

// Attr implements runtime.HasAttrs.
func (d Dimension) Attr(name string) (runtime.Value, error) {
	if name == "is_dimensionless" {
		return runtime.MakeBool(d.D.IsDimensionless()), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (d Dimension) AttrNames() []string { return []string{"is_dimensionless"} }
