//go:build !amd64

package vector

// kMulAddFast is kMulAdd (no vector loop on this architecture).
func kMulAddFast(d, a, b, c, e []float64, m uint8) { kMulAdd(d, a, b, c, e, m) }
