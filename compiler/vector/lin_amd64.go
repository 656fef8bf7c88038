//go:build amd64

package vector

import "golang.org/x/sys/cpu"

//go:generate go run ./internal/genlin

// The AVX2 loops of lin_amd64.s: d[i] for i < n (a multiple of 4) from
// the terms' operands xs and coefficients cs, exactly as linScalar.
//
//go:noescape
func lin1avx(d *float64, n int, xs *[8]*float64, cs *[8]float64) (finite bool)

//go:noescape
func lin2avx(d *float64, n int, xs *[8]*float64, cs *[8]float64) (finite bool)

//go:noescape
func lin3avx(d *float64, n int, xs *[8]*float64, cs *[8]float64) (finite bool)

//go:noescape
func lin4avx(d *float64, n int, xs *[8]*float64, cs *[8]float64) (finite bool)

//go:noescape
func lin5avx(d *float64, n int, xs *[8]*float64, cs *[8]float64) (finite bool)

//go:noescape
func lin6avx(d *float64, n int, xs *[8]*float64, cs *[8]float64) (finite bool)

//go:noescape
func lin7avx(d *float64, n int, xs *[8]*float64, cs *[8]float64) (finite bool)

//go:noescape
func lin8avx(d *float64, n int, xs *[8]*float64, cs *[8]float64) (finite bool)

//go:noescape
func linm1avx(d *float64, n int, xs *[8]*float64, cs *[8]float64, a float64, nr, v *float64) (finite bool)

//go:noescape
func linm2avx(d *float64, n int, xs *[8]*float64, cs *[8]float64, a float64, nr, v *float64) (finite bool)

//go:noescape
func linm3avx(d *float64, n int, xs *[8]*float64, cs *[8]float64, a float64, nr, v *float64) (finite bool)

//go:noescape
func linm4avx(d *float64, n int, xs *[8]*float64, cs *[8]float64, a float64, nr, v *float64) (finite bool)

//go:noescape
func linm5avx(d *float64, n int, xs *[8]*float64, cs *[8]float64, a float64, nr, v *float64) (finite bool)

//go:noescape
func linm6avx(d *float64, n int, xs *[8]*float64, cs *[8]float64, a float64, nr, v *float64) (finite bool)

// haveAVX2 reports whether the AVX2 loops can run.
var haveAVX2 = cpu.X86.HasAVX2

// linFast runs the AVX2 loop over the first multiple of 4 elements of d
// and returns how many it did (0 without AVX2) and whether the values it
// wrote are all finite. Every coefficient is uniform (cs); masked adds
// a, nr and v.
func linFast(d []float64, xs *[8]*float64, cs *[8]float64, t int, masked bool, a float64, nr, v []float64) (int, bool) {
	n := len(d) &^ 3
	if !haveAVX2 || n == 0 {
		return 0, true
	}
	// direct calls, so that xs and cs stay on the caller's stack
	p := &d[0]
	var ok bool
	if masked {
		q, w := &nr[0], &v[0]
		switch t {
		case 1:
			ok = linm1avx(p, n, xs, cs, a, q, w)
		case 2:
			ok = linm2avx(p, n, xs, cs, a, q, w)
		case 3:
			ok = linm3avx(p, n, xs, cs, a, q, w)
		case 4:
			ok = linm4avx(p, n, xs, cs, a, q, w)
		case 5:
			ok = linm5avx(p, n, xs, cs, a, q, w)
		case 6:
			ok = linm6avx(p, n, xs, cs, a, q, w)
		default:
			return 0, true
		}
		return n, ok
	}
	switch t {
	case 1:
		ok = lin1avx(p, n, xs, cs)
	case 2:
		ok = lin2avx(p, n, xs, cs)
	case 3:
		ok = lin3avx(p, n, xs, cs)
	case 4:
		ok = lin4avx(p, n, xs, cs)
	case 5:
		ok = lin5avx(p, n, xs, cs)
	case 6:
		ok = lin6avx(p, n, xs, cs)
	case 7:
		ok = lin7avx(p, n, xs, cs)
	case 8:
		ok = lin8avx(p, n, xs, cs)
	default:
		return 0, true
	}
	return n, ok
}
