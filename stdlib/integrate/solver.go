package integrate

import (
	"fmt"
	"math"
	"sort"
)

// stepper is one of the ODE methods. step advances by one accepted step
// (returning an *errStep when the method fails) and dense returns the
// interpolant over the last step.
type stepper interface {
	step() error
	state() *state
	dense() (interpolant, error)
}

// state is the part of a method's state the driver reads.
type state struct {
	t, tOld float64
	y       []float64
	hasOld  bool
}

// interpolant evaluates a step's dense output at t into out.
type interpolant interface {
	at(t float64, out []float64)
}

// constDense is the interpolant of an empty or zero-length step.
type constDense struct{ y []float64 }

func (c constDense) at(_ float64, out []float64) { copy(out, c.y) }

// methodNames are solve_ivp's methods, in SciPy's order.
var methodNames = []string{"RK23", "RK45", "DOP853", "Radau", "BDF", "LSODA"}

// newStepper creates the named method at (t0, y0).
func newStepper(method string, p *problem, y0 []float64) (stepper, error) {
	switch method {
	case "RK23":
		return newRK(p, y0, rk23)
	case "RK45":
		return newRK(p, y0, rk45)
	case "DOP853":
		return newRK(p, y0, dop853)
	case "Radau":
		return newRadau(p, y0)
	case "BDF":
		return newBDF(p, y0)
	case "LSODA":
		return newLSODA(p, y0)
	}
	return nil, fmt.Errorf("unknown method '%s'", method)
}

// advance performs the generic part of OdeSolver.step: a zero-length
// interval finishes at once. finished reports that t reached t_bound.
func advance(s stepper, p *problem) (finished bool, err error) {
	st := s.state()
	if p.n == 0 || st.t == p.tBound {
		st.tOld, st.hasOld = st.t, true
		st.t = p.tBound
		return true, nil
	}
	t := st.t
	if err := s.step(); err != nil {
		return false, err
	}
	st.tOld, st.hasOld = t, true
	return p.dir*(st.t-p.tBound) >= 0, nil
}

// denseOf returns the interpolant of the last step (a constant one for a
// zero-length step).
func denseOf(s stepper, p *problem) (interpolant, error) {
	st := s.state()
	if p.n == 0 || st.t == st.tOld {
		return constDense{append([]float64(nil), st.y...)}, nil
	}
	return s.dense()
}

// odeSolution is SciPy's OdeSolution: the piecewise interpolant of a
// whole integration.
type odeSolution struct {
	ts        []float64
	segs      []interpolant
	ascending bool
	n         int
}

// at evaluates the solution at t into out (extrapolating from the first
// or last segment outside the range, as SciPy does).
func (s *odeSolution) at(t float64, out []float64) {
	m := len(s.segs)
	var seg int
	if s.ascending {
		ind := sort.SearchFloat64s(s.ts, t) // side='left'
		seg = min(max(ind-1, 0), m-1)
	} else {
		// ts descending: count of sorted-ascending elements <= t.
		k := sort.Search(len(s.ts), func(i int) bool { return s.ts[len(s.ts)-1-i] > t })
		seg = min(max(k-1, 0), m-1)
		seg = m - 1 - seg
	}
	s.segs[seg].at(t, out)
}

// tMin and tMax are the solution's range.
func (s *odeSolution) tMin() float64 { return math.Min(s.ts[0], s.ts[len(s.ts)-1]) }
func (s *odeSolution) tMax() float64 { return math.Max(s.ts[0], s.ts[len(s.ts)-1]) }
