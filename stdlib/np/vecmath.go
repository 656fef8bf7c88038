package np

import "github.com/sim-lang/sim/internal/vmath"

// vecFuncs are whole-slice kernels that replace the per-element function
// of unaryFuncs entries of the same name (same unit rule) for arrays of
// at least vecMinLen elements; smaller inputs, scalars included, keep the
// per-element function, so scalar results are unchanged.
var vecFuncs = map[string]func(dst, src []float64){
	"exp": vmath.Exp,
}

// vecMinLen is the smallest array that goes through vecFuncs.
const vecMinLen = 4
