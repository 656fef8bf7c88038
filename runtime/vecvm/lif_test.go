package vecvm

import (
	"math"
	"testing"
)

func TestLIFMatchesHandWritten(t *testing.T) {
	p := compile(t, lifCode, lifSyms())
	t.Log(p.Disassemble())
	for _, threads := range []int{1, 4} {
		n := 100000
		v, ge, gi, I := lifState(n)
		hv, hge, hgi, hI := lifState(n)
		ctx := &Context{Arrays: [][]float64{v, ge, gi, I}, Scalars: []float64{lifDt}, Threads: threads}
		for step := 0; step < 5; step++ {
			if err := Run(p, ctx, n); err != nil {
				t.Fatal(err)
			}
			lifHand(hv, hge, hgi, hI, lifDt)
		}
		for k := range v {
			if math.Float64bits(v[k]) != math.Float64bits(hv[k]) || ge[k] != hge[k] || gi[k] != hgi[k] {
				t.Fatalf("threads %d element %d: vm (%g %g %g) hand (%g %g %g)", threads, k, v[k], ge[k], gi[k], hv[k], hge[k], hgi[k])
			}
		}
	}
}
