package vecvm

import (
	"math"
	"testing"

	"github.com/sim-lang/sim/compiler/vector"
)

// TestWhereCompareFastPath checks the one-pass threshold path against
// the comparison itself, for every operator, both operand orders, ties
// and NaN, over several blocks and threads.
func TestWhereCompareFastPath(t *testing.T) {
	n := 3*DefaultBlockSize + 17
	x := make([]float64, n)
	for k := range x {
		x[k] = float64(k%7) - 3
	}
	x[5], x[300] = math.NaN(), math.Inf(1)
	syms := map[string]vector.Symbol{
		"x": {Kind: vector.Array, Slot: 0},
		"c": {Kind: vector.Scalar, Slot: 0},
	}
	cases := []struct {
		src  string
		want func(x, c float64) bool
	}{
		{"x > c", func(x, c float64) bool { return x > c }},
		{"x < c", func(x, c float64) bool { return x < c }},
		{"x >= c", func(x, c float64) bool { return x >= c }},
		{"x <= c", func(x, c float64) bool { return x <= c }},
		{"c > x", func(x, c float64) bool { return c > x }},
		{"c <= x", func(x, c float64) bool { return c <= x }},
		{"x > 1", func(x, c float64) bool { return x > 1 }},
	}
	for _, tc := range cases {
		p := compileExpr(t, tc.src, syms)
		if _, _, _, _, ok := whereCompare(&p.Block); !ok {
			t.Fatalf("%s: not recognised as a plain comparison", tc.src)
		}
		for _, threads := range []int{1, 3} {
			got, err := Where(p, &Context{Arrays: [][]float64{x}, Scalars: []float64{1}, Threads: threads}, n, nil)
			if err != nil {
				t.Fatal(err)
			}
			var want []int32
			for k, v := range x {
				if tc.want(v, 1) {
					want = append(want, int32(k))
				}
			}
			if len(got) != len(want) {
				t.Fatalf("%s: %d hits, want %d", tc.src, len(got), len(want))
			}
			for k := range want {
				if got[k] != want[k] {
					t.Fatalf("%s: hit %d is %d, want %d", tc.src, k, got[k], want[k])
				}
			}
		}
	}
	// anything else takes the general path
	if p := compileExpr(t, "x > c and x < 2", syms); func() bool { _, _, _, _, ok := whereCompare(&p.Block); return ok }() {
		t.Errorf("a compound condition must not take the fast path")
	}
}

// AllFinite finds a NaN or an infinity anywhere (vector part or tail),
// and accepts signed zeros and huge finite values.
func TestAllFinite(t *testing.T) {
	for _, n := range []int{0, 1, 15, 16, 17, 100, 4000} {
		x := make([]float64, n)
		for k := range x {
			x[k] = math.Copysign(float64(k)*1e300, float64(k%2)-0.5)
		}
		if !AllFinite(x) {
			t.Fatalf("n=%d: finite values reported as not finite", n)
		}
		for k := 0; k < n; k += 1 + n/7 {
			for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
				old := x[k]
				x[k] = bad
				if AllFinite(x) {
					t.Fatalf("n=%d: %v at %d not found", n, bad, k)
				}
				x[k] = old
			}
		}
	}
}
