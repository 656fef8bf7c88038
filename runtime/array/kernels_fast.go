// This file holds the hot arithmetic kernels, written out per operator
// (generated once by a small script; edit all four alike).

package array

import "github.com/sim-lang/sim/internal/vmath"

// Fast kernels: o[k] = a[ai+k*as] OP b[bi+k*bs], with contiguous and
// scalar special cases unrolled by four, bounds checked once per row.

func addK[T num](o []T, a []T, ai, as int, b []T, bi, bs int) {
	n := len(o)
	switch {
	case as == 1 && bs == 1:
		a, b := a[ai:ai+n], b[bi:bi+n]
		k := 0
		for ; k+4 <= n; k += 4 {
			o[k] = a[k] + b[k]
			o[k+1] = a[k+1] + b[k+1]
			o[k+2] = a[k+2] + b[k+2]
			o[k+3] = a[k+3] + b[k+3]
		}
		for ; k < n; k++ {
			o[k] = a[k] + b[k]
		}
	case as == 1 && bs == 0:
		a, s := a[ai:ai+n], b[bi]
		k := 0
		for ; k+4 <= n; k += 4 {
			o[k] = a[k] + s
			o[k+1] = a[k+1] + s
			o[k+2] = a[k+2] + s
			o[k+3] = a[k+3] + s
		}
		for ; k < n; k++ {
			o[k] = a[k] + s
		}
	case as == 0 && bs == 1:
		s, b := a[ai], b[bi:bi+n]
		k := 0
		for ; k+4 <= n; k += 4 {
			o[k] = s + b[k]
			o[k+1] = s + b[k+1]
			o[k+2] = s + b[k+2]
			o[k+3] = s + b[k+3]
		}
		for ; k < n; k++ {
			o[k] = s + b[k]
		}
	default:
		for k := range o {
			o[k] = a[ai] + b[bi]
			ai += as
			bi += bs
		}
	}
}

func subK[T num](o []T, a []T, ai, as int, b []T, bi, bs int) {
	n := len(o)
	switch {
	case as == 1 && bs == 1:
		a, b := a[ai:ai+n], b[bi:bi+n]
		k := 0
		for ; k+4 <= n; k += 4 {
			o[k] = a[k] - b[k]
			o[k+1] = a[k+1] - b[k+1]
			o[k+2] = a[k+2] - b[k+2]
			o[k+3] = a[k+3] - b[k+3]
		}
		for ; k < n; k++ {
			o[k] = a[k] - b[k]
		}
	case as == 1 && bs == 0:
		a, s := a[ai:ai+n], b[bi]
		k := 0
		for ; k+4 <= n; k += 4 {
			o[k] = a[k] - s
			o[k+1] = a[k+1] - s
			o[k+2] = a[k+2] - s
			o[k+3] = a[k+3] - s
		}
		for ; k < n; k++ {
			o[k] = a[k] - s
		}
	case as == 0 && bs == 1:
		s, b := a[ai], b[bi:bi+n]
		k := 0
		for ; k+4 <= n; k += 4 {
			o[k] = s - b[k]
			o[k+1] = s - b[k+1]
			o[k+2] = s - b[k+2]
			o[k+3] = s - b[k+3]
		}
		for ; k < n; k++ {
			o[k] = s - b[k]
		}
	default:
		for k := range o {
			o[k] = a[ai] - b[bi]
			ai += as
			bi += bs
		}
	}
}

func mulK[T num](o []T, a []T, ai, as int, b []T, bi, bs int) {
	n := len(o)
	switch {
	case as == 1 && bs == 1:
		a, b := a[ai:ai+n], b[bi:bi+n]
		k := 0
		for ; k+4 <= n; k += 4 {
			o[k] = a[k] * b[k]
			o[k+1] = a[k+1] * b[k+1]
			o[k+2] = a[k+2] * b[k+2]
			o[k+3] = a[k+3] * b[k+3]
		}
		for ; k < n; k++ {
			o[k] = a[k] * b[k]
		}
	case as == 1 && bs == 0:
		a, s := a[ai:ai+n], b[bi]
		k := 0
		for ; k+4 <= n; k += 4 {
			o[k] = a[k] * s
			o[k+1] = a[k+1] * s
			o[k+2] = a[k+2] * s
			o[k+3] = a[k+3] * s
		}
		for ; k < n; k++ {
			o[k] = a[k] * s
		}
	case as == 0 && bs == 1:
		s, b := a[ai], b[bi:bi+n]
		k := 0
		for ; k+4 <= n; k += 4 {
			o[k] = s * b[k]
			o[k+1] = s * b[k+1]
			o[k+2] = s * b[k+2]
			o[k+3] = s * b[k+3]
		}
		for ; k < n; k++ {
			o[k] = s * b[k]
		}
	default:
		for k := range o {
			o[k] = a[ai] * b[bi]
			ai += as
			bi += bs
		}
	}
}

// divK divides with the vector kernels of internal/vmath where operands
// are contiguous or scalars (the quotients are the same, four at a time).
func divK(o []float64, a []float64, ai, as int, b []float64, bi, bs int) {
	n := len(o)
	switch {
	case as == 1 && bs == 1:
		vmath.Div(o, a[ai:ai+n], b[bi:bi+n])
	case as == 1 && bs == 0:
		vmath.DivScalar(o, a[ai:ai+n], b[bi])
	case as == 0 && bs == 1:
		vmath.ScalarDiv(o, a[ai], b[bi:bi+n])
	default:
		for k := range o {
			o[k] = a[ai] / b[bi]
			ai += as
			bi += bs
		}
	}
}
