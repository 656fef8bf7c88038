package optimize

import (
	"fmt"
	"github.com/sim-lang/sim/internal/vmath"
	"math"
)

// ResidualFunc evaluates the m residuals at x into fvec.
type ResidualFunc func(x, fvec []float64) error

// JacobianFunc evaluates the m×n Jacobian at x into jac, column-major
// (jac[i+j*m] = ∂f_i/∂x_j).
type JacobianFunc func(x, jac []float64) error

// LMSettings are MINPACK's lmdif/lmder controls; zero values take SciPy's
// leastsq defaults.
type LMSettings struct {
	Ftol, Xtol, Gtol float64
	MaxFev           int     // 0: 200(n+1) without a Jacobian, 100(n+1) with
	Epsfcn           float64 // 0: machine epsilon
	Factor           float64 // 0: 100
	Diag             []float64
}

// LMResult is what lmdif/lmder return: the solution, residuals, the
// pivoted R factor of the last Jacobian (column-major m×n as MINPACK
// leaves it), the permutation, Qᵀf and the counts.
type LMResult struct {
	X, Fvec, Fjac, Qtf []float64
	Ipvt               []int
	Info, Nfev, Njev   int
	M, N               int
}

// defaultTol is SciPy's leastsq default for ftol and xtol.
const defaultTol = 1.49012e-08

// Levmar minimizes the sum of squares of f starting at x0 by MINPACK's
// Levenberg–Marquardt algorithm: lmdif (forward-difference Jacobian) when
// jac is nil, lmder otherwise. It reproduces MINPACK's iterates.
func Levmar(f ResidualFunc, jac JacobianFunc, x0 []float64, m int, s LMSettings) (*LMResult, error) {
	n := len(x0)
	if s.Ftol == 0 {
		s.Ftol = defaultTol
	}
	if s.Xtol == 0 {
		s.Xtol = defaultTol
	}
	if s.Factor == 0 {
		s.Factor = 100
	}
	if s.MaxFev == 0 {
		if jac == nil {
			s.MaxFev = 200 * (n + 1)
		} else {
			s.MaxFev = 100 * (n + 1)
		}
	}
	if s.Epsfcn == 0 {
		s.Epsfcn = epsmch
	}
	res := &LMResult{M: m, N: n}
	if n <= 0 || m < n || s.Ftol < 0 || s.Xtol < 0 || s.Gtol < 0 || s.MaxFev <= 0 || s.Factor <= 0 {
		res.X = append([]float64(nil), x0...)
		return res, nil
	}
	mode := 1
	diag := make([]float64, n)
	if s.Diag != nil {
		mode = 2
		copy(diag, s.Diag)
		for _, d := range diag {
			if d <= 0 {
				res.X = append([]float64(nil), x0...)
				return res, nil
			}
		}
	}
	x := append([]float64(nil), x0...)
	fvec := make([]float64, m)
	fjac := make([]float64, m*n)
	qtf := make([]float64, n)
	ipvt := make([]int, n)
	wa1, wa2, wa3 := make([]float64, n), make([]float64, n), make([]float64, n)
	wa4 := make([]float64, m)
	res.X, res.Fvec, res.Fjac, res.Qtf, res.Ipvt = x, fvec, fjac, qtf, ipvt

	if err := f(x, fvec); err != nil {
		return nil, err
	}
	res.Nfev = 1
	fnorm := enorm(fvec)
	par := 0.0
	iter := 1
	var delta, xnorm float64
	const p1, p5, p25, p75, p0001 = 0.1, 0.5, 0.25, 0.75, 1e-4
	for {
		// Jacobian.
		if jac == nil {
			if err := fdjac2(f, x, fvec, fjac, m, s.Epsfcn, wa4); err != nil {
				return nil, err
			}
			res.Nfev += n
		} else {
			if err := jac(x, fjac); err != nil {
				return nil, err
			}
			res.Njev++
		}
		qrfac(m, n, fjac, m, ipvt, wa1, wa2, wa3)
		if iter == 1 {
			if mode != 2 {
				for j := 0; j < n; j++ {
					diag[j] = wa2[j]
					if wa2[j] == 0 {
						diag[j] = 1
					}
				}
			}
			for j := 0; j < n; j++ {
				wa3[j] = diag[j] * x[j]
			}
			xnorm = enorm(wa3)
			delta = s.Factor * xnorm
			if delta == 0 {
				delta = s.Factor
			}
		}
		copy(wa4, fvec)
		for j := 0; j < n; j++ {
			if fjac[j+j*m] != 0 {
				col := fjac[j+j*m : m+j*m]
				w := wa4[j:m]
				w = w[:len(col)]
				temp := -vmath.Dot(col, w) / col[0]
				for i, v := range col {
					w[i] += v * temp
				}
			}
			fjac[j+j*m] = wa1[j]
			qtf[j] = wa4[j]
		}
		gnorm := 0.0
		if fnorm != 0 {
			for j := 0; j < n; j++ {
				l := ipvt[j]
				if wa2[l] != 0 {
					sum := 0.0
					for i := 0; i <= j; i++ {
						sum += fjac[i+j*m] * (qtf[i] / fnorm)
					}
					gnorm = math.Max(gnorm, math.Abs(sum/wa2[l]))
				}
			}
		}
		if gnorm <= s.Gtol {
			res.Info = 4
			return res, nil
		}
		if mode != 2 {
			for j := 0; j < n; j++ {
				diag[j] = math.Max(diag[j], wa2[j])
			}
		}
		for {
			par = lmpar(n, fjac, m, ipvt, diag, qtf, delta, par, wa1, wa2, wa3, wa4)
			for j := 0; j < n; j++ {
				wa1[j] = -wa1[j]
				wa2[j] = x[j] + wa1[j]
				wa3[j] = diag[j] * wa1[j]
			}
			pnorm := enorm(wa3)
			if iter == 1 {
				delta = math.Min(delta, pnorm)
			}
			if err := f(wa2, wa4); err != nil {
				return nil, err
			}
			res.Nfev++
			fnorm1 := enorm(wa4)
			actred := -1.0
			if p1*fnorm1 < fnorm {
				actred = 1 - (fnorm1/fnorm)*(fnorm1/fnorm)
			}
			for j := 0; j < n; j++ {
				wa3[j] = 0
				temp := wa1[ipvt[j]]
				for i := 0; i <= j; i++ {
					wa3[i] += fjac[i+j*m] * temp
				}
			}
			temp1 := enorm(wa3) / fnorm
			temp2 := (math.Sqrt(par) * pnorm) / fnorm
			prered := temp1*temp1 + temp2*temp2/p5
			dirder := -(temp1*temp1 + temp2*temp2)
			ratio := 0.0
			if prered != 0 {
				ratio = actred / prered
			}
			if ratio <= p25 {
				var temp float64
				if actred >= 0 {
					temp = p5
				} else {
					temp = p5 * dirder / (dirder + p5*actred)
				}
				if p1*fnorm1 >= fnorm || temp < p1 {
					temp = p1
				}
				delta = temp * math.Min(delta, pnorm/p1)
				par /= temp
			} else if par == 0 || ratio >= p75 {
				delta = pnorm / p5
				par = p5 * par
			}
			if ratio >= p0001 {
				for j := 0; j < n; j++ {
					x[j] = wa2[j]
					wa2[j] = diag[j] * x[j]
				}
				copy(fvec, wa4)
				xnorm = enorm(wa2)
				fnorm = fnorm1
				iter++
			}
			info := 0
			if math.Abs(actred) <= s.Ftol && prered <= s.Ftol && p5*ratio <= 1 {
				info = 1
			}
			if delta <= s.Xtol*xnorm {
				info = 2
			}
			if math.Abs(actred) <= s.Ftol && prered <= s.Ftol && p5*ratio <= 1 && info == 2 {
				info = 3
			}
			if info == 0 {
				if res.Nfev >= s.MaxFev {
					info = 5
				}
				if math.Abs(actred) <= epsmch && prered <= epsmch && p5*ratio <= 1 {
					info = 6
				}
				if delta <= epsmch*xnorm {
					info = 7
				}
				if gnorm <= epsmch {
					info = 8
				}
			}
			if info != 0 {
				res.Info = info
				return res, nil
			}
			if ratio >= p0001 {
				break
			}
		}
	}
}

// fdjac2 is MINPACK's forward-difference Jacobian.
func fdjac2(f ResidualFunc, x, fvec, fjac []float64, m int, epsfcn float64, wa []float64) error {
	eps := math.Sqrt(math.Max(epsfcn, epsmch))
	for j := range x {
		temp := x[j]
		h := eps * math.Abs(temp)
		if h == 0 {
			h = eps
		}
		x[j] = temp + h
		err := f(x, wa)
		x[j] = temp
		if err != nil {
			return err
		}
		col := fjac[j*m : j*m+m]
		wa, fvec := wa[:len(col)], fvec[:len(col)]
		for i := range col {
			col[i] = wa[i] - fvec[i]
		}
		vmath.DivScalar(col, col, h)
	}
	return nil
}

// Covariance returns (JᵀJ)⁻¹ from the pivoted R factor left by Levmar, as
// SciPy's leastsq computes cov_x (inverse of the upper triangle, then
// unpermuted); ok is false when R is singular.
func (r *LMResult) Covariance() ([]float64, bool) {
	n, m := r.N, r.M
	if n == 0 || r.Fjac == nil {
		return nil, false
	}
	// R upper triangular n×n (row-major here): R[i][j] = fjac(i, j).
	inv := make([]float64, n*n)
	for i := 0; i < n; i++ {
		if r.Fjac[i+i*m] == 0 {
			return nil, false
		}
	}
	// Back substitution column by column: R · inv = I.
	for c := 0; c < n; c++ {
		for i := c; i >= 0; i-- {
			s := 0.0
			if i == c {
				s = 1
			}
			for k := i + 1; k <= c; k++ {
				s -= r.Fjac[i+k*m] * inv[k*n+c]
			}
			inv[i*n+c] = s / r.Fjac[i+i*m]
		}
	}
	// invR[perm] = invR: row i of invR goes to row ipvt[i].
	p := make([]float64, n*n)
	for i := 0; i < n; i++ {
		copy(p[r.Ipvt[i]*n:r.Ipvt[i]*n+n], inv[i*n:i*n+n])
	}
	cov := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			s := 0.0
			for k := 0; k < n; k++ {
				s += p[i*n+k] * p[j*n+k]
			}
			cov[i*n+j] = s
		}
	}
	for _, v := range cov {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return cov, false
		}
	}
	return cov, true
}

// lmMessage is SciPy's leastsq message for an info code.
func lmMessage(info int, s LMSettings, maxfev int) string {
	ftol, xtol := s.Ftol, s.Xtol
	if ftol == 0 {
		ftol = defaultTol
	}
	if xtol == 0 {
		xtol = defaultTol
	}
	switch info {
	case 1:
		return fmt.Sprintf("Both actual and predicted relative reductions in the sum of squares\n  are at most %f", ftol)
	case 2:
		return fmt.Sprintf("The relative error between two consecutive iterates is at most %f", xtol)
	case 3:
		return fmt.Sprintf("Both actual and predicted relative reductions in the sum of squares\n  are at most %f and the relative error between two consecutive iterates is at \n  most %f", ftol, xtol)
	case 4:
		return fmt.Sprintf("The cosine of the angle between func(x) and any column of the\n  Jacobian is at most %f in absolute value", s.Gtol)
	case 5:
		return fmt.Sprintf("Number of calls to function has reached maxfev = %d.", maxfev)
	case 6:
		return fmt.Sprintf("ftol=%f is too small, no further reduction in the sum of squares\n  is possible.", ftol)
	case 7:
		return fmt.Sprintf("xtol=%f is too small, no further improvement in the approximate\n  solution is possible.", xtol)
	case 8:
		return fmt.Sprintf("gtol=%f is too small, func(x) is orthogonal to the columns of\n  the Jacobian to machine precision.", s.Gtol)
	}
	return "Improper input parameters."
}
