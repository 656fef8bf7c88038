//go:build amd64 && !purego

#include "textflag.h"

// func divScalarAVX(dst, src []float64, s float64) int
TEXT ·divScalarAVX(SB), NOSPLIT, $0-64
	MOVQ dst_base+0(FP), DI
	MOVQ src_base+24(FP), SI
	MOVQ src_len+32(FP), CX
	ANDQ $~7, CX
	VBROADCASTSD s+48(FP), Y2
	XORQ AX, AX

dsloop:
	CMPQ AX, CX
	JGE  dsdone
	VMOVUPD (SI)(AX*8), Y0
	VMOVUPD 32(SI)(AX*8), Y1
	VDIVPD  Y2, Y0, Y0
	VDIVPD  Y2, Y1, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ    $8, AX
	JMP     dsloop

dsdone:
	VZEROUPPER
	MOVQ AX, ret+56(FP)
	RET

// func scalarDivAVX(dst []float64, s float64, src []float64) int
TEXT ·scalarDivAVX(SB), NOSPLIT, $0-64
	MOVQ dst_base+0(FP), DI
	VBROADCASTSD s+24(FP), Y2
	MOVQ src_base+32(FP), SI
	MOVQ src_len+40(FP), CX
	ANDQ $~7, CX
	XORQ AX, AX

sdloop:
	CMPQ AX, CX
	JGE  sddone
	VMOVUPD (SI)(AX*8), Y0
	VMOVUPD 32(SI)(AX*8), Y1
	VDIVPD  Y0, Y2, Y0
	VDIVPD  Y1, Y2, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ    $8, AX
	JMP     sdloop

sddone:
	VZEROUPPER
	MOVQ AX, ret+56(FP)
	RET

// func divAVX(dst, a, b []float64) int
TEXT ·divAVX(SB), NOSPLIT, $0-80
	MOVQ dst_base+0(FP), DI
	MOVQ a_base+24(FP), SI
	MOVQ a_len+32(FP), CX
	MOVQ b_base+48(FP), DX
	ANDQ $~7, CX
	XORQ AX, AX

dvloop:
	CMPQ AX, CX
	JGE  dvdone
	VMOVUPD (SI)(AX*8), Y0
	VMOVUPD 32(SI)(AX*8), Y1
	VMOVUPD (DX)(AX*8), Y2
	VMOVUPD 32(DX)(AX*8), Y3
	VDIVPD  Y2, Y0, Y0
	VDIVPD  Y3, Y1, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ    $8, AX
	JMP     dvloop

dvdone:
	VZEROUPPER
	MOVQ AX, ret+72(FP)
	RET

// func sumSquaresAVX(p *[16]float64, x []float64) (int, float64)
// p[k] += x[i]*x[i] for i ≡ k (mod 16) over whole blocks of 16 (product
// rounded, then added: no FMA), and the largest |x[i]| seen.
TEXT ·sumSquaresAVX(SB), NOSPLIT, $0-48
	MOVQ p+0(FP), DI
	MOVQ x_base+8(FP), SI
	MOVQ x_len+16(FP), CX
	ANDQ $~15, CX
	VMOVUPD (DI), Y0
	VMOVUPD 32(DI), Y1
	VMOVUPD 64(DI), Y2
	VMOVUPD 96(DI), Y3
	VXORPD  Y4, Y4, Y4
	VBROADCASTSD ·expConsts+0(SB), Y15 // |x| mask
	XORQ AX, AX

ssloop:
	CMPQ AX, CX
	JGE  ssdone
	VMOVUPD (SI)(AX*8), Y5
	VMOVUPD 32(SI)(AX*8), Y6
	VMOVUPD 64(SI)(AX*8), Y7
	VMOVUPD 96(SI)(AX*8), Y8
	VMULPD  Y5, Y5, Y9
	VMULPD  Y6, Y6, Y10
	VMULPD  Y7, Y7, Y11
	VMULPD  Y8, Y8, Y12
	VADDPD  Y9, Y0, Y0
	VADDPD  Y10, Y1, Y1
	VADDPD  Y11, Y2, Y2
	VADDPD  Y12, Y3, Y3
	VANDPD  Y15, Y5, Y5
	VANDPD  Y15, Y6, Y6
	VANDPD  Y15, Y7, Y7
	VANDPD  Y15, Y8, Y8
	VMAXPD  Y5, Y4, Y4
	VMAXPD  Y6, Y4, Y4
	VMAXPD  Y7, Y4, Y4
	VMAXPD  Y8, Y4, Y4
	ADDQ    $16, AX
	JMP     ssloop

ssdone:
	VMOVUPD Y0, (DI)
	VMOVUPD Y1, 32(DI)
	VMOVUPD Y2, 64(DI)
	VMOVUPD Y3, 96(DI)
	VEXTRACTF128 $1, Y4, X5
	VMAXPD  X5, X4, X4
	VPERMILPD $1, X4, X5
	VMAXPD  X5, X4, X4
	VZEROUPPER
	MOVQ AX, ret+32(FP)
	MOVSD X4, ret1+40(FP)
	RET

// func dotAVX(p *[16]float64, a, b []float64) int
// p[k] += a[i]*b[i] for i ≡ k (mod 16) over whole blocks of 16.
TEXT ·dotAVX(SB), NOSPLIT, $0-64
	MOVQ p+0(FP), DI
	MOVQ a_base+8(FP), SI
	MOVQ a_len+16(FP), CX
	MOVQ b_base+32(FP), DX
	ANDQ $~15, CX
	VMOVUPD (DI), Y0
	VMOVUPD 32(DI), Y1
	VMOVUPD 64(DI), Y2
	VMOVUPD 96(DI), Y3
	XORQ AX, AX

dtloop:
	CMPQ AX, CX
	JGE  dtdone
	VMOVUPD (SI)(AX*8), Y5
	VMOVUPD 32(SI)(AX*8), Y6
	VMOVUPD 64(SI)(AX*8), Y7
	VMOVUPD 96(SI)(AX*8), Y8
	VMULPD  (DX)(AX*8), Y5, Y5
	VMULPD  32(DX)(AX*8), Y6, Y6
	VMULPD  64(DX)(AX*8), Y7, Y7
	VMULPD  96(DX)(AX*8), Y8, Y8
	VADDPD  Y5, Y0, Y0
	VADDPD  Y6, Y1, Y1
	VADDPD  Y7, Y2, Y2
	VADDPD  Y8, Y3, Y3
	ADDQ    $16, AX
	JMP     dtloop

dtdone:
	VMOVUPD Y0, (DI)
	VMOVUPD Y1, 32(DI)
	VMOVUPD Y2, 64(DI)
	VMOVUPD Y3, 96(DI)
	VZEROUPPER
	MOVQ AX, ret+56(FP)
	RET
