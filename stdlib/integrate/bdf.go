package integrate

import "math"

// BDF constants (SciPy's bdf.py: variable-order NDF/BDF of Shampine and
// Reichelt, quasi-constant step size).
const (
	bdfMaxOrder      = 5
	bdfNewtonMaxIter = 4
)

var (
	bdfKappa      = [6]float64{0, -0.185, -1.0 / 9, -0.0823, -0.0415, 0}
	bdfGamma      [6]float64
	bdfAlpha      [6]float64
	bdfErrorConst [6]float64
)

func init() {
	for i := 1; i <= bdfMaxOrder; i++ {
		bdfGamma[i] = bdfGamma[i-1] + 1/float64(i)
	}
	for i := range bdfAlpha {
		bdfAlpha[i] = (1 - bdfKappa[i]) * bdfGamma[i]
		bdfErrorConst[i] = bdfKappa[i]*bdfGamma[i] + 1/float64(i+1)
	}
}

// bdf is SciPy's BDF method.
type bdf struct {
	st          state
	p           *problem
	hAbs        float64
	D           [][]float64 // MAX_ORDER+3 rows of differences
	order       int
	nEqualSteps int
	newtonTol   float64
	jac         *jacobian
	J           []float64
	lu          *luFact[float64]
	luValid     bool
	// work
	yPredict, scale, psi, d, yNew, f, dy, tmp []float64
	R, U, RU, rows                            []float64
	lastNIter                                 int
}

func newBDF(p *problem, y0 []float64) (*bdf, error) {
	f := make([]float64, p.n)
	if err := p.eval(p.t0, y0, f); err != nil {
		return nil, err
	}
	if err := checkInitial(p.t0, f); err != nil {
		return nil, err
	}
	h := p.firstStep
	if h <= 0 {
		var err error
		if h, err = selectInitialStep(p, p.t0, y0, f, 1); err != nil {
			return nil, err
		}
	}
	return newBDFAt(p, p.t0, y0, f, h)
}

// newBDFAt starts BDF at (t, y) with derivative f and step size h (also
// used by LSODA when it switches to the stiff method).
func newBDFAt(p *problem, t float64, y0, f []float64, h float64) (*bdf, error) {
	n := p.n
	b := &bdf{p: p, hAbs: h, order: 1}
	b.st.t = t
	b.st.y = append([]float64(nil), y0...)
	b.newtonTol = math.Max(10*eps/p.rtol, math.Min(0.03, math.Sqrt(p.rtol)))
	b.jac = newJacobian(p)
	b.J = make([]float64, n*n)
	switch {
	case p.jacConst != nil:
		copy(b.J, p.jacConst)
	default:
		fJ := f
		if p.jac == nil {
			// SciPy's BDF evaluates f again for its first Jacobian, not
			// counted in nfev; so does this, so that a function sees the
			// same calls.
			fJ = make([]float64, n)
			if err := p.fun(t, b.st.y, fJ); err != nil {
				return nil, err
			}
		}
		if err := b.jac.eval(t, b.st.y, fJ, b.J); err != nil {
			return nil, err
		}
	}
	b.D = make([][]float64, bdfMaxOrder+3)
	for i := range b.D {
		b.D[i] = make([]float64, n)
	}
	copy(b.D[0], b.st.y)
	for i := range f {
		b.D[1][i] = f[i] * h * p.dir
	}
	b.lu = newLU[float64](n)
	for _, s := range []*[]float64{&b.yPredict, &b.scale, &b.psi, &b.d, &b.yNew, &b.f, &b.dy, &b.tmp} {
		*s = make([]float64, n)
	}
	m := (bdfMaxOrder + 1) * (bdfMaxOrder + 1)
	b.R, b.U, b.RU = make([]float64, m), make([]float64, m), make([]float64, m)
	b.rows = make([]float64, bdfMaxOrder+1)
	return b, nil
}

func (b *bdf) state() *state { return &b.st }

// computeR fills R ((order+1)², row-major) as SciPy's compute_R.
func computeR(R []float64, order int, factor float64) {
	m := order + 1
	for j := 0; j < m; j++ {
		R[j] = 1
	}
	for i := 1; i < m; i++ {
		R[i*m] = 0
		for j := 1; j < m; j++ {
			R[i*m+j] = R[(i-1)*m+j] * ((float64(i) - 1 - factor*float64(j)) / float64(i))
		}
	}
}

// changeD rescales the differences for a step size ratio factor.
func (b *bdf) changeD(order int, factor float64) {
	m := order + 1
	computeR(b.R, order, factor)
	computeR(b.U, order, 1)
	for i := 0; i < m; i++ {
		for j := 0; j < m; j++ {
			s := 0.0
			for k := 0; k < m; k++ {
				s += b.R[i*m+k] * b.U[k*m+j]
			}
			b.RU[i*m+j] = s
		}
	}
	n := b.p.n
	// D[:m] = RU.T @ D[:m], column by column.
	rows := b.rows[:m]
	for c := 0; c < n; c++ {
		for i := 0; i < m; i++ {
			s := 0.0
			for k := 0; k < m; k++ {
				s += b.RU[k*m+i] * b.D[k][c]
			}
			rows[i] = s
		}
		for i := 0; i < m; i++ {
			b.D[i][c] = rows[i]
		}
	}
}

// factor builds and factors I - c J.
func (b *bdf) factor(c float64) {
	n := b.p.n
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			v := -c * b.J[i*n+j]
			if i == j {
				v += 1
			}
			b.lu.a[i*n+j] = v
		}
	}
	b.lu.factor()
	b.p.nlu++
	b.luValid = true
}

// solveSystem is SciPy's solve_bdf_system (simplified Newton).
func (b *bdf) solveSystem(tNew, c float64) (bool, int, error) {
	n := b.p.n
	copy(b.yNew, b.yPredict)
	clear(b.d)
	dyNormOld := -1.0
	converged := false
	k := 0
	for ; k < bdfNewtonMaxIter; k++ {
		if err := b.p.eval(tNew, b.yNew, b.f); err != nil {
			return false, 0, err
		}
		if !allFinite(b.f) {
			break
		}
		for i := 0; i < n; i++ {
			b.dy[i] = c*b.f[i] - b.psi[i] - b.d[i]
		}
		b.lu.solve(b.dy)
		dyNorm := rmsNormScaled(b.dy, b.scale)
		rate := -1.0
		if dyNormOld >= 0 {
			rate = dyNorm / dyNormOld
		}
		if rate >= 0 && (rate >= 1 || math.Pow(rate, float64(bdfNewtonMaxIter-k))/(1-rate)*dyNorm > b.newtonTol) {
			break
		}
		for i := 0; i < n; i++ {
			b.yNew[i] += b.dy[i]
			b.d[i] += b.dy[i]
		}
		if dyNorm == 0 || (rate >= 0 && rate/(1-rate)*dyNorm < b.newtonTol) {
			converged = true
			break
		}
		dyNormOld = dyNorm
	}
	return converged, k + 1, nil
}

// step is BDF._step_impl.
func (b *bdf) step() error {
	p := b.p
	t := b.st.t
	n := p.n
	ms := minStep(t, p.dir)
	var hAbs float64
	switch {
	case b.hAbs > p.maxStep:
		hAbs = p.maxStep
		b.changeD(b.order, p.maxStep/b.hAbs)
		b.nEqualSteps = 0
	case b.hAbs < ms:
		hAbs = ms
		b.changeD(b.order, ms/b.hAbs)
		b.nEqualSteps = 0
	default:
		hAbs = b.hAbs
	}
	order := b.order
	// As in SciPy, only a constant Jacobian counts as current; otherwise
	// a Newton failure refreshes it once per step.
	currentJac := p.jacConst != nil
	var tNew, errorNorm, safety float64
	var nIter int
	accepted, sawNaN := false, false
	for !accepted {
		if !(hAbs >= ms) {
			return tooSmall(sawNaN, t)
		}
		h := hAbs * p.dir
		tNew = t + h
		if p.dir*(tNew-p.tBound) > 0 {
			tNew = p.tBound
			b.changeD(order, math.Abs(tNew-t)/hAbs)
			b.nEqualSteps = 0
			b.luValid = false
		}
		h = tNew - t
		hAbs = math.Abs(h)
		for i := 0; i < n; i++ {
			s := 0.0
			for k := 0; k <= order; k++ {
				s += b.D[k][i]
			}
			b.yPredict[i] = s
			b.scale[i] = p.atol[i] + p.rtol*math.Abs(s)
			ps := 0.0
			for k := 1; k <= order; k++ {
				ps += b.D[k][i] * bdfGamma[k]
			}
			b.psi[i] = ps / bdfAlpha[order]
		}
		c := h / bdfAlpha[order]
		converged := false
		for !converged {
			if !b.luValid {
				b.factor(c)
			}
			var err error
			converged, nIter, err = b.solveSystem(tNew, c)
			if err != nil {
				return err
			}
			if !allFinite(b.f) {
				sawNaN = true
			}
			if !converged {
				if currentJac {
					break
				}
				if p.jac == nil {
					// SciPy evaluates f here without counting it.
					if err := p.fun(tNew, b.yPredict, b.tmp); err != nil {
						return err
					}
				}
				if err := b.jac.eval(tNew, b.yPredict, b.tmp, b.J); err != nil {
					return err
				}
				b.luValid = false
				currentJac = true
			}
		}
		if !converged {
			hAbs *= 0.5
			b.changeD(order, 0.5)
			b.nEqualSteps = 0
			b.luValid = false
			continue
		}
		safety = 0.9 * float64(2*bdfNewtonMaxIter+1) / float64(2*bdfNewtonMaxIter+nIter)
		for i := 0; i < n; i++ {
			b.scale[i] = p.atol[i] + p.rtol*math.Abs(b.yNew[i])
		}
		errorNorm = 0
		{
			s := 0.0
			for i := 0; i < n; i++ {
				q := bdfErrorConst[order] * b.d[i] / b.scale[i]
				s += q * q
			}
			errorNorm = math.Sqrt(s) / math.Sqrt(float64(n))
		}
		if errorNorm > 1 || math.IsNaN(errorNorm) {
			if math.IsNaN(errorNorm) {
				sawNaN = true
			}
			factor := math.Max(rkMinFactor, safety*powRoot(errorNorm, order+1, true))
			if math.IsNaN(factor) {
				factor = rkMinFactor
			}
			hAbs *= factor
			b.changeD(order, factor)
			b.nEqualSteps = 0
		} else {
			accepted = true
		}
	}
	b.lastNIter = nIter
	b.nEqualSteps++
	b.st.t = tNew
	copy(b.st.y, b.yNew)
	b.hAbs = hAbs
	D := b.D
	for i := 0; i < n; i++ {
		D[order+2][i] = b.d[i] - D[order+1][i]
		D[order+1][i] = b.d[i]
	}
	for k := order; k >= 0; k-- {
		for i := 0; i < n; i++ {
			D[k][i] += D[k+1][i]
		}
	}
	if b.nEqualSteps < order+1 {
		return nil
	}
	errM, errP := math.Inf(1), math.Inf(1)
	if order > 1 {
		errM = scaledNormMul(bdfErrorConst[order-1], D[order], b.scale)
	}
	if order < bdfMaxOrder {
		errP = scaledNormMul(bdfErrorConst[order+1], D[order+2], b.scale)
	}
	norms := [3]float64{errM, errorNorm, errP}
	best, bestF := 0, math.Inf(-1)
	for k, en := range norms {
		f := powRoot(en, order+k, true)
		if f > bestF {
			best, bestF = k, f
		}
	}
	order += best - 1
	b.order = order
	factor := math.Min(rkMaxFactor, safety*bestF)
	b.hAbs *= factor
	b.changeD(order, factor)
	b.nEqualSteps = 0
	b.luValid = false
	return nil
}

// scaledNormMul is norm(c*x/scale).
func scaledNormMul(c float64, x, scale []float64) float64 {
	s := 0.0
	for i, v := range x {
		q := c * v / scale[i]
		s += q * q
	}
	return math.Sqrt(s) / math.Sqrt(float64(len(x)))
}

// dense is BdfDenseOutput over the last step.
func (b *bdf) dense() (interpolant, error) {
	h := b.hAbs * b.p.dir
	order := b.order
	d := &bdfDense{order: order, t: b.st.t, n: b.p.n}
	d.shift = make([]float64, order)
	d.denom = make([]float64, order)
	for k := 0; k < order; k++ {
		d.shift[k] = b.st.t - h*float64(k)
		d.denom[k] = h * float64(1+k)
	}
	d.D = make([][]float64, order+1)
	for k := range d.D {
		d.D[k] = append([]float64(nil), b.D[k]...)
	}
	return d, nil
}

type bdfDense struct {
	order        int
	t            float64
	n            int
	shift, denom []float64
	D            [][]float64
}

func (d *bdfDense) at(t float64, out []float64) {
	copy(out, d.D[0])
	p := 1.0
	for k := 0; k < d.order; k++ {
		p *= (t - d.shift[k]) / d.denom[k]
		for i := 0; i < d.n; i++ {
			out[i] += d.D[k+1][i] * p
		}
	}
}
