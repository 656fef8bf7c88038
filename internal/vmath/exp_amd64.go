//go:build amd64 && !purego

package vmath

import (
	"math"

	"golang.org/x/sys/cpu"
)

// hasAsm reports whether the AVX2+FMA assembly kernel is in use, and
// hasAVX512 whether the AVX-512 one (eight lanes, table in registers) is.
var (
	hasAsm    = cpu.X86.HasAVX2 && cpu.X86.HasFMA
	hasAVX512 = hasAsm && cpu.X86.HasAVX512F
)

// expAVX2 computes exp over whole blocks of four from the start of src
// (n = len(src) rounded down to a multiple of 4) and returns how many
// elements it did: n, or fewer where it met a block holding a lane with
// |x| ≥ expBound or NaN (that block is left to the caller).
//
//go:noescape
func expAVX2(dst, src []float64) int

// expAVX512 is expAVX2 eight lanes at a time (n a multiple of 8), with the
// same operations and so the same results.
//
//go:noescape
func expAVX512(dst, src []float64) int

func expSlice(dst, src []float64) {
	if !hasAsm {
		for i, x := range src {
			dst[i] = exp1(x)
		}
		return
	}
	for len(src) >= 4 {
		n := 0
		if hasAVX512 {
			n = expAVX512(dst, src)
		}
		n += expAVX2(dst[n:], src[n:])
		dst, src = dst[n:], src[n:]
		if len(src) < 4 {
			break
		}
		expBlock(dst[:4], src[:4])
		dst, src = dst[4:], src[4:]
	}
	if len(src) > 0 {
		expBlock(dst, src)
	}
}

// expBlock does up to four elements through the kernel (so that in-range
// values get the same result wherever they sit), padding with zeros and
// handing out-of-range lanes to math.Exp. src is read before dst is
// written, so dst may be src.
func expBlock(dst, src []float64) {
	var in, out [4]float64
	special := false
	for j, x := range src {
		if math.Abs(x) < expBound {
			in[j] = x
		} else {
			special = true
		}
	}
	expAVX2(out[:], in[:])
	if special {
		for j, x := range src {
			if !(math.Abs(x) < expBound) {
				out[j] = math.Exp(x)
			}
		}
	}
	copy(dst, out[:len(src)])
}

// expConsts are the kernels' constants, read by exp_amd64.s at these
// byte offsets: 0 |x| mask, 8 expBound, 16 invLn2N, 24 expShift,
// 32 negLn2hiN, 40 negLn2loN, 48 index mask expN-1, 56.. expC2..expC6,
// 96 the top index bit expN/2, 104 expC7.
var expConsts = [14]uint64{
	0x7fffffffffffffff,
	math.Float64bits(expBound),
	math.Float64bits(invLn2N),
	math.Float64bits(expShift),
	math.Float64bits(negLn2hiN),
	math.Float64bits(negLn2loN),
	expN - 1,
	math.Float64bits(expC2),
	math.Float64bits(expC3),
	math.Float64bits(expC4),
	math.Float64bits(expC5),
	math.Float64bits(expC6),
	expN / 2,
	math.Float64bits(expC7),
}
