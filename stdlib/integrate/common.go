package integrate

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

// eps is the float64 machine epsilon (numpy's finfo(float).eps).
const eps = 2.220446049250313e-16

// tooSmallStep is SciPy's message for a step size underflow.
const tooSmallStep = "Required step size is less than spacing between numbers."

// rhsFunc evaluates the right-hand side dy/dt = f(t, y) into out.
type rhsFunc func(t float64, y, out []float64) error

// colsFunc evaluates a vectorized right-hand side on k states at once:
// Y and out are n×k row-major, column j one state.
type colsFunc func(t float64, Y []float64, k int, out []float64) error

// jacFunc evaluates the Jacobian df/dy at (t, y) into J (row-major n×n).
type jacFunc func(t float64, y []float64, J []float64) error

// problem is what every solver integrates: the right-hand side, its size
// and the shared counters (nfev counts the calls SciPy counts: Jacobian
// differencing is not included, as in SciPy).
type problem struct {
	fun             rhsFunc
	funCols         colsFunc // nil unless vectorized=True
	n               int
	nfev, njev, nlu int
	rtol            float64
	atol            []float64
	maxStep         float64
	firstStep       float64 // 0: choose
	jac             jacFunc // nil: finite differences (unless jacConst)
	jacConst        []float64
	t0, tBound, dir float64
	maxSteps        int // 0: no limit
	cancel          func() error
}

// eval calls the right-hand side and counts it.
func (p *problem) eval(t float64, y, out []float64) error {
	p.nfev++
	return p.fun(t, y, out)
}

// errStep is a solver failure that ends the integration with status -1
// (SciPy reports it in the result's message rather than raising).
type errStep struct{ msg string }

func (e *errStep) Error() string { return e.msg }

// stepFailure reports whether err is a solver failure (status -1) rather
// than an error of the user's function.
func stepFailure(err error) (string, bool) {
	var s *errStep
	if errors.As(err, &s) {
		return s.msg, true
	}
	return "", false
}

// rmsNorm is SciPy's norm: the Euclidean norm divided by sqrt(n). The
// squares are accumulated with fused multiply-adds, as the BLAS ddot
// under numpy does, so that step sizes agree with SciPy's to the bit.
func rmsNorm(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s = math.FMA(v, v, s)
	}
	return math.Sqrt(s) / math.Sqrt(float64(len(x)))
}

// rmsNormScaled is rmsNorm(x / scale) without a temporary.
func rmsNormScaled(x, scale []float64) float64 {
	s := 0.0
	for i, v := range x {
		q := v / scale[i]
		s = math.FMA(q, q, s)
	}
	return math.Sqrt(s) / math.Sqrt(float64(len(x)))
}

// minStep is 10 ulps of t in the direction of integration.
func minStep(t, dir float64) float64 {
	return 10 * math.Abs(math.Nextafter(t, dir*math.Inf(1))-t)
}

// selectInitialStep is SciPy's (Hairer's) empirical initial step
// selection; it evaluates the right-hand side once.
func selectInitialStep(p *problem, t0 float64, y0, f0 []float64, order float64) (float64, error) {
	n := len(y0)
	if n == 0 {
		return math.Inf(1), nil
	}
	scale := make([]float64, n)
	for i := range y0 {
		scale[i] = p.atol[i] + math.Abs(y0[i])*p.rtol
	}
	d0 := rmsNormScaled(y0, scale)
	d1 := rmsNormScaled(f0, scale)
	var h0 float64
	if d0 < 1e-5 || d1 < 1e-5 {
		h0 = 1e-6
	} else {
		h0 = 0.01 * d0 / d1
	}
	y1 := make([]float64, n)
	for i := range y0 {
		y1[i] = y0[i] + h0*p.dir*f0[i]
	}
	f1 := make([]float64, n)
	if err := p.eval(t0+h0*p.dir, y1, f1); err != nil {
		return 0, err
	}
	for i := range f1 {
		f1[i] -= f0[i]
	}
	d2 := rmsNormScaled(f1, scale) / h0
	var h1 float64
	if d1 <= 1e-15 && d2 <= 1e-15 {
		h1 = math.Max(1e-6, h0*1e-3)
	} else {
		h1 = powRoot(0.01/math.Max(d1, d2), int(order)+1, false)
	}
	return math.Min(100*h0, h1), nil
}

// Constants of SciPy's finite-difference Jacobian (common.num_jac).
var (
	numJacDiffReject = math.Pow(eps, 0.875)
	numJacDiffSmall  = math.Pow(eps, 0.75)
	numJacDiffBig    = math.Pow(eps, 0.25)
	numJacMinFactor  = 1000 * eps
)

// jacobian computes J (row-major) at (t, y) with f = fun(t, y): the user's
// Jacobian, or SciPy's adaptive forward differences (num_jac), whose
// right-hand side calls are not counted in nfev (as in SciPy).
type jacobian struct {
	p      *problem
	factor []float64
	ws     [7][]float64
	fnew   []float64 // n×n perturbed derivatives
	fnew2  []float64 // n×k retried columns
	ys     []float64 // n×k perturbed states (vectorized calls)
	cols   []int
}

func newJacobian(p *problem) *jacobian {
	j := &jacobian{p: p}
	for k := range j.ws {
		j.ws[k] = make([]float64, p.n)
	}
	j.fnew = make([]float64, p.n*p.n)
	j.fnew2 = make([]float64, p.n*p.n)
	return j
}

// eval fills J; it counts one Jacobian evaluation.
func (j *jacobian) eval(t float64, y, f, J []float64) error {
	p := j.p
	p.njev++
	if p.jac != nil {
		return p.jac(t, y, J)
	}
	return j.numJac(t, y, f, J)
}

// perturbed evaluates the right-hand side at y with y[cols[i]] moved by
// h[i], for each i, into out (n×k, column i): one vectorized call on the
// n×k states when the function is vectorized, else k calls.
func (j *jacobian) perturbed(t float64, y []float64, cols []int, h []float64, out []float64) error {
	p := j.p
	n, k := p.n, len(cols)
	if p.funCols != nil {
		if cap(j.ys) < n*k {
			j.ys = make([]float64, n*n)
		}
		ys := j.ys[:n*k]
		for r := 0; r < n; r++ {
			for i := 0; i < k; i++ {
				ys[r*k+i] = y[r]
			}
		}
		for i, c := range cols {
			ys[c*k+i] += h[i]
		}
		return p.funCols(t, ys, k, out[:n*k])
	}
	ys, fc := j.ws[0], j.ws[1]
	for i, c := range cols {
		copy(ys, y)
		ys[c] += h[i]
		if err := p.fun(t, ys, fc); err != nil {
			return err
		}
		for r := 0; r < n; r++ {
			out[r*k+i] = fc[r]
		}
	}
	return nil
}

// largestChange finds, in column i of the n×k differences fnew - f, the
// row of the largest change (the first one on ties, as numpy's argmax),
// the change and the scale max(|f|, |fnew|) at that row.
func largestChange(f, fnew []float64, n, k, i int) (maxDiff, scale float64) {
	maxI := 0
	maxDiff = -1
	for r := 0; r < n; r++ {
		if d := math.Abs(fnew[r*k+i] - f[r]); d > maxDiff {
			maxI, maxDiff = r, d
		}
	}
	return maxDiff, math.Max(math.Abs(f[maxI]), math.Abs(fnew[maxI*k+i]))
}

// numJac is SciPy's num_jac for a dense Jacobian: all columns are
// differenced with the current factors, the columns whose change is lost
// in rounding are retried with a ten times larger step, and the factors
// adapt for the next call.
func (j *jacobian) numJac(t float64, y, f, J []float64) error {
	p := j.p
	n := p.n
	if j.factor == nil {
		j.factor = make([]float64, n)
		for i := range j.factor {
			j.factor[i] = math.Sqrt(eps)
		}
	}
	factor := j.factor
	yscale, h, maxDiff, scale, hNew := j.ws[2], j.ws[3], j.ws[4], j.ws[5], j.ws[6]
	j.cols = j.cols[:0]
	for i := 0; i < n; i++ {
		sign := -1.0
		if f[i] >= 0 {
			sign = 1
		}
		yscale[i] = sign * math.Max(p.atol[i], math.Abs(y[i]))
		h[i] = y[i] + factor[i]*yscale[i] - y[i]
		for h[i] == 0 {
			factor[i] *= 10
			h[i] = y[i] + factor[i]*yscale[i] - y[i]
		}
		j.cols = append(j.cols, i)
	}
	if err := j.perturbed(t, y, j.cols, h, j.fnew); err != nil {
		return err
	}
	retry := j.cols[:0]
	for c := 0; c < n; c++ {
		maxDiff[c], scale[c] = largestChange(f, j.fnew, n, n, c)
		for r := 0; r < n; r++ {
			J[r*n+c] = j.fnew[r*n+c] - f[r]
		}
		if maxDiff[c] < numJacDiffReject*scale[c] {
			retry = append(retry, c)
		}
	}
	if k := len(retry); k > 0 {
		for i, c := range retry {
			hNew[i] = y[c] + 10*factor[c]*yscale[c] - y[c]
		}
		if err := j.perturbed(t, y, retry, hNew[:k], j.fnew2); err != nil {
			return err
		}
		for i, c := range retry {
			maxDiff2, scale2 := largestChange(f, j.fnew2, n, k, i)
			if maxDiff[c]*scale2 < maxDiff2*scale[c] {
				factor[c] *= 10
				h[c] = hNew[i]
				for r := 0; r < n; r++ {
					J[r*n+c] = j.fnew2[r*k+i] - f[r]
				}
				scale[c], maxDiff[c] = scale2, maxDiff2
			}
		}
	}
	for c := 0; c < n; c++ {
		for r := 0; r < n; r++ {
			J[r*n+c] /= h[c]
		}
		if maxDiff[c] < numJacDiffSmall*scale[c] {
			factor[c] *= 10
		} else if maxDiff[c] > numJacDiffBig*scale[c] {
			factor[c] *= 0.1
		}
		factor[c] = math.Max(factor[c], numJacMinFactor)
	}
	return nil
}

// allFinite reports whether every element of x is finite.
func allFinite(x []float64) bool {
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// tooSmall is the failure of a step size underflow; when the step was
// being cut because the right-hand side produced NaN or infinity, the
// message says so.
func tooSmall(sawNaN bool, t float64) error {
	if sawNaN {
		return &errStep{"the right-hand side produced NaN or infinity near t = " + fmtG(t) + "; " + tooSmallStep}
	}
	return &errStep{tooSmallStep}
}

// fmtG formats x like Python's repr.
func fmtG(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// checkInitial rejects a right-hand side that is not finite at the
// initial point (no step size could be chosen from it).
func checkInitial(t float64, f []float64) error {
	for i, v := range f {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("the right-hand side is not finite at the initial point: dy[%d]/dt = %s at t = %s", i, fmtG(v), fmtG(t))
		}
	}
	return nil
}
