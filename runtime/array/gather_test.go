package array

import (
	"testing"

	"github.com/sim-lang/sim/units"
)

// TestGatherStrided copies strided layouts (a transposed 3-d array, a
// reversed axis) into row-major order and checks every element against
// the offset arithmetic done by hand.
func TestGatherStrided(t *testing.T) {
	data := make([]float64, 24)
	for k := range data {
		data[k] = float64(k)
	}
	a := New([]int{2, 3, 4}, data, units.Dim{})
	tr, err := a.Transpose([]int{2, 0, 1}) // shape (4, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	got := tr.Copy().f
	k := 0
	for i := 0; i < 4; i++ {
		for j := 0; j < 2; j++ {
			for l := 0; l < 3; l++ {
				if want := data[j*12+l*4+i]; got[k] != want {
					t.Fatalf("transposed element %d = %v, want %v", k, got[k], want)
				}
				k++
			}
		}
	}
	// a reversed, strided 1-d view: data[22], data[19], ..., data[1]
	rev := &Array{dtype: Float, shape: []int{8}, strides: []int{-3}, offset: 22, f: data}
	out := make([]float64, 8)
	gatherInto(out, rev.f, rev.shape, rev.strides, rev.offset)
	for k, v := range out {
		if want := float64(22 - 3*k); v != want {
			t.Fatalf("reversed element %d = %v, want %v", k, v, want)
		}
	}
	// the same view through MapFloatSlice (negation)
	neg := MapFloatSlice(rev, negSlice, units.Dim{})
	for k, v := range neg.f {
		if want := -float64(22 - 3*k); v != want {
			t.Fatalf("negated element %d = %v, want %v", k, v, want)
		}
	}
}
