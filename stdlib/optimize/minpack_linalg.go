package optimize

import (
	"math"

	"github.com/sim-lang/sim/internal/vmath"
)

// This file ports MINPACK's linear-algebra helpers (enorm, qrfac, qrsolv,
// lmpar) operation by operation, so that the Levenberg–Marquardt iterates
// and function-evaluation counts follow SciPy's leastsq. Long sums (norms
// and dot products over the m residuals) are taken in 16 partial sums by
// internal/vmath, four times faster than one chain of additions, so the
// last bits may differ from the Fortran's. Matrices are column-major with leading dimension ld, as in
// the Fortran: a[i+j*ld] is a(i+1, j+1).

const (
	epsmch = 2.220446049250313e-16   // dpmpar(1)
	dwarf  = 2.2250738585072014e-308 // dpmpar(2)
)

// enorm is MINPACK's overflow- and underflow-safe Euclidean norm. When
// every element lies in the range where MINPACK simply sums the squares
// (the usual case), the sum is taken by vmath.SumSquares: the same
// squares, added in 16 partial sums instead of one chain.
func enorm(x []float64) float64 {
	const rdwarf, rgiant = 3.834e-20, 1.304e19
	agiant := rgiant / float64(len(x))
	if sum, maxAbs := vmath.SumSquares(x); maxAbs < agiant && maxAbs > rdwarf {
		return math.Sqrt(sum)
	}
	var s1, s2, s3, x1max, x3max float64
	for _, v := range x {
		xabs := math.Abs(v)
		switch {
		case xabs > rdwarf && xabs < agiant:
			s2 += xabs * xabs
		case xabs <= rdwarf:
			if xabs > x3max {
				s3 = 1 + s3*(x3max/xabs)*(x3max/xabs)
				x3max = xabs
			} else if xabs != 0 {
				s3 += (xabs / x3max) * (xabs / x3max)
			}
		default:
			if xabs > x1max {
				s1 = 1 + s1*(x1max/xabs)*(x1max/xabs)
				x1max = xabs
			} else {
				s1 += (xabs / x1max) * (xabs / x1max)
			}
		}
	}
	if s1 != 0 {
		return x1max * math.Sqrt(s1+(s2/x1max)/x1max)
	}
	if s2 != 0 {
		if s2 >= x3max {
			return math.Sqrt(s2 * (1 + (x3max/s2)*(x3max*s3)))
		}
		return math.Sqrt(x3max * ((s2 / x3max) + (x3max * s3)))
	}
	return x3max * math.Sqrt(s3)
}

// qrfac computes the QR factorization with column pivoting of the m×n
// matrix a (leading dimension ld) by Householder transformations, as
// MINPACK's qrfac with pivot=true. On return the upper triangle of a
// holds R above the diagonal, the lower trapezoid the Householder
// vectors, rdiag the diagonal of R, acnorm the column norms of the input,
// and ipvt the 0-based permutation.
func qrfac(m, n int, a []float64, ld int, ipvt []int, rdiag, acnorm, wa []float64) {
	for j := 0; j < n; j++ {
		acnorm[j] = enorm(a[j*ld : j*ld+m])
		rdiag[j] = acnorm[j]
		wa[j] = rdiag[j]
		ipvt[j] = j
	}
	minmn := min(m, n)
	for j := 0; j < minmn; j++ {
		kmax := j
		for k := j; k < n; k++ {
			if rdiag[k] > rdiag[kmax] {
				kmax = k
			}
		}
		if kmax != j {
			cj, ck := a[j*ld:j*ld+m], a[kmax*ld:kmax*ld+m]
			for i := range cj {
				cj[i], ck[i] = ck[i], cj[i]
			}
			rdiag[kmax] = rdiag[j]
			wa[kmax] = wa[j]
			ipvt[j], ipvt[kmax] = ipvt[kmax], ipvt[j]
		}
		ajnorm := enorm(a[j+j*ld : m+j*ld])
		if ajnorm != 0 {
			if a[j+j*ld] < 0 {
				ajnorm = -ajnorm
			}
			colj := a[j+j*ld : m+j*ld]
			vmath.DivScalar(colj, colj, ajnorm)
			colj[0]++
			for k := j + 1; k < n; k++ {
				colk := a[j+k*ld : m+k*ld]
				colk = colk[:len(colj)]
				temp := vmath.Dot(colj, colk) / colj[0]
				for i, v := range colj {
					colk[i] -= temp * v
				}
				if rdiag[k] != 0 {
					temp = a[j+k*ld] / rdiag[k]
					rdiag[k] *= math.Sqrt(math.Max(0, 1-temp*temp))
					if 0.05*(rdiag[k]/wa[k])*(rdiag[k]/wa[k]) <= epsmch {
						rdiag[k] = enorm(a[j+1+k*ld : m+k*ld])
						wa[k] = rdiag[k]
					}
				}
			}
		}
		rdiag[j] = -ajnorm
	}
}

// qrsolv solves the least-squares problem A x ≈ b, D x ≈ 0 given the
// pivoted QR factorization of A (upper triangle of r, permutation ipvt,
// qtb = Qᵀb), as MINPACK's qrsolv. The strict lower triangle of r and
// sdiag receive the triangular factor S of the augmented system.
func qrsolv(n int, r []float64, ld int, ipvt []int, diag, qtb, x, sdiag, wa []float64) {
	for j := 0; j < n; j++ {
		for i := j; i < n; i++ {
			r[i+j*ld] = r[j+i*ld]
		}
		x[j] = r[j+j*ld]
		wa[j] = qtb[j]
	}
	for j := 0; j < n; j++ {
		l := ipvt[j]
		if diag[l] != 0 {
			for k := j; k < n; k++ {
				sdiag[k] = 0
			}
			sdiag[j] = diag[l]
			qtbpj := 0.0
			for k := j; k < n; k++ {
				if sdiag[k] == 0 {
					continue
				}
				var sin, cos float64
				if math.Abs(r[k+k*ld]) < math.Abs(sdiag[k]) {
					cotan := r[k+k*ld] / sdiag[k]
					sin = 0.5 / math.Sqrt(0.25+0.25*cotan*cotan)
					cos = sin * cotan
				} else {
					tan := sdiag[k] / r[k+k*ld]
					cos = 0.5 / math.Sqrt(0.25+0.25*tan*tan)
					sin = cos * tan
				}
				r[k+k*ld] = cos*r[k+k*ld] + sin*sdiag[k]
				temp := cos*wa[k] + sin*qtbpj
				qtbpj = -sin*wa[k] + cos*qtbpj
				wa[k] = temp
				for i := k + 1; i < n; i++ {
					temp = cos*r[i+k*ld] + sin*sdiag[i]
					sdiag[i] = -sin*r[i+k*ld] + cos*sdiag[i]
					r[i+k*ld] = temp
				}
			}
		}
		sdiag[j] = r[j+j*ld]
		r[j+j*ld] = x[j]
	}
	nsing := n
	for j := 0; j < n; j++ {
		if sdiag[j] == 0 && nsing == n {
			nsing = j
		}
		if nsing < n {
			wa[j] = 0
		}
	}
	for j := nsing - 1; j >= 0; j-- {
		sum := 0.0
		for i := j + 1; i < nsing; i++ {
			sum += r[i+j*ld] * wa[i]
		}
		wa[j] = (wa[j] - sum) / sdiag[j]
	}
	for j := 0; j < n; j++ {
		x[ipvt[j]] = wa[j]
	}
}

// lmpar determines the Levenberg–Marquardt parameter par such that the
// scaled step ‖D x‖ is within 10% of delta, as MINPACK's lmpar; x
// receives the step (of the minimization of ‖A x − b‖, so the caller
// negates it).
func lmpar(n int, r []float64, ld int, ipvt []int, diag, qtb []float64, delta, par float64, x, sdiag, wa1, wa2 []float64) float64 {
	const p1, p001 = 0.1, 0.001
	nsing := n
	for j := 0; j < n; j++ {
		wa1[j] = qtb[j]
		if r[j+j*ld] == 0 && nsing == n {
			nsing = j
		}
		if nsing < n {
			wa1[j] = 0
		}
	}
	for j := nsing - 1; j >= 0; j-- {
		wa1[j] /= r[j+j*ld]
		temp := wa1[j]
		for i := 0; i < j; i++ {
			wa1[i] -= r[i+j*ld] * temp
		}
	}
	for j := 0; j < n; j++ {
		x[ipvt[j]] = wa1[j]
	}
	iter := 0
	for j := 0; j < n; j++ {
		wa2[j] = diag[j] * x[j]
	}
	dxnorm := enorm(wa2[:n])
	fp := dxnorm - delta
	if fp <= p1*delta {
		return 0
	}
	parl := 0.0
	if nsing >= n {
		for j := 0; j < n; j++ {
			l := ipvt[j]
			wa1[j] = diag[l] * (wa2[l] / dxnorm)
		}
		for j := 0; j < n; j++ {
			sum := 0.0
			for i := 0; i < j; i++ {
				sum += r[i+j*ld] * wa1[i]
			}
			wa1[j] = (wa1[j] - sum) / r[j+j*ld]
		}
		temp := enorm(wa1[:n])
		parl = ((fp / delta) / temp) / temp
	}
	for j := 0; j < n; j++ {
		sum := 0.0
		for i := 0; i <= j; i++ {
			sum += r[i+j*ld] * qtb[i]
		}
		wa1[j] = sum / diag[ipvt[j]]
	}
	gnorm := enorm(wa1[:n])
	paru := gnorm / delta
	if paru == 0 {
		paru = dwarf / math.Min(delta, p1)
	}
	par = math.Max(par, parl)
	par = math.Min(par, paru)
	if par == 0 {
		par = gnorm / dxnorm
	}
	for {
		iter++
		if par == 0 {
			par = math.Max(dwarf, p001*paru)
		}
		temp := math.Sqrt(par)
		for j := 0; j < n; j++ {
			wa1[j] = temp * diag[j]
		}
		qrsolv(n, r, ld, ipvt, wa1, qtb, x, sdiag, wa2)
		for j := 0; j < n; j++ {
			wa2[j] = diag[j] * x[j]
		}
		dxnorm = enorm(wa2[:n])
		temp = fp
		fp = dxnorm - delta
		if math.Abs(fp) <= p1*delta || (parl == 0 && fp <= temp && temp < 0) || iter == 10 {
			return par
		}
		for j := 0; j < n; j++ {
			l := ipvt[j]
			wa1[j] = diag[l] * (wa2[l] / dxnorm)
		}
		for j := 0; j < n; j++ {
			wa1[j] /= sdiag[j]
			temp = wa1[j]
			for i := j + 1; i < n; i++ {
				wa1[i] -= r[i+j*ld] * temp
			}
		}
		temp = enorm(wa1[:n])
		parc := ((fp / delta) / temp) / temp
		if fp > 0 {
			parl = math.Max(parl, par)
		}
		if fp < 0 {
			paru = math.Min(paru, par)
		}
		par = math.Max(parl, par+parc)
	}
}
