package brian2

import (
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// checkVarUnits refuses a value whose unit is not the variable's (zeros
// fit any unit), with Brian2's message: a plain array would take the SI
// values, but a model variable must keep its unit.
func checkVarUnits(name string, dim units.Dim, v runtime.Value) error {
	a, err := array.From(v)
	if err != nil || a.Dim() == dim {
		return nil // not numbers: the assignment itself reports it
	}
	for _, x := range a.Float64s() {
		if x != 0 {
			want := "a dimensionless value"
			if !dim.IsDimensionless() {
				want = "a value with units " + array.DimName(dim)
			}
			return runtime.Errorf("DimensionMismatchError: %s should be set with %s, but got %s (unit is %s)", name, want, runtime.Repr(v), array.DimName(a.Dim()))
		}
	}
	return nil
}
