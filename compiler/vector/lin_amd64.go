//go:build amd64

package vector

import "golang.org/x/sys/cpu"

//go:generate go run ./internal/genlin

// The AVX2 loops of lin_amd64.s: d[i] for i < n (a multiple of 4) from
// the terms' operands xs and coefficients cs, exactly as linScalar.
//
//go:noescape
func lin1avx(d *float64, n int, xs *[8]*float64, cs *[8]float64)

//go:noescape
func lin2avx(d *float64, n int, xs *[8]*float64, cs *[8]float64)

//go:noescape
func lin3avx(d *float64, n int, xs *[8]*float64, cs *[8]float64)

//go:noescape
func lin4avx(d *float64, n int, xs *[8]*float64, cs *[8]float64)

//go:noescape
func lin5avx(d *float64, n int, xs *[8]*float64, cs *[8]float64)

//go:noescape
func lin6avx(d *float64, n int, xs *[8]*float64, cs *[8]float64)

//go:noescape
func lin7avx(d *float64, n int, xs *[8]*float64, cs *[8]float64)

//go:noescape
func lin8avx(d *float64, n int, xs *[8]*float64, cs *[8]float64)

//go:noescape
func linm1avx(d *float64, n int, xs *[8]*float64, cs *[8]float64, a float64, nr, v *float64)

//go:noescape
func linm2avx(d *float64, n int, xs *[8]*float64, cs *[8]float64, a float64, nr, v *float64)

//go:noescape
func linm3avx(d *float64, n int, xs *[8]*float64, cs *[8]float64, a float64, nr, v *float64)

//go:noescape
func linm4avx(d *float64, n int, xs *[8]*float64, cs *[8]float64, a float64, nr, v *float64)

//go:noescape
func linm5avx(d *float64, n int, xs *[8]*float64, cs *[8]float64, a float64, nr, v *float64)

//go:noescape
func linm6avx(d *float64, n int, xs *[8]*float64, cs *[8]float64, a float64, nr, v *float64)

// haveAVX2 reports whether the AVX2 loops can run.
var haveAVX2 = cpu.X86.HasAVX2

// linFast runs the AVX2 loop over the first multiple of 4 elements of d
// and returns how many it did (0 without AVX2). Every coefficient is
// uniform (cs); masked adds a, nr and v.
func linFast(d []float64, xs *[8]*float64, cs *[8]float64, t int, masked bool, a float64, nr, v []float64) int {
	n := len(d) &^ 3
	if !haveAVX2 || n == 0 {
		return 0
	}
	// direct calls, so that xs and cs stay on the caller's stack
	p := &d[0]
	if masked {
		q, w := &nr[0], &v[0]
		switch t {
		case 1:
			linm1avx(p, n, xs, cs, a, q, w)
		case 2:
			linm2avx(p, n, xs, cs, a, q, w)
		case 3:
			linm3avx(p, n, xs, cs, a, q, w)
		case 4:
			linm4avx(p, n, xs, cs, a, q, w)
		case 5:
			linm5avx(p, n, xs, cs, a, q, w)
		case 6:
			linm6avx(p, n, xs, cs, a, q, w)
		default:
			return 0
		}
		return n
	}
	switch t {
	case 1:
		lin1avx(p, n, xs, cs)
	case 2:
		lin2avx(p, n, xs, cs)
	case 3:
		lin3avx(p, n, xs, cs)
	case 4:
		lin4avx(p, n, xs, cs)
	case 5:
		lin5avx(p, n, xs, cs)
	case 6:
		lin6avx(p, n, xs, cs)
	case 7:
		lin7avx(p, n, xs, cs)
	case 8:
		lin8avx(p, n, xs, cs)
	default:
		return 0
	}
	return n
}
