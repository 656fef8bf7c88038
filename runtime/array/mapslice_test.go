package array

import (
	"math"
	"testing"

	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/units"
)

// Unary minus through MapFloatSlice, on a contiguous array and on a
// transposed view: every element negated (signed zeros included), the
// unit kept.
func TestNegateViaSliceKernel(t *testing.T) {
	data := []float64{0, 1.5, -2, math.Inf(1), 3, -0.25}
	a := New([]int{2, 3}, data, units.Dim{units.R(1, 1)})
	for _, v := range []*Array{a, mustT(t, a)} {
		r, err := UnaryOp(lang.Minus, v)
		if err != nil {
			t.Fatal(err)
		}
		if r.Dim() != v.Dim() {
			t.Errorf("unit %v, want %v", r.Dim(), v.Dim())
		}
		in, out := v.Copy().Float64s(), r.Float64s()
		for k := range in {
			if math.Float64bits(out[k]) != math.Float64bits(-in[k]) {
				t.Errorf("-(%v) = %v", in[k], out[k])
			}
		}
	}
}

func mustT(t *testing.T, a *Array) *Array {
	t.Helper()
	v, err := a.Transpose(nil)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
