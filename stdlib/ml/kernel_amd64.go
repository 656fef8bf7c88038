package ml

import "golang.org/x/sys/cpu"

// kern4x8 adds the product of a packed 4×k panel of A and a packed k×8
// panel of B to the 4×8 block of C at c (row stride ldc).
//
//go:noescape
func kern4x8(k int, a, b, c *float64, ldc int)

// haveFMA reports whether the AVX2+FMA kernel can run.
var haveFMA = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// kern2x16 adds the product of the first two rows of a packed 4×k panel
// of A and two packed k×8 panels of B (columns 0-7 and 8-15) to the 2×16
// block of C at c (row stride ldc).
//
//go:noescape
func kern2x16(k int, a, b0, b1, c *float64, ldc int)
