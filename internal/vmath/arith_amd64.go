//go:build amd64 && !purego

package vmath

// The AVX2 kernels do whole blocks from the start (16 elements for the
// reductions, 8 for the divisions) and return how many elements they did;
// the callers finish the rest.

//go:noescape
func divScalarAVX(dst, src []float64, s float64) int

//go:noescape
func scalarDivAVX(dst []float64, s float64, src []float64) int

//go:noescape
func divAVX(dst, a, b []float64) int

//go:noescape
func sumSquaresAVX(p *[16]float64, x []float64) (int, float64)

//go:noescape
func dotAVX(p *[16]float64, a, b []float64) int

var hasAVX2 = hasAsm

func divScalarAsm(dst, src []float64, s float64) int {
	if !hasAVX2 {
		return 0
	}
	return divScalarAVX(dst, src, s)
}

func scalarDivAsm(dst []float64, s float64, src []float64) int {
	if !hasAVX2 {
		return 0
	}
	return scalarDivAVX(dst, s, src)
}

func divAsm(dst, a, b []float64) int {
	if !hasAVX2 {
		return 0
	}
	return divAVX(dst, a, b)
}

func sumSquaresAsm(p *[16]float64, x []float64) (int, float64) {
	if !hasAVX2 {
		return 0, 0
	}
	return sumSquaresAVX(p, x)
}

func dotAsm(p *[16]float64, a, b []float64) int {
	if !hasAVX2 {
		return 0
	}
	return dotAVX(p, a, b)
}
