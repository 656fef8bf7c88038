//go:build amd64 && !purego

#include "textflag.h"

// Both kernels compute, per lane, exactly the operations of exp1 in
// exp.go (the same fused multiply-adds), so every path gives the same bits.

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
	VFMADD231PD Y10, Y2, Y0        // r = kd*negLn2loN + r
	VPAND   Y9, Y1, Y3             // i = ki & (expN-1)
	VPCMPEQQ Y4, Y4, Y4
	VGATHERQPD Y4, (R8)(Y3*8), Y5  // tail
	VPCMPEQQ Y4, Y4, Y4
	VGATHERQPD Y4, (R9)(Y3*8), Y6  // scale bits without k
	VPSLLQ  $47, Y1, Y1            // ki << (52-expBits)
	VPADDQ  Y1, Y6, Y6             // scale
	VMULPD  Y0, Y0, Y2             // r2
	VBROADCASTSD ·expConsts+88(SB), Y3
	VBROADCASTSD ·expConsts+104(SB), Y4
	VFMADD231PD Y4, Y0, Y3         // r*c7 + c6
	VBROADCASTSD ·expConsts+72(SB), Y4
	VFMADD231PD Y7, Y0, Y4         // p2 = r*c5 + c4
	VFMADD231PD Y3, Y2, Y4         // p3 = r2*(r*c7 + c6) + p2
	VBROADCASTSD ·expConsts+56(SB), Y3
	VFMADD231PD Y8, Y0, Y3         // p1 = r*c3 + c2
	VADDPD  Y0, Y5, Y5             // tmp = tail + r
	VFMADD231PD Y3, Y2, Y5         // tmp = r2*p1 + tmp
	VMULPD  Y2, Y2, Y2             // r4
	VFMADD231PD Y4, Y2, Y5         // tmp = r4*p3 + tmp
	VFMADD231PD Y5, Y6, Y6         // scale*tmp + scale
	VMOVUPD Y6, (DI)(AX*8)
	ADDQ    $4, AX
	JMP     loop

done:
	VZEROUPPER
	MOVQ AX, ret+48(FP)
	RET

// func expAVX512(dst, src []float64) int
// The 32-entry tables live in registers (tail in Z12-Z15, scale bits in
// Z16-Z19); two-register permutes look up index bits 0-3 in each half
// and a mask on bit 4 picks the half: no memory gathers.
TEXT ·expAVX512(SB), NOSPLIT, $0-56
	MOVQ dst_base+0(FP), DI
	MOVQ src_base+24(FP), SI
	MOVQ src_len+32(FP), CX
	ANDQ $~7, CX
	XORQ AX, AX
	VMOVDQU64 ·expTail+0(SB), Z12
	VMOVDQU64 ·expTail+64(SB), Z13
	VMOVDQU64 ·expTail+128(SB), Z14
	VMOVDQU64 ·expTail+192(SB), Z15
	VMOVDQU64 ·expScale+0(SB), Z16
	VMOVDQU64 ·expScale+64(SB), Z17
	VMOVDQU64 ·expScale+128(SB), Z18
	VMOVDQU64 ·expScale+192(SB), Z19
	VPBROADCASTQ ·expConsts+0(SB), Z31
	VBROADCASTSD ·expConsts+8(SB), Z30
	VBROADCASTSD ·expConsts+16(SB), Z29
	VBROADCASTSD ·expConsts+24(SB), Z28
	VBROADCASTSD ·expConsts+32(SB), Z27
	VBROADCASTSD ·expConsts+40(SB), Z26
	VPBROADCASTQ ·expConsts+96(SB), Z25
	VBROADCASTSD ·expConsts+56(SB), Z24
	VBROADCASTSD ·expConsts+64(SB), Z23
	VBROADCASTSD ·expConsts+72(SB), Z22
	VBROADCASTSD ·expConsts+80(SB), Z21
	VBROADCASTSD ·expConsts+88(SB), Z20
	VBROADCASTSD ·expConsts+104(SB), Z11

loop512:
	CMPQ AX, CX
	JGE  done512
	VMOVUPD (SI)(AX*8), Z0         // x
	VPANDQ  Z31, Z0, Z1            // |x|
	VCMPPD  $0x11, Z30, Z1, K1     // |x| < bound (false for NaN)
	KMOVW   K1, DX
	CMPL    DX, $0xff
	JNE     done512
	VMOVAPD Z0, Z1
	VFMADD213PD Z28, Z29, Z1       // kd+shift; bits = ki
	VSUBPD  Z28, Z1, Z2            // kd
	VFMADD231PD Z27, Z2, Z0        // r = kd*negLn2hiN + x
	VFMADD231PD Z26, Z2, Z0        // r = kd*negLn2loN + r
	VPTESTMQ Z25, Z1, K2           // lanes whose index has bit 4 set
	VMOVDQA64 Z1, Z5
	VPERMI2PD Z13, Z12, Z5         // tail[i & 15]
	VMOVDQA64 Z1, Z6
	VPERMI2PD Z15, Z14, Z6         // tail[16 + i & 15]
	VMOVAPD Z6, K2, Z5             // tail
	VMOVDQA64 Z1, Z6
	VPERMI2PD Z17, Z16, Z6
	VMOVDQA64 Z1, Z7
	VPERMI2PD Z19, Z18, Z7
	VMOVAPD Z7, K2, Z6             // scale bits without k
	VPSLLQ  $47, Z1, Z1
	VPADDQ  Z1, Z6, Z6             // scale
	VMULPD  Z0, Z0, Z2             // r2
	VMOVAPD Z24, Z3
	VFMADD231PD Z23, Z0, Z3        // p1 = r*c3 + c2
	VMOVAPD Z22, Z4
	VFMADD231PD Z21, Z0, Z4        // p2 = r*c5 + c4
	VMOVAPD Z20, Z1
	VFMADD231PD Z11, Z0, Z1        // r*c7 + c6
	VFMADD213PD Z4, Z2, Z1         // p3 = r2*(r*c7 + c6) + p2
	VADDPD  Z0, Z5, Z5             // tmp = tail + r
	VFMADD231PD Z3, Z2, Z5         // tmp = r2*p1 + tmp
	VMULPD  Z2, Z2, Z2             // r4
	VFMADD231PD Z1, Z2, Z5         // tmp = r4*p3 + tmp
	VFMADD231PD Z5, Z6, Z6         // scale*tmp + scale
	VMOVUPD Z6, (DI)(AX*8)
	ADDQ    $8, AX
	JMP     loop512

done512:
	VZEROUPPER
	MOVQ AX, ret+48(FP)
	RET
