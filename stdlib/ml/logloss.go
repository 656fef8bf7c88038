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

// logChunk is how many factors in [1, K] are multiplied before one log:
// Σ log sᵢ = log Π sᵢ with the product kept far from overflow.
const logChunk = 128

// sumLog returns Σ log s[i] for s[i] ≥ 1 (at most 2^8 each) with one log
// per logChunk values.
func sumLog(s []float64) float64 {
	t := 0.0
	for len(s) > 0 {
		c := s[:min(logChunk, len(s))]
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
	// intercepts and the per-sample maximum
	row := Z[:n]
	b0 := b[0]
	for i := range row {
		v := row[i] + b0
		row[i] = v
		mx[i] = v
	}
	for k := 1; k < K; k++ {
		row := Z[k*n : (k+1)*n]
		bk := b[k]
		for i := range row {
			v := row[i] + bk
			row[i] = v
			mx[i] = max(mx[i], v)
		}
	}
	for k := 0; k < K; k++ {
		row := Z[k*n : (k+1)*n]
		mx := mx[:len(row)]
		for i := range row {
			row[i] -= mx[i]
		}
	}
	for i, c := range l.y {
		zy[i] = Z[c*n+i]
	}
	vmath.Exp(Z[:K*n], Z[:K*n])
	copy(sum, Z[:n])
	for k := 1; k < K; k++ {
		row := Z[k*n : (k+1)*n]
		sum := sum[:len(row)]
		for i := range row {
			sum[i] += row[i]
		}
	}
	// −log p_y = log Σ − (z_y − max)
	loss := 0.0
	if l.sw == nil {
		loss = sumLog(sum)
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
		row := Z[k*n : (k+1)*n]
		sum := sum[:len(row)]
		// four partial sums: no chain of dependent additions
		var g0, g1, g2, g3 float64
		i := 0
		for ; i+4 <= len(row); i += 4 {
			r, s := row[i:i+4:i+4], sum[i:i+4:i+4]
			r[0] *= s[0]
			r[1] *= s[1]
			r[2] *= s[2]
			r[3] *= s[3]
			g0 += r[0]
			g1 += r[1]
			g2 += r[2]
			g3 += r[3]
		}
		for ; i < len(row); i++ {
			row[i] *= sum[i]
			g0 += row[i]
		}
		gb[k] = (g0 + g1) + (g2 + g3)
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
		loss += w * (math.Max(s, 0) + math.Log1p(ei) - t*s)
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
