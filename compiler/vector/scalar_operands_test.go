package vector_test

import (
	"testing"

	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime/vecvm"
)

// TestScalarCoefficientsSurviveFusion is a regression test: rewriting
// s*x into a fused instruction appends a node (-s) that an older node
// uses; liveness must still reach s, or the prologue reads a wrong
// register.
func TestScalarCoefficientsSurviveFusion(t *testing.T) {
	e, err := lang.ParseExpr("t", "-a/b - s*c + z")
	if err != nil {
		t.Fatal(err)
	}
	syms := map[string]vector.Symbol{
		"a": {Kind: vector.Array, Slot: 0}, "b": {Kind: vector.Array, Slot: 1}, "c": {Kind: vector.Array, Slot: 2},
		"s": {Kind: vector.Scalar, Slot: 0}, "z": {Kind: vector.Scalar, Slot: 1},
	}
	p, err := vector.CompileExpr(e, func(n string) (vector.Symbol, bool) { s, ok := syms[n]; return s, ok }, vector.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := []float64{0, 1, 3}, []float64{1, 2, 4}, []float64{-2, 5, 0.25}
	ctx := &vecvm.Context{Arrays: [][]float64{a, b, c}, Scalars: []float64{2, 0.5}}
	out := make([]float64, 3)
	if err := vecvm.Eval(p, ctx, 3, out); err != nil {
		t.Fatal(err)
	}
	for k := range out {
		if want := -a[k]/b[k] - 2*c[k] + 0.5; out[k] != want {
			t.Errorf("element %d: got %v, want %v\n%s", k, out[k], want, p.Disassemble())
		}
	}
}
