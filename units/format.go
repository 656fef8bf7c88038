package units

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// displayUnit is how a dimension is shown: a unit symbol, the power of ten
// of its scale, and the power it is raised to ("um^2" is m, 0, 2).
type displayUnit struct {
	symbol string
	exp10  int
	pow    int
}

// findDisplay returns the display unit for d: a display unit of the table
// with exactly that dimension, else the square or cube of one.
func findDisplay(d Dim) (displayUnit, bool) {
	for _, pow := range [3]int{1, 2, 3} {
		for i := range unitDefs {
			u := &unitDefs[i]
			if !u.display {
				continue
			}
			ud := u.dim
			if pow != 1 {
				ud = ud.Pow(R(pow, 1))
			}
			if ud == d {
				return displayUnit{u.short[0], u.exp10, pow}, true
			}
		}
	}
	return displayUnit{}, false
}

// Format writes the value v (in SI base units) with dimension d using the
// best display unit, as Brian2 does: the unit named for the dimension
// ("volt", "siemens", "hertz"; "metre^2"), with the prefix that puts the
// number in [1, 1000): 5e-11 amp is "50 pA", 0.1 second "100 ms". A
// dimension without a named unit is written in SI base units
// ("2 m^2 kg s^-4 A^-1"). Dimensionless values are plain numbers.
func Format(v float64, d Dim) string {
	if d.IsDimensionless() {
		return FormatNumber(v)
	}
	du, ok := findDisplay(d)
	if !ok {
		return FormatNumber(v) + " " + d.String()
	}
	p := bestPrefix(v, du)
	return FormatNumber(scaleDown(v, du.pow*(p.exp+du.exp10))) + " " + unitText(p.short, du)
}

// unitText writes a prefixed display unit: "mV", "um^2".
func unitText(prefix string, du displayUnit) string {
	s := prefix + du.symbol
	if du.pow != 1 {
		s += "^" + strconv.Itoa(du.pow)
	}
	return s
}

// bestPrefix picks among the display prefixes (powers of 1000) the largest
// one that leaves a number of at least 1; zero, inf and nan use the
// coherent SI unit (no prefix; "kg" for masses).
func bestPrefix(v float64, du displayUnit) prefix {
	none := prefix{exp: 0}
	if du.exp10 != 0 {
		if p, ok := prefixByExp(-du.exp10); ok {
			none = p
		}
	}
	a := math.Abs(v)
	if a == 0 || math.IsInf(a, 0) || math.IsNaN(a) {
		return none
	}
	cands := make([]prefix, 0, 17)
	cands = append(cands, none)
	if none.exp != 0 {
		cands = append(cands, prefix{})
	}
	for _, p := range prefixes {
		if isDisplayPrefix(p.exp) && p.exp != none.exp {
			cands = append(cands, p)
		}
	}
	best, bestExp := prefix{}, math.MaxInt
	found := false
	var smallest prefix
	smallestExp := math.MaxInt
	for _, p := range cands {
		e := du.pow * (p.exp + du.exp10)
		if e < smallestExp {
			smallest, smallestExp = p, e
		}
		if round15(scaleDown(a, e)) >= 1 {
			if !found || e > bestExp {
				best, bestExp, found = p, e, true
			}
		}
	}
	if !found {
		return smallest
	}
	return best
}

func prefixByExp(exp int) (prefix, bool) {
	if exp == 0 {
		return prefix{}, true
	}
	for _, p := range prefixes {
		if p.exp == exp {
			return p, true
		}
	}
	return prefix{}, false
}

// scaleDown returns v / 10^exp as accurately as float64 allows: multiplying
// by an exactly representable power of ten where possible.
func scaleDown(v float64, exp int) float64 {
	switch {
	case exp == 0:
		return v
	case exp < 0 && exp >= -22:
		return v * math.Pow10(-exp)
	default:
		return v / math.Pow10(exp)
	}
}

// round15 rounds x to 15 significant digits, removing the floating-point
// noise of unit conversions (50.00000000000001 becomes 50).
func round15(x float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	if err != nil {
		return x
	}
	return r
}

// FormatNumber writes x as the number part of a quantity: rounded to 15
// significant digits, shortest form, no trailing ".0" ("50", "0.5",
// "1e-20", "inf", "nan").
func FormatNumber(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	r := round15(x)
	if r == 0 {
		return "0"
	}
	if a := math.Abs(r); a >= 1e-4 && a < 1e16 {
		return strconv.FormatFloat(r, 'f', -1, 64)
	}
	return strconv.FormatFloat(r, 'e', -1, 64)
}

// FormatIn writes v (SI base units, dimension d) in the unit expression
// unit ("mV", "mV/ms", "uF/cm**2"): the number v/unit followed by the unit
// as given, for example "3 mV". It is an error if the unit is unknown or
// its dimension differs from d.
func FormatIn(v float64, d Dim, unit string) (string, error) {
	scale, ud, err := ParseUnit(unit)
	if err != nil {
		return "", err
	}
	if ud != d {
		return "", fmt.Errorf("cannot express %s in %s: units do not match (%s vs %s)",
			Format(v, d), strings.TrimSpace(unit), DimName(d), DimName(ud))
	}
	return FormatNumber(v/scale) + " " + strings.TrimSpace(unit), nil
}

// DimName names a dimension for messages: the long name of the coherent SI
// unit with exactly that dimension ("volt", "amp", "kilogram", "hertz"),
// else the SI base form ("m^2 kg s^-4 A^-1"); dimensionless is "1".
func DimName(d Dim) string {
	if d.IsDimensionless() {
		return "1"
	}
	if name, ok := namedDim(d); ok {
		return name
	}
	// A named unit per second, per metre or times them (volt/second,
	// siemens/metre^2, amp*second) reads better than base units.
	for _, f := range dimFactors {
		for _, k := range []int{1, 2, -1, -2} {
			if name, ok := namedDim(d.Mul(f.dim.Pow(R(k, 1)))); ok {
				switch k {
				case 1:
					return name + "/" + f.name
				case -1:
					return name + "*" + f.name
				case 2, -2:
					sep := "/"
					if k < 0 {
						sep = "*"
					}
					return name + sep + f.name + "^2"
				}
			}
		}
	}
	return d.String()
}

// dimFactors are the units DimName tries to divide or multiply out.
var dimFactors = []struct {
	name string
	dim  Dim
}{{"second", BaseDim(Time)}, {"metre", BaseDim(Length)}}

// namedDim returns the long name of the unit whose dimension is d.
func namedDim(d Dim) (string, bool) {
	if d.IsDimensionless() {
		return "", false
	}
	for i := range unitDefs {
		u := &unitDefs[i]
		if u.exp10 == 0 && u.dim == d {
			return u.long[0], true
		}
	}
	return "", false
}

// baseLongNames are the Brian2 names of the base units, for DimRepr.
var baseLongNames = [NumBase]string{"metre", "kilogram", "second", "amp", "kelvin", "mole", "candle"}

// DimRepr writes d as Brian2's repr of a Dimension does:
// "metre ** 2 * kilogram * second ** -3 * amp ** -1"; fractional exponents
// are decimals ("second ** -0.5"); dimensionless is "Dimension()".
func DimRepr(d Dim) string {
	var parts []string
	for i, r := range d {
		if r.IsZero() {
			continue
		}
		switch {
		case r.Num == 1 && r.den() == 1:
			parts = append(parts, baseLongNames[i])
		case r.den() == 1:
			parts = append(parts, baseLongNames[i]+" ** "+strconv.Itoa(int(r.Num)))
		default:
			parts = append(parts, baseLongNames[i]+" ** "+strconv.FormatFloat(r.Float(), 'g', -1, 64))
		}
	}
	if len(parts) == 0 {
		return "Dimension()"
	}
	return strings.Join(parts, " * ")
}

// UnitName returns a name for the unit value scale*d, as a script would
// write it, for in_unit: "mV", "kHz", "kg", "cm^2", "um^3", "ml". ok is
// false when the value is not a power of ten times a named unit (or its
// square or cube).
func UnitName(scale float64, d Dim) (string, bool) {
	if scale <= 0 || math.IsInf(scale, 0) || math.IsNaN(scale) {
		return "", false
	}
	e := math.Log10(scale)
	exp := int(math.Round(e))
	if math.Abs(e-float64(exp)) > 1e-9 || round15(scale/math.Pow10(exp)) != 1 {
		return "", false
	}
	var allPrefixes = append([]prefix{{}}, prefixes...)
	// try returns the prefixed symbol of unit u raised to pow when it
	// matches, restricted to display prefixes when displayOnly.
	try := func(u *unitDef, pow int, displayOnly bool) (string, bool) {
		ud := u.dim
		if pow != 1 {
			ud = ud.Pow(R(pow, 1))
		}
		if ud != d || exp%pow != 0 {
			return "", false
		}
		pe := exp/pow - u.exp10
		for _, p := range allPrefixes {
			if p.exp == pe && (!displayOnly || isDisplayPrefix(p.exp)) {
				return unitText(p.short, displayUnit{u.short[0], u.exp10, pow}), true
			}
		}
		return "", false
	}
	// 1. a display unit with any prefix ("cm", "mV", "kg");
	// 2. a power of one with a display prefix ("um^3");
	// 3. any other named unit ("ml");
	// 4. a power with any prefix ("cm^2").
	steps := []struct {
		display, powers, displayPrefix bool
	}{{true, false, false}, {true, true, true}, {false, false, false}, {true, true, false}}
	for _, st := range steps {
		for i := range unitDefs {
			u := &unitDefs[i]
			if u.display != st.display || u.noShortPrefix || u.dim.IsDimensionless() {
				continue
			}
			pows := []int{1}
			if st.powers {
				pows = []int{2, 3}
			}
			for _, pow := range pows {
				if s, ok := try(u, pow, st.displayPrefix); ok {
					return s, true
				}
			}
		}
	}
	return "", false
}
