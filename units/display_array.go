package units

import "strconv"

// DisplayUnit returns the unit in which Format would show the value v of
// dimension d, for printing whole arrays in one unit: the short text
// ("mV", "um^2"), Brian2's long name ("mvolt", "umetre**2") and the scale
// of that unit in SI base units (1e-3). ok is false for dimensionless d
// and for dimensions without a named display unit.
func DisplayUnit(v float64, d Dim) (short, long string, scale float64, ok bool) {
	if d.IsDimensionless() {
		return "", "", 1, false
	}
	du, found := findDisplay(d)
	if !found {
		return "", "", 1, false
	}
	p := bestPrefix(v, du)
	exp := du.pow * (p.exp + du.exp10)
	scale = scaleDown(1, -exp)
	long = p.short + du.symbol
	for i := range unitDefs {
		u := &unitDefs[i]
		if u.display && len(u.short) > 0 && u.short[0] == du.symbol && len(u.long) > 0 {
			long = p.short + u.long[0]
			break
		}
	}
	if du.pow != 1 {
		long += "**" + strconv.Itoa(du.pow)
	}
	return unitText(p.short, du), long, scale, true
}
