// This file holds the hot arithmetic kernels, written out per operator.

package array

// Fast kernels: o[k] = a[ai+k*as] OP b[bi+k*bs], with contiguous and
// scalar special cases that the compiler vectorises and bound-checks once.

func addK[T num](o []T, a []T, ai, as int, b []T, bi, bs int) {
	n := len(o)
	switch {
	case as == 1 && bs == 1:
		a, b := a[ai:ai+n], b[bi:bi+n]
		for k := range o {
			o[k] = a[k] + b[k]
		}
	case as == 1 && bs == 0:
		a, s := a[ai:ai+n], b[bi]
		for k := range o {
			o[k] = a[k] + s
		}
	case as == 0 && bs == 1:
		s, b := a[ai], b[bi:bi+n]
		for k := range o {
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
		for k := range o {
			o[k] = a[k] - b[k]
		}
	case as == 1 && bs == 0:
		a, s := a[ai:ai+n], b[bi]
		for k := range o {
			o[k] = a[k] - s
		}
	case as == 0 && bs == 1:
		s, b := a[ai], b[bi:bi+n]
		for k := range o {
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
		for k := range o {
			o[k] = a[k] * b[k]
		}
	case as == 1 && bs == 0:
		a, s := a[ai:ai+n], b[bi]
		for k := range o {
			o[k] = a[k] * s
		}
	case as == 0 && bs == 1:
		s, b := a[ai], b[bi:bi+n]
		for k := range o {
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

func divK[T ~float64](o []T, a []T, ai, as int, b []T, bi, bs int) {
	n := len(o)
	switch {
	case as == 1 && bs == 1:
		a, b := a[ai:ai+n], b[bi:bi+n]
		for k := range o {
			o[k] = a[k] / b[k]
		}
	case as == 1 && bs == 0:
		a, s := a[ai:ai+n], b[bi]
		for k := range o {
			o[k] = a[k] / s
		}
	case as == 0 && bs == 1:
		s, b := a[ai], b[bi:bi+n]
		for k := range o {
			o[k] = s / b[k]
		}
	default:
		for k := range o {
			o[k] = a[ai] / b[bi]
			ai += as
			bi += bs
		}
	}
}
