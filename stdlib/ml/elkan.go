package ml

import "math"

// dist returns the Euclidean distance between two vectors.
func dist(x, c []float64) float64 {
	s0, s1, s2, s3 := 0.0, 0.0, 0.0, 0.0
	f := 0
	c = c[:len(x)]
	for ; f+3 < len(x); f += 4 {
		a := x[f] - c[f]
		b := x[f+1] - c[f+1]
		g := x[f+2] - c[f+2]
		h := x[f+3] - c[f+3]
		s0 += a * a
		s1 += b * b
		s2 += g * g
		s3 += h * h
	}
	for ; f < len(x); f++ {
		a := x[f] - c[f]
		s0 += a * a
	}
	return math.Sqrt(s0 + s1 + s2 + s3)
}

// elkan runs k-means iterations with Elkan's triangle-inequality bounds
// (an upper bound to the assigned centre and a lower bound to every
// centre): the same iterates as Lloyd, with most distance computations
// skipped once the centres settle. Sample weights w (nil: none) weight
// the centre means and the inertia.
func elkan(X *mat, C *mat, w []float64, maxIter int, tol float64) (*mat, []int, float64, int) {
	n, d, k := X.r, X.c, C.r
	lab := make([]int, n)
	upper := make([]float64, n)
	lower := make([]float64, n*k)
	for i := 0; i < n; i++ {
		x := X.row(i)
		l := lower[i*k : (i+1)*k]
		b, bd := 0, math.Inf(1)
		for j := 0; j < k; j++ {
			l[j] = dist(x, C.row(j))
			if l[j] < bd {
				b, bd = j, l[j]
			}
		}
		lab[i], upper[i] = b, bd
	}
	cc := make([]float64, k*k)
	s := make([]float64, k)
	move := make([]float64, k)
	sums := newMat(k, d)
	counts := make([]float64, k)
	newC := newMat(k, d)
	for i, l := range lab {
		counts[l] += wt(w, i)
		axpy(wt(w, i), X.row(i), sums.row(l))
	}
	it := 0
	for it = 1; it <= maxIter; it++ {
		relocateEmpty(X, C, lab, w, counts, sums)
		shift := 0.0
		for j := 0; j < k; j++ {
			r := newC.row(j)
			for f := range r {
				r[f] = sums.at(j, f)
				if counts[j] > 0 {
					r[f] /= counts[j]
				}
			}
			move[j] = dist(r, C.row(j))
			shift += move[j] * move[j]
		}
		C, newC = newC, C
		if shift <= tol {
			break
		}
		for i := 0; i < n; i++ {
			upper[i] += move[lab[i]]
			l := lower[i*k : (i+1)*k]
			for j := range l {
				l[j] = math.Max(l[j]-move[j], 0)
			}
		}
		for j := 0; j < k; j++ {
			s[j] = math.Inf(1)
		}
		for j := 0; j < k; j++ {
			for jj := j + 1; jj < k; jj++ {
				v := dist(C.row(j), C.row(jj))
				cc[j*k+jj], cc[jj*k+j] = v, v
				s[j] = math.Min(s[j], v/2)
				s[jj] = math.Min(s[jj], v/2)
			}
		}
		changed := false
		for i := 0; i < n; i++ {
			a := lab[i]
			u := upper[i]
			if u <= s[a] {
				continue
			}
			x := X.row(i)
			l := lower[i*k : (i+1)*k]
			stale := true
			for j := 0; j < k; j++ {
				if j == a || u <= l[j] || u <= cc[a*k+j]/2 {
					continue
				}
				if stale {
					u = dist(x, C.row(a))
					l[a] = u
					stale = false
					if u <= l[j] || u <= cc[a*k+j]/2 {
						continue
					}
				}
				dj := dist(x, C.row(j))
				l[j] = dj
				if dj < u {
					a, u = j, dj
				}
			}
			if a != lab[i] {
				changed = true
				wi := wt(w, i)
				counts[lab[i]] -= wi
				counts[a] += wi
				axpy(-wi, x, sums.row(lab[i]))
				axpy(wi, x, sums.row(a))
				lab[i] = a
			}
			upper[i] = u
		}
		if !changed {
			// scikit-learn counts the pass that finds the labels unchanged
			it++
			break
		}
	}
	if it > maxIter {
		it = maxIter
	}
	labs, in := assign(X, C, nil, w)
	return C, labs, in, it
}

// dot4 is a dot product with four accumulators.
func dot4(x, y []float64) float64 {
	s0, s1, s2, s3 := 0.0, 0.0, 0.0, 0.0
	y = y[:len(x)]
	f := 0
	for ; f+3 < len(x); f += 4 {
		s0 += x[f] * y[f]
		s1 += x[f+1] * y[f+1]
		s2 += x[f+2] * y[f+2]
		s3 += x[f+3] * y[f+3]
	}
	for ; f < len(x); f++ {
		s0 += x[f] * y[f]
	}
	return s0 + s1 + s2 + s3
}
