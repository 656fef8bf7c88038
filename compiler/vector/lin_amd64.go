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

var linAVX = [...]func(d *float64, n int, xs *[8]*float64, cs *[8]float64){
	nil, lin1avx, lin2avx, lin3avx, lin4avx, lin5avx, lin6avx, lin7avx, lin8avx,
}

var linmAVX = [...]func(d *float64, n int, xs *[8]*float64, cs *[8]float64, a float64, nr, v *float64){
	nil, linm1avx, linm2avx, linm3avx, linm4avx, linm5avx, linm6avx,
}

// linFast runs the AVX2 loop over the first multiple of 4 elements of d
// and returns how many it did (0 without AVX2). Every coefficient is
// uniform (cs); masked adds a, nr and v.
func linFast(d []float64, xs *[8]*float64, cs *[8]float64, t int, masked bool, a float64, nr, v []float64) int {
	n := len(d) &^ 3
	if !haveAVX2 || n == 0 {
		return 0
	}
	if masked {
		linmAVX[t](&d[0], n, xs, cs, a, &nr[0], &v[0])
	} else {
		linAVX[t](&d[0], n, xs, cs)
	}
	return n
}
