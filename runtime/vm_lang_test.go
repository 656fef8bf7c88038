package runtime

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestClosures(t *testing.T) {
	expectOutput(t, `
def counter():
    n = [0]
    def inc():
        n[0] += 1
        return n[0]
    return inc
c = counter()
c()
c()
print(c(), counter()())
def adder(k):
    return lambda x: x + k
print(adder(3)(4))
def outer():
    x = 1
    def mid():
        def inner():
            return x * 10
        return inner()
    x = 2
    return mid()
print(outer())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
`, "3 1\n7\n20\n[2, 2, 2]\n")
}

func TestDefaultsAndArgs(t *testing.T) {
	expectOutput(t, `
def f(a, b=[]):
    b.append(a)
    return b
f(1)
print(f(2))
def g(a, b=2, *args, c, d=4, **kw):
    return [a, b, args, c, d, kw]
print(g(1, c=3))
print(g(1, 5, 6, 7, c=3, e=9))
def h(x, y):
    return x - y
print(h(y=1, x=5), h(*[7, 2]), h(**{"x": 9, "y": 4}))
def k(*, x):
    return x
print(k(x=2))
`, "[1, 2]\n[1, 2, (), 3, 4, {}]\n[1, 5, (6, 7), 3, 4, {'e': 9}]\n4 5 5\n2\n")
}

func TestArgumentErrors(t *testing.T) {
	expectError(t, "def f(x): return x\nf()\n", "f() missing 1 required positional argument: 'x'")
	expectError(t, "def f(x, y): return x\nf()\n", "f() missing 2 required positional arguments: 'x' and 'y'")
	expectError(t, "def f(x): return x\nf(y=1)\n", "f() got an unexpected keyword argument 'y'")
	expectError(t, "def f(xval): return xval\nf(xvl=1)\n", "(did you mean 'xval'?)")
	expectError(t, "def f(x): return x\nf(1, 2)\n", "f() takes 1 positional argument but 2 were given")
	expectError(t, "def f(x): return x\nf(1, x=2)\n", "f() got multiple values for argument 'x'")
	expectError(t, "def f(*, k): return k\nf()\n", "f() missing 1 required keyword-only argument: 'k'")
}

func TestComprehensions(t *testing.T) {
	expectOutput(t, `
print([x * y for x in range(1, 4) for y in range(x) if (x + y) % 2 == 0])
print({k: v for k, v in [("a", 1), ("b", 2)] if v > 1})
x = 100
print([x for x in range(3)], x)
def f(n):
    return [[i * j for j in range(n)] for i in range(n)]
print(f(3))
`, "[0, 3]\n{'b': 2}\n[0, 1, 2] 100\n[[0, 0, 0], [0, 1, 2], [0, 2, 4]]\n")
}

func TestUnpackingAndAssignment(t *testing.T) {
	expectOutput(t, `
a, (b, c) = 1, [2, 3]
print(a, b, c)
x = y = 5
print(x, y)
l = [1, 2, 3]
l[0] += 10
l[-1] *= 2
d = {"k": 1}
d["k"] -= 3
print(l, d)
for i, v in enumerate(["p", "q"]):
    print(i, v)
del l[0]
print(l)
t = [1]
u = t
t += [2]
print(u)
`, "1 2 3\n5 5\n[11, 2, 6] {'k': -2}\n0 p\n1 q\n[2, 6]\n[1, 2]\n")
	expectError(t, "a, b = 1, 2, 3\n", "too many values to unpack (expected 2)")
	expectError(t, "a, b, c = [1, 2]\n", "not enough values to unpack (expected 3, got 2)")
	expectError(t, "a, b = 5\n", "cannot unpack non-iterable int object")
}

func TestExpressions(t *testing.T) {
	expectOutput(t, `
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
print(1 < 2 > 3, 3 > 2 > 1 > 0)
print(None or "d", 1 and 2, [] or [0])
print("yes" if 0 else "no")
x = 3.14159
print(f"x={x:.2f} {x!r} {'s'} {[1]}")
s = "abcdef"
print(s[1:4], s[::2], s[-1])
print(1 in [1, 2], 3 not in [1, 2], None is None)
print(-2 ** 2, (-2) ** 2, 2 * 3.5, 7 / 2, 1e308 * 10)
`, "True [1, 2, 3]\nFalse True\nd 2 [0]\nno\nx=3.14 3.14159 s [1]\nbcd ace f\nTrue True True\n-4 4 7.0 3.5 inf\n")
}

func TestGlobalStatement(t *testing.T) {
	expectOutput(t, `
n = 0
def bump():
    global n
    n += 1
bump()
bump()
print(n)
`, "2\n")
}

func TestAssert(t *testing.T) {
	expectError(t, "assert 1 == 2\n", "test.sim:1:1: assertion failed")
	expectError(t, "x = 3\nassert x < 2, f'x is {x}'\n", "test.sim:2:1: x is 3")
	expectOutput(t, "assert True\nprint('ok')\n", "ok\n")
}

func TestTraceback(t *testing.T) {
	src := "def a(x):\n    return b(x) + 1\n\ndef b(x):\n    return x / 0\n\na(1)\n"
	err := expectError(t, src, "test.sim:5:14: division by zero")
	var ee *EvalError
	if !errors.As(err, &ee) {
		t.Fatalf("not an EvalError: %T", err)
	}
	if len(ee.Frames) != 3 {
		t.Fatalf("frames = %v", ee.Frames)
	}
	lines := []int32{7, 2, 5}
	funcs := []string{"<module>", "a", "b"}
	for i, f := range ee.Frames {
		if f.Pos.Line != lines[i] || f.Func != funcs[i] {
			t.Errorf("frame %d = %+v, want line %d in %s", i, f, lines[i], funcs[i])
		}
	}
	msg := err.Error()
	for _, want := range []string{"    return x / 0\n", "Traceback (most recent call last):\n  test.sim:7:2: in <module>\n  test.sim:2:13: in a\n  test.sim:5:14: in b"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error text lacks %q:\n%s", want, msg)
		}
	}
}

func TestNameErrors(t *testing.T) {
	expectError(t, "pritn(1)\n", "test.sim:1:1: name 'pritn' is not defined (did you mean 'print'?)")
	expectError(t, "def f():\n    total = 1\n    return totl\nf()\n", "name 'totl' is not defined (did you mean 'total'?)")
	expectError(t, "def f():\n    print(x)\n    x = 1\nf()\n", "local variable 'x' referenced before assignment")
}

func TestCompileErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"break\n", "test.sim:1:1: 'break' outside loop"},
		{"return 1\n", "'return' outside function"},
		{"def f(x, x): pass\n", "duplicate argument 'x' in function definition"},
		{"f(x=1, x=2)\n", "keyword argument repeated: x"},
		{"f(x=1, 2)\n", "positional argument follows keyword argument"},
		{"1 = x\n", "cannot assign to literal"},
		{"f() = 3\n", "cannot assign to function call"},
	}
	for _, c := range cases {
		_, err := runScript(t, c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.src, err, c.want)
		}
	}
}

func TestStepLimit(t *testing.T) {
	th := NewThread("t")
	th.MaxSteps = 10000
	err := NewEnv().Exec(th, "loop.sim", "i = 0\nwhile True:\n    i += 1\n")
	if err == nil || !strings.Contains(err.Error(), "step limit of 10000 exceeded") {
		t.Fatalf("err = %v", err)
	}
	if !strings.HasPrefix(err.Error(), "loop.sim:") {
		t.Fatalf("no position: %v", err)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	th := NewThread("t")
	th.Ctx = ctx
	done := make(chan error, 1)
	go func() { done <- NewEnv().Exec(th, "spin.sim", "while True: pass\n") }()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("script did not stop after cancel")
	}
}

func TestPanicRecovery(t *testing.T) {
	Predeclare("_test_panic", NewBuiltin("_test_panic", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		panic("boom")
	}))
	_, err := runScript(t, "def f():\n    _test_panic()\nf()\n")
	if err == nil || !strings.Contains(err.Error(), "internal error: boom (please report)") {
		t.Fatalf("err = %v", err)
	}
	// The thread is still usable afterwards.
	expectOutput(t, "print(1)\n", "1\n")
}

func TestRecursionLimit(t *testing.T) {
	expectError(t, "def f(n): return f(n + 1)\nf(0)\n", "maximum recursion depth exceeded")
}

func TestInteractiveAndEval(t *testing.T) {
	th := NewThread("t")
	env := NewEnv()
	v, err := env.ExecInteractive(th, "<stdin>", "x = 6\n")
	if err != nil || v.IsValid() {
		t.Fatalf("got %v, %v", v, err)
	}
	v, err = env.ExecInteractive(th, "<stdin>", "x * 7\n")
	if err != nil || Repr(v) != "42" {
		t.Fatalf("got %v, %v", v, err)
	}
	if _, err = env.ExecInteractive(th, "<stdin>", "def sq(a): return a*a\n"); err != nil {
		t.Fatal(err)
	}
	v, err = env.Eval(th, "sq(x) + 1")
	if err != nil || Repr(v) != "37" {
		t.Fatalf("got %v, %v", v, err)
	}
	env.Set("y", MakeFloat(2.5))
	v, err = env.Eval(th, "y * 2")
	if err != nil || Repr(v) != "5.0" {
		t.Fatalf("got %v, %v", v, err)
	}
	if got := strings.Join(env.Names(), ","); got != "sq,x,y" {
		t.Fatalf("names = %s", got)
	}
	if _, ok := env.Get("nope"); ok {
		t.Fatal("Get of undefined name succeeded")
	}
}

func TestCallFromGo(t *testing.T) {
	th := NewThread("t")
	env := NewEnv()
	if err := env.Exec(th, "f.sim", "def f(a, b=10, *rest, scale=1):\n    return (a + b + len(rest)) * scale\n"); err != nil {
		t.Fatal(err)
	}
	fn, _ := env.Get("f")
	for i := 0; i < 3; i++ {
		v, err := Call(th, fn, []Value{MakeInt(1)}, nil)
		if err != nil || Repr(v) != "11" {
			t.Fatalf("got %v %v", v, err)
		}
	}
	v, err := Call(th, fn, []Value{MakeInt(1), MakeInt(2), MakeInt(0)}, []Kwarg{{"scale", MakeInt(3)}})
	if err != nil || Repr(v) != "12" {
		t.Fatalf("got %v %v", v, err)
	}
	if _, err := Call(th, fn, nil, nil); err == nil || !strings.Contains(err.Error(), "f() missing 1 required positional argument: 'a'") {
		t.Fatalf("err = %v", err)
	}
}

func TestSimImports(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("lib/helpers.sim", "print('loading helpers')\ndef double(x):\n    return 2 * x\nK = 7\n")
	write("util.sim", "def inc(x): return x + 1\n")
	write("cyc_a.sim", "import cyc_b\n")
	write("cyc_b.sim", "import cyc_a\n")
	main := filepath.Join(dir, "main.sim")
	src := `import "lib/helpers.sim" as h
from "lib/helpers.sim" import double, K
import util
print(h.double(4), double(K), util.inc(1))
`
	var out strings.Builder
	th := NewThread("t")
	th.Stdout = &out
	if err := NewEnv().Exec(th, main, src); err != nil {
		t.Fatal(err)
	}
	if out.String() != "loading helpers\n8 14 2\n" {
		t.Fatalf("output %q", out.String())
	}
	err := NewEnv().Exec(th, filepath.Join(dir, "cyc_a.sim"), "import cyc_b\n")
	if err == nil || !strings.Contains(err.Error(), "import cycle") {
		t.Fatalf("err = %v", err)
	}
	err = NewEnv().Exec(th, main, "import pandas\n")
	if err == nil || !strings.Contains(err.Error(), "no module named 'pandas' (available: ") {
		t.Fatalf("err = %v", err)
	}
}

func TestRegisteredImports(t *testing.T) {
	RegisterModule([]string{"testpkg.sub"}, func() *Module {
		return &Module{Name: "testpkg.sub", Members: map[string]Value{"odeint": MakeInt(1), "quad": MakeInt(2)}}
	})
	expectOutput(t, "import testpkg.sub\nfrom testpkg.sub import quad as q\nprint(testpkg.sub.odeint, q)\n", "1 2\n")
	expectOutput(t, "from testpkg.sub import *\nprint(odeint + quad)\n", "3\n")
	expectError(t, "from testpkg.sub import odient\n", "cannot import name 'odient' from 'testpkg.sub' (did you mean 'odeint'?)")
}

func TestFusedCompareJump(t *testing.T) {
	expectOutput(t, `
def sign(x):
    if x < 0:
        return -1
    elif x == 0:
        return 0
    return 1
print(sign(-2.5), sign(0), sign(3), sign(0.0), sign(True))
i = 0
while i < 3.5:
    i += 1
print(i, "a" if i >= 4 else "b")
x = 5
if x > 1 and x < 2:
    print("no")
else:
    print("yes")
`, "-1 0 1 0 1\n4 a\nyes\n")
	expectError(t, "x = 'a'\nif x < 1:\n    pass\n", "test.sim:2:6:")
}
