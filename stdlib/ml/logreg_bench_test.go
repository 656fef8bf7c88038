package ml

import (
	"testing"

	"github.com/sim-lang/sim/runtime"
)

// digitsFold returns the digits (the first 4/5 of the rows, like one
// cross-validation fold) for the solver benchmarks and tests.
func digitsFold(tb testing.TB) (*mat, *labels) {
	ds, err := readDataset("digits.csv.gz")
	if err != nil {
		tb.Fatal(err)
	}
	n := ds.X.r * 4 / 5
	X := &mat{n, ds.X.c, ds.X.d[:n*ds.X.c]}
	y := make([]float64, n)
	for i := range y {
		y[i] = float64(ds.y[i])
	}
	return X, encode(y, true)
}

// logisticEstimator returns an unfitted LogisticRegression with kwargs.
func logisticEstimator(tb testing.TB, kw ...runtime.Kwarg) *Estimator {
	e, err := newEstimator(specs["LogisticRegression"], nil, kw)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// BenchmarkLogisticLBFGS fits the multinomial model on one digits fold.
func BenchmarkLogisticLBFGS(b *testing.B) {
	X, l := digitsFold(b)
	for b.Loop() {
		e := logisticEstimator(b)
		if _, err := logisticFit(e, X, l, nil); err != nil {
			b.Fatal(err)
		}
	}
}
