package integrate

import "math/cmplx"

// scalar is the element type of a dense LU factorization: the implicit
// methods factor real (BDF, Radau's real block) and complex (Radau's
// complex pair) iteration matrices.
type scalar interface{ ~float64 | ~complex128 }

// luFact is an LU factorization with partial pivoting (LAPACK's getrf
// algorithm) of an n×n row-major matrix, kept for repeated solves, as
// SciPy reuses lu_factor results across steps. The small dense systems
// of ODE solvers are factored in place without allocation.
type luFact[T scalar] struct {
	n    int
	a    []T
	piv  []int
	sing bool
}

func newLU[T scalar](n int) *luFact[T] {
	return &luFact[T]{n: n, a: make([]T, n*n), piv: make([]int, n)}
}

func abs1[T scalar](x T) float64 {
	switch v := any(x).(type) {
	case float64:
		if v < 0 {
			return -v
		}
		return v
	case complex128:
		return cmplx.Abs(v)
	}
	return 0
}

// factor factors the matrix already stored in f.a.
func (f *luFact[T]) factor() {
	n, a := f.n, f.a
	f.sing = false
	for k := 0; k < n; k++ {
		p, best := k, abs1(a[k*n+k])
		for i := k + 1; i < n; i++ {
			if v := abs1(a[i*n+k]); v > best {
				p, best = i, v
			}
		}
		f.piv[k] = p
		if p != k {
			for j := 0; j < n; j++ {
				a[k*n+j], a[p*n+j] = a[p*n+j], a[k*n+j]
			}
		}
		d := a[k*n+k]
		if best == 0 {
			f.sing = true
			continue
		}
		for i := k + 1; i < n; i++ {
			m := a[i*n+k] / d
			a[i*n+k] = m
			if m == 0 {
				continue
			}
			ri, rk := a[i*n:i*n+n], a[k*n:k*n+n]
			for j := k + 1; j < n; j++ {
				ri[j] -= m * rk[j]
			}
		}
	}
}

// solve overwrites b with the solution of A x = b.
func (f *luFact[T]) solve(b []T) {
	n, a := f.n, f.a
	for k := 0; k < n; k++ {
		if p := f.piv[k]; p != k {
			b[k], b[p] = b[p], b[k]
		}
	}
	for i := 1; i < n; i++ {
		s := b[i]
		for j := 0; j < i; j++ {
			s -= a[i*n+j] * b[j]
		}
		b[i] = s
	}
	for i := n - 1; i >= 0; i-- {
		s := b[i]
		for j := i + 1; j < n; j++ {
			s -= a[i*n+j] * b[j]
		}
		b[i] = s / a[i*n+i]
	}
}
