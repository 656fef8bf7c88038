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
