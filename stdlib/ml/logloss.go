package ml

import (
	"math"

	"github.com/sim-lang/sim/internal/vmath"
)

// logLoss evaluates the data term of the logistic loss and its residuals
// in one pass over the decision values, with buffers reused between
// evaluations. The decision values are held class-major (one row of n
// samples per class) so that every pass is a contiguous loop and the
// exponentials go through vmath.Exp in one call.
type logLoss struct {
	y  []int     // class index of each sample
	sw []float64 // sample weights (nil: all 1)
	// per-sample scratch
	mx, sum, zy []float64
}

func newLogLoss(y []int, sw []float64) *logLoss {
	n := len(y)
	return &logLoss{y: y, sw: sw, mx: make([]float64, n), sum: make([]float64, n), zy: make([]float64, n)}
}

// logChunk is at most how many factors are multiplied before one log:
// Σ log sᵢ = log Π sᵢ with the product kept far from overflow.
const logChunk = 128

// sumLog returns Σ log s[i] with one log per chunk values; the caller
// chooses chunk so that a product of chunk values stays within e^±700.
func sumLog(s []float64, chunk int) float64 {
	t := 0.0
	for len(s) > 0 {
		c := s[:min(chunk, len(s))]
		p := 1.0
		for _, v := range c {
			p *= v
		}
		t += math.Log(p)
		s = s[len(c):]
	}
	return t
}

// multinomial takes Z (K rows of n decision values without intercept)
// and the intercepts b, returns Σ wᵢ(−log softmax(zᵢ)_{yᵢ}), and leaves
// in Z the residuals wᵢ(pᵢₖ − [k = yᵢ]) and in gb their sums over i.
func (l *logLoss) multinomial(Z []float64, K int, b, gb []float64) float64 {
	n := len(l.y)
	mx, sum, zy := l.mx[:n], l.sum[:n], l.zy[:n]
	// intercepts, and the range of all decision values
	lo, hi := math.Inf(1), math.Inf(-1)
	for k := 0; k < K; k++ {
		lo, hi = addMinMax(Z[k*n:(k+1)*n], b[k], lo, hi)
	}
	// With every |z| moderate, exp(z) neither overflows nor underflows and
	// the softmax needs no shift by the per-sample maximum (the usual case
	// for regularized models); otherwise shift.
	const safe = 300
	shifted := !(lo >= -safe && hi <= safe)
	if shifted {
		copy(mx, Z[:n])
		for k := 1; k < K; k++ {
			row := Z[k*n : (k+1)*n]
			mx := mx[:len(row)]
			for i := range row {
				mx[i] = max(mx[i], row[i])
			}
		}
		for k := 0; k < K; k++ {
			row := Z[k*n : (k+1)*n]
			mx := mx[:len(row)]
			for i := range row {
				row[i] -= mx[i]
			}
		}
	}
	for i, c := range l.y {
		zy[i] = Z[c*n+i]
	}
	vmath.Exp(Z[:K*n], Z[:K*n])
	copy(sum, Z[:n])
	for k := 1; k < K; k++ {
		addTo(sum, Z[k*n:(k+1)*n])
	}
	// −log p_y = log Σ − (z_y − max)
	loss := 0.0
	if l.sw == nil {
		// log Σ ∈ [lo, hi + log K] unshifted, [0, log K] shifted
		bound := math.Log(float64(K)) + 1
		if !shifted {
			bound += max(hi, -lo)
		}
		loss = sumLog(sum, max(1, min(logChunk, int(700/bound))))
		for _, v := range zy {
			loss -= v
		}
		for i, s := range sum {
			sum[i] = 1 / s
		}
	} else {
		for i, s := range sum {
			w := l.sw[i]
			loss += w * (math.Log(s) - zy[i])
			sum[i] = w / s
		}
	}
	for k := 0; k < K; k++ {
		gb[k] = scaleSum(Z[k*n:(k+1)*n], sum)
	}
	for i, c := range l.y {
		w := 1.0
		if l.sw != nil {
			w = l.sw[i]
		}
		Z[c*n+i] -= w
		gb[c] -= w
	}
	return loss
}

// binary is multinomial's two-class form with one decision row z:
// Σ wᵢ(log(1+e^{sᵢ}) − tᵢsᵢ) for sᵢ = zᵢ + b, residuals wᵢ(σ(sᵢ) − tᵢ).
func (l *logLoss) binary(z []float64, b float64, gb []float64) float64 {
	n := len(l.y)
	z = z[:n]
	e := l.mx[:n]
	for i := range z {
		z[i] += b
		e[i] = -math.Abs(z[i])
	}
	vmath.Exp(e, e) // e^{−|s|} ∈ (0, 1]
	loss, g := 0.0, 0.0
	for i, s := range z {
		w := 1.0
		if l.sw != nil {
			w = l.sw[i]
		}
		t := float64(l.y[i])
		ei := e[i]
		// softplus(s) = max(s, 0) + log1p(e^{−|s|})
		loss += w * (max(s, 0) + math.Log1p(ei) - t*s)
		p := 1 / (1 + ei)
		if s < 0 {
			p = ei * p
		}
		r := w * (p - t)
		z[i] = r
		g += r
	}
	gb[0] = g
	return loss
}
