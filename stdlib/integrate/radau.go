package integrate

import (
	"math"
)

// Radau IIA (order 5) constants, computed in float64 as SciPy does.
var (
	radS6        = math.Sqrt(6)
	radC         = [3]float64{(4 - radS6) / 10, (4 + radS6) / 10, 1}
	radE         = [3]float64{(-13 - 7*radS6) / 3, (-13 + 7*radS6) / 3, -1.0 / 3}
	radMuReal    = 3 + math.Pow(3, 2.0/3) - math.Pow(3, 1.0/3)
	radMuComplex = complex(3+0.5*(math.Pow(3, 1.0/3)-math.Pow(3, 2.0/3)), -0.5*(math.Pow(3, 5.0/6)+math.Pow(3, 7.0/6)))
	radT         = [3][3]float64{
		{0.09443876248897524, -0.1412552950209542, 0.03002919410514742},
		{0.2502131229653333, 0.20412935229379994, -0.3829421127572619},
		{1, 1, 0}}
	radTI = [3][3]float64{
		{4.178718591551904, 0.32768282076106237, 0.5233764454994495},
		{-4.178718591551904, -0.32768282076106237, 0.47662355450055044},
		{0.5028726349457868, -2.571926949855605, 0.5960392048282249}}
	radP = [3][3]float64{
		{13.0/3 + 7*radS6/3, -23.0/3 - 22*radS6/3, 10.0/3 + 5*radS6},
		{13.0/3 - 7*radS6/3, -23.0/3 + 22*radS6/3, 10.0/3 - 5*radS6},
		{1.0 / 3, -8.0 / 3, 10.0 / 3}}
)

const radNewtonMaxIter = 6

// radau is SciPy's Radau method.
type radau struct {
	st                state
	p                 *problem
	f, yOld           []float64
	hAbs, hAbsOld     float64
	errNormOld        float64
	hasOld            bool // hAbsOld and errNormOld are set
	newtonTol         float64
	jac               *jacobian
	J                 []float64
	luR               *luFact[float64]
	luC               *luFact[complex128]
	luValid           bool
	currentJac        bool
	Z, Z0, W, dW, F   [3][]float64
	sol               *radauDense
	scale, yNew, fNew []float64
	tmp, ereal, ytmp  []float64
	fc                []complex128
	lastRate          float64
	lastIter          int
	errVec            []float64
}

func newRadau(p *problem, y0 []float64) (*radau, error) {
	n := p.n
	r := &radau{p: p}
	r.st.t = p.t0
	r.st.y = append([]float64(nil), y0...)
	r.f = make([]float64, n)
	if err := p.eval(p.t0, r.st.y, r.f); err != nil {
		return nil, err
	}
	if err := checkInitial(p.t0, r.f); err != nil {
		return nil, err
	}
	if p.firstStep > 0 {
		r.hAbs = p.firstStep
	} else {
		h, err := selectInitialStep(p, p.t0, r.st.y, r.f, 3)
		if err != nil {
			return nil, err
		}
		r.hAbs = h
	}
	r.newtonTol = math.Max(10*eps/p.rtol, math.Min(0.03, math.Sqrt(p.rtol)))
	r.jac = newJacobian(p)
	r.J = make([]float64, n*n)
	if p.jacConst != nil {
		copy(r.J, p.jacConst)
	} else if err := r.jac.eval(p.t0, r.st.y, r.f, r.J); err != nil {
		return nil, err
	}
	r.currentJac = true
	r.luR = newLU[float64](n)
	r.luC = newLU[complex128](n)
	for k := 0; k < 3; k++ {
		r.Z[k], r.Z0[k], r.W[k], r.dW[k], r.F[k] = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	}
	for _, s := range []*[]float64{&r.yOld, &r.scale, &r.yNew, &r.fNew, &r.tmp, &r.ereal, &r.ytmp, &r.errVec} {
		*s = make([]float64, n)
	}
	r.fc = make([]complex128, n)
	return r, nil
}

func (r *radau) state() *state { return &r.st }

// factor builds MU/h I - J for both blocks and factors them.
func (r *radau) factor(h float64) {
	n := r.p.n
	mr := radMuReal / h
	mc := radMuComplex / complex(h, 0)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			v := -r.J[i*n+j]
			r.luR.a[i*n+j] = v
			r.luC.a[i*n+j] = complex(v, 0)
		}
		r.luR.a[i*n+i] += mr
		r.luC.a[i*n+i] += mc
	}
	r.luR.factor()
	r.luC.factor()
	r.p.nlu += 2
	r.luValid = true
}

// collocation is SciPy's solve_collocation_system; it leaves Z.
func (r *radau) collocation(t, h float64) (converged bool, nIter int, rate float64, err error) {
	p := r.p
	n := p.n
	y := r.st.y
	mr := radMuReal / h
	mc := radMuComplex / complex(h, 0)
	for k := 0; k < 3; k++ {
		for i := 0; i < n; i++ {
			r.W[k][i] = radTI[k][0]*r.Z0[0][i] + radTI[k][1]*r.Z0[1][i] + radTI[k][2]*r.Z0[2][i]
		}
		copy(r.Z[k], r.Z0[k])
	}
	dWNormOld := -1.0
	rate = -1
	k := 0
	for ; k < radNewtonMaxIter; k++ {
		finite := true
		for s := 0; s < 3; s++ {
			for i := 0; i < n; i++ {
				r.ytmp[i] = y[i] + r.Z[s][i]
			}
			if err := p.eval(t+h*radC[s], r.ytmp, r.F[s]); err != nil {
				return false, 0, 0, err
			}
			if !allFinite(r.F[s]) {
				finite = false
			}
		}
		if !finite {
			break
		}
		for i := 0; i < n; i++ {
			r.ereal[i] = r.F[0][i]*radTI[0][0] + r.F[1][i]*radTI[0][1] + r.F[2][i]*radTI[0][2] - mr*r.W[0][i]
			re := r.F[0][i]*radTI[1][0] + r.F[1][i]*radTI[1][1] + r.F[2][i]*radTI[1][2]
			im := r.F[0][i]*radTI[2][0] + r.F[1][i]*radTI[2][1] + r.F[2][i]*radTI[2][2]
			r.fc[i] = complex(re, im) - mc*complex(r.W[1][i], r.W[2][i])
		}
		r.luR.solve(r.ereal)
		r.luC.solve(r.fc)
		s := 0.0
		for i := 0; i < n; i++ {
			r.dW[0][i] = r.ereal[i]
			r.dW[1][i] = real(r.fc[i])
			r.dW[2][i] = imag(r.fc[i])
		}
		for j := 0; j < 3; j++ {
			for i := 0; i < n; i++ {
				q := r.dW[j][i] / r.scale[i]
				s += q * q
			}
		}
		dWNorm := math.Sqrt(s) / math.Sqrt(float64(3*n))
		if dWNormOld >= 0 {
			rate = dWNorm / dWNormOld
		}
		if rate >= 0 && (rate >= 1 || math.Pow(rate, float64(radNewtonMaxIter-k))/(1-rate)*dWNorm > r.newtonTol) {
			break
		}
		for j := 0; j < 3; j++ {
			for i := 0; i < n; i++ {
				r.W[j][i] += r.dW[j][i]
			}
		}
		for j := 0; j < 3; j++ {
			for i := 0; i < n; i++ {
				r.Z[j][i] = radT[j][0]*r.W[0][i] + radT[j][1]*r.W[1][i] + radT[j][2]*r.W[2][i]
			}
		}
		if dWNorm == 0 || (rate >= 0 && rate/(1-rate)*dWNorm < r.newtonTol) {
			converged = true
			break
		}
		dWNormOld = dWNorm
	}
	return converged, k + 1, rate, nil
}

// predictFactor is SciPy's predict_factor.
func (r *radau) predictFactor(hAbs, hAbsOld, en, enOld float64, hasOld bool) float64 {
	multiplier := 1.0
	if hasOld && en != 0 {
		multiplier = hAbs / hAbsOld * powRoot(enOld/en, 4, false)
	}
	return math.Min(1, multiplier) * powRoot(en, 4, true)
}

// step is Radau._step_impl.
func (r *radau) step() error {
	p := r.p
	n := p.n
	t, y, f := r.st.t, r.st.y, r.f
	ms := minStep(t, p.dir)
	var hAbs, hAbsOld, enOld float64
	hasOld := r.hasOld
	switch {
	case r.hAbs > p.maxStep:
		hAbs, hasOld = p.maxStep, false
	case r.hAbs < ms:
		hAbs, hasOld = ms, false
	default:
		hAbs, hAbsOld, enOld = r.hAbs, r.hAbsOld, r.errNormOld
	}
	currentJac := r.currentJac
	rejected, accepted, sawNaN := false, false, false
	var tNew, h, en, safety, rate float64
	var nIter int
	for !accepted {
		if !(hAbs >= ms) {
			return tooSmall(sawNaN, t)
		}
		h = hAbs * p.dir
		tNew = t + h
		if p.dir*(tNew-p.tBound) > 0 {
			tNew = p.tBound
		}
		h = tNew - t
		hAbs = math.Abs(h)
		if r.sol == nil {
			for k := 0; k < 3; k++ {
				clear(r.Z0[k])
			}
		} else {
			for k := 0; k < 3; k++ {
				r.sol.at(t+h*radC[k], r.Z0[k])
				for i := 0; i < n; i++ {
					r.Z0[k][i] -= y[i]
				}
			}
		}
		for i := 0; i < n; i++ {
			r.scale[i] = p.atol[i] + math.Abs(y[i])*p.rtol
		}
		converged := false
		for !converged {
			if !r.luValid {
				r.factor(h)
			}
			var err error
			converged, nIter, rate, err = r.collocation(t, h)
			if err != nil {
				return err
			}
			if !converged {
				if currentJac || p.jacConst != nil {
					break
				}
				if err := r.jac.eval(t, y, f, r.J); err != nil {
					return err
				}
				currentJac = true
				r.luValid = false
			}
		}
		if !converged {
			for k := 0; k < 3; k++ {
				if !allFinite(r.F[k]) {
					sawNaN = true
				}
			}
			hAbs *= 0.5
			r.luValid = false
			continue
		}
		for i := 0; i < n; i++ {
			r.yNew[i] = y[i] + r.Z[2][i]
			ze := (r.Z[0][i]*radE[0] + r.Z[1][i]*radE[1] + r.Z[2][i]*radE[2]) / h
			r.tmp[i] = ze
			r.errVec[i] = f[i] + ze
		}
		r.luR.solve(r.errVec)
		for i := 0; i < n; i++ {
			r.scale[i] = p.atol[i] + math.Max(math.Abs(y[i]), math.Abs(r.yNew[i]))*p.rtol
		}
		en = rmsNormScaled(r.errVec, r.scale)
		safety = 0.9 * float64(2*radNewtonMaxIter+1) / float64(2*radNewtonMaxIter+nIter)
		if rejected && en > 1 {
			for i := 0; i < n; i++ {
				r.ytmp[i] = y[i] + r.errVec[i]
			}
			if err := p.eval(t, r.ytmp, r.fNew); err != nil {
				return err
			}
			for i := 0; i < n; i++ {
				r.errVec[i] = r.fNew[i] + r.tmp[i]
			}
			r.luR.solve(r.errVec)
			en = rmsNormScaled(r.errVec, r.scale)
		}
		if en > 1 || math.IsNaN(en) {
			if math.IsNaN(en) {
				sawNaN = true
			}
			factor := r.predictFactor(hAbs, hAbsOld, en, enOld, hasOld)
			fac := math.Max(rkMinFactor, safety*factor)
			if math.IsNaN(fac) {
				fac = rkMinFactor
			}
			hAbs *= fac
			r.luValid = false
			rejected = true
		} else {
			accepted = true
		}
	}
	recompute := p.jacConst == nil && nIter > 2 && rate > 1e-3
	factor := r.predictFactor(hAbs, hAbsOld, en, enOld, hasOld)
	factor = math.Min(rkMaxFactor, safety*factor)
	if !recompute && factor < 1.2 {
		factor = 1
	} else {
		r.luValid = false
	}
	if err := p.eval(tNew, r.yNew, r.fNew); err != nil {
		return err
	}
	if recompute {
		if err := r.jac.eval(tNew, r.yNew, r.fNew, r.J); err != nil {
			return err
		}
		currentJac = true
	} else if p.jacConst == nil {
		currentJac = false
	}
	r.hAbsOld = r.hAbs
	r.errNormOld = en
	r.hasOld = true
	r.hAbs = hAbs * factor
	copy(r.yOld, y)
	r.st.t = tNew
	r.st.y, r.yNew = r.yNew, y
	r.f, r.fNew = r.fNew, f
	r.currentJac = currentJac
	r.st.tOld = t
	r.sol = r.denseOut(t, tNew)
	return nil
}

// denseOut builds RadauDenseOutput from Z: Q = Z.T P.
func (r *radau) denseOut(t0, t1 float64) *radauDense {
	n := r.p.n
	d := &radauDense{t0: t0, h: t1 - t0, y0: append([]float64(nil), r.yOld...), Q: make([]float64, 3*n)}
	for i := 0; i < n; i++ {
		for k := 0; k < 3; k++ {
			d.Q[i*3+k] = r.Z[0][i]*radP[0][k] + r.Z[1][i]*radP[1][k] + r.Z[2][i]*radP[2][k]
		}
	}
	return d
}

func (r *radau) dense() (interpolant, error) { return r.sol, nil }

// radauDense is RadauDenseOutput: y0 + Q (x, x², x³).
type radauDense struct {
	t0, h float64
	y0, Q []float64
}

func (d *radauDense) at(t float64, out []float64) {
	x := (t - d.t0) / d.h
	for i := range out {
		p, s := 1.0, 0.0
		for k := 0; k < 3; k++ {
			p *= x
			s += d.Q[i*3+k] * p
		}
		out[i] = s + d.y0[i]
	}
}
