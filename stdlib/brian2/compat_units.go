package brian2

import (
	_ "embed"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// unitDisplayJSON is Brian2 2.5.1's table of unscaled units per
// dimension (standard register first, then the additional one), as
// get_unit_for_display shows them: [[7 exponents], "S"], ...
//
//go:embed compat_unit_display.json
var unitDisplayJSON []byte

var (
	unitDisplayOnce sync.Once
	unitDisplay     map[units.Dim]string
)

// unitForDisplay returns what Brian2's get_unit_for_display(d) prints:
// "1" for dimensionless, the symbol of a registered unscaled unit ("V",
// "mM"), else the unit as written (Brian2 shows a compound unit as the
// user wrote it, "S/(m^2)" for siemens/meter**2; sim keeps the text).
func unitForDisplay(d units.Dim, written string) string {
	if d.IsDimensionless() {
		return "1"
	}
	unitDisplayOnce.Do(func() {
		var rows [][2]json.RawMessage
		unitDisplay = map[units.Dim]string{}
		if json.Unmarshal(unitDisplayJSON, &rows) != nil {
			return
		}
		for _, r := range rows {
			var exps []int
			var name string
			if json.Unmarshal(r[0], &exps) != nil || json.Unmarshal(r[1], &name) != nil || len(exps) != int(units.NumBase) {
				continue
			}
			var dim units.Dim
			for i, e := range exps {
				dim[i] = units.R(e, 1)
			}
			if _, dup := unitDisplay[dim]; !dup {
				unitDisplay[dim] = name
			}
		}
	})
	if s, ok := unitDisplay[d]; ok {
		return s
	}
	if written != "" {
		return written
	}
	return d.String()
}

// numpyFloat writes x as numpy prints an element with its default
// print options (at most 8 decimals, trailing zeros dropped but the
// point kept: "10.", "0.33333333", "1.5e-05", "1.e+20").
func numpyFloat(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	a := math.Abs(x)
	if a != 0 && (a >= 1e16 || a < 1e-4) {
		s := strconv.FormatFloat(x, 'e', 8, 64)
		mant, exp, _ := strings.Cut(s, "e")
		mant = strings.TrimRight(mant, "0")
		if len(exp) == 2 { // "+5" -> "+05"
			exp = exp[:1] + "0" + exp[1:]
		}
		return mant + "e" + exp
	}
	s := strconv.FormatFloat(x, 'f', 8, 64)
	s = strings.TrimRight(s, "0")
	if s == "-0." {
		s = "-0."
	}
	return s
}

// brianRepr writes a scalar value as Brian2's repr does, which is what
// Equations(..., tau=10*ms) puts into the equation text: "10. * msecond",
// "2000. * metre ** -4 * kilogram ** -1 * second ** 3 * amp ** 2", or a
// plain number ("0.5", "3", "True"). ok is false for values that are not
// a single number.
func brianRepr(v runtime.Value) (string, bool) {
	switch v.Kind() {
	case runtime.BoolKind, runtime.IntKind, runtime.FloatKind:
		return runtime.Repr(v), true
	case runtime.ObjKind:
		var x float64
		var d units.Dim
		switch o := v.Obj().(type) {
		case runtime.Quantity:
			x, d = o.V, o.D
		case *array.Array:
			if o.NDim() != 0 || o.Size() != 1 {
				return "", false
			}
			x, d = o.Float64s()[0], o.Dim()
		default:
			return "", false
		}
		if d.IsDimensionless() {
			return runtime.Repr(runtime.MakeFloat(x)), true
		}
		if _, long, scale, ok := units.DisplayUnit([]float64{x}, d); ok {
			return numpyFloat(x/scale) + " * " + strings.ReplaceAll(long, "**", " ** "), true
		}
		return numpyFloat(x) + " * " + units.DimRepr(d), true
	}
	return "", false
}
