package ml

import (
	"math"
	"testing"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// array returns the float elements of an array value.
func floats(v runtime.Value) ([]float64, error) {
	a, err := array.From(v)
	if err != nil {
		return nil, err
	}
	return a.Flatten().Float64s(), nil
}

// standardIris returns the iris features scaled to zero mean and unit
// variance, and the class of each sample.
func standardIris(t *testing.T) (*mat, []int) {
	ds, err := readDataset("iris.csv")
	if err != nil {
		t.Fatal(err)
	}
	X := ds.X.clone()
	mu := colMeans(X)
	for j := 0; j < X.c; j++ {
		v := 0.0
		for i := 0; i < X.r; i++ {
			v += (X.at(i, j) - mu[j]) * (X.at(i, j) - mu[j])
		}
		sd := math.Sqrt(v / float64(X.r))
		for i := 0; i < X.r; i++ {
			X.d[i*X.c+j] = (X.d[i*X.c+j] - mu[j]) / sd
		}
	}
	return X, ds.y
}

// TestSAGReachesLBFGS fits the same penalized problem with the three
// solvers (multinomial, binary, with and without class weights) and
// checks that SAG and SAGA land on the lbfgs minimizer.
func TestSAGReachesLBFGS(t *testing.T) {
	X, cls := standardIris(t)
	for _, binary := range []bool{false, true} {
		for _, balanced := range []bool{false, true} {
			y := make([]float64, len(cls))
			for i, c := range cls {
				y[i] = float64(c)
				if binary && c != 2 {
					y[i] = 0
				}
			}
			l := encode(y, true)
			fit := func(solver string, tol float64, maxIter int) *Estimator {
				kw := []runtime.Kwarg{
					{Name: "solver", Value: runtime.MakeStr(solver)},
					{Name: "tol", Value: runtime.MakeFloat(tol)},
					{Name: "max_iter", Value: runtime.MakeInt(int64(maxIter))},
					{Name: "random_state", Value: runtime.MakeInt(0)},
				}
				if balanced {
					kw = append(kw, runtime.Kwarg{Name: "class_weight", Value: runtime.MakeStr("balanced")})
				}
				e := logisticEstimator(t, kw...)
				if _, err := logisticFit(e, X, l, nil); err != nil {
					t.Fatal(err)
				}
				return e
			}
			ref := fit("lbfgs", 1e-10, 2000)
			rc, _ := floats(ref.fitted["coef_"])
			rb, _ := floats(ref.fitted["intercept_"])
			for _, solver := range []string{"sag", "saga"} {
				e := fit(solver, 1e-9, 5000)
				c, _ := floats(e.fitted["coef_"])
				b, _ := floats(e.fitted["intercept_"])
				it, _ := floats(e.fitted["n_iter_"])
				if it[0] >= 5000 {
					t.Errorf("%s binary=%v: did not converge", solver, binary)
				}
				for j := range rc {
					if math.Abs(c[j]-rc[j]) > 1e-5*math.Max(1, math.Abs(rc[j])) {
						t.Fatalf("%s binary=%v balanced=%v: coef[%d] = %.8g, lbfgs %.8g", solver, binary, balanced, j, c[j], rc[j])
					}
				}
				for j := range rb {
					if math.Abs(b[j]-rb[j]) > 1e-5*math.Max(1, math.Abs(rb[j])) {
						t.Fatalf("%s binary=%v: intercept[%d] = %.8g, lbfgs %.8g", solver, binary, j, b[j], rb[j])
					}
				}
			}
		}
	}
}

// TestSAGSeeded checks that random_state fixes the sampling: two short
// runs with the same seed agree exactly, another seed differs.
func TestSAGSeeded(t *testing.T) {
	X, cls := standardIris(t)
	y := make([]float64, len(cls))
	for i, c := range cls {
		y[i] = float64(c)
	}
	l := encode(y, true)
	run := func(seed int64) []float64 {
		p := &sagProblem{X: X, y: l.idx, rows: 3, alpha: 1 / float64(X.r), fitB: true}
		rng, err := seeded("test", runtime.MakeInt(seed))
		if err != nil {
			t.Fatal(err)
		}
		w, it := p.solve(3, 0, rng)
		if it != 3 {
			t.Fatalf("%d epochs, want 3", it)
		}
		return w
	}
	a, b, c := run(7), run(7), run(8)
	same := true
	for j := range a {
		if a[j] != b[j] {
			t.Fatalf("same seed: w[%d] %g vs %g", j, a[j], b[j])
		}
		same = same && a[j] == c[j]
	}
	if same {
		t.Errorf("seeds 7 and 8 gave the same weights")
	}
}
