package array

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sim-lang/sim/lang"
	rt "github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

func ints(vs ...int64) rt.Value {
	l := make([]rt.Value, len(vs))
	for k, v := range vs {
		l[k] = rt.MakeInt(v)
	}
	return rt.NewList(l)
}

func sl(lo, hi, step rt.Value) rt.Value {
	return rt.MakeObj(&rt.Slice{Start: lo, Stop: hi, Step: step})
}

var none = rt.None

func i(v int64) rt.Value { return rt.MakeInt(v) }

func mustBin(t *testing.T, op lang.Op, x, y *Array) *Array {
	t.Helper()
	r, err := BinaryOp(op, x, y)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func wantF(t *testing.T, a *Array, shape []int, vals ...float64) {
	t.Helper()
	if !reflect.DeepEqual(a.Shape(), shape) {
		t.Fatalf("shape %v, want %v", a.Shape(), shape)
	}
	if got := a.Float64s(); !reflect.DeepEqual(got, vals) {
		t.Fatalf("values %v, want %v", got, vals)
	}
}

func TestBroadcasting(t *testing.T) {
	m := FromFloats([]float64{1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3)
	wantF(t, mustBin(t, lang.Plus, m, scalarFloat(10, units.Dim{})), []int{3, 3}, 11, 12, 13, 14, 15, 16, 17, 18, 19)
	row := FromFloats([]float64{10, 20, 30})
	wantF(t, mustBin(t, lang.Plus, m, row), []int{3, 3}, 11, 22, 33, 14, 25, 36, 17, 28, 39)
	col := FromFloats([]float64{1, 2, 3}, 3, 1)
	wantF(t, mustBin(t, lang.Star, col, row), []int{3, 3}, 10, 20, 30, 20, 40, 60, 30, 60, 90)
	_, err := BinaryOp(lang.Plus, FromFloats(make([]float64, 6), 3, 2), row)
	if err == nil || err.Error() != "operands could not be broadcast together with shapes (3,2) (3,)" {
		t.Fatalf("err = %v", err)
	}
}

func TestDTypesAndIntOps(t *testing.T) {
	a := FromInts([]int64{7, -7, 3})
	b := FromInts([]int64{2, 2, 0})
	r := mustBin(t, lang.SlashSlash, a, b)
	if r.DType() != Int || !reflect.DeepEqual(r.Int64s(), []int64{3, -4, 0}) {
		t.Fatalf("// = %v", r)
	}
	r = mustBin(t, lang.Percent, a, b)
	if !reflect.DeepEqual(r.Int64s(), []int64{1, 1, 0}) {
		t.Fatalf("%% = %v", r)
	}
	r = mustBin(t, lang.Slash, a, b)
	if r.DType() != Float || r.Float64s()[0] != 3.5 {
		t.Fatalf("/ = %v", r)
	}
	fm := mustBin(t, lang.Percent, FromFloats([]float64{-1, 5.5}), scalarFloat(3, units.Dim{}))
	wantF(t, fm, []int{2}, 2, 2.5)
	_, err := BinaryOp(lang.StarStar, a, scalarInt(-1))
	if err == nil || !strings.Contains(err.Error(), "Integers to negative integer powers are not allowed") {
		t.Fatalf("err = %v", err)
	}
	p := mustBin(t, lang.StarStar, a, scalarInt(2))
	if !reflect.DeepEqual(p.Int64s(), []int64{49, 49, 9}) {
		t.Fatal(p)
	}
	bs := mustBin(t, lang.Plus, FromBools([]bool{true, false}), scalarInt(1))
	if bs.DType() != Int || !reflect.DeepEqual(bs.Int64s(), []int64{2, 1}) {
		t.Fatal(bs)
	}
	cmp := mustBin(t, lang.Lt, a, scalarFloat(3.5, units.Dim{}))
	if cmp.Str() != "[False  True  True]" {
		t.Fatal(cmp.Str())
	}
}

func TestViewsAndCopies(t *testing.T) {
	a := arangeF(5, 1)
	b, err := a.Get(sl(i(1), i(3), none))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.SetIndex(i(0), rt.MakeFloat(50)); err != nil {
		t.Fatal(err)
	}
	wantF(t, a, []int{5}, 0, 50, 2, 3, 4)
	c, _ := a.Get(ints(1, 2))
	c.SetIndex(i(0), rt.MakeFloat(-1))
	wantF(t, a, []int{5}, 0, 50, 2, 3, 4)
	rev, _ := a.Get(sl(none, none, i(-2)))
	wantF(t, rev, []int{3}, 4, 2, 0)
	v, _ := a.Index(i(-1))
	if v.AsFloat() != 4 {
		t.Fatal(v)
	}
}

func TestIndexing2D(t *testing.T) {
	m := arangeI(12, 3, 4)
	get := func(key rt.Value) string {
		r, err := m.Get(key)
		if err != nil {
			t.Fatal(err)
		}
		return r.Str()
	}
	full := sl(none, none, none)
	cases := []struct {
		key  rt.Value
		want string
	}{
		{rt.MakeTuple(full, i(1)), "[1 5 9]"},
		{rt.MakeTuple(ints(0, 2), sl(i(1), none, none)), "[[ 1  2  3]\n [ 9 10 11]]"},
		{rt.MakeTuple(ints(0, 2), ints(1, 3)), "[ 1 11]"},
		{rt.MakeTuple(rt.Ellipsis, i(0)), "[0 4 8]"},
		{rt.MakeTuple(none, i(0)), "[[0 1 2 3]]"},
		{rt.MakeTuple(i(1), none), "[[4 5 6 7]]"},
		{rt.MakeTuple(full, none, i(2)), "[[ 2]\n [ 6]\n [10]]"},
		{rt.MakeTuple(ints(0, 1), full, none), "[[[0]\n  [1]\n  [2]\n  [3]]\n\n [[4]\n  [5]\n  [6]\n  [7]]]"},
		{rt.MakeTuple(full, ints(0, 0)), "[[0 0]\n [4 4]\n [8 8]]"},
	}
	for _, c := range cases {
		if got := get(c.key); got != c.want {
			t.Errorf("m[%s] = %q, want %q", rt.Repr(c.key), got, c.want)
		}
	}
	mask := mustBin(t, lang.Gt, m, scalarInt(8))
	r, _ := m.Get(Value(mask))
	if r.Str() != "[ 9 10 11]" {
		t.Fatal(r.Str())
	}
	rowMask := Value(FromBools([]bool{true, false, true}))
	r, _ = m.Get(rowMask)
	if r.Str() != "[[ 0  1  2  3]\n [ 8  9 10 11]]" {
		t.Fatal(r.Str())
	}
	// non-adjacent advanced indices go first
	cube := arangeI(24, 2, 3, 4)
	r, _ = cube.Get(rt.MakeTuple(ints(0, 1), full, ints(0, 3)))
	if !reflect.DeepEqual(r.Shape(), []int{2, 3}) || r.Str() != "[[ 0  4  8]\n [15 19 23]]" {
		t.Fatal(r.Shape(), r.Str())
	}
	_, err := m.Get(rt.MakeTuple(i(3)))
	if err == nil || err.Error() != "index 3 is out of bounds for axis 0 with size 3" {
		t.Fatal(err)
	}
	_, err = m.Get(rt.MakeTuple(i(0), i(0), i(0)))
	if err == nil || err.Error() != "too many indices for array: array is 2-dimensional, but 3 were indexed" {
		t.Fatal(err)
	}
	_, err = m.Get(Value(FromBools([]bool{true, false})))
	if err == nil || !strings.Contains(err.Error(), "boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 2") {
		t.Fatal(err)
	}
}

func TestAssignment(t *testing.T) {
	m := Zeros(Float, []int{3, 3}, units.Dim{})
	full := sl(none, none, none)
	if err := m.SetIndex(rt.MakeTuple(full, i(1)), ints(1, 2, 3)); err != nil {
		t.Fatal(err)
	}
	if err := m.SetIndex(i(0), rt.MakeFloat(7)); err != nil {
		t.Fatal(err)
	}
	mask := mustBin(t, lang.Eq, m, scalarFloat(2, units.Dim{}))
	if err := m.SetIndex(Value(mask), rt.MakeFloat(-1)); err != nil {
		t.Fatal(err)
	}
	if err := m.SetIndex(rt.MakeTuple(ints(1, 2), ints(0, 2)), ints(8, 9)); err != nil {
		t.Fatal(err)
	}
	wantF(t, m, []int{3, 3}, 7, 7, 7, 8, -1, 0, 0, 3, 9)
	err := m.SetIndex(full, ints(1, 2))
	if err == nil || err.Error() != "could not broadcast input array from shape (2,) into shape (3,3)" {
		t.Fatal(err)
	}
	ia := FromInts([]int64{1, 2})
	ia.SetIndex(i(0), rt.MakeFloat(2.7))
	if ia.Int64s()[0] != 2 {
		t.Fatal(ia)
	}
}

func TestUnits(t *testing.T) {
	_, mv, _ := units.Lookup("mV")
	volt := mv
	_, amp, _ := units.Lookup("nA")
	v := New([]int{3}, []float64{0.001, 0.002, 0.003}, volt)
	if v.Str() != "[1. 2. 3.] mV" {
		t.Fatalf("str %q", v.Str())
	}
	if v.String() != "array([1., 2., 3.]) * mvolt" {
		t.Fatalf("repr %q", v.String())
	}
	x := New([]int{2}, []float64{1e-9, 2e-9}, amp)
	_, err := BinaryOp(lang.Plus, v, scalarFloat(2e-9, amp))
	if err == nil || err.Error() != "cannot add [1. 2. 3.] mV and 2 nA: units do not match (volt vs amp)" {
		t.Fatal(err)
	}
	p := mustBin(t, lang.Star, x, scalarFloat(2, units.Dim{}))
	if p.Dim() != amp {
		t.Fatal(p.Dim())
	}
	// comparing with a plain zero is allowed (Brian2)
	if _, err := BinaryOp(lang.Gt, v, scalarInt(0)); err != nil {
		t.Fatal(err)
	}
	sq := mustBin(t, lang.StarStar, v, scalarInt(2))
	if sq.Dim() != volt.Mul(volt) {
		t.Fatal(sq.Dim())
	}
	el, _ := v.Index(i(1))
	if q, ok := el.Obj().(rt.Quantity); !ok || q.V != 0.002 || q.D != volt {
		t.Fatal(el)
	}
	if err := v.SetIndex(i(0), rt.MakeQuantity(0.005, volt)); err != nil {
		t.Fatal(err)
	}
	if err := v.SetIndex(i(0), rt.MakeFloat(5)); err == nil {
		t.Fatal("assigning a plain number into a volt array must fail")
	}
	// a plain array stores a quantity's SI value, as numpy does with
	// Brian2's quantities
	plain := FromFloats([]float64{1, 2})
	if err := plain.SetIndex(i(0), rt.MakeQuantity(1e-3, volt)); err != nil || plain.Float64s()[0] != 1e-3 || !plain.Dim().IsDimensionless() {
		t.Fatal(err, plain)
	}
	ratio := mustBin(t, lang.Slash, v, scalarFloat(1e-3, volt))
	if !ratio.Dim().IsDimensionless() || ratio.Float64s()[1] != 2 {
		t.Fatal(ratio)
	}
}
