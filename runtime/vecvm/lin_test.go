package vecvm

import (
	"math"
	"strings"
	"testing"

	"github.com/sim-lang/sim/compiler/vector"
)

// The linear-combination superinstructions (lin, linm) give exactly the
// values of the unfused arithmetic, in the order the code adds the terms,
// for every number of terms, subtracted terms, bare and constant terms,
// the masking form of `(unless refractory)`, lengths that are not a
// multiple of the vector width, and outputs written over their inputs.
func TestLinearSuperinstructions(t *testing.T) {
	syms := map[string]vector.Symbol{
		"x": {Kind: vector.Array, Slot: 0}, "y": {Kind: vector.Array, Slot: 1},
		"z": {Kind: vector.Array, Slot: 2}, "w": {Kind: vector.Array, Slot: 3},
		"nr": {Kind: vector.Array, Slot: 4}, "q": {Kind: vector.Array, Slot: 5},
		"a": {Kind: vector.Constant, Value: 0.9950124791926823}, "b": {Kind: vector.Constant, Value: 0.004937935295309004},
		"c": {Kind: vector.Constant, Value: -0.00496264544351426}, "d": {Kind: vector.Constant, Value: 9.975041614635361e-05},
		"s": {Kind: vector.Scalar, Slot: 0},
	}
	cases := []struct {
		code string
		op   string
		want func(x, y, z, w, nr, q, s float64) (float64, float64, float64)
	}{
		{"x = a*x + b*y + c*z + d*s", "lin", func(x, y, z, w, nr, q, s float64) (float64, float64, float64) {
			return ((float64(a0*x) + float64(b0*y)) + float64(c0*z)) + float64(d0*s), y, z
		}},
		{"x = a*x - b*y + z - d", "lin", func(x, y, z, w, nr, q, s float64) (float64, float64, float64) {
			return ((float64(a0*x) - float64(b0*y)) + z) - d0, y, z
		}},
		{"q = a*x + b*y + c*z + d*w + a*y + b*z + c*w + d*x + a*z + b*w", "lin", func(x, y, z, w, nr, q, s float64) (float64, float64, float64) {
			v := float64(a0*x) + float64(b0*y) + float64(c0*z) + float64(d0*w) + float64(a0*y) + float64(b0*z) + float64(c0*w) + float64(d0*x) + float64(a0*z) + float64(b0*w)
			return x, y, v
		}},
		{"_x = a*x + b*y + c*z + d*s\n_y = c*y\nx = _x*nr + x*(1 - nr)\ny = _y", "linm", func(x, y, z, w, nr, q, s float64) (float64, float64, float64) {
			nx := ((float64(a0*x) + float64(b0*y)) + float64(c0*z)) + float64(d0*s)
			return float64(nx*nr) + float64(x*(1-nr)), float64(c0 * y), z
		}},
		{"_x = a*x\nx = _x*nr + x*(1 - nr)", "linm", func(x, y, z, w, nr, q, s float64) (float64, float64, float64) {
			return float64(float64(a0*x)*nr) + float64(x*(1-nr)), y, z
		}},
	}
	for _, tc := range cases {
		p := compile(t, tc.code, syms)
		if d := p.Disassemble(); !strings.Contains(d, " "+tc.op+" ") {
			t.Errorf("%q: no %s instruction:\n%s", tc.code, tc.op, d)
		}
		for _, n := range []int{1, 3, 4, 7, 257, 1001} {
			arr := make([][]float64, 6)
			for j := range arr {
				arr[j] = make([]float64, n)
				for i := range arr[j] {
					arr[j][i] = math.Sin(float64(i*7+j*13)) * math.Exp(float64(j-2))
				}
			}
			for i := range arr[4] {
				arr[4][i] = float64(i % 3 % 2)
			}
			if n > 2 {
				arr[0][2] = math.Inf(1)
			}
			orig := make([][]float64, 6)
			for j := range arr {
				orig[j] = append([]float64(nil), arr[j]...)
			}
			s := 0.37
			ctx := &Context{Arrays: arr, Scalars: []float64{s}}
			if err := Run(p, ctx, n); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < n; i++ {
				o := func(j int) float64 { return orig[j][i] }
				wx, wy, wz := tc.want(o(0), o(1), o(2), o(3), o(4), o(5), s)
				got := [3]float64{arr[0][i], arr[1][i], arr[2][i]}
				if strings.HasPrefix(tc.code, "q") {
					got[2] = arr[5][i]
				}
				for k, w := range [3]float64{wx, wy, wz} {
					if !(math.Float64bits(got[k]) == math.Float64bits(w) || math.IsNaN(got[k]) && math.IsNaN(w)) {
						t.Fatalf("%q n=%d element %d output %d: %v, want %v", tc.code, n, i, k, got[k], w)
					}
				}
			}
		}
	}
}

const (
	a0 = 0.9950124791926823
	b0 = 0.004937935295309004
	c0 = -0.00496264544351426
	d0 = 9.975041614635361e-05
)

// With CheckFinite, Run reports a NaN or Inf written anywhere (by the
// linear kernels' own check or the per-block scan), and only then.
func TestRunCheckFinite(t *testing.T) {
	syms := map[string]vector.Symbol{
		"x": {Kind: vector.Array, Slot: 0}, "y": {Kind: vector.Array, Slot: 1}, "nr": {Kind: vector.Array, Slot: 2},
		"a": {Kind: vector.Constant, Value: 0.5}, "b": {Kind: vector.Constant, Value: 0.25},
	}
	for _, code := range []string{
		"_x = a*x + b*y + a\n_y = b*y\nx = _x*nr + x*(1 - nr)\ny = _y",
		"x = sqrt(x) + y\ny = y*y",
	} {
		p := compile(t, code, syms)
		for _, n := range []int{5, 300, 1000} {
			for _, bad := range []int{-1, 0, 3, n - 1, n / 2} {
				x, y, nr := make([]float64, n), make([]float64, n), make([]float64, n)
				for i := range x {
					x[i], y[i], nr[i] = float64(i), 1, float64(i%2)
				}
				if bad >= 0 {
					y[bad] = math.Inf(1)
				}
				ctx := &Context{Arrays: [][]float64{x, y, nr}, CheckFinite: true}
				if err := Run(p, ctx, n); err != nil {
					t.Fatal(err)
				}
				if ctx.NonFinite != (bad >= 0) {
					t.Errorf("%q n=%d bad=%d: NonFinite = %v", code, n, bad, ctx.NonFinite)
				}
			}
		}
	}
}
