package units

import "strconv"

// Format writes the value v (in SI base units) with dimension d using the
// best display unit. (Placeholder until the unit table lands.)
func Format(v float64, d Dim) string {
	return strconv.FormatFloat(v, 'g', -1, 64) + " " + d.String()
}

// Lookup returns the scale (in SI base units) and dimension of the unit
// called name ("mV", "nsiemens", "Hz"...). (Placeholder until the unit
// table lands.)
func Lookup(name string) (scale float64, d Dim, ok bool) {
	return 0, Dim{}, false
}
