//go:build !amd64

package vector

// wCoba3MFast is wCoba3M (no vector loop on this architecture).
func wCoba3MFast(d []float64, x [][]float64, m uint16) { wCoba3M(d, x, m) }

// kSubMulMulFast is kSubMulMul (no vector loop on this architecture).
func kSubMulMulFast(d, a, b, c, e []float64, m uint8) { kSubMulMul(d, a, b, c, e, m) }
