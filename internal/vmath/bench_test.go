package vmath

import (
	"math"
	"math/rand"
	"strconv"
	"testing"
)

// benchInput is values in the range curve fits and simulations feed exp.
func benchInput(n int) []float64 {
	rng := rand.New(rand.NewSource(3))
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = -40 + 45*rng.Float64()
	}
	return xs
}

func BenchmarkExp(b *testing.B) {
	for _, n := range []int{1000, 1_000_000} {
		src := benchInput(n)
		dst := make([]float64, n)
		for _, k := range []struct {
			name string
			f    func(dst, src []float64)
		}{
			{"math.Exp", func(dst, src []float64) {
				for i, x := range src {
					dst[i] = math.Exp(x)
				}
			}},
			{"Exp", Exp},
			{"ExpGo", ExpGo},
		} {
			b.Run(k.name+"/"+strconv.Itoa(n), func(b *testing.B) {
				b.SetBytes(int64(8 * n))
				for i := 0; i < b.N; i++ {
					k.f(dst, src)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/elem")
			})
		}
	}
}
