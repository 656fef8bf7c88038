package ml

// A blocked matrix product on the AVX2+FMA micro-kernel: panels of A and B
// are packed (which also applies the transpositions and alpha), and each
// 4×8 block of C accumulates their product. Small or kernel-less cases go
// to gonum.

const (
	gemmMR = 4
	gemmNR = 8
	gemmKC = 256
	gemmMC = 128
	gemmNC = 1024
)

// gemmPool holds packing buffers between calls (the package is used from
// one goroutine per call; buffers are allocated per call when busy).
type gemmBufs struct {
	a, b []float64
	tile [gemmMR * gemmNR]float64
}

// fastGemm computes c = alpha*op(a)*op(b) + beta*c with the kernel.
func fastGemm(ta, tb bool, alpha float64, a, b *mat, beta float64, c *mat) {
	m, n := c.r, c.c
	k := a.c
	if ta {
		k = a.r
	}
	if beta == 0 {
		for i := range c.d[:m*n] {
			c.d[i] = 0
		}
	} else if beta != 1 {
		for i := range c.d[:m*n] {
			c.d[i] *= beta
		}
	}
	if k == 0 || alpha == 0 {
		return
	}
	var bufs gemmBufs
	bufs.a = make([]float64, gemmMC*gemmKC)
	bufs.b = make([]float64, gemmKC*(min(n, gemmNC)+gemmNR))
	// element accessors of op(A) (m×k) and op(B) (k×n)
	lda, ldb := a.c, b.c
	for jc := 0; jc < n; jc += gemmNC {
		nc := min(gemmNC, n-jc)
		for pc := 0; pc < k; pc += gemmKC {
			kc := min(gemmKC, k-pc)
			// pack B[pc:pc+kc, jc:jc+nc] in strips of 8 columns
			bp := bufs.b
			for jr := 0; jr < nc; jr += gemmNR {
				w := min(gemmNR, nc-jr)
				off := jr * kc
				for p := 0; p < kc; p++ {
					dst := bp[off+p*gemmNR : off+p*gemmNR+gemmNR]
					row := pc + p
					if tb {
						for j := 0; j < w; j++ {
							dst[j] = b.d[(jc+jr+j)*ldb+row]
						}
					} else {
						copy(dst[:w], b.d[row*ldb+jc+jr:row*ldb+jc+jr+w])
					}
					for j := w; j < gemmNR; j++ {
						dst[j] = 0
					}
				}
			}
			for ic := 0; ic < m; ic += gemmMC {
				mc := min(gemmMC, m-ic)
				// pack alpha*A[ic:ic+mc, pc:pc+kc] in strips of 4 rows
				ap := bufs.a
				for ir := 0; ir < mc; ir += gemmMR {
					h := min(gemmMR, mc-ir)
					off := ir * kc
					for p := 0; p < kc; p++ {
						dst := ap[off+p*gemmMR : off+p*gemmMR+gemmMR]
						col := pc + p
						for i := 0; i < h; i++ {
							r := ic + ir + i
							if ta {
								dst[i] = alpha * a.d[col*lda+r]
							} else {
								dst[i] = alpha * a.d[r*lda+col]
							}
						}
						for i := h; i < gemmMR; i++ {
							dst[i] = 0
						}
					}
				}
				for jr := 0; jr < nc; jr += gemmNR {
					w := min(gemmNR, nc-jr)
					bpan := &bp[jr*kc]
					for ir := 0; ir < mc; ir += gemmMR {
						h := min(gemmMR, mc-ir)
						apan := &ap[ir*kc]
						r0, c0 := ic+ir, jc+jr
						if h == gemmMR && w == gemmNR {
							kern4x8(kc, apan, bpan, &c.d[r0*n+c0], n)
							continue
						}
						t := &bufs.tile
						for i := range t {
							t[i] = 0
						}
						kern4x8(kc, apan, bpan, &t[0], gemmNR)
						for i := 0; i < h; i++ {
							row := c.d[(r0+i)*n+c0 : (r0+i)*n+c0+w]
							for j := range row {
								row[j] += t[i*gemmNR+j]
							}
						}
					}
				}
			}
		}
	}
}
