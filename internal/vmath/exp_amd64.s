//go:build amd64 && !purego

#include "textflag.h"


// func expAVX2(dst, src []float64) int
TEXT ·expAVX2(SB), NOSPLIT, $0-56
	MOVQ dst_base+0(FP), DI
	MOVQ src_base+24(FP), SI
	MOVQ src_len+32(FP), CX
	ANDQ $~3, CX
	XORQ AX, AX
	LEAQ ·expTail(SB), R8
	LEAQ ·expScale(SB), R9
	VBROADCASTSD ·expConsts+0(SB), Y15
	VBROADCASTSD ·expConsts+8(SB), Y14
	VBROADCASTSD ·expConsts+16(SB), Y13
	VBROADCASTSD ·expConsts+24(SB), Y12
	VBROADCASTSD ·expConsts+32(SB), Y11
	VBROADCASTSD ·expConsts+40(SB), Y10
	VPBROADCASTQ ·expConsts+48(SB), Y9
	VBROADCASTSD ·expConsts+64(SB), Y8
	VBROADCASTSD ·expConsts+80(SB), Y7

loop:
	CMPQ AX, CX
	JGE  done
	VMOVUPD (SI)(AX*8), Y0         // x
	VANDPD  Y15, Y0, Y1            // |x|
	VCMPPD  $0x11, Y14, Y1, Y1     // |x| < bound (LT_OQ: false for NaN)
	VMOVMSKPD Y1, DX
	CMPL    DX, $15
	JNE     done
	VMOVAPD Y0, Y1
	VFMADD213PD Y12, Y13, Y1       // kd+shift = x*invLn2N + shift; bits = ki
	VSUBPD  Y12, Y1, Y2            // kd
	VFMADD231PD Y11, Y2, Y0        // r = kd*negLn2hiN + x
	VFMADD231PD Y10, Y2, Y0        // r += kd*negLn2loN
	VPAND   Y9, Y1, Y3             // i = ki & 127
	VPCMPEQQ Y4, Y4, Y4
	VGATHERQPD Y4, (R8)(Y3*8), Y5  // tail
	VPCMPEQQ Y4, Y4, Y4
	VGATHERQPD Y4, (R9)(Y3*8), Y6  // sbits (without k)
	VPSLLQ  $45, Y1, Y1
	VPADDQ  Y1, Y6, Y6             // scale
	VMULPD  Y0, Y0, Y2             // r2
	VBROADCASTSD ·expConsts+56(SB), Y3
	VFMADD231PD Y8, Y0, Y3         // p1 = c2 + r*c3
	VBROADCASTSD ·expConsts+72(SB), Y4
	VFMADD231PD Y7, Y0, Y4         // p2 = c4 + r*c5
	VADDPD  Y0, Y5, Y5             // tmp = tail + r
	VFMADD231PD Y3, Y2, Y5         // tmp += r2*p1
	VMULPD  Y2, Y2, Y2             // r4
	VFMADD231PD Y4, Y2, Y5         // tmp += r4*p2
	VFMADD231PD Y5, Y6, Y6         // scale + scale*tmp
	VMOVUPD Y6, (DI)(AX*8)
	ADDQ    $4, AX
	JMP     loop

done:
	VZEROUPPER
	MOVQ AX, ret+48(FP)
	RET
