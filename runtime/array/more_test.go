package array

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sim-lang/sim/lang"
	rt "github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

func TestIterTruthAndList(t *testing.T) {
	m := arangeI(6, 2, 3)
	it := m.Iterate()
	var v rt.Value
	var rows []string
	for it.Next(&v) {
		rows = append(rows, rt.Str(v))
	}
	if !reflect.DeepEqual(rows, []string{"[0 1 2]", "[3 4 5]"}) {
		t.Fatal(rows)
	}
	if m.Len() != 2 {
		t.Fatal(m.Len())
	}
	if _, err := m.Truth(); err == nil || err.Error() != "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()" {
		t.Fatal(err)
	}
	if ok, err := FromInts([]int64{0}).Truth(); ok || err != nil {
		t.Fatal(ok, err)
	}
	if got := rt.Repr(m.ToList()); got != "[[0, 1, 2], [3, 4, 5]]" {
		t.Fatal(got)
	}
	if err := scalarFloat(1, units.Dim{}).CheckIterable(); err == nil {
		t.Fatal("0-d arrays are not iterable")
	}
	in, err := m.Binary(lang.In, rt.MakeInt(4), rt.Right)
	if err != nil || !in.AsBool() {
		t.Fatal(in, err)
	}
}

func TestShapes(t *testing.T) {
	a := arangeI(12)
	r, err := a.Reshape([]int{3, -1})
	if err != nil || !reflect.DeepEqual(r.Shape(), []int{3, 4}) {
		t.Fatal(r, err)
	}
	if _, err := a.Reshape([]int{5, -1}); err == nil || err.Error() != "cannot reshape array of size 12 into shape (5, -1)" {
		t.Fatal(err)
	}
	// transpose is a view
	tr, _ := r.Transpose(nil)
	tr.SetIndex(rt.MakeTuple(i(0), i(1)), rt.MakeInt(99))
	if a.Int64s()[4] != 99 {
		t.Fatal("transpose must be a view", a)
	}
	if tr.Str() != "[[ 0 99  8]\n [ 1  5  9]\n [ 2  6 10]\n [ 3  7 11]]" {
		t.Fatal(tr.Str())
	}
	_, mv, _ := units.Lookup("mV")
	_, na, _ := units.Lookup("nA")
	_, err = Concatenate([]*Array{New([]int{1}, []float64{1}, mv), New([]int{1}, []float64{1}, na)}, 0)
	if err == nil || !strings.Contains(err.Error(), "units do not match (volt vs amp)") {
		t.Fatal(err)
	}
	c, err := Concatenate([]*Array{FromInts([]int64{1}), FromFloats([]float64{2.5})}, 0)
	if err != nil || c.Str() != "[1.  2.5]" {
		t.Fatal(c, err)
	}
	s, _ := Stack([]*Array{FromInts([]int64{1, 2}), FromInts([]int64{3, 4})}, 1)
	if s.Str() != "[[1 3]\n [2 4]]" {
		t.Fatal(s.Str())
	}
	sq, _ := arangeI(3, 1, 3, 1).Squeeze(nil)
	if !reflect.DeepEqual(sq.Shape(), []int{3}) {
		t.Fatal(sq.Shape())
	}
}

func TestToArrayHook(t *testing.T) {
	_, mv, _ := units.Lookup("mV")
	v, err := rt.ToArray(rt.NewList([]rt.Value{rt.MakeQuantity(1e-3, mv), rt.MakeQuantity(2e-3, mv)}))
	if err != nil {
		t.Fatal(err)
	}
	if rt.Str(v) != "[1. 2.] mV" {
		t.Fatal(rt.Str(v))
	}
	_, err = rt.ToArray(rt.NewList([]rt.Value{rt.MakeQuantity(1e-3, mv), rt.MakeFloat(2)}))
	if err == nil || !strings.Contains(err.Error(), "different units (volt vs 1)") {
		t.Fatal(err)
	}
	_, err = rt.ToArray(rt.NewList([]rt.Value{rt.NewList([]rt.Value{i(1), i(2)}), i(3)}))
	if err == nil || !strings.Contains(err.Error(), "inhomogeneous shape after 1 dimensions") {
		t.Fatal(err)
	}
}

func TestMatMul(t *testing.T) {
	a := arangeF(6, 1).reshapeView([]int{2, 3})
	b := arangeF(6, 1).reshapeView([]int{3, 2})
	r, _ := MatMul(a, b)
	wantF(t, r, []int{2, 2}, 10, 13, 28, 40)
	v, _ := MatMul(a, FromFloats([]float64{1, 1, 1}))
	wantF(t, v, []int{2}, 3, 12)
	s, _ := MatMul(FromFloats([]float64{1, 2}), FromFloats([]float64{3, 4}))
	wantF(t, s, []int{}, 11)
	batch := arangeF(12, 1).reshapeView([]int{2, 2, 3})
	bb, _ := MatMul(batch, b)
	if !reflect.DeepEqual(bb.Shape(), []int{2, 2, 2}) || bb.Float64s()[4] != 46 {
		t.Fatal(bb)
	}
	_, err := MatMul(a, a)
	if err == nil || err.Error() != "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)" {
		t.Fatal(err)
	}
	// a large product goes through gonum's blas and agrees with the loop
	n := 64
	big := arangeF(n*n, 0.001).reshapeView([]int{n, n})
	g, _ := MatMul(big, big)
	want := make([]float64, n*n)
	matmulLoop(want, big.Float64s(), big.Float64s(), n, n, n)
	for k, x := range g.Float64s() {
		if d := x - want[k]; d > 1e-9 || d < -1e-9 {
			t.Fatalf("blas result differs at %d: %g vs %g", k, x, want[k])
		}
	}
}

func TestReduceAPI(t *testing.T) {
	m := arangeF(6, 1).reshapeView([]int{2, 3})
	r, _ := ReduceArray("sum", m, rt.MakeInt(-1), false, 0)
	wantF(t, r, []int{2}, 3, 12)
	r, _ = ReduceArray("max", m, rt.MakeTuple(i(0), i(1)), true, 0)
	wantF(t, r, []int{1, 1}, 5)
	_, err := ReduceArray("min", FromFloats([]float64{}), rt.None, false, 0)
	if err == nil || err.Error() != "zero-size array to reduction operation minimum which has no identity" {
		t.Fatal(err)
	}
	_, err = ReduceArray("sum", m, rt.MakeInt(2), false, 0)
	if err == nil || err.Error() != "axis 2 is out of bounds for array of dimension 2" {
		t.Fatal(err)
	}
	// pairwise summation keeps 1e6 * 0.1 accurate
	n := 1_000_000
	d := make([]float64, n)
	for k := range d {
		d[k] = 0.1
	}
	s, _ := ReduceArray("sum", FromFloats(d), rt.None, false, 0)
	if x := s.Float64s()[0]; x-100000 > 1e-6 || 100000-x > 1e-6 {
		t.Fatal(x)
	}
}

func TestInPlace(t *testing.T) {
	a := arangeF(4, 1)
	v, _ := a.Get(sl(i(1), i(3), none))
	if ok, err := a.InPlace(lang.Plus, rt.MakeInt(10), rt.Left, false); !ok || err != nil {
		t.Fatal(ok, err)
	}
	wantF(t, v, []int{2}, 11, 12)
	m := arangeF(6, 1).reshapeView([]int{2, 3})
	if err := m.InPlaceOp(lang.Star, FromFloats([]float64{1, 0, 2})); err != nil {
		t.Fatal(err)
	}
	wantF(t, m, []int{2, 3}, 0, 0, 4, 3, 0, 10)
	ia := FromInts([]int64{1, 2})
	if _, err := ia.InPlace(lang.Slash, rt.MakeInt(2), rt.Left, false); err == nil || err.Error() != "Cannot cast ufunc 'divide' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'" {
		t.Fatal(err)
	}
	if err := FromFloats([]float64{1, 2}).InPlaceOp(lang.Plus, arangeF(4, 1).reshapeView([]int{2, 2})); err == nil || err.Error() != "non-broadcastable output operand with shape (2,) doesn't match the broadcast shape (2,2)" {
		t.Fatal(err)
	}
	_, mv, _ := units.Lookup("mV")
	q := New([]int{2}, []float64{1, 2}, mv)
	if err := q.InPlaceOp(lang.Star, scalarFloat(1, mv)); err == nil {
		t.Fatal("*= with a unit must fail")
	}
}

func TestTemporaryElision(t *testing.T) {
	a, b := arangeF(4, 1), FromFloats([]float64{1, 1, 1, 1})
	tmp, _ := BinaryOp(lang.Star, a, b)
	before := &tmp.f[0]
	// (a*b) - 10 into the temporary; 10 - (a*b) with the temporary on the right
	if ok, _ := tmp.InPlace(lang.Minus, rt.MakeInt(10), rt.Left, true); !ok {
		t.Fatal("float temporary should take the result")
	}
	wantF(t, tmp, []int{4}, -10, -9, -8, -7)
	if ok, _ := tmp.InPlace(lang.Minus, rt.MakeInt(0), rt.Right, true); !ok {
		t.Fatal("right temporary should take the result")
	}
	wantF(t, tmp, []int{4}, 10, 9, 8, 7)
	if &tmp.f[0] != before {
		t.Fatal("storage not reused")
	}
	// declines: shape would grow, dtype would change, unit would change
	if ok, _ := tmp.InPlace(lang.Plus, Value(arangeF(8, 1).reshapeView([]int{2, 4})), rt.Left, true); ok {
		t.Fatal("must decline a broadcast that grows the shape")
	}
	it, _ := BinaryOp(lang.Plus, FromInts([]int64{1, 2}), scalarInt(1))
	if ok, _ := it.InPlace(lang.Slash, rt.MakeInt(2), rt.Left, true); ok {
		t.Fatal("must decline int / int")
	}
	_, mv, _ := units.Lookup("mV")
	if ok, _ := tmp.InPlace(lang.Star, rt.MakeQuantity(1, mv), rt.Left, true); ok {
		t.Fatal("must decline a unit change")
	}
	view, _ := a.Get(sl(i(0), i(2), none))
	if ok, _ := view.InPlace(lang.Plus, rt.MakeInt(1), rt.Left, true); ok {
		t.Fatal("must decline views")
	}
}
