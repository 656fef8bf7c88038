// AVX2 loops of the vector VM: threshold comparisons as bit masks and the
// finite check of state variables (hand-written; see simd_amd64.go).

//go:build amd64

#include "textflag.h"

// func cmpGtMask(xs *float64, n int, c float64, masks *uint16)
// masks[k] bit i = xs[16k+i] gt c, for n a multiple of 16.
TEXT ·cmpGtMask(SB), NOSPLIT, $0-32
	MOVQ xs+0(FP), SI
	MOVQ n+8(FP), CX
	VBROADCASTSD c+16(FP), Y15
	MOVQ masks+24(FP), DI
	SHRQ $4, CX
	JE   doneGt

loopGt:
	VCMPPD $0x11, (SI), Y15, Y0
	VCMPPD $0x11, 32(SI), Y15, Y1
	VCMPPD $0x11, 64(SI), Y15, Y2
	VCMPPD $0x11, 96(SI), Y15, Y3
	VMOVMSKPD Y0, AX
	VMOVMSKPD Y1, BX
	VMOVMSKPD Y2, DX
	VMOVMSKPD Y3, R8
	SHLQ $4, BX
	SHLQ $8, DX
	SHLQ $12, R8
	ORQ  BX, AX
	ORQ  R8, DX
	ORQ  DX, AX
	MOVW AX, (DI)
	ADDQ $128, SI
	ADDQ $2, DI
	DECQ CX
	JNE  loopGt

doneGt:
	VZEROUPPER
	RET

// func cmpLtMask(xs *float64, n int, c float64, masks *uint16)
// masks[k] bit i = xs[16k+i] lt c, for n a multiple of 16.
TEXT ·cmpLtMask(SB), NOSPLIT, $0-32
	MOVQ xs+0(FP), SI
	MOVQ n+8(FP), CX
	VBROADCASTSD c+16(FP), Y15
	MOVQ masks+24(FP), DI
	SHRQ $4, CX
	JE   doneLt

loopLt:
	VCMPPD $0x1e, (SI), Y15, Y0
	VCMPPD $0x1e, 32(SI), Y15, Y1
	VCMPPD $0x1e, 64(SI), Y15, Y2
	VCMPPD $0x1e, 96(SI), Y15, Y3
	VMOVMSKPD Y0, AX
	VMOVMSKPD Y1, BX
	VMOVMSKPD Y2, DX
	VMOVMSKPD Y3, R8
	SHLQ $4, BX
	SHLQ $8, DX
	SHLQ $12, R8
	ORQ  BX, AX
	ORQ  R8, DX
	ORQ  DX, AX
	MOVW AX, (DI)
	ADDQ $128, SI
	ADDQ $2, DI
	DECQ CX
	JNE  loopLt

doneLt:
	VZEROUPPER
	RET

// func cmpGeMask(xs *float64, n int, c float64, masks *uint16)
// masks[k] bit i = xs[16k+i] ge c, for n a multiple of 16.
TEXT ·cmpGeMask(SB), NOSPLIT, $0-32
	MOVQ xs+0(FP), SI
	MOVQ n+8(FP), CX
	VBROADCASTSD c+16(FP), Y15
	MOVQ masks+24(FP), DI
	SHRQ $4, CX
	JE   doneGe

loopGe:
	VCMPPD $0x12, (SI), Y15, Y0
	VCMPPD $0x12, 32(SI), Y15, Y1
	VCMPPD $0x12, 64(SI), Y15, Y2
	VCMPPD $0x12, 96(SI), Y15, Y3
	VMOVMSKPD Y0, AX
	VMOVMSKPD Y1, BX
	VMOVMSKPD Y2, DX
	VMOVMSKPD Y3, R8
	SHLQ $4, BX
	SHLQ $8, DX
	SHLQ $12, R8
	ORQ  BX, AX
	ORQ  R8, DX
	ORQ  DX, AX
	MOVW AX, (DI)
	ADDQ $128, SI
	ADDQ $2, DI
	DECQ CX
	JNE  loopGe

doneGe:
	VZEROUPPER
	RET

// func cmpLeMask(xs *float64, n int, c float64, masks *uint16)
// masks[k] bit i = xs[16k+i] le c, for n a multiple of 16.
TEXT ·cmpLeMask(SB), NOSPLIT, $0-32
	MOVQ xs+0(FP), SI
	MOVQ n+8(FP), CX
	VBROADCASTSD c+16(FP), Y15
	MOVQ masks+24(FP), DI
	SHRQ $4, CX
	JE   doneLe

loopLe:
	VCMPPD $0x1d, (SI), Y15, Y0
	VCMPPD $0x1d, 32(SI), Y15, Y1
	VCMPPD $0x1d, 64(SI), Y15, Y2
	VCMPPD $0x1d, 96(SI), Y15, Y3
	VMOVMSKPD Y0, AX
	VMOVMSKPD Y1, BX
	VMOVMSKPD Y2, DX
	VMOVMSKPD Y3, R8
	SHLQ $4, BX
	SHLQ $8, DX
	SHLQ $12, R8
	ORQ  BX, AX
	ORQ  R8, DX
	ORQ  DX, AX
	MOVW AX, (DI)
	ADDQ $128, SI
	ADDQ $2, DI
	DECQ CX
	JNE  loopLe

doneLe:
	VZEROUPPER
	RET

// func finiteAVX(xs *float64, n int) bool
// reports whether xs[:n] (n a multiple of 16) holds no NaN or Inf: x*0 is
// 0 for finite x and NaN otherwise; four sums keep the loop
// throughput-bound.
TEXT ·finiteAVX(SB), NOSPLIT, $0-17
	MOVQ xs+0(FP), SI
	MOVQ n+8(FP), CX
	VXORPD Y15, Y15, Y15
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	SHRQ $4, CX
	JE   sum

floop:
	VMULPD (SI), Y15, Y4
	VMULPD 32(SI), Y15, Y5
	VMULPD 64(SI), Y15, Y6
	VMULPD 96(SI), Y15, Y7
	VADDPD Y4, Y0, Y0
	VADDPD Y5, Y1, Y1
	VADDPD Y6, Y2, Y2
	VADDPD Y7, Y3, Y3
	ADDQ $128, SI
	DECQ CX
	JNE  floop

sum:
	VADDPD Y1, Y0, Y0
	VADDPD Y3, Y2, Y2
	VADDPD Y2, Y0, Y0
	VCMPPD $0x00, Y15, Y0, Y0
	VMOVMSKPD Y0, AX
	CMPQ AX, $15
	SETEQ ret+16(FP)
	VZEROUPPER
	RET
