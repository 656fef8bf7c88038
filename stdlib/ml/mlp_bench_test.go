package ml

import (
	"testing"

	"github.com/sim-lang/sim/runtime"
)

// BenchmarkMLPDigits trains MLPClassifier((100,)) on the digits for 30
// epochs at the default batch (200), like bench/ml/mlp_digits.py.
func BenchmarkMLPDigits(b *testing.B) {
	ds, err := readDataset("digits.csv.gz")
	if err != nil {
		b.Fatal(err)
	}
	X := ds.X.clone()
	for k := range X.d {
		X.d[k] /= 16
	}
	y := make([]float64, len(ds.y))
	for i, c := range ds.y {
		y[i] = float64(c)
	}
	Xv, yv := X.value(), floatsValue(y)
	for b.Loop() {
		e, err := newEstimator(specs["MLPClassifier"], nil, []runtime.Kwarg{
			{Name: "hidden_layer_sizes", Value: runtime.MakeTuple(runtime.MakeInt(100))},
			{Name: "max_iter", Value: runtime.MakeInt(30)},
			{Name: "n_iter_no_change", Value: runtime.MakeInt(1000)},
			{Name: "random_state", Value: runtime.MakeInt(0)},
		})
		if err != nil {
			b.Fatal(err)
		}
		if err := mlpFit(e, nil, Xv, yv); err != nil {
			b.Fatal(err)
		}
	}
}
