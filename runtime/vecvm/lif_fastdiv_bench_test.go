package vecvm

import (
	"testing"
	"time"

	"github.com/sim-lang/sim/compiler/vector"
)

// lifHandFastDiv is lifHand with divisions by constants replaced by
// multiplications with their reciprocals, as the engine compiles model
// code (vector.Options.FastDivision).
func lifHandFastDiv(v, ge, gi, I []float64, dt float64) {
	ge, gi, I = ge[:len(v)], gi[:len(v)], I[:len(v)]
	const rc, rge, rgi = 1 / lifC, 1 / lifGeTau, 1 / lifGiTau
	for k := range v {
		vk, gek, gik := v[k], ge[k], gi[k]
		nv := vk - dt*((float64(lifGl*(vk-lifVl))+float64(gek*(vk-lifVe))+float64(gik*(vk-lifVi))-I[k])*rc)
		nge := gek - dt*(gek*rge)
		ngi := gik - dt*(gik*rgi)
		v[k], ge[k], gi[k] = nv, nge, ngi
	}
}

// BenchmarkRatioFastDiv is BenchmarkRatio for the code the engine runs:
// compiled with FastDivision, against the hand-written loop that
// multiplies by reciprocals too (single-threaded).
func BenchmarkRatioFastDiv(b *testing.B) {
	p, err := vector.Compile(parseStmts(b, lifCode), resolver(lifSyms()), vector.Options{FastDivision: true})
	if err != nil {
		b.Fatal(err)
	}
	v, ge, gi, I := lifState(benchN)
	ctx := &Context{Arrays: [][]float64{v, ge, gi, I}, Scalars: []float64{lifDt}, Threads: 1}
	hv, hge, hgi, hI := lifState(benchN)
	bestVM, bestHand := time.Duration(1<<62), time.Duration(1<<62)
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if err := Run(p, ctx, benchN); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		lifHandFastDiv(hv, hge, hgi, hI, lifDt)
		t2 := time.Now()
		bestVM, bestHand = min(bestVM, t1.Sub(t0)), min(bestHand, t2.Sub(t1))
	}
	b.ReportMetric(float64(bestVM.Microseconds()), "vm-best-us")
	b.ReportMetric(float64(bestHand.Microseconds()), "hand-best-us")
	b.ReportMetric(float64(bestHand)/float64(bestVM), "hand/vm")
}

// TestFastDivMatchesHand checks that the FastDivision program computes
// what lifHandFastDiv computes, to rounding.
func TestFastDivMatchesHand(t *testing.T) {
	p, err := vector.Compile(parseStmts(t, lifCode), resolver(lifSyms()), vector.Options{FastDivision: true})
	if err != nil {
		t.Fatal(err)
	}
	const n = 1000
	v, ge, gi, I := lifState(n)
	hv, hge, hgi, hI := lifState(n)
	if err := Run(p, &Context{Arrays: [][]float64{v, ge, gi, I}, Scalars: []float64{lifDt}, Threads: 1}, n); err != nil {
		t.Fatal(err)
	}
	lifHandFastDiv(hv, hge, hgi, hI, lifDt)
	for k := range v {
		for _, pair := range [][2]float64{{v[k], hv[k]}, {ge[k], hge[k]}, {gi[k], hgi[k]}} {
			if d := pair[0] - pair[1]; d > 1e-12*abs(pair[1])+1e-300 || -d > 1e-12*abs(pair[1])+1e-300 {
				t.Fatalf("element %d: vm %v, hand %v", k, pair[0], pair[1])
			}
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
