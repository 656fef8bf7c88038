//go:build amd64

#include "textflag.h"

// func muladdavx(d *float64, n int, a, b, c *float64)
// d[i] = a[i]*b[i] + c[i] for i < n, n a multiple of 8; the product is
// rounded before the sum (no FMA), like the scalar kernel.
TEXT ·muladdavx(SB), NOSPLIT, $0-40
	MOVQ d+0(FP), DI
	MOVQ n+8(FP), CX
	SHLQ $3, CX
	MOVQ a+16(FP), AX
	MOVQ b+24(FP), BX
	MOVQ c+32(FP), DX
	XORQ SI, SI
	TESTQ CX, CX
	JE donema

loopma:
	VMOVUPD (AX)(SI*1), Y0
	VMOVUPD 32(AX)(SI*1), Y1
	VMULPD (BX)(SI*1), Y0, Y0
	VMULPD 32(BX)(SI*1), Y1, Y1
	VADDPD (DX)(SI*1), Y0, Y0
	VADDPD 32(DX)(SI*1), Y1, Y1
	VMOVUPD Y0, (DI)(SI*1)
	VMOVUPD Y1, 32(DI)(SI*1)
	ADDQ $64, SI
	CMPQ SI, CX
	JB loopma

donema:
	VZEROUPPER
	RET
