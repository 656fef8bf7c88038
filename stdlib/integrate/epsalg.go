package integrate

import "math"

// epsTable is the condensed table of Wynn's epsilon algorithm that
// QUADPACK's extrapolating integrators (dqelg) keep: the last two
// diagonals, the last three extrapolated results and the call count.
// Indices are 1-based as in QUADPACK (tab[0] and last3[0] are unused),
// which keeps the index arithmetic of the table shifts readable.
type epsTable struct {
	tab   [53]float64
	last3 [4]float64
	nres  int
}

// epsLimExp is the most elements the table holds before its upper
// diagonal is dropped.
const epsLimExp = 50

// extrapolate adds nothing itself: tab[*n] must hold the newest element
// of the sequence. It returns the extrapolated limit and an error
// estimate, and may shrink *n when parts of the table are dropped.
func (e *epsTable) extrapolate(n *int) (result, abserr float64) {
	tab := &e.tab
	e.nres++
	abserr = qpOflow
	result = tab[*n]
	if *n < 3 {
		return result, math.Max(abserr, 5*qpEpmach*math.Abs(result))
	}
	tab[*n+2] = tab[*n]
	newelm := (*n - 1) / 2
	tab[*n] = qpOflow
	num := *n
	k1 := *n
	converged := false
	for i := 1; i <= newelm; i++ {
		k2, k3 := k1-1, k1-2
		res := tab[k1+2]
		e0, e1, e2 := tab[k3], tab[k2], res
		e1abs := math.Abs(e1)
		delta2 := e2 - e1
		err2 := math.Abs(delta2)
		tol2 := math.Max(math.Abs(e2), e1abs) * qpEpmach
		delta3 := e1 - e0
		err3 := math.Abs(delta3)
		tol3 := math.Max(e1abs, math.Abs(e0)) * qpEpmach
		if !(err2 > tol2 || err3 > tol3) { // (NaN counts as converged, as in Fortran)
			// e0, e1 and e2 agree to machine accuracy: converged.
			result, abserr = res, err2+err3
			converged = true
			break
		}
		e3 := tab[k1]
		tab[k1] = e1
		delta1 := e1 - e3
		err1 := math.Abs(delta1)
		tol1 := math.Max(e1abs, math.Abs(e3)) * qpEpmach
		var ss float64
		irregular := err1 <= tol1 || err2 <= tol2 || err3 <= tol3
		if !irregular {
			ss = 1/delta1 + 1/delta2 - 1/delta3
			irregular = !(math.Abs(ss*e1) > 1e-4)
		}
		if irregular {
			// Two elements too close, or irregular behaviour: omit the
			// rest of the table.
			*n = i + i - 1
			break
		}
		res = e1 + 1/ss
		tab[k1] = res
		k1 -= 2
		if errI := err2 + math.Abs(res-e2) + err3; errI <= abserr {
			abserr, result = errI, res
		}
	}
	if converged {
		return result, math.Max(abserr, 5*qpEpmach*math.Abs(result))
	}
	// Shift the table.
	if *n == epsLimExp {
		*n = 2*(epsLimExp/2) - 1
	}
	ib := 1
	if (num/2)*2 == num {
		ib = 2
	}
	for i := 1; i <= newelm+1; i++ {
		tab[ib] = tab[ib+2]
		ib += 2
	}
	if num != *n {
		indx := num - *n + 1
		for i := 1; i <= *n; i++ {
			tab[i] = tab[indx]
			indx++
		}
	}
	if e.nres < 4 {
		e.last3[e.nres] = result
		abserr = qpOflow
	} else {
		abserr = math.Abs(result-e.last3[3]) + math.Abs(result-e.last3[2]) + math.Abs(result-e.last3[1])
		e.last3[1], e.last3[2], e.last3[3] = e.last3[2], e.last3[3], result
	}
	return result, math.Max(abserr, 5*qpEpmach*math.Abs(result))
}

// sortErrors is QUADPACK's dqpsrt: it keeps iord (1-based pointers into
// elist) in decreasing order of error after interval maxerr was bisected
// into maxerr and last, and returns the new maxerr (iord[nrmax]) and its
// error. Only as many entries are kept sorted as subdivisions remain.
func sortErrors(limit, last int, maxerr *int, errmax *float64, elist []float64, iord []int, nrmax *int) {
	if last <= 2 {
		iord[1], iord[2] = 1, 2
		*maxerr = iord[*nrmax]
		*errmax = elist[*maxerr]
		return
	}
	// A subdivision that increased the error (difficult integrand) moves
	// the insert point up.
	emax := elist[*maxerr]
	if *nrmax != 1 {
		ido := *nrmax - 1
		for i := 1; i <= ido; i++ {
			isucc := iord[*nrmax-1]
			if emax <= elist[isucc] {
				break
			}
			iord[*nrmax] = isucc
			*nrmax--
		}
	}
	jupbn := last
	if last > limit/2+2 {
		jupbn = limit + 3 - last
	}
	errmin := elist[last]
	jbnd := jupbn - 1
	ibeg := *nrmax + 1
	i := ibeg
	inserted := false
	for ; i <= jbnd; i++ {
		isucc := iord[i]
		if emax >= elist[isucc] {
			inserted = true
			break
		}
		iord[i-1] = isucc
	}
	if !inserted {
		iord[jbnd] = *maxerr
		iord[jupbn] = last
	} else {
		// Insert errmax at i-1, then errmin bottom-up.
		iord[i-1] = *maxerr
		k := jbnd
		placed := false
		for j := i; j <= jbnd; j++ {
			isucc := iord[k]
			if errmin < elist[isucc] {
				iord[k+1] = last
				placed = true
				break
			}
			iord[k+1] = isucc
			k--
		}
		if !placed {
			iord[i] = last
		}
	}
	*maxerr = iord[*nrmax]
	*errmax = elist[*maxerr]
}
