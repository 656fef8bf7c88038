package integrate

import (
	"fmt"
	"math"
	"sort"
)

// eventFunc is a zero-crossing function g(t, y).
type eventFunc func(t float64, y []float64) (float64, error)

// event is one entry of solve_ivp's events.
type event struct {
	fn        eventFunc
	terminal  bool
	direction float64
}

// ivpOptions are the driver's options besides the problem's.
type ivpOptions struct {
	method string
	tEval  []float64 // nil: the solver's own steps
	dense  bool
	events []event
}

// ivpResult is solve_ivp's result before conversion to script values.
type ivpResult struct {
	t               []float64
	y               [][]float64 // per time point, a state vector
	sol             *odeSolution
	tEvents         [][]float64
	yEvents         [][][]float64
	nfev, njev, nlu int
	status          int
	message         string
	steps           int
	switches        int
}

// defaultMaxSteps bounds the number of steps of one integration so that
// a problem that would need absurdly many never hangs.
const defaultMaxSteps = 50_000_000

// solveIVP is SciPy's solve_ivp driver loop: steps, dense output, events
// (located with Brent's method on the step's interpolant) and t_eval.
func solveIVP(p *problem, y0 []float64, opt ivpOptions) (*ivpResult, error) {
	t0, tf := p.t0, p.tBound
	tEval := opt.tEval
	tEvalI := 0
	if tEval != nil {
		lo, hi := math.Min(t0, tf), math.Max(t0, tf)
		for i, v := range tEval {
			if v < lo || v > hi {
				return nil, fmt.Errorf("values in t_eval are not within t_span (t_eval[%d] = %s)", i, fmtG(v))
			}
			if i > 0 {
				d := v - tEval[i-1]
				if (tf > t0 && d <= 0) || (tf < t0 && d >= 0) {
					return nil, fmt.Errorf("values in t_eval are not properly sorted (t_eval[%d] = %s after %s)", i, fmtG(v), fmtG(tEval[i-1]))
				}
			}
		}
		if tf < t0 {
			rev := make([]float64, len(tEval))
			for i, v := range tEval {
				rev[len(tEval)-1-i] = v
			}
			tEval = rev
			tEvalI = len(tEval)
		}
	}
	s, err := newStepper(opt.method, p, y0)
	if err != nil {
		return nil, err
	}
	n := p.n
	res := &ivpResult{}
	// The states are stored in one flat slice (cut into res.y at the end).
	var flat []float64
	ybuf2 := make([]float64, n)
	if tEval == nil {
		res.t = append(res.t, t0)
		flat = append(flat, y0...)
	}
	var ti []float64
	if tEval != nil && opt.dense {
		ti = []float64{t0}
	}
	var interps []interpolant
	var g []float64
	if len(opt.events) > 0 {
		g = make([]float64, len(opt.events))
		for i, e := range opt.events {
			v, err := e.fn(t0, y0)
			if err != nil {
				return nil, err
			}
			g[i] = v
		}
		res.tEvents = make([][]float64, len(opt.events))
		res.yEvents = make([][][]float64, len(opt.events))
	}
	gNew := make([]float64, len(opt.events))
	maxSteps := p.maxSteps
	if maxSteps <= 0 {
		maxSteps = defaultMaxSteps
	}
	status := 99
	message := ""
	ybuf := make([]float64, n)
	for status == 99 {
		if res.steps >= maxSteps {
			status, message = -1, fmt.Sprintf("the step limit (%d steps) was reached at t = %s", maxSteps, fmtG(s.state().t))
			break
		}
		if p.cancel != nil && res.steps%64 == 0 {
			if err := p.cancel(); err != nil {
				return nil, err
			}
		}
		finished, err := advance(s, p)
		res.steps++
		if err != nil {
			if msg, ok := stepFailure(err); ok {
				status, message = -1, msg
				break
			}
			return nil, err
		}
		if finished {
			status = 0
		}
		st := s.state()
		tOld, t := st.tOld, st.t
		y := st.y
		var sol interpolant
		if opt.dense {
			if sol, err = denseOf(s, p); err != nil {
				return nil, err
			}
			interps = append(interps, sol)
		}
		if len(opt.events) > 0 {
			for i, e := range opt.events {
				v, err := e.fn(t, y)
				if err != nil {
					return nil, err
				}
				gNew[i] = v
			}
			active := findActiveEvents(g, gNew, opt.events)
			if len(active) > 0 {
				if sol == nil {
					if sol, err = denseOf(s, p); err != nil {
						return nil, err
					}
				}
				idx, roots, terminate, err := handleEvents(sol, opt.events, active, tOld, t, n)
				if err != nil {
					return nil, err
				}
				for k, e := range idx {
					res.tEvents[e] = append(res.tEvents[e], roots[k])
					ye := make([]float64, n)
					sol.at(roots[k], ye)
					res.yEvents[e] = append(res.yEvents[e], ye)
				}
				if terminate {
					status = 1
					t = roots[len(roots)-1]
					sol.at(t, ybuf)
					y = ybuf
				}
			}
			copy(g, gNew)
		}
		if tEval == nil {
			res.t = append(res.t, t)
			flat = append(flat, y...)
		} else {
			var lo, hi int
			if p.dir > 0 {
				newI := sort.Search(len(tEval), func(i int) bool { return tEval[i] > t })
				lo, hi = tEvalI, newI
				tEvalI = newI
			} else {
				newI := sort.SearchFloat64s(tEval, t)
				lo, hi = newI, tEvalI
				tEvalI = newI
			}
			if hi > lo {
				if sol == nil {
					if sol, err = denseOf(s, p); err != nil {
						return nil, err
					}
				}
				if p.dir > 0 {
					for k := lo; k < hi; k++ {
						sol.at(tEval[k], ybuf2)
						res.t = append(res.t, tEval[k])
						flat = append(flat, ybuf2...)
					}
				} else {
					for k := hi - 1; k >= lo; k-- {
						sol.at(tEval[k], ybuf2)
						res.t = append(res.t, tEval[k])
						flat = append(flat, ybuf2...)
					}
				}
			}
		}
		if ti != nil {
			ti = append(ti, t)
		}
	}
	switch status {
	case 0:
		message = "The solver successfully reached the end of the integration interval."
	case 1:
		message = "A termination event occurred."
	}
	res.status, res.message = status, message
	res.y = make([][]float64, len(flat)/max(n, 1))
	for k := range res.y {
		res.y[k] = flat[k*n : (k+1)*n : (k+1)*n]
	}
	if n == 0 {
		res.y = make([][]float64, len(res.t))
	}
	res.nfev, res.njev, res.nlu = p.nfev, p.njev, p.nlu
	if l, ok := s.(*lsoda); ok {
		res.switches = l.switches
	}
	if opt.dense && len(interps) > 0 {
		ts := res.t
		if tEval != nil {
			ts = ti
		}
		ts = append([]float64(nil), ts...)
		if len(ts) != len(interps)+1 {
			// A terminal event: the last segment ends at the event.
			ts = ts[:len(interps)+1]
		}
		res.sol = &odeSolution{ts: ts, segs: interps, ascending: ts[len(ts)-1] >= ts[0], n: n}
	}
	return res, nil
}

// findActiveEvents returns the events whose sign change over the step
// matches their direction.
func findActiveEvents(g, gNew []float64, evs []event) []int {
	var out []int
	for i := range g {
		up := g[i] <= 0 && gNew[i] >= 0
		down := g[i] >= 0 && gNew[i] <= 0
		d := evs[i].direction
		if (up && d > 0) || (down && d < 0) || ((up || down) && d == 0) {
			out = append(out, i)
		}
	}
	return out
}

// handleEvents locates the active events' roots in [tOld, t] and cuts
// the list at the first terminal one.
func handleEvents(sol interpolant, evs []event, active []int, tOld, t float64, n int) ([]int, []float64, bool, error) {
	roots := make([]float64, len(active))
	y := make([]float64, n)
	for k, e := range active {
		fn := evs[e].fn
		r, err := brentq(func(x float64) (float64, error) {
			sol.at(x, y)
			return fn(x, y)
		}, tOld, t, 4*eps, 4*eps)
		if err != nil {
			return nil, nil, false, err
		}
		roots[k] = r
	}
	anyTerminal := false
	for _, e := range active {
		if evs[e].terminal {
			anyTerminal = true
		}
	}
	if !anyTerminal {
		return active, roots, false, nil
	}
	order := make([]int, len(active))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		if t > tOld {
			return roots[order[a]] < roots[order[b]]
		}
		return roots[order[a]] > roots[order[b]]
	})
	idx := make([]int, len(active))
	rs := make([]float64, len(active))
	for i, o := range order {
		idx[i], rs[i] = active[o], roots[o]
	}
	cut := 0
	for i, e := range idx {
		if evs[e].terminal {
			cut = i
			break
		}
	}
	return idx[:cut+1], rs[:cut+1], true, nil
}

// brentq is Brent's root finder (as scipy.optimize.brentq).
func brentq(f func(float64) (float64, error), xa, xb, xtol, rtol float64) (float64, error) {
	xpre, xcur := xa, xb
	fpre, err := f(xpre)
	if err != nil {
		return 0, err
	}
	fcur, err := f(xcur)
	if err != nil {
		return 0, err
	}
	if fpre*fcur > 0 {
		// The interpolant does not change sign: report the step end.
		return xcur, nil
	}
	if fpre == 0 {
		return xpre, nil
	}
	if fcur == 0 {
		return xcur, nil
	}
	var xblk, fblk, spre, scur float64
	for i := 0; i < 100; i++ {
		if fpre != 0 && fcur != 0 && math.Signbit(fpre) != math.Signbit(fcur) {
			xblk, fblk = xpre, fpre
			spre = xcur - xpre
			scur = spre
		}
		if math.Abs(fblk) < math.Abs(fcur) {
			xpre, xcur, xblk = xcur, xblk, xcur
			fpre, fcur, fblk = fcur, fblk, fcur
		}
		delta := (xtol + rtol*math.Abs(xcur)) / 2
		sbis := (xblk - xcur) / 2
		if fcur == 0 || math.Abs(sbis) < delta {
			return xcur, nil
		}
		if math.Abs(spre) > delta && math.Abs(fcur) < math.Abs(fpre) {
			var stry float64
			if xpre == xblk {
				stry = -fcur * (xcur - xpre) / (fcur - fpre)
			} else {
				dpre := (fpre - fcur) / (xpre - xcur)
				dblk := (fblk - fcur) / (xblk - xcur)
				stry = -fcur * (fblk*dblk - fpre*dpre) / (dblk * dpre * (fblk - fpre))
			}
			if 2*math.Abs(stry) < math.Min(math.Abs(spre), 3*math.Abs(sbis)-delta) {
				spre, scur = scur, stry
			} else {
				spre, scur = sbis, sbis
			}
		} else {
			spre, scur = sbis, sbis
		}
		xpre, fpre = xcur, fcur
		if math.Abs(scur) > delta {
			xcur += scur
		} else if sbis > 0 {
			xcur += delta
		} else {
			xcur -= delta
		}
		if fcur, err = f(xcur); err != nil {
			return 0, err
		}
	}
	return xcur, nil
}
