package np

import (
	"math"
	"testing"

	"github.com/sim-lang/sim/internal/vmath"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// np.exp through the vectorised kernel: within 1 ulp of math.Exp on
// ordinary values, exactly math.Exp's special values, the same answer
// for strided views, small inputs unchanged.
func TestNpExpVectorised(t *testing.T) {
	in := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 710, -746, math.Inf(1), math.Inf(-1), math.NaN(), 709.5, -720}
	for i := 0; i < 200; i++ {
		in = append(in, -40+0.23*float64(i))
	}
	a := array.New([]int{len(in)}, in, units.Dim{})
	got := floatsOf(t, call(t, "exp", a))
	for i, x := range in {
		want := math.Exp(x)
		g := got[i]
		switch {
		case math.IsNaN(want):
			if !math.IsNaN(g) {
				t.Errorf("exp(%v) = %v, want NaN", x, g)
			}
		case x == 0 || math.IsInf(x, 0) || math.Abs(x) >= 700:
			if g != want {
				t.Errorf("exp(%v) = %v, want exactly %v", x, g, want)
			}
		default:
			d := int64(math.Float64bits(g)) - int64(math.Float64bits(want))
			if d < -1 || d > 1 {
				t.Errorf("exp(%v) = %v, math.Exp %v", x, g, want)
			}
		}
	}
	// the kernel's answers, not math.Exp's (they differ on a few inputs)
	want := make([]float64, len(in))
	vmath.Exp(want, in)
	if !equalBits(got, want) {
		t.Errorf("np.exp differs from vmath.Exp")
	}
	// a transposed (non-contiguous) 2-d view gives the transposed result
	m := array.New([]int{20, 10}, in[12:212], units.Dim{})
	mt, err := m.Transpose(nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := array.From(call(t, "exp", mt))
	if err != nil {
		t.Fatal(err)
	}
	rt, _ := r.Transpose(nil)
	if g, w := rt.Copy().Float64s(), got[12:212]; !equalBits(g, w) {
		t.Errorf("exp of a transposed view differs from the contiguous result")
	}
	// fewer than four elements: math.Exp itself
	small := floatsOf(t, call(t, "exp", array.New([]int{3}, []float64{0.1, 0.2, 0.3}, units.Dim{})))
	for i, x := range []float64{0.1, 0.2, 0.3} {
		if small[i] != math.Exp(x) {
			t.Errorf("small exp(%v) = %v, want %v", x, small[i], math.Exp(x))
		}
	}
}

func equalBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

func floatsOf(t *testing.T, v runtime.Value) []float64 {
	t.Helper()
	a, err := array.From(v)
	if err != nil {
		t.Fatal(err)
	}
	return a.Float64s()
}
