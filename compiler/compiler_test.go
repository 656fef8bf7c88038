package compiler

import (
	"strings"
	"testing"

	"github.com/sim-lang/sim/lang"
)

func compile(t *testing.T, src string, g *Globals) (*Program, error) {
	t.Helper()
	f, err := lang.ParseFile("c.sim", src)
	if err != nil {
		return nil, err // some errors are the parser's to report
	}
	return Compile(f, g, FileMode)
}

func TestDisassemble(t *testing.T) {
	g := NewGlobals()
	p, err := compile(t, "def fib(n):\n    return n if n < 2 else fib(n-1) + fib(n-2)\nprint(fib(10), sep='')\n", g)
	if err != nil {
		t.Fatal(err)
	}
	out := Disassemble(p)
	for _, want := range []string{
		"function <module>", "function fib (c.sim:1) params=[n] locals=[n]",
		"JCMPK", "LSUBK        256  ; n, 1", "GLOBAL       0  ; fib", "CALL         1  ; npos=1 nkw=0",
		"CALL         257  ; npos=1 nkw=1", "(kwnames)", "[sep]", "RETURN",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("disassembly lacks %q:\n%s", want, out)
		}
	}
}

func TestResolution(t *testing.T) {
	g := NewGlobals()
	p, err := compile(t, `
x = 1
def outer(a):
    b = 2
    def inner():
        return a + b + x
    return inner
def g():
    global x
    x = 3
`, g)
	if err != nil {
		t.Fatal(err)
	}
	var outer, inner *Funcode
	for _, c := range p.Consts {
		if fc, ok := c.(*Funcode); ok {
			switch fc.Name {
			case "outer":
				outer = fc
			case "inner":
				inner = fc
			}
		}
	}
	if outer == nil || inner == nil {
		t.Fatal("functions not found")
	}
	if len(outer.Cells) != 2 {
		t.Errorf("outer cells = %v, want a and b", outer.Cells)
	}
	if strings.Join(inner.FreeNames, ",") != "a,b" {
		t.Errorf("inner free = %v", inner.FreeNames)
	}
	if _, ok := g.Index("x"); !ok {
		t.Error("x is not a global slot")
	}
	// A second compile against the same table keeps slots.
	i1, _ := g.Index("outer")
	if _, err := compile(t, "y = outer\n", g); err != nil {
		t.Fatal(err)
	}
	if i2, _ := g.Index("outer"); i1 != i2 {
		t.Errorf("slot moved: %d -> %d", i1, i2)
	}
}

func TestCompileErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"while 1:\n    pass\nbreak\n", "c.sim:3:1: 'break' outside loop\n    break\n    ^"},
		{"continue\n", "'continue' not properly in loop"},
		{"return\n", "'return' outside function"},
		{"def f(a, a): pass\n", "duplicate argument 'a' in function definition"},
		{"f(a=1, a=2)\n", "keyword argument repeated: a"},
		{"f(*a, *b)\n", "only one *args is allowed in a call"},
		{"f(**a, b)\n", "positional argument follows keyword argument"},
		{"(1, f()) = 2, 3\n", "cannot assign to literal"},
		{"def f():\n    from math import *\n", "'import *' only allowed at module level"},
		{"def f(x):\n    global x\n", "name 'x' is parameter and global"},
	}
	for _, c := range cases {
		_, err := compile(t, c.src, NewGlobals())
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.src, err, c.want)
		}
		if _, ok := err.(*lang.Error); err != nil && !ok {
			t.Errorf("%q: error is %T, want *lang.Error", c.src, err)
		}
	}
}

func TestJumpThreading(t *testing.T) {
	code := []uint32{uint32(JUMP) | 2<<8, uint32(NOP), uint32(JUMP) | 3<<8, uint32(RETURN)}
	threadJumps(code)
	if Opcode(code[0]&0xff) != RETURN || Opcode(code[2]&0xff) != RETURN {
		t.Fatalf("code = %v", code)
	}
}

func TestFusedExpression(t *testing.T) {
	g := NewGlobals()
	p, err := compile(t, "def f(a, b, c):\n    return a*b + c\ny = f(1, 2, 3) - 1*2\nz = -y\n", g)
	if err != nil {
		t.Fatal(err)
	}
	out := Disassemble(p)
	// a*b + c: FUSEDTRY before the plain code, jumping past it.
	for _, want := range []string{"FUSEDTRY", "(+ (* leaf0 leaf1) leaf2)", "fused -> 6", "MUL", "ADD"} {
		if !strings.Contains(out, want) {
			t.Errorf("disassembly lacks %q:\n%s", want, out)
		}
	}
	// A call is not a leaf, and one operator alone is not worth fusing.
	if n := strings.Count(out, "FUSEDTRY"); n != 1 {
		t.Errorf("%d FUSEDTRY instructions, want 1:\n%s", n, out)
	}
}

// TestCallHints checks the CALL hints: a call consumed by an arithmetic
// operator is marked fresh, and an operator's result passed as an
// argument is marked as a temporary; a plain call is neither.
func TestCallHints(t *testing.T) {
	g := NewGlobals()
	p, err := compile(t, "y = a * f(-x / t)\nz = f(x)\nw = g(x, x + 1)\n", g)
	if err != nil {
		t.Fatal(err)
	}
	out := Disassemble(p)
	for _, want := range []string{"npos=1 nkw=0 temp0 fresh", "npos=1 nkw=0\n", "npos=2 nkw=0 temp1\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("disassembly lacks %q:\n%s", want, out)
		}
	}
}
