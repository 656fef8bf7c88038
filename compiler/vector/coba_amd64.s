//go:build amd64

#include "textflag.h"

// AVX2 loops for the conductance-based Euler update of the seed network
// in its FastDivision form (coba_amd64.go). Separate multiplies and adds
// in the order of the Go kernels: bit-identical results.

// func coba3mavx(d *float64, n int, x *[13]*float64, u *[13]float64)
// d[i] = x0 - x1*((((x2*(x3-x4)) + (x5*(x6-x7))) + (x8*(x9-x10)) - x11)*x12)
// with x1, x2, x4, x7, x10, x12 uniform (u), the others arrays (x);
// n a multiple of 4.
TEXT ·coba3mavx(SB), NOSPLIT, $0-32
	MOVQ d+0(FP), DI
	MOVQ n+8(FP), CX
	SHLQ $3, CX
	MOVQ x+16(FP), SI
	MOVQ u+24(FP), R12
	MOVQ 0(SI), AX
	MOVQ 24(SI), BX
	MOVQ 40(SI), DX
	MOVQ 48(SI), R8
	MOVQ 72(SI), R9
	MOVQ 64(SI), R10
	MOVQ 88(SI), R11
	VBROADCASTSD 8(R12), Y8
	VBROADCASTSD 16(R12), Y9
	VBROADCASTSD 32(R12), Y10
	VBROADCASTSD 56(R12), Y11
	VBROADCASTSD 80(R12), Y12
	VBROADCASTSD 96(R12), Y13
	XORQ SI, SI
	TESTQ CX, CX
	JE done3

loop3:
	VMOVUPD (BX)(SI*1), Y0
	VSUBPD Y10, Y0, Y0
	VMULPD Y9, Y0, Y0
	VMOVUPD (R8)(SI*1), Y1
	VSUBPD Y11, Y1, Y1
	VMULPD (DX)(SI*1), Y1, Y1
	VADDPD Y1, Y0, Y0
	VMOVUPD (R9)(SI*1), Y2
	VSUBPD Y12, Y2, Y2
	VMULPD (R10)(SI*1), Y2, Y2
	VADDPD Y2, Y0, Y0
	VSUBPD (R11)(SI*1), Y0, Y0
	VMULPD Y13, Y0, Y0
	VMULPD Y8, Y0, Y0
	VMOVUPD (AX)(SI*1), Y3
	VSUBPD Y0, Y3, Y3
	VMOVUPD Y3, (DI)(SI*1)
	ADDQ $32, SI
	CMPQ SI, CX
	JB loop3

done3:
	VZEROUPPER
	RET

// func submulmulavx(d *float64, n int, a, c *float64, b, e float64)
// d[i] = a[i] - b*(c[i]*e), n a multiple of 4.
TEXT ·submulmulavx(SB), NOSPLIT, $0-48
	MOVQ d+0(FP), DI
	MOVQ n+8(FP), CX
	SHLQ $3, CX
	MOVQ a+16(FP), AX
	MOVQ c+24(FP), BX
	VBROADCASTSD b+32(FP), Y10
	VBROADCASTSD e+40(FP), Y11
	XORQ SI, SI
	TESTQ CX, CX
	JE donesmm

loopsmm:
	VMOVUPD (BX)(SI*1), Y0
	VMULPD Y11, Y0, Y0
	VMULPD Y10, Y0, Y0
	VMOVUPD (AX)(SI*1), Y1
	VSUBPD Y0, Y1, Y1
	VMOVUPD Y1, (DI)(SI*1)
	ADDQ $32, SI
	CMPQ SI, CX
	JB loopsmm

donesmm:
	VZEROUPPER
	RET
