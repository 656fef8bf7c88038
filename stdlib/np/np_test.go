package np

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

var th = runtime.NewThread("test")

func mod(t *testing.T, name string) *runtime.Module {
	t.Helper()
	m, ok := runtime.LoadModule(name)
	if !ok {
		t.Fatalf("no module %s", name)
	}
	return m
}

// call calls np.<path> (for example "linalg.inv") with args and kwargs
// given as name=value pairs after a "kw" marker.
func call(t *testing.T, path string, args ...any) runtime.Value {
	t.Helper()
	v, err := tryCall(t, path, args...)
	if err != nil {
		t.Fatalf("np.%s: %v", path, err)
	}
	return v
}

func tryCall(t *testing.T, path string, args ...any) (runtime.Value, error) {
	t.Helper()
	var obj runtime.Value = runtime.MakeObj(mod(t, "numpy"))
	for _, part := range strings.Split(path, ".") {
		h := obj.Obj().(runtime.HasAttrs)
		v, _ := h.Attr(part)
		if !v.IsValid() {
			t.Fatalf("no attribute %s in %s", part, path)
		}
		obj = v
	}
	var pos []runtime.Value
	var kws []runtime.Kwarg
	for k := 0; k < len(args); k++ {
		if s, ok := args[k].(string); ok && strings.HasSuffix(s, "=") {
			kws = append(kws, runtime.Kwarg{Name: strings.TrimSuffix(s, "="), Value: val(args[k+1])})
			k++
			continue
		}
		pos = append(pos, val(args[k]))
	}
	return obj.Obj().(runtime.Callable).Call(th, pos, kws)
}

// val converts Go test values to script values.
func val(x any) runtime.Value {
	switch v := x.(type) {
	case runtime.Value:
		return v
	case int:
		return runtime.MakeInt(int64(v))
	case float64:
		return runtime.MakeFloat(v)
	case bool:
		return runtime.MakeBool(v)
	case string:
		return runtime.MakeStr(v)
	case nil:
		return runtime.None
	case []float64:
		l := make([]runtime.Value, len(v))
		for k, f := range v {
			l[k] = runtime.MakeFloat(f)
		}
		return runtime.NewList(l)
	case []bool:
		l := make([]runtime.Value, len(v))
		for k, f := range v {
			l[k] = runtime.MakeBool(f)
		}
		return runtime.NewList(l)
	case []int:
		l := make([]runtime.Value, len(v))
		for k, f := range v {
			l[k] = runtime.MakeInt(int64(f))
		}
		return runtime.NewList(l)
	case [][]float64:
		l := make([]runtime.Value, len(v))
		for k, f := range v {
			l[k] = val(f)
		}
		return runtime.NewList(l)
	case *array.Array:
		return array.Value(v)
	}
	panic("val: unsupported")
}

func str(v runtime.Value) string { return runtime.Str(v) }

func wantStr(t *testing.T, what string, v runtime.Value, want string) {
	t.Helper()
	if got := str(v); got != want {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

func TestCreation(t *testing.T) {
	wantStr(t, "arange(5)", call(t, "arange", 5), "[0 1 2 3 4]")
	wantStr(t, "arange(0, 1, 0.25)", call(t, "arange", 0, 1, 0.25), "[0.   0.25 0.5  0.75]")
	wantStr(t, "linspace(0,1,5)", call(t, "linspace", 0, 1, 5), "[0.   0.25 0.5  0.75 1.  ]")
	wantStr(t, "linspace endpoint=False", call(t, "linspace", 0, 1, 4, "endpoint=", false), "[0.   0.25 0.5  0.75]")
	wantStr(t, "logspace", call(t, "logspace", 0, 2, 3), "[  1.  10. 100.]")
	wantStr(t, "zeros((2,3))", call(t, "zeros", runtime.MakeTuple(runtime.MakeInt(2), runtime.MakeInt(3))), "[[0. 0. 0.]\n [0. 0. 0.]]")
	wantStr(t, "ones int", call(t, "ones", 3, "dtype=", "int"), "[1 1 1]")
	wantStr(t, "full", call(t, "full", 2, 7), "[7 7]")
	wantStr(t, "eye", call(t, "eye", 2), "[[1. 0.]\n [0. 1.]]")
	wantStr(t, "diag", call(t, "diag", []int{1, 2}), "[[1 0]\n [0 2]]")
	wantStr(t, "array dtype", call(t, "array", []int{1, 2}, "dtype=", "float64"), "[1. 2.]")
	mg := call(t, "meshgrid", []int{1, 2, 3}, []int{4, 5}).Obj().(runtime.Tuple)
	wantStr(t, "meshgrid X", mg[0], "[[1 2 3]\n [1 2 3]]")
	wantStr(t, "meshgrid Y", mg[1], "[[4 4 4]\n [5 5 5]]")
	ij := call(t, "meshgrid", []int{1, 2, 3}, []int{4, 5}, "indexing=", "ij").Obj().(runtime.Tuple)
	wantStr(t, "meshgrid ij X", ij[0], "[[1 1]\n [2 2]\n [3 3]]")
	_, err := tryCall(t, "array", runtime.NewList([]runtime.Value{val([]int{1, 2}), val([]int{3})}))
	if err == nil || !strings.Contains(err.Error(), "inhomogeneous shape after 1 dimensions") {
		t.Fatal(err)
	}
}

func TestUnitsInNp(t *testing.T) {
	ms, msDim, _ := units.Lookup("ms")
	mv, vDim, _ := units.Lookup("mV")
	r := call(t, "arange", runtime.MakeQuantity(0, msDim), runtime.MakeQuantity(3*ms, msDim), runtime.MakeQuantity(ms, msDim))
	wantStr(t, "arange with units", r, "[0. 1. 2.] ms")
	_, err := tryCall(t, "exp", runtime.MakeQuantity(3*mv, vDim))
	if err == nil || err.Error() != "exp() argument must be dimensionless, got 3 mV" {
		t.Fatal(err)
	}
	s := call(t, "sqrt", runtime.MakeQuantity(4, vDim.Mul(vDim)))
	if q, ok := s.Obj().(runtime.Quantity); !ok || q.V != 2 || q.D != vDim {
		t.Fatal(runtime.Repr(s))
	}
	if f := call(t, "exp", 0.0); f.AsFloat() != 1 {
		t.Fatal(f)
	}
	a := array.New([]int{3}, []float64{-2e-3, 1e-3, 5e-3}, vDim)
	wantStr(t, "abs keeps unit", call(t, "abs", a), "[2. 1. 5.] mV")
	wantStr(t, "clip", call(t, "clip", a, runtime.MakeQuantity(0, vDim), runtime.MakeQuantity(2e-3, vDim)), "[0. 1. 2.] mV")
	wantStr(t, "mean", call(t, "mean", a), "1.33333333333333 mV")
	v := call(t, "var", a)
	if q := v.Obj().(runtime.Quantity); q.D != vDim.Mul(vDim) {
		t.Fatal(q)
	}
}

func TestReductions(t *testing.T) {
	m := call(t, "reshape", call(t, "arange", 6), runtime.MakeTuple(runtime.MakeInt(2), runtime.MakeInt(3)))
	wantStr(t, "sum", call(t, "sum", m), "15")
	wantStr(t, "sum axis 0", call(t, "sum", m, "axis=", 0), "[3 5 7]")
	wantStr(t, "sum axis 1 keepdims", call(t, "sum", m, "axis=", 1, "keepdims=", true), "[[ 3]\n [12]]")
	wantStr(t, "mean axis 1", call(t, "mean", m, "axis=", 1), "[1. 4.]")
	wantStr(t, "std", call(t, "std", []int{1, 2, 3, 4}), "1.118033988749895")
	wantStr(t, "std ddof", call(t, "std", []int{1, 2, 3, 4}, "ddof=", 1), "1.2909944487358056")
	wantStr(t, "argmax", call(t, "argmax", m), "5")
	wantStr(t, "argmin axis", call(t, "argmin", m, "axis=", 0), "[0 0 0]")
	wantStr(t, "cumsum", call(t, "cumsum", m, "axis=", 1), "[[ 0  1  3]\n [ 3  7 12]]")
	wantStr(t, "cumprod flat", call(t, "cumprod", []int{1, 2, 3, 4}), "[ 1  2  6 24]")
	wantStr(t, "median", call(t, "median", []int{3, 1, 4, 1, 5}), "3.0")
	wantStr(t, "median even", call(t, "median", []int{3, 1, 4, 2}), "2.5")
	wantStr(t, "percentile", call(t, "percentile", []int{1, 2, 3, 4, 5}, 25), "2.0")
	wantStr(t, "average weights", call(t, "average", []int{1, 2, 3}, "weights=", []int{3, 1, 0}), "1.25")
	wantStr(t, "ptp", call(t, "ptp", []int{4, 9, 1}), "8")
	wantStr(t, "diff", call(t, "diff", []int{1, 4, 9, 16}), "[3 5 7]")
	wantStr(t, "diff n=2", call(t, "diff", []int{1, 4, 9, 16}, "n=", 2), "[2 2]")
	wantStr(t, "all", call(t, "all", []int{1, 1, 0}), "False")
	wantStr(t, "count_nonzero", call(t, "count_nonzero", []int{1, 0, 3}), "2")
}

func TestSortingAndSets(t *testing.T) {
	x := []float64{3, 1, 2, 1, math.NaN(), 0}
	wantStr(t, "sort", call(t, "sort", x), "[ 0.  1.  1.  2.  3. nan]")
	wantStr(t, "argsort stable", call(t, "argsort", x, "kind=", "stable"), "[5 1 3 2 0 4]")
	ap := call(t, "argpartition", []int{7, 1, 5, 3, 9}, 2).Obj().(*array.Array)
	idx := ap.Int64s()
	vals := []int64{7, 1, 5, 3, 9}
	for k := 0; k < 2; k++ {
		if vals[idx[k]] > vals[idx[2]] {
			t.Fatalf("argpartition not partitioned: %v", idx)
		}
	}
	for k := 3; k < 5; k++ {
		if vals[idx[k]] < vals[idx[2]] {
			t.Fatalf("argpartition not partitioned: %v", idx)
		}
	}
	if vals[idx[2]] != 5 {
		t.Fatalf("kth element %d, want 5", vals[idx[2]])
	}
	u := call(t, "unique", []int{3, 1, 3, 2, 1, 3}, "return_counts=", true).Obj().(runtime.Tuple)
	wantStr(t, "unique", u[0], "[1 2 3]")
	wantStr(t, "counts", u[1], "[2 1 3]")
	wantStr(t, "searchsorted", call(t, "searchsorted", []int{1, 2, 3, 5}, []int{0, 3, 4, 6}), "[0 2 3 4]")
	wantStr(t, "searchsorted right", call(t, "searchsorted", []int{1, 2, 3, 5}, 3, "side=", "right"), "3")
	h := call(t, "histogram", []float64{1, 2, 2, 3, 4}, "bins=", 3).Obj().(runtime.Tuple)
	wantStr(t, "histogram counts", h[0], "[1 2 2]")
	wantStr(t, "histogram edges", h[1], "[1. 2. 3. 4.]")
	wantStr(t, "bincount", call(t, "bincount", []int{0, 1, 1, 3}), "[1 2 0 1]")
	wantStr(t, "where 3-arg", call(t, "where", []bool{true, false, true}, []int{1, 2, 3}, []int{-1, -2, -3}), "[ 1 -2  3]")
	wantStr(t, "where 1-arg", call(t, "where", []int{0, 5, 0, 7}).Obj().(runtime.Tuple)[0], "[1 3]")
	wantStr(t, "roll", call(t, "roll", []int{1, 2, 3, 4}, 1), "[4 1 2 3]")
	wantStr(t, "tile", call(t, "tile", []int{1, 2}, 2), "[1 2 1 2]")
	wantStr(t, "repeat", call(t, "repeat", []int{1, 2}, 2), "[1 1 2 2]")
	wantStr(t, "flip", call(t, "flip", []int{1, 2, 3}), "[3 2 1]")
	wantStr(t, "concatenate", call(t, "concatenate", runtime.MakeTuple(val([]int{1}), val([]int{2, 3}))), "[1 2 3]")
	wantStr(t, "vstack", call(t, "vstack", runtime.MakeTuple(val([]int{1, 2}), val([]int{3, 4}))), "[[1 2]\n [3 4]]")
	wantStr(t, "column_stack", call(t, "column_stack", runtime.MakeTuple(val([]int{1, 2}), val([]int{3, 4}))), "[[1 3]\n [2 4]]")
	wantStr(t, "outer", call(t, "outer", []int{1, 2}, []int{3, 4}), "[[3 4]\n [6 8]]")
	wantStr(t, "cross", call(t, "cross", []int{1, 0, 0}, []int{0, 1, 0}), "[0 0 1]")
	wantStr(t, "allclose", call(t, "allclose", []float64{1, 2}, []float64{1, 2 + 1e-9}), "True")
	wantStr(t, "array_equal", call(t, "array_equal", []int{1, 2}, []int{1, 3}), "False")
	wantStr(t, "maximum", call(t, "maximum", []int{1, 5}, []int{3, 2}), "[3 5]")
}

func near(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %v, want %v", what, got, want)
	}
	for k := range got {
		if math.Abs(got[k]-want[k]) > 1e-9 {
			t.Fatalf("%s: %v, want %v", what, got, want)
		}
	}
}

func floats(v runtime.Value) []float64 {
	if a, ok := v.Obj().(*array.Array); ok {
		return a.Float64s()
	}
	f, _ := v.ToFloat()
	if q, ok := v.Obj().(runtime.Quantity); ok {
		f = q.V
	}
	return []float64{f}
}

func TestLinalg(t *testing.T) {
	a := [][]float64{{4, 7}, {2, 6}}
	near(t, "inv", floats(call(t, "linalg.inv", a)), []float64{0.6, -0.7, -0.2, 0.4})
	near(t, "det", floats(call(t, "linalg.det", a)), []float64{10})
	near(t, "solve", floats(call(t, "linalg.solve", [][]float64{{3, 1}, {1, 2}}, []float64{9, 8})), []float64{2, 3})
	near(t, "norm", floats(call(t, "linalg.norm", []float64{3, 4})), []float64{5})
	near(t, "norm fro", floats(call(t, "linalg.norm", [][]float64{{1, 2}, {3, 4}})), []float64{math.Sqrt(30)})
	near(t, "norm 1", floats(call(t, "linalg.norm", [][]float64{{1, -2}, {3, 4}}, "ord=", 1)), []float64{6})
	near(t, "norm axis", floats(call(t, "linalg.norm", [][]float64{{3, 4}, {6, 8}}, "axis=", 1)), []float64{5, 10})
	eh := call(t, "linalg.eigh", [][]float64{{2, 1}, {1, 2}}).Obj().(runtime.Tuple)
	near(t, "eigh values", floats(eh[0]), []float64{1, 3})
	e := call(t, "linalg.eig", [][]float64{{2, 0}, {0, 3}}).Obj().(runtime.Tuple)
	near(t, "eig values", floats(e[0]), []float64{2, 3})
	_, err := tryCall(t, "linalg.eig", [][]float64{{0, -1}, {1, 0}})
	if err == nil || !strings.Contains(err.Error(), "complex results are not supported yet") {
		t.Fatal(err)
	}
	_, err = tryCall(t, "linalg.inv", [][]float64{{1, 2}, {2, 4}})
	if err == nil || !strings.Contains(err.Error(), "Singular matrix") {
		t.Fatal(err)
	}
	sv := call(t, "linalg.svd", [][]float64{{3, 0}, {0, 4}}).Obj().(runtime.Tuple)
	near(t, "svd s", floats(sv[1]), []float64{4, 3})
	ls := call(t, "linalg.lstsq", [][]float64{{0, 1}, {1, 1}, {2, 1}, {3, 1}}, []float64{-1, 0.2, 0.9, 2.1}).Obj().(runtime.Tuple)
	near(t, "lstsq", floats(ls[0]), []float64{1, -0.95})
	if r := call(t, "linalg.matrix_rank", [][]float64{{1, 2}, {2, 4}}); r.AsInt() != 1 {
		t.Fatal(r)
	}
	near(t, "pinv", floats(call(t, "linalg.pinv", [][]float64{{1, 0}, {0, 2}})), []float64{1, 0, 0, 0.5})
	near(t, "matmul", floats(call(t, "matmul", [][]float64{{1, 2}, {3, 4}}, [][]float64{{5}, {6}})), []float64{17, 39})
	near(t, "trace", floats(call(t, "trace", [][]float64{{1, 2}, {3, 4}})), []float64{5})
}

func TestRandomDeterminism(t *testing.T) {
	g1 := call(t, "random.default_rng", 42)
	g2 := call(t, "random.default_rng", 42)
	draw := func(g runtime.Value, name string, args ...runtime.Value) []float64 {
		m, _ := g.Obj().(runtime.HasAttrs).Attr(name)
		v, err := m.Obj().(runtime.Callable).Call(th, args, nil)
		if err != nil {
			t.Fatal(err)
		}
		return floats(v)
	}
	a := draw(g1, "normal", runtime.MakeFloat(0), runtime.MakeFloat(1), runtime.MakeInt(5))
	b := draw(g2, "normal", runtime.MakeFloat(0), runtime.MakeFloat(1), runtime.MakeInt(5))
	if !reflect.DeepEqual(a, b) || a[0] == a[1] {
		t.Fatalf("same seed, different streams: %v %v", a, b)
	}
	u := draw(g1, "random", runtime.MakeInt(1000))
	mean := 0.0
	for _, x := range u {
		if x < 0 || x >= 1 {
			t.Fatal(x)
		}
		mean += x / 1000
	}
	if math.Abs(mean-0.5) > 0.05 {
		t.Fatalf("uniform mean %g", mean)
	}
	p := draw(g1, "poisson", runtime.MakeFloat(100), runtime.MakeInt(2000))
	pm := 0.0
	for _, x := range p {
		pm += x / 2000
	}
	if math.Abs(pm-100) > 2 {
		t.Fatalf("poisson mean %g", pm)
	}
	call(t, "random.seed", 7)
	x1 := floats(call(t, "random.rand", 3))
	call(t, "random.seed", 7)
	x2 := floats(call(t, "random.rand", 3))
	if !reflect.DeepEqual(x1, x2) {
		t.Fatal("seed does not make rand deterministic")
	}
	perm := call(t, "random.permutation", 10).Obj().(*array.Array).Int64s()
	seen := map[int64]bool{}
	for _, v := range perm {
		seen[v] = true
	}
	if len(seen) != 10 {
		t.Fatal(perm)
	}
	c := floats(call(t, "random.choice", 5, "size=", 3, "replace=", false))
	if len(c) != 3 || c[0] == c[1] || c[1] == c[2] || c[0] == c[2] {
		t.Fatal(c)
	}
	ci := floats(call(t, "random.choice", []int{10, 20}, "size=", 50, "p=", []float64{0, 1}))
	for _, v := range ci {
		if v != 20 {
			t.Fatal(ci)
		}
	}
}

func TestPredeclared(t *testing.T) {
	for _, name := range []string{"exp", "sqrt", "where", "mean", "arange", "exprel"} {
		v, ok := runtime.LookupPredeclared(name)
		if !ok {
			t.Fatalf("%s not predeclared", name)
		}
		if _, err := v.Obj().(runtime.Callable).Call(th, []runtime.Value{val([]float64{1, 2})}, nil); err != nil && name != "where" && name != "arange" {
			t.Fatalf("%s: %v", name, err)
		}
	}
	for _, name := range []string{"abs", "min", "max", "sum", "round", "len"} {
		if v, ok := runtime.LookupPredeclared(name); ok {
			if b, isB := v.Obj().(*runtime.Builtin); isB && members[name] != nil && b.Name() == name {
				// owned by the ops helper; np must not register it
				_ = b
			}
		}
	}
	if _, ok := runtime.LoadModule("np"); !ok {
		t.Fatal("np not registered")
	}
}
