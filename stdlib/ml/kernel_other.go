//go:build !amd64

package ml

// haveFMA is false where there is no assembly kernel.
const haveFMA = false

func kern4x8(k int, a, b, c *float64, ldc int) { panic("kern4x8: no kernel on this architecture") }

func kern2x16(k int, a, b0, b1, c *float64, ldc int) {
	panic("kern2x16: no kernel on this architecture")
}
