package integrate

import "math"

// SciPy's step-size controller constants for the explicit methods.
const (
	rkSafety    = 0.9
	rkMinFactor = 0.2
	rkMaxFactor = 10
)

// tableau is an explicit embedded Runge–Kutta pair with its dense output.
type tableau struct {
	order, errOrder, stages int
	A                       [][]float64
	B, C, E                 []float64
	P                       [][]float64 // (stages+1) × dense order
	dop                     bool        // DOP853: two error estimators, 7th-order dense output
}

var rk23 = &tableau{
	order: 3, errOrder: 2, stages: 3,
	C: []float64{0, 1.0 / 2, 3.0 / 4},
	A: [][]float64{{0, 0, 0}, {1.0 / 2, 0, 0}, {0, 3.0 / 4, 0}},
	B: []float64{2.0 / 9, 1.0 / 3, 4.0 / 9},
	E: []float64{5.0 / 72, -1.0 / 12, -1.0 / 9, 1.0 / 8},
	P: [][]float64{{1, -4.0 / 3, 5.0 / 9}, {0, 1, -2.0 / 3}, {0, 4.0 / 3, -8.0 / 9}, {0, -1, 1}},
}

var rk45 = &tableau{
	order: 5, errOrder: 4, stages: 6,
	C: []float64{0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1},
	A: [][]float64{
		{0, 0, 0, 0, 0},
		{1.0 / 5, 0, 0, 0, 0},
		{3.0 / 40, 9.0 / 40, 0, 0, 0},
		{44.0 / 45, -56.0 / 15, 32.0 / 9, 0, 0},
		{19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729, 0},
		{9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
	},
	B: []float64{35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84},
	E: []float64{-71.0 / 57600, 0, 71.0 / 16695, -71.0 / 1920, 17253.0 / 339200, -22.0 / 525, 1.0 / 40},
	P: [][]float64{
		{1, -8048581381.0 / 2820520608, 8663915743.0 / 2820520608, -12715105075.0 / 11282082432},
		{0, 0, 0, 0},
		{0, 131558114200.0 / 32700410799, -68118460800.0 / 10900136933, 87487479700.0 / 32700410799},
		{0, -1754552775.0 / 470086768, 14199869525.0 / 1410260304, -10690763975.0 / 1880347072},
		{0, 127303824393.0 / 49829197408, -318862633887.0 / 49829197408, 701980252875.0 / 199316789632},
		{0, -282668133.0 / 205662961, 2019193451.0 / 616988883, -1453857185.0 / 822651844},
		{0, 40617522.0 / 29380423, -110615467.0 / 29380423, 69997945.0 / 29380423},
	},
}

// dop853 is built from the coefficient tables at init.
var dop853 = func() *tableau {
	const s = 12
	t := &tableau{order: 8, errOrder: 7, stages: s, dop: true}
	t.A = make([][]float64, 16)
	for i := range t.A {
		t.A[i] = dopA[i][:]
	}
	t.B = dopA[s][:s]
	t.C = dopC[:]
	return t
}()

// dopE3 is B - the 3rd-order weights, computed in float64 like SciPy.
var dopE3 = func() [13]float64 {
	var e [13]float64
	copy(e[:], dopA[12][:12])
	for i := range e {
		e[i] -= dopE3sub[i]
	}
	return e
}()

// rk is an explicit Runge–Kutta method with SciPy's error control.
type rk struct {
	st      state
	p       *problem
	tab     *tableau
	f       []float64
	K       [][]float64
	hAbs    float64
	hPrev   float64
	yOld    []float64
	errExp  float64
	yNew    []float64
	fNew    []float64
	tmp     []float64
	scale   []float64
	stiff   *stiffDetector // LSODA's non-stiff phase
	rejects int
}

func newRK(p *problem, y0 []float64, tab *tableau) (*rk, error) {
	n := p.n
	r := &rk{p: p, tab: tab, errExp: -1 / float64(tab.errOrder+1)}
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
		h, err := selectInitialStep(p, p.t0, r.st.y, r.f, float64(tab.errOrder))
		if err != nil {
			return nil, err
		}
		r.hAbs = h
	}
	rows := tab.stages + 1
	if tab.dop {
		rows = 16
	}
	r.K = make([][]float64, rows)
	for i := range r.K {
		r.K[i] = make([]float64, n)
	}
	r.yOld = make([]float64, n)
	r.yNew = make([]float64, n)
	r.fNew = make([]float64, n)
	r.tmp = make([]float64, n)
	r.scale = make([]float64, n)
	return r, nil
}

func (r *rk) state() *state { return &r.st }

// stage computes K[s] = fun(t + c h, y + h Σ_j a_j K[j]).
func (r *rk) stage(s int, t, h float64, y []float64, a []float64, c float64) error {
	n := r.p.n
	tmp := r.tmp
	for i := 0; i < n; i++ {
		d := 0.0
		for j := 0; j < s; j++ {
			d += r.K[j][i] * a[j]
		}
		tmp[i] = y[i] + d*h
	}
	return r.p.eval(t+c*h, tmp, r.K[s])
}

// rkStep is SciPy's rk_step: the stages, y_new and f_new = fun(t+h, y_new).
func (r *rk) rkStep(t, h float64) error {
	tab, n, y := r.tab, r.p.n, r.st.y
	copy(r.K[0], r.f)
	for s := 1; s < tab.stages; s++ {
		if err := r.stage(s, t, h, y, tab.A[s], tab.C[s]); err != nil {
			return err
		}
	}
	for i := 0; i < n; i++ {
		d := 0.0
		for j := 0; j < tab.stages; j++ {
			d += r.K[j][i] * tab.B[j]
		}
		r.yNew[i] = y[i] + h*d
	}
	if err := r.p.eval(t+h, r.yNew, r.fNew); err != nil {
		return err
	}
	copy(r.K[tab.stages], r.fNew)
	return nil
}

// errorNorm is the scaled RMS norm of the error estimate.
func (r *rk) errorNorm(h float64) float64 {
	tab, n := r.tab, r.p.n
	if !tab.dop {
		s := 0.0
		for i := 0; i < n; i++ {
			d := 0.0
			for j := 0; j <= tab.stages; j++ {
				d += r.K[j][i] * tab.E[j]
			}
			q := d * h / r.scale[i]
			s = math.FMA(q, q, s)
		}
		return math.Sqrt(s) / math.Sqrt(float64(n))
	}
	var s5, s3 float64
	for i := 0; i < n; i++ {
		var e5, e3 float64
		for j := 0; j <= tab.stages; j++ {
			e5 += r.K[j][i] * dopE5[j]
			e3 += r.K[j][i] * dopE3[j]
		}
		e5 /= r.scale[i]
		e3 /= r.scale[i]
		s5 = math.FMA(e5, e5, s5)
		s3 = math.FMA(e3, e3, s3)
	}
	// np.linalg.norm(x)**2 is sqrt(sum)**2.
	n5 := math.Sqrt(s5)
	n3 := math.Sqrt(s3)
	n5, n3 = n5*n5, n3*n3
	if n5 == 0 && n3 == 0 {
		return 0
	}
	den := n5 + 0.01*n3
	return math.Abs(h) * n5 / math.Sqrt(den*float64(n))
}

// step is RungeKutta._step_impl.
func (r *rk) step() error {
	p := r.p
	t, y := r.st.t, r.st.y
	ms := minStep(t, p.dir)
	hAbs := r.hAbs
	if hAbs > p.maxStep {
		hAbs = p.maxStep
	} else if hAbs < ms {
		hAbs = ms
	}
	accepted, rejected, sawNaN := false, false, false
	var h, tNew float64
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
		if err := r.rkStep(t, h); err != nil {
			return err
		}
		for i := range r.scale {
			r.scale[i] = p.atol[i] + math.Max(math.Abs(y[i]), math.Abs(r.yNew[i]))*p.rtol
		}
		en := r.errorNorm(h)
		if en < 1 {
			var factor float64
			if en == 0 {
				factor = rkMaxFactor
			} else {
				factor = math.Min(rkMaxFactor, rkSafety*powRoot(en, r.tab.errOrder+1, true))
			}
			if rejected {
				factor = math.Min(1, factor)
			}
			hAbs *= factor
			accepted = true
		} else {
			factor := math.Max(rkMinFactor, rkSafety*powRoot(en, r.tab.errOrder+1, true))
			if math.IsNaN(en) {
				// Python's max(0.2, nan) is 0.2: SciPy shrinks the step.
				sawNaN, factor = true, rkMinFactor
			}
			hAbs *= factor
			rejected = true
			r.rejects++
		}
	}
	if r.stiff != nil {
		r.stiff.observe(r, h)
	}
	r.hPrev = h
	r.yOld, r.st.y, r.yNew = y, r.yNew, r.yOld
	r.st.t = tNew
	r.hAbs = hAbs
	r.f, r.fNew = r.fNew, r.f
	return nil
}

// dense returns the interpolant over the last step.
func (r *rk) dense() (interpolant, error) {
	n := r.p.n
	tab := r.tab
	if !tab.dop {
		order := len(tab.P[0])
		Q := make([]float64, n*order)
		for i := 0; i < n; i++ {
			for k := 0; k < order; k++ {
				s := 0.0
				for j := 0; j <= tab.stages; j++ {
					s += r.K[j][i] * tab.P[j][k]
				}
				Q[i*order+k] = s
			}
		}
		return &rkDense{t0: r.st.tOld, h: r.st.t - r.st.tOld, y0: append([]float64(nil), r.yOld...), Q: Q, order: order}, nil
	}
	h := r.hPrev
	// The three extra stages of the 7th-order interpolant.
	for s := 13; s < 16; s++ {
		if err := r.stage(s, r.st.tOld, h, r.yOld, tab.A[s], tab.C[s]); err != nil {
			return nil, err
		}
	}
	F := make([]float64, 7*n)
	for i := 0; i < n; i++ {
		dy := r.st.y[i] - r.yOld[i]
		fOld := r.K[0][i]
		F[0*n+i] = dy
		F[1*n+i] = h*fOld - dy
		F[2*n+i] = 2*dy - h*(r.f[i]+fOld)
		for k := 0; k < 4; k++ {
			s := 0.0
			for j := 0; j < 16; j++ {
				s += dopD[k][j] * r.K[j][i]
			}
			F[(3+k)*n+i] = h * s
		}
	}
	return &dopDense{t0: r.st.tOld, h: r.st.t - r.st.tOld, y0: append([]float64(nil), r.yOld...), F: F, n: n}, nil
}

// rkDense is SciPy's RkDenseOutput: y0 + h Q (x, x², ...).
type rkDense struct {
	t0, h float64
	y0, Q []float64
	order int
}

func (d *rkDense) at(t float64, out []float64) {
	x := (t - d.t0) / d.h
	for i := range out {
		p, s := 1.0, 0.0
		for k := 0; k < d.order; k++ {
			p *= x
			s += d.Q[i*d.order+k] * p
		}
		out[i] = d.h*s + d.y0[i]
	}
}

// dopDense is SciPy's Dop853DenseOutput.
type dopDense struct {
	t0, h float64
	y0, F []float64
	n     int
}

func (d *dopDense) at(t float64, out []float64) {
	x := (t - d.t0) / d.h
	n := d.n
	for i := 0; i < n; i++ {
		y := 0.0
		for k := 0; k < 7; k++ {
			y += d.F[(6-k)*n+i]
			if k%2 == 0 {
				y *= x
			} else {
				y *= 1 - x
			}
		}
		out[i] = y + d.y0[i]
	}
}
