#include "textflag.h"

// func addMinMax8(x *float64, n int, b float64, lohi *[2]float64)
// x[i] += b for i < n (n a positive multiple of 8); lohi (on entry +Inf,
// -Inf) receives the minimum and maximum of the results.
TEXT ·addMinMax8(SB), NOSPLIT, $0-32
	MOVQ         x+0(FP), SI
	MOVQ         n+8(FP), CX
	VBROADCASTSD b+16(FP), Y0
	MOVQ         lohi+24(FP), R8
	VBROADCASTSD (R8), Y1
	VBROADCASTSD 8(R8), Y2
	VMOVAPD      Y1, Y5
	VMOVAPD      Y2, Y6

loop:
	VADDPD  (SI), Y0, Y3
	VADDPD  32(SI), Y0, Y4
	VMOVUPD Y3, (SI)
	VMOVUPD Y4, 32(SI)
	VMINPD  Y3, Y1, Y1
	VMAXPD  Y3, Y2, Y2
	VMINPD  Y4, Y5, Y5
	VMAXPD  Y4, Y6, Y6
	ADDQ    $64, SI
	SUBQ    $8, CX
	JNE     loop

	VMINPD       Y5, Y1, Y1
	VMAXPD       Y6, Y2, Y2
	VEXTRACTF128 $1, Y1, X3
	VMINPD       X3, X1, X1
	VPERMILPD    $1, X1, X3
	VMINSD       X3, X1, X1
	VMOVSD       X1, (R8)
	VEXTRACTF128 $1, Y2, X4
	VMAXPD       X4, X2, X2
	VPERMILPD    $1, X2, X4
	VMAXSD       X4, X2, X2
	VMOVSD       X2, 8(R8)
	VZEROUPPER
	RET

// func addTo4(dst, src *float64, n int)
// dst[i] += src[i] for i < n (n a positive multiple of 4).
TEXT ·addTo4(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX

loop4:
	VMOVUPD (SI), Y0
	VADDPD  (DI), Y0, Y0
	VMOVUPD Y0, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $4, CX
	JNE     loop4
	VZEROUPPER
	RET

// func scaleSum8(x, s *float64, n int) float64
// x[i] *= s[i] for i < n (n a positive multiple of 8) and returns the
// sum of the results (two four-lane partial sums).
TEXT ·scaleSum8(SB), NOSPLIT, $0-32
	MOVQ   x+0(FP), DI
	MOVQ   s+8(FP), SI
	MOVQ   n+16(FP), CX
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1

loop8:
	VMOVUPD (DI), Y2
	VMOVUPD 32(DI), Y3
	VMULPD  (SI), Y2, Y2
	VMULPD  32(SI), Y3, Y3
	VMOVUPD Y2, (DI)
	VMOVUPD Y3, 32(DI)
	VADDPD  Y2, Y0, Y0
	VADDPD  Y3, Y1, Y1
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $8, CX
	JNE     loop8

	VADDPD       Y1, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPD       X1, X0, X0
	VPERMILPD    $1, X0, X1
	VADDSD       X1, X0, X0
	VMOVSD       X0, ret+24(FP)
	VZEROUPPER
	RET

// func adam4(p, gr, m, v *float64, n int, c *[8]float64)
// One Adam step on n parameters (n a positive multiple of 4), with
// c = {b1, 1-b1, b2, 1-b2, bc, eps, l2, decay}, in the operation order of
// trainer.step's Go loop (no fused multiply-adds: identical results):
//
//	u = gr + l2·p; m = b1·m + (1-b1)·u; v = b2·v + (1-b2)·u·u
//	p = p·decay − bc·m/(√v + eps)
TEXT ·adam4(SB), NOSPLIT, $0-48
	MOVQ         p+0(FP), DI
	MOVQ         gr+8(FP), SI
	MOVQ         m+16(FP), R8
	MOVQ         v+24(FP), R9
	MOVQ         n+32(FP), CX
	MOVQ         c+40(FP), AX
	VBROADCASTSD (AX), Y8
	VBROADCASTSD 8(AX), Y9
	VBROADCASTSD 16(AX), Y10
	VBROADCASTSD 24(AX), Y11
	VBROADCASTSD 32(AX), Y12
	VBROADCASTSD 40(AX), Y13
	VBROADCASTSD 48(AX), Y14
	VBROADCASTSD 56(AX), Y15

adamloop:
	VMOVUPD (DI), Y0
	VMOVUPD (SI), Y1
	VMULPD  Y14, Y0, Y2
	VADDPD  Y2, Y1, Y1
	VMULPD  (R8), Y8, Y2
	VMULPD  Y1, Y9, Y3
	VADDPD  Y3, Y2, Y2
	VMOVUPD Y2, (R8)
	VMULPD  (R9), Y10, Y3
	VMULPD  Y1, Y11, Y4
	VMULPD  Y1, Y4, Y4
	VADDPD  Y4, Y3, Y3
	VMOVUPD Y3, (R9)
	VSQRTPD Y3, Y3
	VADDPD  Y13, Y3, Y3
	VMULPD  Y2, Y12, Y2
	VDIVPD  Y3, Y2, Y2
	VMULPD  Y15, Y0, Y0
	VSUBPD  Y2, Y0, Y0
	VMOVUPD Y0, (DI)
	ADDQ    $32, DI
	ADDQ    $32, SI
	ADDQ    $32, R8
	ADDQ    $32, R9
	SUBQ    $4, CX
	JNE     adamloop
	VZEROUPPER
	RET

// func biasRelu4(x, b *float64, n int)
// x[i] = relu(x[i] + b[i]) for i < n (n a positive multiple of 4), with
// relu(v) = (v + |v|)·0.5 exactly as activate computes it (NaN stays NaN,
// -0 becomes +0).
TEXT ·biasRelu4(SB), NOSPLIT, $0-24
	MOVQ         x+0(FP), DI
	MOVQ         b+8(FP), SI
	MOVQ         n+16(FP), CX
	MOVQ         $0x7fffffffffffffff, AX
	MOVQ         AX, X5
	VBROADCASTSD X5, Y5
	MOVQ         $0x3fe0000000000000, AX
	MOVQ         AX, X6
	VBROADCASTSD X6, Y6

reluloop:
	VMOVUPD (DI), Y0
	VADDPD  (SI), Y0, Y0
	VANDPD  Y5, Y0, Y1
	VADDPD  Y1, Y0, Y0
	VMULPD  Y6, Y0, Y0
	VMOVUPD Y0, (DI)
	ADDQ    $32, DI
	ADDQ    $32, SI
	SUBQ    $4, CX
	JNE     reluloop
	VZEROUPPER
	RET

// func axpy4(a float64, x, y *float64, n int)
// y[i] += a·x[i] for i < n (n a positive multiple of 8), a multiply then
// an add (no fused multiply-add: identical to the Go loop).
TEXT ·axpy4(SB), NOSPLIT, $0-32
	VBROADCASTSD a+0(FP), Y0
	MOVQ         x+8(FP), SI
	MOVQ         y+16(FP), DI
	MOVQ         n+24(FP), CX

axpyloop:
	VMULPD  (SI), Y0, Y1
	VMULPD  32(SI), Y0, Y2
	VADDPD  (DI), Y1, Y1
	VADDPD  32(DI), Y2, Y2
	VMOVUPD Y1, (DI)
	VMOVUPD Y2, 32(DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $8, CX
	JNE     axpyloop
	VZEROUPPER
	RET

// func reluGrad4(d, a *float64, n int)
// d[i] *= (a[i] != 0 ? 1 : 0) for i < n (n a positive multiple of 4): the
// relu derivative at outputs a ≥ +0 (NaN counts as non-zero), multiplied
// like derivative's Go loop does (so 0·Inf is NaN there too).
TEXT ·reluGrad4(SB), NOSPLIT, $0-24
	MOVQ         d+0(FP), DI
	MOVQ         a+8(FP), SI
	MOVQ         n+16(FP), CX
	VXORPD       Y5, Y5, Y5
	MOVQ         $0x3ff0000000000000, AX
	MOVQ         AX, X6
	VBROADCASTSD X6, Y6

gradloop:
	VMOVUPD (SI), Y0
	VCMPPD  $4, Y5, Y0, Y1
	VANDPD  Y6, Y1, Y1
	VMULPD  (DI), Y1, Y1
	VMOVUPD Y1, (DI)
	ADDQ    $32, DI
	ADDQ    $32, SI
	SUBQ    $4, CX
	JNE     gradloop
	VZEROUPPER
	RET
