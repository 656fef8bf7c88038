package vecvm

import (
	"sync"
	"testing"
	"time"
)

const benchN = 1000000

// BenchmarkVM runs the Euler update of the conductance-based LIF (seed
// network) for 10^6 neurons through the vector VM, single-threaded.
func BenchmarkVM(b *testing.B) { benchVM(b, 1) }

// BenchmarkVMThreads is BenchmarkVM on every CPU.
func BenchmarkVMThreads(b *testing.B) { benchVM(b, 0) }

func benchVM(b *testing.B, threads int) {
	p := compile(b, lifCode, lifSyms())
	v, ge, gi, I := lifState(benchN)
	ctx := &Context{Arrays: [][]float64{v, ge, gi, I}, Scalars: []float64{lifDt}, Threads: threads}
	b.SetBytes(benchN * 8)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Run(p, ctx, benchN); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHandWritten is the same update as one fused Go loop.
func BenchmarkHandWritten(b *testing.B) {
	v, ge, gi, I := lifState(benchN)
	b.SetBytes(benchN * 8)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lifHand(v, ge, gi, I, lifDt)
	}
}

// BenchmarkHandWrittenThreads splits the hand-written loop across CPUs
// the way the VM does (whole 256-element blocks per goroutine).
func BenchmarkHandWrittenThreads(b *testing.B) {
	v, ge, gi, I := lifState(benchN)
	threads := threadsFor(0)
	b.SetBytes(benchN * 8)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		per := (benchN + threads - 1) / threads
		var wg sync.WaitGroup
		for lo := 0; lo < benchN; lo += per {
			hi := min(lo+per, benchN)
			wg.Add(1)
			go func() {
				defer wg.Done()
				lifHand(v[lo:hi], ge[lo:hi], gi[lo:hi], I[lo:hi], lifDt)
			}()
		}
		wg.Wait()
	}
}

// BenchmarkRatio alternates the VM and the hand-written loop and reports
// the best time of each and their ratio (hand/vm, 1 = as fast), which is
// robust to a noisy machine. Threads: single-threaded.
func BenchmarkRatio(b *testing.B) { benchRatio(b, 1) }

// BenchmarkRatioThreads is BenchmarkRatio on every CPU.
func BenchmarkRatioThreads(b *testing.B) { benchRatio(b, 0) }

func benchRatio(b *testing.B, threads int) {
	p := compile(b, lifCode, lifSyms())
	v, ge, gi, I := lifState(benchN)
	ctx := &Context{Arrays: [][]float64{v, ge, gi, I}, Scalars: []float64{lifDt}, Threads: threads}
	hv, hge, hgi, hI := lifState(benchN)
	nt := threadsFor(threads)
	hand := func() {
		if nt == 1 {
			lifHand(hv, hge, hgi, hI, lifDt)
			return
		}
		per := (benchN + nt - 1) / nt
		var wg sync.WaitGroup
		for lo := 0; lo < benchN; lo += per {
			hi := min(lo+per, benchN)
			wg.Add(1)
			go func() {
				defer wg.Done()
				lifHand(hv[lo:hi], hge[lo:hi], hgi[lo:hi], hI[lo:hi], lifDt)
			}()
		}
		wg.Wait()
	}
	bestVM, bestHand := time.Duration(1<<62), time.Duration(1<<62)
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if err := Run(p, ctx, benchN); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		hand()
		t2 := time.Now()
		bestVM, bestHand = min(bestVM, t1.Sub(t0)), min(bestHand, t2.Sub(t1))
	}
	b.ReportMetric(float64(bestVM.Microseconds()), "vm-best-us")
	b.ReportMetric(float64(bestHand.Microseconds()), "hand-best-us")
	b.ReportMetric(float64(bestHand)/float64(bestVM), "hand/vm")
}
