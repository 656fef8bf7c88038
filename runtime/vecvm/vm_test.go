package vecvm

import (
	"math"
	"strings"
	"testing"

	"github.com/sim-lang/sim/compiler/vector"
)

func evalExpr(t *testing.T, src string, syms map[string]vector.Symbol, ctx *Context, n int) []float64 {
	t.Helper()
	p := compileExpr(t, src, syms)
	out := make([]float64, n)
	if err := Eval(p, ctx, n, out); err != nil {
		t.Fatal(err)
	}
	return out
}

func same(a, b float64) bool {
	return a == b || (math.IsNaN(a) && math.IsNaN(b))
}

// Every function and operator against the math package, per element
// (varying operand) and hoisted (uniform operand).
func TestFunctionsMatchMath(t *testing.T) {
	xs := []float64{-2.5, -1, -0.3, 0, 0.25, 0.7, 1, 3.5, 40}
	syms := map[string]vector.Symbol{"X": {Kind: vector.Array, Slot: 0}, "S": {Kind: vector.Scalar, Slot: 0}}
	cases := map[string]func(x float64) float64{
		"exp(X)": math.Exp, "log(X)": math.Log, "log10(X)": math.Log10, "expm1(X)": math.Expm1,
		"log1p(X)": math.Log1p, "sqrt(X)": math.Sqrt, "sin(X)": math.Sin, "cos(X)": math.Cos,
		"tan(X)": math.Tan, "sinh(X)": math.Sinh, "cosh(X)": math.Cosh, "tanh(X)": math.Tanh,
		"arcsin(X)": math.Asin, "arccos(X)": math.Acos, "arctan(X)": math.Atan, "abs(X)": math.Abs,
		"floor(X)": math.Floor, "ceil(X)": math.Ceil, "int(X)": math.Trunc,
		"sign(X)": func(x float64) float64 {
			if x > 0 {
				return 1
			} else if x < 0 {
				return -1
			}
			return 0
		},
		"exprel(X)": func(x float64) float64 {
			if x == 0 {
				return 1
			}
			return math.Expm1(x) / x
		},
		"clip(X, -1, 2)": func(x float64) float64 { return math.Min(math.Max(x, -1), 2) },
		"X**3":           func(x float64) float64 { return math.Pow(x, 3) },
		"X**2":           func(x float64) float64 { return x * x },
		"-X + 1":         func(x float64) float64 { return -x + 1 },
		"X*2.5 - 1/3":    func(x float64) float64 { return x*2.5 - 1.0/3 },
		"X/0.1":          func(x float64) float64 { return x / 0.1 },
		"X < 1":          func(x float64) float64 { return b(x < 1) },
		"X >= 1":         func(x float64) float64 { return b(x >= 1) },
		"X == 1":         func(x float64) float64 { return b(x == 1) },
		"X != 1":         func(x float64) float64 { return b(x != 1) },
		"-1 < X <= 1":    func(x float64) float64 { return b(-1 < x && x <= 1) },
		"X > 0 and X < 2": func(x float64) float64 {
			return b(x > 0 && x < 2)
		},
		"X < 0 or X > 2":       func(x float64) float64 { return b(x < 0 || x > 2) },
		"not (X > 0)":          func(x float64) float64 { return b(!(x > 0)) },
		"X if X > 0 else -2*X": func(x float64) float64 { return map[bool]float64{true: x, false: -2 * x}[x > 0] },
		"timestep(X, 0.1)":     func(x float64) float64 { return math.Trunc((x + 1e-3*0.1) / 0.1) },
	}
	for src, f := range cases {
		ctx := &Context{Arrays: [][]float64{append([]float64(nil), xs...)}, Scalars: []float64{0}}
		got := evalExpr(t, src, syms, ctx, len(xs))
		for k, x := range xs {
			if !same(got[k], f(x)) {
				t.Errorf("%s at x=%g: got %v, want %v", src, x, got[k], f(x))
			}
			// the same expression over a uniform (hoisted) operand
			ctx.Scalars[0] = x
			u := evalExpr(t, strings.ReplaceAll(src, "X", "S"), syms, ctx, 1)
			if !same(u[0], f(x)) {
				t.Errorf("%s (uniform) at %g: got %v, want %v", src, x, u[0], f(x))
			}
		}
	}
}

func b(c bool) float64 {
	if c {
		return 1
	}
	return 0
}

// Python's // and % follow floor semantics (numbers from CPython).
func TestFloorDivMod(t *testing.T) {
	type c struct{ a, b, div, mod float64 }
	cases := []c{
		{7, 2, 3, 1}, {-7, 2, -4, 1}, {7, -2, -4, -1}, {-7, -2, 3, -1},
		{7.5, 2, 3, 1.5}, {-7.5, 2, -4, 0.5}, {0.3, 0.1, 2, 0.09999999999999998},
		{-0.0, 3, -0.0, 0}, {6, 3, 2, 0}, {-6, 3, -2, 0},
	}
	syms := map[string]vector.Symbol{"a": {Kind: vector.Array, Slot: 0}, "b": {Kind: vector.Array, Slot: 1}}
	a, bb := make([]float64, len(cases)), make([]float64, len(cases))
	for k, x := range cases {
		a[k], bb[k] = x.a, x.b
	}
	ctx := &Context{Arrays: [][]float64{a, bb}}
	div := evalExpr(t, "a // b", syms, ctx, len(cases))
	mod := evalExpr(t, "a % b", syms, ctx, len(cases))
	for k, x := range cases {
		if div[k] != x.div || mod[k] != x.mod || math.Signbit(mod[k]) != math.Signbit(x.mod) {
			t.Errorf("%g //,%% %g: got %v, %v want %v, %v", x.a, x.b, div[k], mod[k], x.div, x.mod)
		}
	}
}

// Int targets truncate, Bool targets store 0/1; augmented assignment and
// temporaries.
func TestTypedStoresAndTemporaries(t *testing.T) {
	syms := map[string]vector.Symbol{
		"n": {Kind: vector.Array, Slot: 0, Type: vector.Int}, "f": {Kind: vector.Array, Slot: 1, Type: vector.Bool},
		"x": {Kind: vector.Array, Slot: 2},
	}
	p := compile(t, "tmp = x*2\nn = tmp + 0.75\nf = x\nx += tmp\nx *= 2", syms)
	n, f, x := make([]float64, 3), make([]float64, 3), []float64{-1.4, 0, 2.3}
	if err := Run(p, &Context{Arrays: [][]float64{n, f, x}}, 3); err != nil {
		t.Fatal(err)
	}
	wantN := []float64{math.Trunc(-2.8 + 0.75), 0, math.Trunc(4.6 + 0.75)}
	wantF := []float64{1, 0, 1}
	x0, x2 := -1.4, 2.3
	wantX := []float64{(x0 + x0*2) * 2, 0, (x2 + x2*2) * 2}
	for k := range x {
		if n[k] != wantN[k] || f[k] != wantF[k] || x[k] != wantX[k] {
			t.Errorf("element %d: n=%v f=%v x=%v, want %v %v %v", k, n[k], f[k], x[k], wantN[k], wantF[k], wantX[k])
		}
	}
}

// CSE: a repeated subexpression is computed once; hoisting: per-step
// values go to the prologue.
func TestCSEAndHoisting(t *testing.T) {
	syms := map[string]vector.Symbol{
		"v": {Kind: vector.Array, Slot: 0}, "w": {Kind: vector.Array, Slot: 1},
		"dt": {Kind: vector.Scalar, Slot: 0}, "tau": {Kind: vector.Constant, Value: 0.01},
	}
	p := compile(t, "w = exp(-dt/tau) * sin(v) + cos(sin(v))", syms)
	d := p.Disassemble()
	block := d[strings.Index(d, "block:"):strings.Index(d, "indexed:")]
	prologue := d[:strings.Index(d, "block:")]
	if strings.Count(block, "sin") != 1 {
		t.Errorf("sin(v) not shared:\n%s", d)
	}
	if !strings.Contains(prologue, "exp") || strings.Contains(block, "exp") {
		t.Errorf("exp(-dt/tau) not hoisted:\n%s", d)
	}
	v, w := []float64{0.1, 0.2}, make([]float64, 2)
	if err := Run(p, &Context{Arrays: [][]float64{v, w}, Scalars: []float64{1e-4}}, 2); err != nil {
		t.Fatal(err)
	}
	for k := range v {
		want := math.Exp(-1e-4/0.01)*math.Sin(v[k]) + math.Cos(math.Sin(v[k]))
		if w[k] != want {
			t.Errorf("w[%d] = %v, want %v", k, w[k], want)
		}
	}
	// constant folding: 2*tau*3 is one constant, x/4 a multiplication
	p = compile(t, "w = v*(2*tau*3) + v/4", syms)
	if d := p.Disassemble(); !strings.Contains(d, "0.06") || strings.Contains(d, "div") {
		t.Errorf("folding:\n%s", d)
	}
}

// Gather and scatter through index arrays; repeated targets accumulate in
// order (several synapses onto one neuron).
func TestScatterAccumulates(t *testing.T) {
	syms := map[string]vector.Symbol{
		"w":       {Kind: vector.Array, Slot: 0},
		"ge_post": {Kind: vector.IndexedArray, Slot: 1, Index: 0},
		"v_post":  {Kind: vector.IndexedArray, Slot: 2, Index: 0},
	}
	j := []int32{0, 2, 2, 1, 2, 0}
	w := []float64{1, 2, 3, 4, 5, 6}
	for _, src := range []string{"ge_post += w", "ge_post = ge_post + w"} {
		ge := []float64{10, 20, 30}
		p := compile(t, src, syms)
		if err := Run(p, &Context{Arrays: [][]float64{w, ge, make([]float64, 3)}, Indices: [][]int32{j}}, len(j)); err != nil {
			t.Fatal(err)
		}
		if want := []float64{17, 24, 40}; !equal(ge, want) {
			t.Errorf("%s: ge = %v, want %v", src, ge, want)
		}
	}
	// A non-accumulating read-modify-write runs element by element.
	v := []float64{1, 1, 1}
	p := compile(t, "v_post = v_post*2 + w", syms)
	if !p.Sequential {
		t.Errorf("expected a sequential program:\n%s", p.Disassemble())
	}
	if err := Run(p, &Context{Arrays: [][]float64{w, make([]float64, 3), v}, Indices: [][]int32{j}}, len(j)); err != nil {
		t.Fatal(err)
	}
	// sequential: v0: 1*2+1=3, then *2+6=12; v2: (((1*2+2)*2+3)*2+5)=27; v1: 2+4=6
	if want := []float64{12, 6, 27}; !equal(v, want) {
		t.Errorf("v_post = %v, want %v", v, want)
	}
	// RunIndices over listed synapses only, with a gather of the target.
	ge := []float64{0, 0, 0}
	p = compile(t, "ge_post += w * v_post", syms)
	if err := RunIndices(p, &Context{Arrays: [][]float64{w, ge, []float64{1, 10, 100}}, Indices: [][]int32{j}}, []int32{1, 2, 5}); err != nil {
		t.Fatal(err)
	}
	if want := []float64{6, 0, 500}; !equal(ge, want) {
		t.Errorf("RunIndices ge = %v, want %v", ge, want)
	}
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Reset code through RunIndices; ElementIndex; stores of uniform values;
// swaps through temporaries.
func TestRunIndicesAndSwap(t *testing.T) {
	syms := map[string]vector.Symbol{
		"v": {Kind: vector.Array, Slot: 0}, "u": {Kind: vector.Array, Slot: 1},
		"i": {Kind: vector.ElementIndex, Offset: 10, ReadOnly: true}, "vr": {Kind: vector.Constant, Value: -0.07},
	}
	v, u := []float64{1, 2, 3, 4}, []float64{5, 6, 7, 8}
	p := compile(t, "v = vr\nu = i", syms)
	if err := RunIndices(p, &Context{Arrays: [][]float64{v, u}}, []int32{1, 3}); err != nil {
		t.Fatal(err)
	}
	if !equal(v, []float64{1, -0.07, 3, -0.07}) || !equal(u, []float64{5, 11, 7, 13}) {
		t.Errorf("v=%v u=%v", v, u)
	}
	p = compile(t, "tmp = v\nv = u\nu = tmp", syms)
	if err := Run(p, &Context{Arrays: [][]float64{v, u}}, 4); err != nil {
		t.Fatal(err)
	}
	if !equal(u, []float64{1, -0.07, 3, -0.07}) || !equal(v, []float64{5, 11, 7, 13}) {
		t.Errorf("swap: v=%v u=%v", v, u)
	}
}

func TestWhere(t *testing.T) {
	syms := map[string]vector.Symbol{"v": {Kind: vector.Array, Slot: 0}, "vt": {Kind: vector.Scalar, Slot: 0}}
	n := 100000
	v := make([]float64, n)
	for k := range v {
		v[k] = float64((k * 7919) % 1000)
	}
	p := compileExpr(t, "v > vt", syms)
	var want []int32
	for k, x := range v {
		if x > 990 {
			want = append(want, int32(k))
		}
	}
	for _, threads := range []int{1, 4} {
		got, err := Where(p, &Context{Arrays: [][]float64{v}, Scalars: []float64{990}, Threads: threads}, n, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("threads %d: %d hits, want %d", threads, len(got), len(want))
		}
		for k := range got {
			if got[k] != want[k] {
				t.Fatalf("threads %d: hit %d = %d, want %d", threads, k, got[k], want[k])
			}
		}
	}
}

func TestRandomDeterminism(t *testing.T) {
	syms := map[string]vector.Symbol{"x": {Kind: vector.Array, Slot: 0}, "y": {Kind: vector.Array, Slot: 1}, "z": {Kind: vector.Array, Slot: 2}}
	p := compile(t, "x = rand()\ny = randn() + rand()\nz = poisson(3.5)", syms)
	n := 70000
	run := func(threads, bs int, seed uint64) [][]float64 {
		a := [][]float64{make([]float64, n), make([]float64, n), make([]float64, n)}
		if err := Run(p, &Context{Arrays: a, Seed: seed, Step: 7, Threads: threads, BlockSize: bs}, n); err != nil {
			t.Fatal(err)
		}
		return a
	}
	ref := run(1, 256, 1)
	for _, c := range []struct{ threads, bs int }{{4, 256}, {1, 100}, {3, 1024}} {
		got := run(c.threads, c.bs, 1)
		for s := range ref {
			if !equal(got[s], ref[s]) {
				t.Errorf("threads %d block %d: array %d differs", c.threads, c.bs, s)
			}
		}
	}
	if other := run(1, 256, 2); equal(other[0], ref[0]) {
		t.Error("another seed gives the same numbers")
	}
}

func TestRandomStatistics(t *testing.T) {
	syms := map[string]vector.Symbol{"x": {Kind: vector.Array, Slot: 0}, "y": {Kind: vector.Array, Slot: 1}, "z": {Kind: vector.Array, Slot: 2}}
	p := compile(t, "x = rand()\ny = randn()\nz = poisson(4)\n", syms)
	n := 100000
	a := [][]float64{make([]float64, n), make([]float64, n), make([]float64, n)}
	if err := Run(p, &Context{Arrays: a, Seed: 42}, n); err != nil {
		t.Fatal(err)
	}
	check := func(name string, x []float64, mean, variance float64) {
		m, v := 0.0, 0.0
		for _, e := range x {
			m += e
		}
		m /= float64(len(x))
		for _, e := range x {
			v += (e - m) * (e - m)
		}
		v /= float64(len(x) - 1)
		se := math.Sqrt(variance / float64(len(x)))
		if math.Abs(m-mean) > 5*se || math.Abs(v-variance) > 0.03*variance {
			t.Errorf("%s: mean %v var %v, want %v %v", name, m, v, mean, variance)
		}
	}
	check("rand", a[0], 0.5, 1.0/12)
	check("randn", a[1], 0, 1)
	check("poisson", a[2], 4, 4)
	for _, x := range a[0] {
		if x < 0 || x >= 1 {
			t.Fatalf("rand out of [0,1): %v", x)
		}
	}
	// large means use the rejection sampler
	p = compile(t, "z = poisson(50)", syms)
	if err := Run(p, &Context{Arrays: a, Seed: 3}, n); err != nil {
		t.Fatal(err)
	}
	check("poisson(50)", a[2], 50, 50)
}

func TestErrors(t *testing.T) {
	syms := map[string]vector.Symbol{
		"v": {Kind: vector.Array, Slot: 0}, "t": {Kind: vector.Scalar, Slot: 0, ReadOnly: true},
		"i": {Kind: vector.ElementIndex, ReadOnly: true},
	}
	cases := map[string]string{
		"v = x + 1":        "unknown name 'x'",
		"t = 1":            "cannot assign to read-only variable 't'",
		"i = 2":            "cannot assign to read-only variable 'i'",
		"v = foo(v)":       "unknown function 'foo'",
		"v = clip(v, 1)":   "clip() takes 3 arguments (2 given)",
		"y = v\nv = y + z": "unknown name 'z'",
		"v = 'a'":          "unsupported literal",
		"v = v & 1":        "unsupported operator '&'",
	}
	for src, want := range cases {
		_, err := vector.Compile(parseStmts(t, src), resolver(syms), vector.Options{File: "code", Src: src})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", src, err, want)
		}
	}
}

// External functions (a TimedArray-like ta(t)) are called per block, or
// once per run when their arguments are uniform.
type double struct{ calls int }

func (*double) Name() string { return "twice" }
func (*double) NumArgs() int { return 1 }
func (d *double) Eval(args [][]float64, out []float64) error {
	d.calls++
	for k := range out {
		out[k] = 2 * args[0][k%len(args[0])]
	}
	return nil
}

func TestExternalFunc(t *testing.T) {
	f := &double{}
	syms := map[string]vector.Symbol{"v": {Kind: vector.Array, Slot: 0}, "t": {Kind: vector.Scalar, Slot: 0}}
	stmts := parseStmts(t, "v = twice(v) + twice(t)")
	p, err := vector.Compile(stmts, resolver(syms), vector.Options{Funcs: func(name string) (vector.Func, bool) {
		return f, name == "twice"
	}})
	if err != nil {
		t.Fatal(err)
	}
	v := []float64{1, 2, 3}
	if err := Run(p, &Context{Arrays: [][]float64{v}, Scalars: []float64{10}}, 3); err != nil {
		t.Fatal(err)
	}
	if !equal(v, []float64{22, 24, 26}) || f.calls != 2 {
		t.Errorf("v=%v calls=%d", v, f.calls)
	}
}
