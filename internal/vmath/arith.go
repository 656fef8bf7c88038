package vmath

// Elementwise division and reductions. The divisions are exactly the Go
// operator's (IEEE division is correctly rounded, four lanes at a time
// change nothing), only faster: a scalar division is throughput-bound at
// one per four or five cycles, a vector one does four in about the same
// time. The reductions accumulate into 16 partial sums, partial k taking
// the elements i ≡ k (mod 16), added up in order at the end, on every
// architecture; that breaks the chain of dependent additions (four times
// the throughput even without vectors) and its rounding differs from a
// sequential sum only in the last bits.

// DivScalar stores src[i]/s in dst[i]; dst must be at least as long as
// src and may be src itself.
func DivScalar(dst, src []float64, s float64) {
	dst = dst[:len(src)]
	n := divScalarAsm(dst, src, s)
	for i := n; i < len(src); i++ {
		dst[i] = src[i] / s
	}
}

// ScalarDiv stores s/src[i] in dst[i]; dst may be src.
func ScalarDiv(dst []float64, s float64, src []float64) {
	dst = dst[:len(src)]
	n := scalarDivAsm(dst, s, src)
	for i := n; i < len(src); i++ {
		dst[i] = s / src[i]
	}
}

// Div stores a[i]/b[i] in dst[i]; a and b must have the same length and
// dst may be either of them.
func Div(dst, a, b []float64) {
	b = b[:len(a)]
	dst = dst[:len(a)]
	n := divAsm(dst, a, b)
	for i := n; i < len(a); i++ {
		dst[i] = a[i] / b[i]
	}
}

// SumSquares returns the sum of x[i]² (in 16 partial sums) and the
// largest |x[i]| (NaNs aside).
func SumSquares(x []float64) (sum, maxAbs float64) {
	var p [16]float64
	n, m := sumSquaresAsm(&p, x)
	for i := n; i < len(x); i++ {
		v := x[i]
		p[i&15] += float64(v * v)
		if v < 0 {
			v = -v
		}
		if v > m {
			m = v
		}
	}
	return addPartials(&p), m
}

// Dot returns the sum of a[i]·b[i] (in 16 partial sums); b must be at
// least as long as a.
func Dot(a, b []float64) float64 {
	b = b[:len(a)]
	var p [16]float64
	n := dotAsm(&p, a, b)
	for i := n; i < len(a); i++ {
		p[i&15] += float64(a[i] * b[i])
	}
	return addPartials(&p)
}

func addPartials(p *[16]float64) float64 {
	s := 0.0
	for _, v := range p {
		s += v
	}
	return s
}
