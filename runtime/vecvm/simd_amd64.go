//go:build amd64

package vecvm

import (
	"golang.org/x/sys/cpu"

	"github.com/sim-lang/sim/compiler/vector"
)

// haveAVX2 reports whether the AVX2 loops of simd_amd64.s can run.
var haveAVX2 = cpu.X86.HasAVX2

//go:noescape
func cmpGtMask(xs *float64, n int, c float64, masks *uint16)

//go:noescape
func cmpLtMask(xs *float64, n int, c float64, masks *uint16)

//go:noescape
func cmpGeMask(xs *float64, n int, c float64, masks *uint16)

//go:noescape
func cmpLeMask(xs *float64, n int, c float64, masks *uint16)

//go:noescape
func finiteAVX(xs *float64, n int) bool

// compareMasks fills masks[k] (bit i: xs[16k+i] op c) for the first
// multiple of 16 elements of xs and returns how many it did (0 without
// AVX2 or for an opcode it does not handle).
func compareMasks(op vector.Opcode, xs []float64, c float64, masks []uint16) int {
	n := len(xs) &^ 15
	if !haveAVX2 || n == 0 || len(masks) < n/16 {
		return 0
	}
	switch op {
	case vector.OpGt:
		cmpGtMask(&xs[0], n, c, &masks[0])
	case vector.OpLt:
		cmpLtMask(&xs[0], n, c, &masks[0])
	case vector.OpGe:
		cmpGeMask(&xs[0], n, c, &masks[0])
	case vector.OpLe:
		cmpLeMask(&xs[0], n, c, &masks[0])
	default:
		return 0
	}
	return n
}

// finitePrefix reports whether the first multiple of 16 elements of xs
// are all finite, and how many it checked.
func finitePrefix(xs []float64) (bool, int) {
	n := len(xs) &^ 15
	if !haveAVX2 || n == 0 {
		return true, 0
	}
	return finiteAVX(&xs[0], n), n
}
