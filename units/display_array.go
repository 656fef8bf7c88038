package units

import (
	"math"
	"strconv"
)

// DisplayUnit returns the unit in which an array of values of dimension d
// is best shown, chosen as Brian2 does for arrays: among the display
// prefixes of d's unit, the one that minimises the sum over the non-zero
// finite values v of (log10(|v|/unit) - 1)^2, so that numbers sit near 10
// (all zeros use the coherent unit). It returns the short text ("mV",
// "um^2"), Brian2's long name ("mvolt", "umetre**2") and the unit's scale
// in SI base units (1e-3). ok is false for dimensionless d and for
// dimensions without a named display unit.
func DisplayUnit(values []float64, d Dim) (short, long string, scale float64, ok bool) {
	if d.IsDimensionless() {
		return "", "", 1, false
	}
	du, found := findDisplay(d)
	if !found {
		return "", "", 1, false
	}
	best := bestPrefix(0, du) // the coherent unit
	bestScore := math.Inf(1)
	any := false
	for _, v := range values {
		if v != 0 && !math.IsInf(v, 0) && !math.IsNaN(v) {
			any = true
			break
		}
	}
	if any {
		cands := []prefix{best}
		for _, p := range prefixes {
			if isDisplayPrefix(p.exp) && p.exp != best.exp {
				cands = append(cands, p)
			}
		}
		for _, p := range cands {
			e := du.pow * (p.exp + du.exp10)
			score := 0.0
			for _, v := range values {
				a := math.Abs(v)
				if a == 0 || math.IsInf(a, 0) || math.IsNaN(a) {
					continue
				}
				l := math.Log10(a) - float64(e) - 1
				score += l * l
			}
			if score < bestScore {
				best, bestScore = p, score
			}
		}
	}
	exp := du.pow * (best.exp + du.exp10)
	scale = scaleDown(1, -exp)
	long = best.short + du.symbol
	for i := range unitDefs {
		u := &unitDefs[i]
		if u.display && len(u.short) > 0 && u.short[0] == du.symbol && len(u.long) > 0 {
			long = best.short + u.long[0]
			break
		}
	}
	if du.pow != 1 {
		long += "**" + strconv.Itoa(du.pow)
	}
	return unitText(best.short, du), long, scale, true
}
