package ml

import (
	"math"
	"math/rand/v2"
	"testing"
)

// naiveSoftmaxLoss is the textbook form of logLoss.multinomial on
// sample-major decision values.
func naiveSoftmaxLoss(z [][]float64, b []float64, y []int, sw []float64) (float64, [][]float64, []float64) {
	K := len(b)
	loss := 0.0
	res := make([][]float64, len(z))
	gb := make([]float64, K)
	for i, zi := range z {
		w := 1.0
		if sw != nil {
			w = sw[i]
		}
		mx := math.Inf(-1)
		for k := range zi {
			mx = math.Max(mx, zi[k]+b[k])
		}
		s := 0.0
		for k := range zi {
			s += math.Exp(zi[k] + b[k] - mx)
		}
		loss += w * (math.Log(s) - (zi[y[i]] + b[y[i]] - mx))
		res[i] = make([]float64, K)
		for k := range zi {
			r := w * math.Exp(zi[k]+b[k]-mx) / s
			if k == y[i] {
				r -= w
			}
			res[i][k] = r
			gb[k] += r
		}
	}
	return loss, res, gb
}

func TestLogLossMultinomial(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n, K = 301, 7
	for _, scale := range []float64{0.1, 20, 1000} { // 1000: the shifted path
		for _, weighted := range []bool{false, true} {
			z := make([][]float64, n)
			Z := make([]float64, K*n)
			y := make([]int, n)
			var sw []float64
			if weighted {
				sw = make([]float64, n)
			}
			b := make([]float64, K)
			for k := range b {
				b[k] = rng.NormFloat64()
			}
			for i := range z {
				z[i] = make([]float64, K)
				for k := range z[i] {
					z[i][k] = scale * rng.NormFloat64()
					Z[k*n+i] = z[i][k]
				}
				y[i] = rng.IntN(K)
				if weighted {
					sw[i] = rng.Float64() + 0.5
				}
			}
			want, res, wgb := naiveSoftmaxLoss(z, b, y, sw)
			gb := make([]float64, K)
			got := newLogLoss(y, sw).multinomial(Z, K, b, gb)
			if math.Abs(got-want) > 1e-11*math.Max(1, math.Abs(want)) {
				t.Errorf("scale %g weighted %v: loss %.17g, want %.17g", scale, weighted, got, want)
			}
			for i := range res {
				for k := range res[i] {
					if d := math.Abs(Z[k*n+i] - res[i][k]); d > 1e-13 {
						t.Fatalf("scale %g: residual [%d,%d] = %g, want %g", scale, i, k, Z[k*n+i], res[i][k])
					}
				}
			}
			for k := range gb {
				if math.Abs(gb[k]-wgb[k]) > 1e-11 {
					t.Errorf("scale %g: gb[%d] = %g, want %g", scale, k, gb[k], wgb[k])
				}
			}
		}
	}
}

func TestLogLossBinary(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const n = 257
	for _, scale := range []float64{0.5, 50} {
		z := make([]float64, n)
		y := make([]int, n)
		for i := range z {
			z[i] = scale * rng.NormFloat64()
			y[i] = rng.IntN(2)
		}
		const b = 0.3
		want, wg := 0.0, 0.0
		res := make([]float64, n)
		for i, zi := range z {
			s, t := zi+b, float64(y[i])
			want += math.Log1p(math.Exp(-math.Abs(s))) + math.Max(s, 0) - t*s
			res[i] = 1/(1+math.Exp(-s)) - t
			wg += res[i]
		}
		gb := []float64{0}
		got := newLogLoss(y, nil).binary(z, b, gb)
		if math.Abs(got-want) > 1e-11*math.Abs(want) || math.Abs(gb[0]-wg) > 1e-11 {
			t.Errorf("scale %g: loss %g gb %g, want %g %g", scale, got, gb[0], want, wg)
		}
		for i := range res {
			if math.Abs(z[i]-res[i]) > 1e-14 {
				t.Fatalf("residual %d = %g, want %g", i, z[i], res[i])
			}
		}
	}
}
