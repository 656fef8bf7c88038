//go:build amd64

package vector

//go:noescape
func coba3mavx(d *float64, n int, x *[13]*float64, u *[13]float64)

//go:noescape
func submulmulavx(d *float64, n int, a, c *float64, b, e float64)

// coba3mMode is the uniform-operand mask of the seed network's update
// (dt, gl, vl, ve, vi and 1/C uniform) that coba3mavx handles.
const coba3mMode = 1<<1 | 1<<2 | 1<<4 | 1<<7 | 1<<10 | 1<<12

// wCoba3MFast is wCoba3M with an AVX2 loop for the usual mode.
func wCoba3MFast(d []float64, x [][]float64, m uint16) {
	n := len(d) &^ 3
	if m != coba3mMode || !haveAVX2 || n == 0 {
		wCoba3M(d, x, m)
		return
	}
	var ps [13]*float64
	var us [13]float64
	for j := range ps {
		if m&(1<<j) != 0 {
			us[j] = x[j][0]
		} else {
			ps[j] = &x[j][0]
		}
	}
	coba3mavx(&d[0], n, &ps, &us)
	if n < len(d) {
		var rest [13][]float64 // at most 3 elements left
		for j := range rest {
			if m&(1<<j) != 0 {
				rest[j] = x[j]
			} else {
				rest[j] = x[j][n:]
			}
		}
		wCoba3M(d[n:], rest[:], m)
	}
}

// kSubMulMulFast is kSubMulMul with an AVX2 loop for a - b*(c*e) with b
// and e uniform (a conductance's decay).
func kSubMulMulFast(d, a, b, c, e []float64, m uint8) {
	n := len(d) &^ 3
	if m != 10 || !haveAVX2 || n == 0 {
		kSubMulMul(d, a, b, c, e, m)
		return
	}
	submulmulavx(&d[0], n, &a[0], &c[0], b[0], e[0])
	if n < len(d) {
		kSubMulMul(d[n:], a[n:], b, c[n:], e, m)
	}
}
