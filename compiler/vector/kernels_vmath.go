package vector

import "github.com/sim-lang/sim/internal/vmath"

// Block kernels that hand whole varying blocks to internal/vmath: exp on
// its vectorised kernel (within 1 ulp of math.Exp, as numpy's own exp is,
// and about 6x faster), divisions four lanes at a time (the same
// quotients). Uniform-operand combinations keep the generated loops.

func kExpFast(d, a, b, c, e []float64, m uint8) {
	if m != 0 {
		kExp(d, a, b, c, e, m)
		return
	}
	vmath.Exp(d, a[:len(d)])
}

func kDivFast(d, a, b, c, e []float64, m uint8) {
	switch m {
	case 0:
		vmath.Div(d, a[:len(d)], b[:len(d)])
	case 2:
		vmath.DivScalar(d, a[:len(d)], b[0])
	case 1:
		vmath.ScalarDiv(d, a[0], b[:len(d)])
	default:
		kDiv(d, a, b, c, e, m)
	}
}
