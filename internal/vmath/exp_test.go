package vmath

import (
	"math"
	"math/big"
	"math/rand"
	"testing"
)

// ulps returns the distance between a and b in units in the last place
// (0 for identical bits, including NaN payload-agnostic NaN pairs).
func ulps(a, b float64) uint64 {
	if math.IsNaN(a) && math.IsNaN(b) {
		return 0
	}
	ia, ib := int64(math.Float64bits(a)), int64(math.Float64bits(b))
	if (ia < 0) != (ib < 0) {
		return math.MaxUint64
	}
	if ia > ib {
		return uint64(ia - ib)
	}
	return uint64(ib - ia)
}

// kernels are the implementations every accuracy test runs.
var kernels = []struct {
	name string
	f    func(dst, src []float64)
}{{"Exp", Exp}, {"ExpGo", ExpGo}}

func TestExpTable(t *testing.T) {
	const prec = 300
	c := new(big.Float).SetPrec(prec).SetInt64(2)
	for j := 0; j < expBits; j++ { // 2^(1/expN)
		c.Sqrt(c)
	}
	v := new(big.Float).SetPrec(prec).SetInt64(1)
	one := new(big.Float).SetPrec(prec).SetInt64(1)
	for i := 0; i < expN; i++ {
		s, _ := v.Float64()
		q := new(big.Float).SetPrec(prec).Quo(v, new(big.Float).SetPrec(prec).SetFloat64(s))
		tail, _ := q.Sub(q, one).Float64()
		if got, want := expScale[i], math.Float64bits(s)-uint64(i)<<(52-expBits); got != want {
			t.Errorf("expScale[%d] = %#x, want %#x", i, got, want)
		}
		if got, want := expTail[i], math.Float64bits(tail); got != want {
			t.Errorf("expTail[%d] = %#x, want %#x", i, got, want)
		}
		v.Mul(v, c)
	}
}

func TestExpSpecial(t *testing.T) {
	in := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(),
		709.78, 709.7827128933840, 709.79, 710, 1e300, -1e300, 708, -708, 707.99999999, -707.99999999,
		-708.4, -708.5, -709, -720, -740, -745.1, -745.13321910194122, -745.2, -746, -1000,
		1, -1, 0.5, 1e-300, -1e-300, 5e-324, math.SmallestNonzeroFloat64, 1e-17, -1e-17, 2, 10, 100}
	for _, k := range kernels {
		// every value in every lane position, and runs of them together
		for shift := 0; shift < 5; shift++ {
			src := append(make([]float64, shift), in...)
			dst := make([]float64, len(src))
			k.f(dst, src)
			for i, x := range in {
				want := math.Exp(x)
				got := dst[shift+i]
				if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) || !(math.Abs(x) < expBound) {
					if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
						t.Errorf("%s: exp(%v) = %v, want exactly %v", k.name, x, got, want)
					}
				} else if ulps(got, want) > 1 {
					t.Errorf("%s: exp(%v) = %v, math.Exp %v", k.name, x, got, want)
				}
			}
		}
	}
	if got := expOne(0); got != 1 {
		t.Errorf("exp(0) = %v, want 1", got)
	}
}

func expOne(x float64) float64 {
	d := []float64{x}
	Exp(d, d)
	return d[0]
}

// sample draws inputs across the whole domain: uniform on [-750, 712],
// uniform on [-1, 1], log-uniform magnitudes down to 1e-310 of both
// signs, and random bit patterns.
func sample(n int, rng *rand.Rand) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		switch i % 4 {
		case 0:
			xs[i] = -750 + 1462*rng.Float64()
		case 1:
			xs[i] = 2*rng.Float64() - 1
		case 2:
			m := math.Pow(10, -310+313*rng.Float64())
			if rng.Intn(2) == 0 {
				m = -m
			}
			xs[i] = m
		default:
			xs[i] = math.Float64frombits(rng.Uint64())
		}
	}
	return xs
}

// TestExpAccuracy measures the error against a 200-bit reference over
// the normal-result range: at most 0.52 ulp (math.Exp's own worst case
// on the same inputs is logged for comparison).
func TestExpAccuracy(t *testing.T) {
	n := 40_000
	if testing.Short() {
		n = 4_000
	}
	rng := rand.New(rand.NewSource(4))
	src := make([]float64, n)
	for i := range src {
		if i%2 == 0 {
			src[i] = -expBound + 2*expBound*rng.Float64()
		} else {
			src[i] = 2*rng.Float64() - 1
		}
	}
	dst := make([]float64, n)
	var worstMath float64
	for _, x := range src {
		worstMath = max(worstMath, ulpError(math.Exp(x), x))
	}
	for _, k := range kernels {
		k.f(dst, src)
		var worst float64
		for i, x := range src {
			e := ulpError(dst[i], x)
			if e > 0.52 {
				t.Errorf("%s: exp(%v) = %v: %.3f ulp from exact", k.name, x, dst[i], e)
			}
			worst = max(worst, e)
		}
		t.Logf("%s: worst error %.4f ulp over %d inputs (math.Exp: %.4f ulp)", k.name, worst, n, worstMath)
	}
}

// TestExpVsMathExp compares with math.Exp over the whole domain: results
// agree within 1 ulp, except where math.Exp itself is more than 1 ulp
// off, where the result must be within 0.52 ulp of exact.
func TestExpVsMathExp(t *testing.T) {
	n := 4_000_000
	if testing.Short() {
		n = 400_000
	}
	src := sample(n, rand.New(rand.NewSource(1)))
	dst := make([]float64, n)
	for _, k := range kernels {
		k.f(dst, src)
		var diff, far, bad int
		for i, x := range src {
			want := math.Exp(x)
			d := ulps(dst[i], want)
			if d > 1 {
				far++
				if e := ulpError(dst[i], x); e > 0.52 {
					if bad < 10 {
						t.Errorf("%s: exp(%v) = %v, math.Exp %v (%d ulp apart, %.3f ulp from exact)", k.name, x, dst[i], want, d, e)
					}
					bad++
				}
			}
			if d != 0 {
				diff++
			}
		}
		t.Logf("%s: %d inputs: %d differ from math.Exp, %d by more than 1 ulp (math.Exp then the less accurate)", k.name, n, diff, far)
	}
}

func TestExpLengthsAndAliasing(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 23; n++ {
		src := sample(n, rng)
		for i := 0; i < n; i += 3 {
			src[i] = -20 + 40*rng.Float64()
		}
		want := make([]float64, n)
		for i, x := range src {
			want[i] = expOne(x) // the same kernel one value at a time
		}
		got := make([]float64, n)
		Exp(got, src)
		inPlace := append([]float64(nil), src...)
		Exp(inPlace, inPlace)
		for i := range want {
			if ulps(got[i], want[i]) != 0 || ulps(inPlace[i], want[i]) != 0 {
				t.Fatalf("n=%d i=%d exp(%v): got %v, in place %v, alone %v", n, i, src[i], got[i], inPlace[i], want[i])
			}
		}
	}
}
