package integrate

import "math"

// lsoda integrates with automatic stiffness switching, in the spirit of
// LSODA: it starts with an explicit method (Dormand–Prince 5(4), or
// DOP853 at tight tolerances) that watches for stiffness with Hairer's
// test (the step size times a Lipschitz estimate from the two stage
// evaluations at t+h, against the method's stability boundary), switches
// to the variable-order BDF method when the step size is limited by
// stability rather than accuracy, and switches back when the BDF steps
// are small enough for the explicit method to be stable (|h|·‖J‖∞ small
// for several consecutive steps).
type lsoda struct {
	p          *problem
	rk         *rk
	bdf        *bdf
	st         state
	toStiff    bool
	toExplicit bool
	stiffRuns  int // steps taken in the current stiff phase
	calm       int // consecutive stiff-phase steps that look non-stiff
	switches   int
}

// stiffDetector is Hairer's stiffness test for the explicit phase.
type stiffDetector struct {
	bound          float64 // stability boundary on the negative real axis
	stiffCount     int
	nonStiffCount  int
	stiff          bool
	num, den, hlam float64
}

// observe runs the test after an accepted step of size h: the last stage
// and f_new are both evaluated at t+h.
func (d *stiffDetector) observe(r *rk, h float64) {
	s := r.tab.stages
	var num, den float64
	last := r.K[s-1]
	for i := range r.fNew {
		a := r.fNew[i] - last[i]
		b := r.yNew[i] - r.tmp[i]
		num += a * a
		den += b * b
	}
	if den <= 0 {
		return
	}
	hl := math.Abs(h) * math.Sqrt(num/den)
	if hl > d.bound {
		d.nonStiffCount = 0
		d.stiffCount++
		if d.stiffCount >= 15 {
			d.stiff = true
		}
	} else {
		d.nonStiffCount++
		if d.nonStiffCount >= 6 {
			d.stiffCount = 0
		}
	}
}

func newLSODA(p *problem, y0 []float64) (*lsoda, error) {
	l := &lsoda{p: p}
	if err := l.startExplicit(p.t0, y0, p.firstStep); err != nil {
		return nil, err
	}
	return l, nil
}

// startExplicit begins (or resumes) the non-stiff phase at (t, y).
func (l *lsoda) startExplicit(t float64, y []float64, h float64) error {
	p := l.p
	tab, bound := rk45, 3.25
	if p.rtol < 1e-6 {
		tab, bound = dop853, 6.1
	}
	saveT0, saveFirst := p.t0, p.firstStep
	p.t0, p.firstStep = t, h
	r, err := newRK(p, y, tab)
	p.t0, p.firstStep = saveT0, saveFirst
	if err != nil {
		return err
	}
	r.stiff = &stiffDetector{bound: bound}
	l.rk, l.bdf = r, nil
	l.st.t, l.st.y = t, r.st.y
	return nil
}

func (l *lsoda) state() *state { return &l.st }

// step takes one step with the current method; a switch decided after
// the previous step (whose dense output the driver may still have used)
// happens first.
func (l *lsoda) step() error {
	p := l.p
	t := l.st.t
	if l.toStiff {
		r := l.rk
		b, err := newBDFAt(p, t, r.st.y, r.f, math.Min(r.hAbs, p.maxStep))
		if err != nil {
			return err
		}
		l.rk, l.bdf, l.toStiff = nil, b, false
		l.stiffRuns, l.calm = 0, 0
		l.switches++
	} else if l.toExplicit {
		b := l.bdf
		if err := l.startExplicit(t, b.st.y, math.Min(b.hAbs, p.maxStep)); err != nil {
			return err
		}
		l.toExplicit = false
		l.switches++
	}
	if r := l.rk; r != nil {
		if err := r.step(); err != nil {
			return err
		}
		r.st.tOld = t
		l.st.t, l.st.y = r.st.t, r.st.y
		l.toStiff = r.stiff.stiff
		return nil
	}
	b := l.bdf
	if err := b.step(); err != nil {
		return err
	}
	l.st.t, l.st.y = b.st.t, b.st.y
	l.stiffRuns++
	if l.stiffRuns > 20 {
		n := p.n
		rho := 0.0
		for i := 0; i < n; i++ {
			s := 0.0
			for j := 0; j < n; j++ {
				s += math.Abs(b.J[i*n+j])
			}
			rho = math.Max(rho, s)
		}
		if b.hAbs*rho < 1.0 {
			l.calm++
		} else {
			l.calm = 0
		}
		l.toExplicit = l.calm >= 5
	}
	return nil
}

// dense is the interpolant of whichever method took the last step.
func (l *lsoda) dense() (interpolant, error) {
	if l.rk != nil {
		return l.rk.dense()
	}
	return l.bdf.dense()
}
