package integrate

import "testing"

// colsOf makes a vectorized right-hand side from a one-state one,
// counting its calls.
func colsOf(f rhsFunc, n int, calls *int) colsFunc {
	y, out := make([]float64, n), make([]float64, n)
	return func(t float64, Y []float64, k int, F []float64) error {
		*calls++
		for j := 0; j < k; j++ {
			for r := 0; r < n; r++ {
				y[r] = Y[r*k+j]
			}
			if err := f(t, y, out); err != nil {
				return err
			}
			for r := 0; r < n; r++ {
				F[r*k+j] = out[r]
			}
		}
		return nil
	}
}

// TestVectorizedJacobian: with a vectorized function the implicit
// methods take exactly the steps of the plain run (the same Jacobians),
// with one call per Jacobian plus one per retry of lost columns.
func TestVectorizedJacobian(t *testing.T) {
	for _, m := range []string{"BDF", "Radau", "LSODA"} {
		plain := newProblem(robertson, 3, 0, 1e5, 1e-6, 1e-10)
		want, err := solveIVP(plain, []float64{1, 0, 0}, ivpOptions{method: m})
		if err != nil {
			t.Fatal(err)
		}
		calls := 0
		vec := newProblem(robertson, 3, 0, 1e5, 1e-6, 1e-10)
		vec.funCols = colsOf(robertson, 3, &calls)
		got, err := solveIVP(vec, []float64{1, 0, 0}, ivpOptions{method: m})
		if err != nil {
			t.Fatal(err)
		}
		if got.nfev != want.nfev || got.njev != want.njev || got.nlu != want.nlu || len(got.t) != len(want.t) {
			t.Errorf("%s: counts differ: %d %d %d %d vs %d %d %d %d", m, got.nfev, got.njev, got.nlu, len(got.t), want.nfev, want.njev, want.nlu, len(want.t))
		}
		yg, yw := got.y[len(got.y)-1], want.y[len(want.y)-1]
		for i := range yg {
			if yg[i] != yw[i] {
				t.Errorf("%s: y[%d] = %v, plain %v", m, i, yg[i], yw[i])
			}
		}
		if calls < got.njev || calls > 2*got.njev {
			t.Errorf("%s: %d vectorized calls for %d Jacobians", m, calls, got.njev)
		}
	}
}
