package ml

import "sync"

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

// gemmBufs are packing buffers, reused between calls through a pool.
type gemmBufs struct {
	a, b []float64
	tile [gemmMR * gemmNR]float64
}

var gemmPool = sync.Pool{New: func() any { return new(gemmBufs) }}

// growBuf returns buf with length n, reallocating only when too small.
func growBuf(buf []float64, n int) []float64 {
	if cap(buf) < n {
		return make([]float64, n)
	}
	return buf[:n]
}

// fastGemm computes c = alpha*op(a)*op(b) + beta*c with the kernel.
func fastGemm(ta, tb bool, alpha float64, a, b *mat, beta float64, c *mat) {
	m, n := c.r, c.c
	k := a.c
	if ta {
		k = a.r
	}
	if beta == 0 {
		clear(c.d[:m*n])
	} else if beta != 1 {
		for i := range c.d[:m*n] {
			c.d[i] *= beta
		}
	}
	if k == 0 || alpha == 0 {
		return
	}
	bufs := gemmPool.Get().(*gemmBufs)
	defer gemmPool.Put(bufs)
	kc0 := min(k, gemmKC)
	bufs.a = growBuf(bufs.a, (min(m, gemmMC)+gemmMR)*kc0)
	bufs.b = growBuf(bufs.b, kc0*(min(n, gemmNC)+gemmNR))
	// element accessors of op(A) (m×k) and op(B) (k×n)
	lda, ldb := a.c, b.c
	for jc := 0; jc < n; jc += gemmNC {
		nc := min(gemmNC, n-jc)
		for pc := 0; pc < k; pc += gemmKC {
			kc := min(gemmKC, k-pc)
			// pack B[pc:pc+kc, jc:jc+nc] in strips of 8 columns
			bp := bufs.b
			packB(bp, b.d, ldb, tb, pc, kc, jc, nc)
			for ic := 0; ic < m; ic += gemmMC {
				mc := min(gemmMC, m-ic)
				// pack alpha*A[ic:ic+mc, pc:pc+kc] in strips of 4 rows
				ap := bufs.a
				packA(ap, a.d, lda, ta, alpha, ic, mc, pc, kc)
				microLoop(ap, bp, c, ic, mc, jc, nc, kc, bufs)
			}
		}
	}
}

// packB packs op(B)[pc:pc+kc, jc:jc+nc] into strips of gemmNR columns,
// each k-major and zero-padded.
func packB(bp, b []float64, ldb int, tb bool, pc, kc, jc, nc int) {
	for jr := 0; jr < nc; jr += gemmNR {
		w := min(gemmNR, nc-jr)
		strip := bp[jr*kc : jr*kc+kc*gemmNR]
		if w < gemmNR {
			clear(strip)
		}
		if tb {
			// op(B)[p][j] = b[j*ldb+p]: read each column contiguously
			for j := 0; j < w; j++ {
				src := b[(jc+jr+j)*ldb+pc : (jc+jr+j)*ldb+pc+kc]
				for p, v := range src {
					strip[p*gemmNR+j] = v
				}
			}
			continue
		}
		if w == gemmNR {
			// whole strips: fixed-size moves, no call per row
			for p := 0; p < kc; p++ {
				o := (pc+p)*ldb + jc + jr
				*(*[gemmNR]float64)(strip[p*gemmNR:]) = [gemmNR]float64(b[o : o+gemmNR])
			}
			continue
		}
		for p := 0; p < kc; p++ {
			row := (pc + p) * ldb
			copy(strip[p*gemmNR:p*gemmNR+w], b[row+jc+jr:row+jc+jr+w])
		}
	}
}

// packA packs alpha*op(A)[ic:ic+mc, pc:pc+kc] into strips of gemmMR rows,
// each k-major and zero-padded.
func packA(ap, a []float64, lda int, ta bool, alpha float64, ic, mc, pc, kc int) {
	for ir := 0; ir < mc; ir += gemmMR {
		h := min(gemmMR, mc-ir)
		strip := ap[ir*kc : ir*kc+kc*gemmMR]
		if h < gemmMR {
			for i := range strip {
				strip[i] = 0
			}
		}
		if ta && h == gemmMR {
			// op(A)[r][p] = a[p*lda+r]: four rows are contiguous in a
			for p := 0; p < kc; p++ {
				o := (pc+p)*lda + ic + ir
				src := a[o : o+4 : o+4]
				d := strip[p*gemmMR : p*gemmMR+4 : p*gemmMR+4]
				d[0], d[1], d[2], d[3] = alpha*src[0], alpha*src[1], alpha*src[2], alpha*src[3]
			}
			continue
		}
		if ta {
			for p := 0; p < kc; p++ {
				src := a[(pc+p)*lda+ic+ir : (pc+p)*lda+ic+ir+h]
				dst := strip[p*gemmMR : p*gemmMR+h]
				for i, v := range src {
					dst[i] = alpha * v
				}
			}
			continue
		}
		if h == gemmMR {
			// four rows at once: the strip is written in order
			r0 := a[(ic+ir)*lda+pc : (ic+ir)*lda+pc+kc]
			r1 := a[(ic+ir+1)*lda+pc : (ic+ir+1)*lda+pc+kc]
			r2 := a[(ic+ir+2)*lda+pc : (ic+ir+2)*lda+pc+kc]
			r3 := a[(ic+ir+3)*lda+pc : (ic+ir+3)*lda+pc+kc]
			for p := range r0 {
				d := strip[p*gemmMR : p*gemmMR+4 : p*gemmMR+4]
				d[0], d[1], d[2], d[3] = alpha*r0[p], alpha*r1[p], alpha*r2[p], alpha*r3[p]
			}
			continue
		}
		for i := 0; i < h; i++ {
			src := a[(ic+ir+i)*lda+pc : (ic+ir+i)*lda+pc+kc]
			for p, v := range src {
				strip[p*gemmMR+i] = alpha * v
			}
		}
	}
}

// packedB is a matrix packed once as the right operand of many products
// (a fixed data matrix multiplied by changing weights).
type packedB struct {
	k, n   int
	panels [][]float64 // by column block, then k block
}

// packRight packs op(b) (k×n) for gemmPacked.
func packRight(b *mat, tb bool) *packedB {
	k, n := b.r, b.c
	if tb {
		k, n = b.c, b.r
	}
	pb := &packedB{k: k, n: n}
	for jc := 0; jc < n; jc += gemmNC {
		nc := min(gemmNC, n-jc)
		for pc := 0; pc < k; pc += gemmKC {
			kc := min(gemmKC, k-pc)
			buf := make([]float64, kc*((nc+gemmNR-1)/gemmNR*gemmNR))
			packB(buf, b.d, b.c, tb, pc, kc, jc, nc)
			pb.panels = append(pb.panels, buf)
		}
	}
	return pb
}

// gemmPacked computes c = alpha*op(a)*B + beta*c for a packed B, with the
// kernel when available (falls back to unpacking never: callers check
// haveFMA and use gemm otherwise).
func gemmPacked(ta bool, alpha float64, a *mat, pb *packedB, beta float64, c *mat) {
	m, n, k := c.r, c.c, pb.k
	if beta == 0 {
		clear(c.d[:m*n])
	} else if beta != 1 {
		for i := range c.d[:m*n] {
			c.d[i] *= beta
		}
	}
	bufs := gemmPool.Get().(*gemmBufs)
	defer gemmPool.Put(bufs)
	kc0 := min(k, gemmKC)
	bufs.a = growBuf(bufs.a, (min(m, gemmMC)+gemmMR)*kc0)
	lda := a.c
	panel := 0
	for jc := 0; jc < n; jc += gemmNC {
		nc := min(gemmNC, n-jc)
		for pc := 0; pc < k; pc += gemmKC {
			kc := min(gemmKC, k-pc)
			bp := pb.panels[panel]
			panel++
			for ic := 0; ic < m; ic += gemmMC {
				mc := min(gemmMC, m-ic)
				ap := bufs.a
				packA(ap, a.d, lda, ta, alpha, ic, mc, pc, kc)
				microLoop(ap, bp, c, ic, mc, jc, nc, kc, bufs)
			}
		}
	}
}

// microLoop runs the kernel over the mc×nc block of c at (ic, jc).
func microLoop(ap, bp []float64, c *mat, ic, mc, jc, nc, kc int, bufs *gemmBufs) {
	n := c.c
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
			// a two-row remainder (10 classes = 4+4+2) takes pairs of
			// full column panels: eight accumulators instead of four
			if h == 2 {
				if pair2(jr, nc) {
					kern2x16(kc, apan, bpan, &bp[(jr+gemmNR)*kc], &c.d[r0*n+c0], n)
					continue
				}
				if jr >= gemmNR && pair2(jr-gemmNR, nc) {
					continue // done with the panel before
				}
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

// pair2 reports whether the column panel at jr is the first of a pair of
// full panels handled together by kern2x16.
func pair2(jr, nc int) bool { return (jr/gemmNR)%2 == 0 && jr+2*gemmNR <= nc }
