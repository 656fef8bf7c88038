//go:build !amd64

package vector

// linFast has no vector loops on this architecture: the Go kernels do
// everything.
func linFast(d []float64, xs *[8]*float64, cs *[8]float64, t int, masked bool, a float64, nr, v []float64) (int, bool) {
	return 0, true
}
