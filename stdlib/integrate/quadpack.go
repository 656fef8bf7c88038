package integrate

import (
	"math"
	"sort"
)

// quadOut is what QUADPACK's extrapolating integrators return: the
// integral, its error estimate, the error code ier (0 success, 1 limit
// reached, 2 roundoff, 3 bad integrand, 4 extrapolation does not
// converge, 5 divergent, 6 invalid input), the number of subintervals
// and the subdivision itself. The lists are 1-based (index 0 unused)
// and hold limit+1 entries, as QUADPACK's arrays of length limit.
type quadOut struct {
	result, abserr float64
	ier, last      int
	alist, blist   []float64
	rlist, elist   []float64
	iord, level    []int
	pts            []float64 // qagp: the sorted break points with a and b
	ndin           []int     // qagp: 1 where an initial interval's error was raised
}

func newQuadOut(limit int, a, b float64) *quadOut {
	n := max(limit, 1) + 1
	o := &quadOut{alist: make([]float64, n), blist: make([]float64, n), rlist: make([]float64, n),
		elist: make([]float64, n), iord: make([]int, n), level: make([]int, n)}
	o.alist[1], o.blist[1] = a, b
	return o
}

// invalidTolerance reports QUADPACK's ier = 6 condition on tolerances.
func invalidTolerance(epsabs, epsrel float64) bool {
	return epsabs <= 0 && epsrel < math.Max(50*qpEpmach, 0.5e-28)
}

// qagState is the state shared by the two extrapolating drivers.
type qagState struct {
	o                      *quadOut
	area, errsum, errmax   float64
	maxerr, nrmax          int
	iroff1, iroff2, iroff3 int
	ierro                  int
	correc                 float64
	eps                    epsTable
	numrl2, ktmin          int
	extrap, noext          bool
	erlarg, ertest         float64
	ksgn                   int
	defabs                 float64
	epsabs, epsrel         float64
	limit                  int
}

// bisect splits the interval maxerr with the rule, updates the sums,
// the roundoff counters and the error flags, and stores both halves
// (QUADPACK's main loop body up to the call of dqpsrt). It returns the
// halves' combined error, the left half's length and the error of the
// bisected interval before the split.
func (s *qagState) bisect(rule qkRule, last int) (erro12, len1, erlast float64, err error) {
	o := s.o
	a1 := o.alist[s.maxerr]
	b1 := 0.5 * (o.alist[s.maxerr] + o.blist[s.maxerr])
	a2, b2 := b1, o.blist[s.maxerr]
	erlast = s.errmax
	area1, error1, _, defab1, err := rule(a1, b1)
	if err != nil {
		return 0, 0, 0, err
	}
	area2, error2, _, defab2, err := rule(a2, b2)
	if err != nil {
		return 0, 0, 0, err
	}
	area12 := area1 + area2
	erro12 = error1 + error2
	s.errsum = s.errsum + erro12 - s.errmax
	s.area = s.area + area12 - o.rlist[s.maxerr]
	if !(defab1 == error1 || defab2 == error2) {
		if !(math.Abs(o.rlist[s.maxerr]-area12) > 1e-5*math.Abs(area12) || erro12 < 0.99*s.errmax) {
			if s.extrap {
				s.iroff2++
			} else {
				s.iroff1++
			}
		}
		if last > 10 && erro12 > s.errmax {
			s.iroff3++
		}
	}
	o.rlist[s.maxerr], o.rlist[last] = area1, area2
	if s.iroff1+s.iroff2 >= 10 || s.iroff3 >= 20 {
		o.ier = 2
	}
	if s.iroff2 >= 5 {
		s.ierro = 3
	}
	if last == s.limit {
		o.ier = 1
	}
	if math.Max(math.Abs(a1), math.Abs(b2)) <= (1+100*qpEpmach)*(math.Abs(a2)+1000*qpUflow) {
		o.ier = 4
	}
	if error2 > error1 {
		o.alist[s.maxerr], o.alist[last], o.blist[last] = a2, a1, b1
		o.rlist[s.maxerr], o.rlist[last] = area2, area1
		o.elist[s.maxerr], o.elist[last] = error2, error1
	} else {
		o.alist[last], o.blist[s.maxerr], o.blist[last] = a2, b1, b2
		o.elist[s.maxerr], o.elist[last] = error1, error2
	}
	sortErrors(s.limit, last, &s.maxerr, &s.errmax, o.elist, o.iord, &s.nrmax)
	return erro12, math.Abs(b1 - a1), erlast, nil
}

// pushArea appends the current sum to the sequence being extrapolated.
func (s *qagState) pushArea() {
	s.numrl2++
	s.eps.tab[s.numrl2] = s.area
}

// extrapolateStep runs the epsilon algorithm on the sequence and keeps
// the extrapolated value when its error is smaller. It reports whether
// the driver should stop: the extrapolated value meets the tolerance
// (strict says whether that test is QUADPACK's dqagpe "<" rather than
// dqagse's "<="), or divergence was detected.
func (s *qagState) extrapolateStep(strict bool) bool {
	o := s.o
	reseps, abseps := s.eps.extrapolate(&s.numrl2)
	s.ktmin++
	if s.ktmin > 5 && o.abserr < 1e-3*s.errsum {
		o.ier = 5
	}
	if abseps < o.abserr {
		s.ktmin = 0
		o.abserr, o.result = abseps, reseps
		s.correc = s.erlarg
		s.ertest = math.Max(s.epsabs, s.epsrel*math.Abs(reseps))
		if o.abserr < s.ertest || !strict && o.abserr == s.ertest {
			return true
		}
	}
	if s.numrl2 == 1 {
		s.noext = true
	}
	return o.ier == 5
}

// sumAll replaces the result by the plain sum over the subintervals and
// the error by their summed errors (QUADPACK's label 115).
func (s *qagState) sumAll() {
	o := s.o
	o.result = 0
	for k := 1; k <= o.last; k++ {
		o.result += o.rlist[k]
	}
	o.abserr = s.errsum
}

// finish chooses between the extrapolated and the summed result, tests
// for divergence and maps the error code (QUADPACK's labels 100-130).
func (s *qagState) finish() {
	o := s.o
	divergence := func() {
		if s.ksgn == -1 && math.Max(math.Abs(o.result), math.Abs(s.area)) <= s.defabs*0.01 {
			return
		}
		if 0.01 > o.result/s.area || o.result/s.area > 100 || s.errsum > math.Abs(s.area) {
			o.ier = 6
		}
	}
	switch {
	case o.abserr == qpOflow:
		s.sumAll()
	case o.ier+s.ierro == 0:
		divergence()
	default:
		if s.ierro == 3 {
			o.abserr += s.correc
		}
		if o.ier == 0 {
			o.ier = 3
		}
		switch {
		case o.result != 0 && s.area != 0:
			if o.abserr/math.Abs(o.result) > s.errsum/math.Abs(s.area) {
				s.sumAll()
			} else {
				divergence()
			}
		case o.abserr > s.errsum:
			s.sumAll()
		case s.area == 0:
		default:
			divergence()
		}
	}
	if o.ier > 2 {
		o.ier--
	}
}

// qags is QUADPACK's dqagse (with qk21 on [a, b]) and dqagie (with qk15i
// on (0, 1]): globally adaptive bisection of the interval with the
// largest error, with Wynn's epsilon algorithm extrapolating the
// sequence of sums as the smallest intervals are bisected.
func qags(rule qkRule, a, b, epsabs, epsrel float64, limit int) (*quadOut, error) {
	o := newQuadOut(limit, a, b)
	if invalidTolerance(epsabs, epsrel) || limit < 1 {
		o.ier = 6
		return o, nil
	}
	result, abserr, defabs, resasc, err := rule(a, b)
	if err != nil {
		return nil, err
	}
	o.result, o.abserr = result, abserr
	dres := math.Abs(result)
	errbnd := math.Max(epsabs, epsrel*dres)
	o.last = 1
	o.rlist[1], o.elist[1], o.iord[1] = result, abserr, 1
	if abserr <= 100*qpEpmach*defabs && abserr > errbnd {
		o.ier = 2
	}
	if limit == 1 {
		o.ier = 1
	}
	if o.ier != 0 || (abserr <= errbnd && abserr != resasc) || abserr == 0 {
		return o, nil
	}
	s := &qagState{o: o, area: result, errsum: abserr, errmax: abserr, maxerr: 1, nrmax: 1,
		numrl2: 2, defabs: defabs, epsabs: epsabs, epsrel: epsrel, limit: limit, ksgn: -1}
	s.eps.tab[1] = result
	o.abserr = qpOflow
	if dres >= (1-50*qpEpmach)*defabs {
		s.ksgn = 1
	}
	small := 0.0
	sumOnly := false
	for last := 2; last <= limit; last++ {
		o.last = last
		erro12, len1, erlast, err := s.bisect(rule, last)
		if err != nil {
			return nil, err
		}
		errbnd = math.Max(epsabs, epsrel*math.Abs(s.area))
		if s.errsum <= errbnd {
			sumOnly = true
			break
		}
		if o.ier != 0 {
			break
		}
		if last == 2 {
			small = math.Abs(b-a) * 0.375
			s.erlarg, s.ertest = s.errsum, errbnd
			s.eps.tab[2] = s.area
			continue
		}
		if s.noext {
			continue
		}
		s.erlarg -= erlast
		if len1 > small {
			s.erlarg += erro12
		}
		if !s.extrap {
			// Is the interval to be bisected next the smallest one?
			if math.Abs(o.blist[s.maxerr]-o.alist[s.maxerr]) > small {
				continue
			}
			s.extrap, s.nrmax = true, 2
		}
		if s.ierro != 3 && s.erlarg > s.ertest {
			// The smallest interval has the largest error: first bisect
			// the larger intervals with the next largest errors.
			jupbnd := last
			if last > 2+limit/2 {
				jupbnd = limit + 3 - last
			}
			larger := false
			for k := s.nrmax; k <= jupbnd; k++ {
				s.maxerr = o.iord[s.nrmax]
				s.errmax = o.elist[s.maxerr]
				if math.Abs(o.blist[s.maxerr]-o.alist[s.maxerr]) > small {
					larger = true
					break
				}
				s.nrmax++
			}
			if larger {
				continue
			}
		}
		s.pushArea()
		if s.extrapolateStep(false) {
			break
		}
		s.maxerr = o.iord[1]
		s.errmax = o.elist[s.maxerr]
		s.nrmax, s.extrap = 1, false
		small *= 0.5
		s.erlarg = s.errsum
	}
	if sumOnly {
		s.sumAll()
		if o.ier > 2 {
			o.ier--
		}
		return o, nil
	}
	s.finish()
	return o, nil
}

// qagp is QUADPACK's dqagpe: qags on [a, b] (a < b) split first at the
// user's break points (which must lie inside), with the level of
// bisection rather than the interval length deciding what is "small".
func qagp(f integrand, a, b float64, points []float64, epsabs, epsrel float64, limit int) (*quadOut, error) {
	rule := qk21(f)
	npts := len(points)
	npts2 := npts + 2
	o := newQuadOut(limit, a, b)
	if limit <= npts || invalidTolerance(epsabs, epsrel) {
		o.ier = 6
		return o, nil
	}
	pts := make([]float64, npts2+1)
	pts[1] = math.Min(a, b)
	copy(pts[2:], points)
	pts[npts2] = math.Max(a, b)
	sort.Float64s(pts[1:])
	o.pts = pts
	if pts[1] != math.Min(a, b) || pts[npts2] != math.Max(a, b) {
		o.ier = 6
		return o, nil
	}
	nint := npts + 1
	ndin := make([]int, npts2+1)
	o.ndin = ndin
	a1 := pts[1]
	resabs := 0.0
	for i := 1; i <= nint; i++ {
		b1 := pts[i+1]
		area1, error1, defabs, resa, err := rule(a1, b1)
		if err != nil {
			return nil, err
		}
		o.abserr += error1
		o.result += area1
		if error1 == resa && error1 != 0 {
			ndin[i] = 1
		}
		resabs += defabs
		o.level[i] = 0
		o.elist[i], o.alist[i], o.blist[i], o.rlist[i] = error1, a1, b1, area1
		o.iord[i] = i
		a1 = b1
	}
	errsum := 0.0
	for i := 1; i <= nint; i++ {
		if ndin[i] == 1 {
			o.elist[i] = o.abserr
		}
		errsum += o.elist[i]
	}
	o.last = nint
	dres := math.Abs(o.result)
	errbnd := math.Max(epsabs, epsrel*dres)
	if o.abserr <= 100*qpEpmach*resabs && o.abserr > errbnd {
		o.ier = 2
	}
	if nint != 1 {
		// Order the initial intervals by decreasing error.
		for i := 1; i <= npts; i++ {
			ind1, k := o.iord[i], 0
			for j := i + 1; j <= nint; j++ {
				ind2 := o.iord[j]
				if o.elist[ind1] > o.elist[ind2] {
					continue
				}
				ind1, k = ind2, j
			}
			if ind1 != o.iord[i] {
				o.iord[k] = o.iord[i]
				o.iord[i] = ind1
			}
		}
		if limit < npts2 {
			o.ier = 1
		}
	}
	if o.ier != 0 || o.abserr <= errbnd {
		if o.ier > 2 {
			o.ier--
		}
		return o, nil
	}
	s := &qagState{o: o, area: o.result, errsum: errsum, maxerr: o.iord[1], nrmax: 1, numrl2: 1,
		erlarg: errsum, ertest: errbnd, defabs: resabs, epsabs: epsabs, epsrel: epsrel, limit: limit, ksgn: -1}
	s.errmax = o.elist[s.maxerr]
	s.eps.tab[1] = o.result
	levmax := 1
	o.abserr = qpOflow
	if dres >= (1-50*qpEpmach)*resabs {
		s.ksgn = 1
	}
	sumOnly := false
	for last := npts2; last <= limit; last++ {
		o.last = last
		levcur := o.level[s.maxerr] + 1
		split := s.maxerr
		erro12, _, erlast, err := s.bisect(rule, last)
		if err != nil {
			return nil, err
		}
		o.level[split], o.level[last] = levcur, levcur
		errbnd = math.Max(epsabs, epsrel*math.Abs(s.area))
		if s.errsum <= errbnd {
			sumOnly = true
			break
		}
		if o.ier != 0 {
			break
		}
		if s.noext {
			continue
		}
		s.erlarg -= erlast
		if levcur+1 <= levmax {
			s.erlarg += erro12
		}
		if !s.extrap {
			if o.level[s.maxerr]+1 <= levmax {
				continue
			}
			s.extrap, s.nrmax = true, 2
		}
		if s.ierro != 3 && s.erlarg > s.ertest {
			jupbnd := last
			if last > 2+limit/2 {
				jupbnd = limit + 3 - last
			}
			larger := false
			for k := s.nrmax; k <= jupbnd; k++ {
				s.maxerr = o.iord[s.nrmax]
				s.errmax = o.elist[s.maxerr]
				if o.level[s.maxerr]+1 <= levmax {
					larger = true
					break
				}
				s.nrmax++
			}
			if larger {
				continue
			}
		}
		s.pushArea()
		if s.numrl2 > 2 {
			if s.extrapolateStep(true) || o.ier >= 5 {
				break
			}
		}
		s.maxerr = o.iord[1]
		s.errmax = o.elist[s.maxerr]
		s.nrmax, s.extrap = 1, false
		levmax++
		s.erlarg = s.errsum
	}
	if sumOnly {
		s.sumAll()
		if o.ier > 2 {
			o.ier--
		}
		return o, nil
	}
	s.finish()
	return o, nil
}
