package array

import "github.com/sim-lang/sim/units"

// dimName names a non-trivial dimension for error messages.
func dimName(d units.Dim) string { return units.DimName(d) }
