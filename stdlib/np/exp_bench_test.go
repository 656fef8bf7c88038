package np

import (
	"strconv"
	"testing"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// BenchmarkNpExp times np.exp on a float64 array, the call curve_fit's
// models make on every evaluation.
func BenchmarkNpExp(b *testing.B) {
	for _, n := range []int{1000, 1_000_000} {
		data := make([]float64, n)
		for i := range data {
			data[i] = -30 * float64(i) / float64(n)
		}
		x := array.Value(array.New([]int{n}, data, units.Dim{}))
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				_, err := members["exp"](nil, []runtime.Value{x}, nil)
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/elem")
		})
	}
}
