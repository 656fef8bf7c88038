package ml

import (
	"math"
	"math/rand/v2"
)

// sagProblem is a regularized logistic regression for the stochastic
// average gradient solvers, in scikit-learn's scaling: minimize
// (1/n) Σ wᵢ·loss(xᵢ) + (alpha/2)‖W‖² + beta‖W‖₁ with alpha = 1/(C·n)
// (L2), which has the same minimizer as the lbfgs objective
// Σ wᵢ·loss(xᵢ) + ‖W‖²/(2C). The L1 part (beta > 0, penalties l1 and
// elasticnet) is SAGA's: a proximal step (soft thresholding) after each
// update.
type sagProblem struct {
	X     *mat
	y     []int     // class index of each sample
	sw    []float64 // sample weights (nil: all 1)
	rows  int       // 1 (binary, sigmoid) or K (multinomial, softmax)
	alpha float64   // L2 strength: 1/(C·n), 0 without penalty
	beta  float64   // L1 strength (SAGA only)
	fitB  bool
	saga  bool
}

// sagStep is scikit-learn's get_auto_step_size for the log losses: 1/L
// (SAG) or 1/(2L + min(2·n·alpha, L)) (SAGA) with the Lipschitz bound
// L = (max‖xᵢ‖² + fit_intercept)/4 + alpha.
func (p *sagProblem) sagStep() float64 {
	maxSq := 0.0
	for i := 0; i < p.X.r; i++ {
		maxSq = math.Max(maxSq, dot(p.X.row(i), p.X.row(i)))
	}
	L := 0.25 * maxSq
	if p.fitB {
		L += 0.25
	}
	L += p.alpha
	if !p.saga {
		return 1 / L
	}
	return 1 / (2*L + math.Min(2*float64(p.X.r)*p.alpha, L))
}

// solve runs SAG or SAGA from W = 0 with samples drawn uniformly (with
// replacement) from rng, for at most maxIter epochs of n draws; it stops
// when an epoch changes no coefficient by more than tol × the largest
// coefficient (scikit-learn's criterion). It returns the coefficients
// (rows×d, then the rows intercepts) and the epochs run.
//
// The weights are kept as wscale·V so that the shrinkage by the penalty is
// one multiplication per draw; the averaged gradient is Σ (over the
// samples seen) of each sample's last residual times its features.
func (p *sagProblem) solve(maxIter int, tol float64, rng *rand.Rand) ([]float64, int) {
	n, d, K := p.X.r, p.X.c, p.rows
	step := p.sagStep()
	V := make([]float64, K*d)
	b := make([]float64, K)
	sumG := make([]float64, K*d) // Σ r_j ⊗ x_j over the samples seen
	sumB := make([]float64, K)
	mem := make([]float64, n*K) // each sample's last residuals
	seen := make([]bool, n)
	prev := make([]float64, K*d)
	z := make([]float64, K)
	corr := make([]float64, K)
	wscale := 1.0
	nSeen := 0
	epoch := 0
	for epoch < maxIter {
		for t := 0; t < n; t++ {
			i := rng.IntN(n)
			x := p.X.row(i)
			if !seen[i] {
				seen[i] = true
				nSeen++
			}
			// residuals at the current weights
			for k := range z {
				z[k] = wscale*dot(V[k*d:(k+1)*d], x) + b[k]
			}
			p.residual(z, i)
			for k := range z {
				corr[k] = z[k] - mem[i*K+k]
				mem[i*K+k] = z[k]
				if corr[k] != 0 {
					axpy(corr[k], x, sumG[k*d:(k+1)*d])
				}
				sumB[k] += corr[k]
			}
			// the penalty's shrinkage, then the averaged-gradient step
			wscale *= 1 - step*p.alpha
			m := float64(nSeen)
			axpy(-step/(m*wscale), sumG, V)
			if p.saga {
				for k, c := range corr {
					if c != 0 {
						axpy(-step*c*(1-1/m)/wscale, x, V[k*d:(k+1)*d])
					}
				}
			}
			if p.beta > 0 {
				softThreshold(V, step*p.beta/wscale)
			}
			if p.fitB {
				for k := range b {
					b[k] -= step * sumB[k] / m
					if p.saga {
						b[k] -= step * corr[k] * (1 - 1/m)
					}
				}
			}
			if wscale < 1e-9 {
				for j := range V {
					V[j] *= wscale
				}
				wscale = 1
			}
		}
		epoch++
		// convergence: the largest change of a coefficient this epoch
		// relative to the largest coefficient
		maxW, maxC := 0.0, 0.0
		for j, v := range V {
			w := wscale * v
			maxW = max(maxW, math.Abs(w))
			maxC = max(maxC, math.Abs(w-prev[j]))
			prev[j] = w
		}
		if (maxW != 0 && maxC/maxW <= tol) || (maxW == 0 && maxC == 0) {
			break
		}
	}
	w := make([]float64, K*d+K)
	for j, v := range V {
		w[j] = wscale * v
	}
	copy(w[K*d:], b)
	return w, epoch
}

// residual turns the decision values z of sample i into the derivative
// of its weighted loss: wᵢ(σ(z) − t) (binary) or wᵢ(softmax(z) − onehot).
func (p *sagProblem) residual(z []float64, i int) {
	w := 1.0
	if p.sw != nil {
		w = p.sw[i]
	}
	c := p.y[i]
	if p.rows == 1 {
		z[0] = w * (sigmoid(z[0]) - float64(c))
		return
	}
	mx := math.Inf(-1)
	for _, v := range z {
		mx = max(mx, v)
	}
	s := 0.0
	for k, v := range z {
		z[k] = math.Exp(v - mx)
		s += z[k]
	}
	for k := range z {
		z[k] *= w / s
	}
	z[c] -= w
}

// softThreshold applies the proximal map of t‖·‖₁: each entry moves t
// towards zero and stops there.
func softThreshold(v []float64, t float64) {
	for j, x := range v {
		switch {
		case x > t:
			v[j] = x - t
		case x < -t:
			v[j] = x + t
		default:
			v[j] = 0
		}
	}
}
