//go:build amd64

package vector

//go:noescape
func muladdavx(d *float64, n int, a, b, c *float64)

// kMulAddFast is kMulAdd with an AVX2 loop when all three operands vary
// per element (a*b + c over arrays, the fused script expression). The
// product is rounded before the addition, as in the scalar loop, so the
// results are bit-identical.
func kMulAddFast(d, a, b, c, e []float64, m uint8) {
	n := len(d) &^ 7
	if m != 0 || !haveAVX2 || n == 0 {
		kMulAdd(d, a, b, c, e, m)
		return
	}
	muladdavx(&d[0], n, &a[0], &b[0], &c[0])
	if n < len(d) {
		kMulAdd(d[n:], a[n:], b[n:], c[n:], e, m)
	}
}
