package array

import (
	"testing"

	"github.com/sim-lang/sim/lang"
	rt "github.com/sim-lang/sim/runtime"
)

func benchArrays(n int) (*Array, *Array, *Array) {
	a, b, c := make([]float64, n), make([]float64, n), make([]float64, n)
	for k := range a {
		a[k], b[k], c[k] = float64(k), 0.5, 1
	}
	return FromFloats(a), FromFloats(b), FromFloats(c)
}

// BenchmarkMulAdd1e6 measures a*b + c on 10^6-element float arrays.
func BenchmarkMulAdd1e6(bm *testing.B) {
	a, b, c := benchArrays(1_000_000)
	for bm.Loop() {
		ab, _ := BinaryOp(lang.Star, a, b)
		BinaryOp(lang.Plus, ab, c)
	}
}

// BenchmarkScalarMul1e6 measures a*2.5 on 10^6 floats.
func BenchmarkScalarMul1e6(bm *testing.B) {
	a, _, _ := benchArrays(1_000_000)
	s := scalarFloat(2.5, a.dim)
	for bm.Loop() {
		BinaryOp(lang.Star, a, s)
	}
}

// BenchmarkSum1e6 measures a.sum() on 10^6 floats.
func BenchmarkSum1e6(bm *testing.B) {
	a, _, _ := benchArrays(1_000_000)
	for bm.Loop() {
		ReduceArray("sum", a, none, false, 0)
	}
}

// BenchmarkBroadcast1000x1000 measures (1000,1000) + (1000,).
func BenchmarkBroadcast1000x1000(bm *testing.B) {
	a, _, _ := benchArrays(1_000_000)
	m := a.reshapeView([]int{1000, 1000})
	row, _, _ := benchArrays(1000)
	for bm.Loop() {
		BinaryOp(lang.Plus, m, row)
	}
}

// BenchmarkMatMul200 measures a 200x200 float matrix product.
func BenchmarkMatMul200(bm *testing.B) {
	a, _, _ := benchArrays(40000)
	m := a.reshapeView([]int{200, 200})
	for bm.Loop() {
		MatMul(m, m)
	}
}

// BenchmarkMulAdd4000 measures a*b + c on 4000 floats (a neuron group).
func BenchmarkMulAdd4000(bm *testing.B) {
	a, b, c := benchArrays(4000)
	for bm.Loop() {
		ab, _ := BinaryOp(lang.Star, a, b)
		BinaryOp(lang.Plus, ab, c)
	}
}

// BenchmarkMulAdd1e5 measures a*b + c on 10^5 floats.
func BenchmarkMulAdd1e5(bm *testing.B) {
	a, b, c := benchArrays(100_000)
	for bm.Loop() {
		ab, _ := BinaryOp(lang.Star, a, b)
		BinaryOp(lang.Plus, ab, c)
	}
}

// BenchmarkMulAddElided1e6 measures a*b + c as the VM runs it: the
// compiler marks a*b as a temporary, so + computes into its storage.
func BenchmarkMulAddElided1e6(bm *testing.B) {
	a, b, c := benchArrays(1_000_000)
	cv := Value(c)
	for bm.Loop() {
		ab, _ := BinaryOp(lang.Star, a, b)
		ab.InPlace(lang.Plus, cv, rt.Left, true)
	}
}

// BenchmarkMulAddElided4000 is MulAddElided1e6 on 4000 floats.
func BenchmarkMulAddElided4000(bm *testing.B) {
	a, b, c := benchArrays(4000)
	cv := Value(c)
	for bm.Loop() {
		ab, _ := BinaryOp(lang.Star, a, b)
		ab.InPlace(lang.Plus, cv, rt.Left, true)
	}
}
