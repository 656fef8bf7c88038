package integrate

// nestedQuad is an n-dimensional integral computed as SciPy's nquad
// computes it: one quad per variable, nested, the innermost variable
// x[0] integrated first. Levels are numbered by the variable they
// integrate: level n-1 is the outermost quad.
type nestedQuad struct {
	n int
	// f is the integrand at the point x (x[0] innermost).
	f func(x []float64) (float64, error)
	// bounds gives level k's limits and quad options; only x[k+1:]
	// (the outer variables) are set when it is called. Like nquad it
	// asks for the range before the options.
	bounds func(k int, x []float64) (lo, hi float64, spec quadSpec, err error)
	// invalid is the error for a quad call that QUADPACK refuses
	// (ier = 6).
	invalid func(spec quadSpec, lo, hi float64) error

	neval  int     // evaluations of f
	abserr float64 // the largest error estimate of any quad call
	// iers lists, once each, the nonzero QUADPACK codes met, with the
	// limit in force, in the order they first occurred.
	iers []quadIssue
}

// quadIssue is one QUADPACK warning: its code and the subinterval
// limit it refers to.
type quadIssue struct{ ier, limit int }

// integrate runs the nested quads and returns the outermost value.
func (q *nestedQuad) integrate() (float64, error) {
	x := make([]float64, q.n)
	return q.level(q.n-1, x)
}

// level integrates over x[k] with x[k+1:] fixed.
func (q *nestedQuad) level(k int, x []float64) (float64, error) {
	lo, hi, spec, err := q.bounds(k, x)
	if err != nil {
		return 0, err
	}
	if spec.hasPoints {
		// nquad keeps the points with low <= p <= high (none when the
		// range is reversed); quad then uses those strictly inside.
		kept := make([]float64, 0, len(spec.points))
		for _, p := range spec.points {
			if lo <= p && p <= hi {
				kept = append(kept, p)
			}
		}
		spec.points = kept
	}
	var f integrand
	if k == 0 {
		f = func(t float64) (float64, error) {
			x[0] = t
			q.neval++
			return q.f(x)
		}
	} else {
		f = func(t float64) (float64, error) {
			x[k] = t
			return q.level(k-1, x)
		}
	}
	run, err := integrate1(f, lo, hi, spec)
	if err != nil {
		return 0, err
	}
	if run.ier == 6 {
		return 0, q.invalid(spec, lo, hi)
	}
	// Python's max(self.abserr, abserr), which starts from 0: a NaN
	// estimate never becomes the maximum.
	if run.abserr > q.abserr {
		q.abserr = run.abserr
	}
	if run.ier != 0 {
		q.note(quadIssue{run.ier, spec.limit})
	}
	return run.result, nil
}

// note records a warning once.
func (q *nestedQuad) note(w quadIssue) {
	for _, v := range q.iers {
		if v == w {
			return
		}
	}
	q.iers = append(q.iers, w)
}
