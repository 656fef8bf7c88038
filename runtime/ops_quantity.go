package runtime

import (
	"math"

	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/units"
)

// Quantity arithmetic. Adding, subtracting or comparing different
// dimensions is an error naming both values, except that a plain number 0
// has "any dimension" (Brian2's rule, so 3*mV + 0 and 3*mV > 0 work) and
// a quantity may be compared with ±inf.

// quantityOperand splits a number or Quantity into value and dimension.
func quantityOperand(v Value) (f float64, d units.Dim, isQ, ok bool) {
	if q, isq := v.obj.(Quantity); isq {
		return q.V, q.D, true, true
	}
	f, ok = v.ToFloat()
	return f, units.Dimensionless, false, ok
}

// dimName names a dimension for error messages ("volt", "amp").
func dimName(d units.Dim) string { return units.DimName(d) }

// formatOperand writes a value for an error message: quantities in their
// best unit, anything else as repr.
func formatOperand(v Value) string {
	if q, ok := v.obj.(Quantity); ok {
		return units.Format(q.V, q.D)
	}
	return Repr(v)
}

var quantityVerbs = map[lang.Op]string{
	lang.Plus: "add", lang.Minus: "subtract", lang.SlashSlash: "floor-divide",
	lang.Percent: "take the remainder of",
}

// DimensionError returns the error for an operation between values of
// different dimensions: "cannot add 3 mV and 2 nA: units do not match
// (volt vs amp)".
func DimensionError(op lang.Op, x, y Value) error {
	verb, ok := quantityVerbs[op]
	if !ok {
		verb = "compare"
	}
	_, xd, _, _ := quantityOperand(x)
	_, yd, _, _ := quantityOperand(y)
	if h, ok := x.obj.(HasDim); ok {
		xd = h.Dimensions()
	}
	if h, ok := y.obj.(HasDim); ok {
		yd = h.Dimensions()
	}
	return Errorf("cannot %s %s and %s: units do not match (%s vs %s)",
		verb, formatOperand(x), formatOperand(y), dimName(xd), dimName(yd))
}

// quantityBinary applies op where at least one side is a Quantity and the
// other a number or Quantity; it returns the zero Value for other operands.
func quantityBinary(op lang.Op, x, y Value) (Value, error) {
	xv, xd, xq, ok1 := quantityOperand(x)
	yv, yd, yq, ok2 := quantityOperand(y)
	if !ok1 || !ok2 {
		return Value{}, nil
	}
	// sameDim resolves the common dimension of an additive operation or
	// comparison, applying the "plain 0 has any dimension" rule.
	sameDim := func(allowInf bool) (units.Dim, bool) {
		switch {
		case xd == yd:
			return xd, true
		case !xq && (xv == 0 || allowInf && math.IsInf(xv, 0)):
			return yd, true
		case !yq && (yv == 0 || allowInf && math.IsInf(yv, 0)):
			return xd, true
		}
		return units.Dim{}, false
	}
	switch op {
	case lang.Plus, lang.Minus:
		d, ok := sameDim(false)
		if !ok {
			return Value{}, DimensionError(op, x, y)
		}
		if op == lang.Plus {
			return MakeQuantity(xv+yv, d), nil
		}
		return MakeQuantity(xv-yv, d), nil
	case lang.Star:
		return MakeQuantity(xv*yv, xd.Mul(yd)), nil
	case lang.Slash:
		if yv == 0 {
			return Value{}, Errorf("float division by zero")
		}
		return MakeQuantity(xv/yv, xd.Div(yd)), nil
	case lang.SlashSlash, lang.Percent:
		if xd != yd {
			return Value{}, DimensionError(op, x, y)
		}
		if yv == 0 {
			return Value{}, Errorf("float division by zero")
		}
		div, mod := floatDivMod(xv, yv)
		if op == lang.SlashSlash {
			return MakeFloat(div), nil
		}
		return MakeQuantity(mod, xd), nil
	case lang.StarStar:
		if yq {
			return Value{}, Errorf("exponent must be dimensionless, got %s", formatOperand(y))
		}
		d, ok := xd.PowFloat(yv)
		if !ok {
			return Value{}, Errorf("cannot raise %s to the power %s: the result's units would have an irrational exponent", formatOperand(x), Repr(y))
		}
		r, err := floatPow(xv, yv)
		if err != nil {
			return Value{}, err
		}
		return MakeQuantity(r, d), nil
	case lang.Eq, lang.Ne, lang.Lt, lang.Le, lang.Gt, lang.Ge:
		if _, ok := sameDim(true); !ok {
			return Value{}, DimensionError(op, x, y)
		}
		c, u := numCompare(MakeFloat(xv), MakeFloat(yv))
		return MakeBool(cmpResult(op, c, u)), nil
	}
	return Value{}, nil
}
