package lang

import (
	"errors"
	"strings"
	"testing"
)

// parseDump parses src as a file and dumps it, failing the test on error.
func parseDump(t *testing.T, src string) string {
	t.Helper()
	f, err := ParseFile("t.sim", src)
	if err != nil {
		t.Fatalf("ParseFile(%q): %v", src, err)
	}
	return DumpFile(f)
}

func TestParseStatements(t *testing.T) {
	tests := []struct{ src, want string }{
		{"print(1)", "(call print 1)"},
		{"x = 1", "(= x 1)"},
		{"a = b = c", "(= a b c)"},
		{"a, b = b, a", "(= (tuple a b) (tuple b a))"},
		{"x, = f()", "(= (tuple x) (call f))"},
		{"[a, b] = 1, 2", "(= (list a b) (tuple 1 2))"},
		{"(a, (b, c)) = t", "(= (tuple a (tuple b c)) t)"},
		{"o.x = 1", "(= (. o x) 1)"},
		{"a[i, j] = 0", "(= (index a (tuple i j)) 0)"},
		{"x += 1", "(+= x 1)"},
		{"x //= 2; y **= 3; z @= m; w >>= 1", "(//= x 2)\n(**= y 3)\n(@= z m)\n(>>= w 1)"},
		{"a[1:2] -= 1", "(-= (index a (slice 1 2 _)) 1)"},
		{"x = 1;", "(= x 1)"},
		{"pass; break; continue", "pass\nbreak\ncontinue"},
		{"return", "(return)"},
		{"return a, b", "(return (tuple a b))"},
		{"return a,", "(return (tuple a))"},
		{"assert x", "(assert x)"},
		{"assert x > 0, 'positive'", "(assert (cmp x > 0) \"positive\")"},
		{"del a, b[0], c.x", "(del a (index b 0) (. c x))"},
		{"global a, b", "(global a b)"},
		{"import numpy as np", "(import numpy as np)"},
		{"import scipy.integrate, math", "(import scipy.integrate math)"},
		{`import "lib/x.sim" as x`, "(import lib/x.sim as x)"},
		{"from brian2 import *", "(from brian2 import *)"},
		{"from scipy.optimize import curve_fit, minimize as mn", "(from scipy.optimize import curve_fit minimize as mn)"},
		{"from m import (a,\n  b as c,\n)", "(from m import a b as c)"},
		{`from "util.sim" import f`, `(from "util.sim" import f)`},
		{"if x: y = 1", "(if x ((= y 1)))"},
		{"if x: a; b\nelse: c", "(if x (a; b) else (c))"},
		{"if a:\n    x\nelif b:\n    y\nelif c:\n    z\nelse:\n    w\n",
			"(if a (x) else ((if b (y) else ((if c (z) else (w))))))"},
		{"for i in range(3):\n    s += i\n", "(for i (call range 3) ((+= s i)))"},
		{"for i, (a, b) in enumerate(z):\n    pass\n", "(for (tuple i (tuple a b)) (call enumerate z) (pass))"},
		{"for k in a, b: pass", "(for k (tuple a b) (pass))"},
		{"while x > 0:\n    x -= 1\n    if x == 3:\n        break\n",
			"(while (cmp x > 0) ((-= x 1); (if (cmp x == 3) (break))))"},
		{"def f(a, b=2, *args, c, d=4, **kw):\n    return a\n", "(def f (a b=2 *args c d=4 **kw) ((return a)))"},
		{"def f(*, key): pass", "(def f (* key) (pass))"},
		{"def f(): return", "(def f () ((return)))"},
		{"def f(x: float, y: int = 1,) -> float:\n    return x\n", "(def f (x y=1) ((return x)))"},
		{"def outer():\n    def inner():\n        return 1\n    return inner\n",
			"(def outer () ((def inner () ((return 1))); (return inner)))"},
		{"@dec\ndef f(): pass\n", "(def f @dec () (pass))"},
		{"@a.b(1, k=2)\n@c[0]\n@(lambda f: f)\ndef f(x):\n    return x\n",
			"(def f @(call (. a b) 1 k=2) @(index c 0) @(lambda (f) f) (x) ((return x)))"},
		{"@d\n\n# comment\n@e\ndef f(): pass", "(def f @d @e () (pass))"},
		{"def outer():\n    @wrap(1)\n    def inner():\n        return 1\n    return inner\n",
			"(def outer () ((def inner @(call wrap 1) () ((return 1))); (return inner)))"},
		{"if x:\n    @d\n    def f(): pass\ny = f\n", "(if x ((def f @d () (pass))))\n(= y f)"},
		{"@a if c else b\ndef f(): pass", "(def f @(if c a b) () (pass))"},
		{"x = 1\n\n\n# comment\n   # indented comment\ny = 2  # trailing\n", "(= x 1)\n(= y 2)"},
		{"x = [\n    1,\n  2,\n]\n", "(= x (list 1 2))"},
		{"x = 1 + \\\n    2\n", "(= x (+ 1 2))"},
		{"if x:\n    a = (1,\n2)\n    b = 3\n", "(if x ((= a (tuple 1 2)); (= b 3)))"},
		{"", ""},
		{"\n\n  \n# only a comment", ""},
		{"if x:\r\n    y\r\n", "(if x (y))"},
		{"if x:\n\tif y:\n\t\tz\n\tw\n", "(if x ((if y (z)); w))"},
	}
	for _, tt := range tests {
		if got := parseDump(t, tt.src); got != tt.want {
			t.Errorf("%q:\n got  %s\n want %s", tt.src, got, tt.want)
		}
	}
}

func TestParseExpressions(t *testing.T) {
	tests := []struct{ src, want string }{
		// precedence
		{"a + b * c", "(+ a (* b c))"},
		{"a * b + c", "(+ (* a b) c)"},
		{"a - b - c", "(- (- a b) c)"},
		{"a / b / c", "(/ (/ a b) c)"},
		{"-2**2", "(- (** 2 2))"},
		{"2**-1", "(** 2 (- 1))"},
		{"a**b**c", "(** a (** b c))"},
		{"-a*b", "(* (- a) b)"},
		{"~a & b | c ^ d", "(| (& (~ a) b) (^ c d))"},
		{"a | b ^ c & d << e + f", "(| a (^ b (& c (<< d (+ e f)))))"},
		{"a << b >> c", "(>> (<< a b) c)"},
		{"a @ b * c", "(* (@ a b) c)"},
		{"a // b % c", "(% (// a b) c)"},
		{"a < b < c", "(cmp a < b < c)"},
		{"a == b != c <= d >= e > f", "(cmp a == b != c <= d >= e > f)"},
		{"x in y", "(cmp x in y)"},
		{"x not in y", "(cmp x not in y)"},
		{"x is None", "(cmp x is None)"},
		{"x is not None", "(cmp x is not None)"},
		{"a + 1 < b * 2", "(cmp (+ a 1) < (* b 2))"},
		{"not a == b", "(not (cmp a == b))"},
		{"not not a", "(not (not a))"},
		{"not a and b", "(and (not a) b)"},
		{"a or not b < c", "(or a (not (cmp b < c)))"},
		{"not -a + b", "(not (+ (- a) b))"},
		{"-a.b ** -c[0]", "(- (** (. a b) (- (index c 0))))"},
		{"a < b and c or not d", "(or (and (cmp a < b) c) (not d))"},
		{"a | b == c & d", "(cmp (| a b) == (& c d))"},
		{"a and b or c and d", "(or (and a b) (and c d))"},
		{"a or b or c", "(or (or a b) c)"},
		{"a and not b", "(and a (not b))"},
		{"a if c else b", "(if c a b)"},
		{"a if c else b if d else e", "(if c a (if d b e))"},
		{"a or b if c or d else e", "(if (or c d) (or a b) e)"},
		{"lambda: 0", "(lambda () 0)"},
		{"lambda x, y=1, *a, **k: x + y", "(lambda (x y=1 *a **k) (+ x y))"},
		{"lambda x: a if x else b", "(lambda (x) (if x a b))"},
		// primaries
		{"f(a, b=1, *c, **d)", "(call f a b=1 *c **d)"},
		{"f(a,)", "(call f a)"},
		{"f()", "(call f)"},
		{"f(x)(y)", "(call (call f x) y)"},
		{"a.b.c", "(. (. a b) c)"},
		{"a.b(c).d[e]", "(index (. (call (. a b) c) d) e)"},
		{"a[1:-1]", "(index a (slice 1 (- 1) _))"},
		{"a[::2]", "(index a (slice _ _ 2))"},
		{"a[:]", "(index a (slice _ _ _))"},
		{"a[1:]", "(index a (slice 1 _ _))"},
		{"a[:, 0]", "(index a (tuple (slice _ _ _) 0))"},
		{"a[..., None]", "(index a (tuple ... None))"},
		{"a[mask]", "(index a mask)"},
		{"a[1,]", "(index a (tuple 1))"},
		{"a[i][j]", "(index (index a i) j)"},
		// literals and displays
		{"1", "1"},
		{"1_000_000", "1000000"},
		{"0x_ff", "255"},
		{"0o17", "15"},
		{"0b1010", "10"},
		{"0", "0"},
		{"00", "0"},
		{"9223372036854775807", "9223372036854775807"},
		{"1.5", "1.5"},
		{"1e-3", "0.001"},
		{".5", "0.5"},
		{"1.", "1.0"},
		{"1_000.0", "1000.0"},
		{"1E3", "1000.0"},
		{"True", "True"},
		{"None", "None"},
		{"...", "..."},
		{`'a\tb\n'`, `"a\tb\n"`},
		{`"it's"`, `"it's"`},
		{`'\'\"\\'`, `"'\"\\"`},
		{`'\x41\u00e9\U0001F600'`, `"Aé😀"`},
		{`'\101'`, `"A"`},
		{`'\d'`, `"\\d"`},
		{`r'\n\d'`, `"\\n\\d"`},
		{`'''a
b'''`, `"a\nb"`},
		{`"""x"y"""`, `"x\"y"`},
		{`'a' "b" 'c'`, `"abc"`},
		{"'é'", `"é"`},
		{"[]", "(list)"},
		{"[1, 2, 3,]", "(list 1 2 3)"},
		{"()", "(tuple)"},
		{"(1,)", "(tuple 1)"},
		{"(1)", "1"},
		{"(a, b)", "(tuple a b)"},
		{"a, b", "(tuple a b)"},
		{"{}", "(dict)"},
		{"{'a': 1, 2: b,}", `(dict "a": 1 2: b)`},
		{"[x*2 for x in xs]", "(listcomp (* x 2) (for x xs))"},
		{"[x for x in xs if x if x > 1]", "(listcomp x (for x xs) (if x) (if (cmp x > 1)))"},
		{"[(i, j) for i in a for j in b if i < j]", "(listcomp (tuple i j) (for i a) (for j b) (if (cmp i < j)))"},
		{"[a for a, b in z]", "(listcomp a (for (tuple a b) z))"},
		{"[a if c else b for a in z]", "(listcomp (if c a b) (for a z))"},
		{"{k: v for k, v in d.items()}", "(dictcomp k: v (for (tuple k v) (call (. d items))))"},
		{"sum(x*x for x in xs)", "(call sum (listcomp (* x x) (for x xs)))"},
		{"(x for x in xs)", "(listcomp x (for x xs))"},
		{"x\n  + y", "(+ x y)"},
		{"  x", "x"},
	}
	for _, tt := range tests {
		e, err := ParseExpr("t", tt.src)
		if err != nil {
			t.Errorf("ParseExpr(%q): %v", tt.src, err)
			continue
		}
		if got := Dump(e); got != tt.want {
			t.Errorf("%q:\n got  %s\n want %s", tt.src, got, tt.want)
		}
	}
}

func TestLiteralValues(t *testing.T) {
	tests := []struct {
		src  string
		kind LitKind
		val  any
	}{
		{"42", IntLit, int64(42)},
		{"0xFF", IntLit, int64(255)},
		{"9223372036854775807", IntLit, int64(9223372036854775807)},
		{"2.5e3", FloatLit, 2500.0},
		{"1e400", FloatLit, inf()},
		{"'x'", StringLit, "x"},
		{"False", FalseLit, nil},
		{"...", EllipsisLit, nil},
	}
	for _, tt := range tests {
		e, err := ParseExpr("t", tt.src)
		if err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		lit, ok := e.(*Literal)
		if !ok || lit.Kind != tt.kind || lit.Value != tt.val {
			t.Errorf("%q: got %#v, want kind %d value %v", tt.src, e, tt.kind, tt.val)
		}
	}
}

func inf() float64 {
	x := 1e308
	return x * 10
}

func TestFString(t *testing.T) {
	tests := []struct{ src, want string }{
		{`f"v = {v:.3f} and {w!r}"`, `(f "v = " {v:.3f} " and " {w!r})`},
		{`f'{{literal}} {x}'`, `(f "{literal} " {x})`},
		{`f'{a + b * 2}'`, `(f {(+ a (* b 2))})`},
		{`f'{x!s:>10}'`, `(f {x!s:>10})`},
		{`f'{d["k"]}'`, `(f {(index d "k")})`},
		{`f'{x=}'`, `(f "x=" {x!r})`},
		{`f'{x = :.2f}'`, `(f "x = " {x:.2f})`},
		{`f'{a != b}'`, `(f {(cmp a != b)})`},
		{`f'{f(a, b=1)[0]}'`, `(f {(index (call f a b=1) 0)})`},
		{`f'tab\t{x}\n'`, `(f "tab\t" {x} "\n")`},
		{`rf'\d{x}'`, `(f "\\d" {x})`},
		{`'a' f'{b}' 'c'`, `(f "a" {b} "c")`},
		{`f''`, `(f)`},
		{`f"""{
x
}"""`, `(f {x})`},
		{`F'{lambda_:1}'`, `(f {lambda_:1})`},
	}
	for _, tt := range tests {
		e, err := ParseExpr("t", tt.src)
		if err != nil {
			t.Errorf("ParseExpr(%q): %v", tt.src, err)
			continue
		}
		if got := Dump(e); got != tt.want {
			t.Errorf("%q:\n got  %s\n want %s", tt.src, got, tt.want)
		}
	}

	// Positions of embedded expressions point into the file.
	f, err := ParseFile("t.sim", "x = 1\ny = f'ab{c + d}' + f'''\n  {e}'''\n")
	if err != nil {
		t.Fatal(err)
	}
	bin := f.Stmts[1].(*Assign).Value.(*Binary)
	fs := bin.X.(*FString)
	if got := fs.Parts[1].Expr.(*Binary).Pos; got != (Pos{2, 12}) {
		t.Errorf("f-string '+' at %v, want 2:12", got)
	}
	if got := fs.Parts[1].Expr.(*Binary).X.Start(); got != (Pos{2, 10}) {
		t.Errorf("f-string 'c' at %v, want 2:10", got)
	}
	fs2 := bin.Y.(*FString)
	if got := fs2.Parts[1].Expr.Start(); got != (Pos{3, 4}) {
		t.Errorf("triple f-string 'e' at %v, want 3:4", got)
	}
}

func TestPositions(t *testing.T) {
	src := "x = a + f(b)[c].d\nif x:\n    y -= -z\n"
	f, err := ParseFile("t.sim", src)
	if err != nil {
		t.Fatal(err)
	}
	as := f.Stmts[0].(*Assign)
	bin := as.Value.(*Binary)
	attr := bin.Y.(*Attr)
	idx := attr.X.(*Index)
	call := idx.X.(*Call)
	checks := []struct {
		what      string
		got, want Pos
	}{
		{"assign", as.Pos, Pos{1, 1}},
		{"target", as.Targets[0].Start(), Pos{1, 1}},
		{"binary op", bin.Pos, Pos{1, 7}},
		{"ident a", bin.X.Start(), Pos{1, 5}},
		{"attr name", attr.Pos, Pos{1, 17}},
		{"index [", idx.Pos, Pos{1, 13}},
		{"call (", call.Pos, Pos{1, 10}},
		{"call fn", call.Fn.Start(), Pos{1, 9}},
		{"arg", call.Args[0].Pos, Pos{1, 11}},
		{"if", f.Stmts[1].Start(), Pos{2, 1}},
		{"augassign op", f.Stmts[1].(*If).Body[0].Start(), Pos{3, 7}},
		{"unary", f.Stmts[1].(*If).Body[0].(*AugAssign).Value.Start(), Pos{3, 10}},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s at %v, want %v", c.what, c.got, c.want)
		}
	}
}

func TestDecoratorPositions(t *testing.T) {
	f, err := ParseFile("t.sim", "if x:\n    @a\n    @  b.c(1)\n    def f(): pass\n")
	if err != nil {
		t.Fatal(err)
	}
	d := f.Stmts[0].(*If).Body[0].(*Def)
	if len(d.Decorators) != 2 {
		t.Fatalf("%d decorators, want 2", len(d.Decorators))
	}
	checks := []struct {
		what      string
		got, want Pos
	}{
		{"def", d.Pos, Pos{4, 5}},
		{"first @", d.Decorators[0].Pos, Pos{2, 5}},
		{"first expr", d.Decorators[0].X.Start(), Pos{2, 6}},
		{"second @", d.Decorators[1].Pos, Pos{3, 5}},
		{"second call (", d.Decorators[1].X.Start(), Pos{3, 11}},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s at %v, want %v", c.what, c.got, c.want)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		// want is "line:col: message" (message may be a prefix)
		{"x = = 1", "1:5: expected an expression after '='"},
		{"x = 1 +\n", "1:8: expected an expression after '+'"},
		{"f(1, 2", "1:2: '(' was never closed"},
		{"x = [1,\n 2\ny = 3", "1:5: '[' was never closed"},
		{"x = (]", "1:6: closing parenthesis ']' does not match opening parenthesis '('"},
		{"x = )", "1:5: unmatched ')'"},
		{"if x\n    y\n", "1:5: expected ':'"},
		{"for x y:\n pass", "1:7: expected 'in'"},
		{"x = 1 if y", "1:11: expected 'else'"},
		{"def f(x) pass", "1:10: expected ':'"},
		{"x = 1 2", "1:7: invalid syntax"},
		{"f(a b)", "1:5: invalid syntax"},
		{"x = [*a]", "1:6: unexpected '*'"},
		{"  x = 1\n", "1:3: unexpected indent"},
		{"x = 1\n    y = 2\n", "2:5: unexpected indent"},
		{"if x:\ny\n", "2:1: expected an indented block"},
		{"if x:\n", "1:6: expected an indented block"},
		{"if x:\n    a\n  b\n", "3:3: unindent does not match any outer indentation level"},
		{"if x:\n\ta\n        b\n", "3:9: inconsistent use of tabs and spaces in indentation"},
		{"f() = 3", "1:1: cannot assign to function call"},
		{"1 = x", "1:1: cannot assign to literal"},
		{"None = 1", "1:1: cannot assign to None"},
		{"a + b = 1", "1:1: cannot assign to expression"},
		{"x, f() = 1, 2", "1:4: cannot assign to function call"},
		{"for f() in y: pass", "1:5: cannot assign to function call"},
		{"del f()", "1:5: cannot delete function call"},
		{"[x for 1 in y]", "1:8: cannot assign to literal"},
		{"(a, b) += 1", "1:1: 'tuple' is an illegal expression for augmented assignment"},
		{"f(x) += 1", "1:1: cannot assign to function call"},
		{"x = 99999999999999999999", "1:5: integer literal too large"},
		{"x = 0777", "1:5: leading zeros in decimal integer literals are not permitted"},
		{"x = 1_", "1:5: invalid number literal"},
		{"x = 1__0", "1:5: invalid number literal"},
		{"x = 0x", "1:5: invalid number literal"},
		{"x = 3j", "1:5: complex numbers are not supported in sim"},
		{"x = 1abc", "1:5: invalid number literal"},
		{"x = 'abc", "1:5: unterminated string literal"},
		{"x = '''abc\n", "1:5: unterminated triple-quoted string literal"},
		{`x = 'a\x4'`, `1:7: truncated \x escape`},
		{"x = 1 \\ 2", "1:7: unexpected character after line continuation character"},
		{"x = $", "1:5: invalid character '$' in source"},
		{"x = a ! b", "1:7: invalid syntax: '!' is not an operator"},
		{"class A: pass", "1:1: class definitions are not supported in sim"},
		{"try:\n    pass\n", "1:1: try statements are not supported in sim"},
		{"x = 1\nwith f as g: pass", "2:1: with statements are not supported in sim"},
		{"def f():\n    yield 1\n", "2:5: generators (yield) are not supported in sim"},
		{"x = {1, 2}", "1:5: set literals are not supported in sim"},
		{"x = b'abc'", "1:5: bytes literals are not supported in sim"},
		{"f(a=1, 2)", "1:8: positional argument follows keyword argument"},
		{"f(**k, *a)", "1:8: iterable argument unpacking follows keyword argument unpacking"},
		{"f(a=1, a=2)", "1:8: keyword argument repeated: a"},
		{"f(a.b=1)", "1:3: expression cannot contain assignment"},
		{"f(x for x in y, 1)", "1:3: generator expression must be parenthesized"},
		{"f(,)", "1:3: expected an expression before ','"},
		{"x = (1,,2)", "1:8: expected an expression before ','"},
		{"x = 1;; y = 2", "1:7: invalid syntax: empty statement between ';'"},
		{"def f(a=1, b): pass", "1:12: parameter without a default follows parameter with a default"},
		{"def f(a, a): pass", "1:10: duplicate argument 'a' in function definition"},
		{"def f(*): pass", "1:7: named arguments must follow bare *"},
		{"def f(**k, a): pass", "1:12: arguments cannot follow var-keyword argument"},
		{"x = f'{a!x}'", "1:9: f-string: invalid conversion character"},
		{"x = f'{a'", "1:7: f-string: expecting '}'"},
		{"x = f'{}'", "1:7: f-string: empty expression not allowed"},
		{"x = f'a}'", "1:8: f-string: single '}' is not allowed"},
		{"x = f'{a + }'", "1:12: expected an expression after '+'"},
		{"x = 1\ny = f'''\n {a b}'''", "3:5: invalid syntax"},
		{"x = a[]", "1:7: expected an index or slice"},
		{"@dec\nx = 1\n", "2:1: decorators must be followed by a function definition"},
		{"@dec\n@dec2\nif x: pass\n", "3:1: decorators must be followed by a function definition"},
		{"@dec\n", "1:5: decorators must be followed by a function definition"},
		{"x = 1\n@dec", "2:5: decorators must be followed by a function definition"},
		{"if x:\n    @dec\ny = 1\n", "2:9: decorators must be followed by a function definition"},
		{"@dec\n    def f(): pass\n", "2:5: unexpected indent"},
		{"@dec def f(): pass\n", "1:6: unexpected keyword 'def'"},
		{"@\ndef f(): pass\n", "1:2: expected an expression after '@'"},
		{"@a, b\ndef f(): pass\n", "1:3: unexpected ','"},
		{"@f(a=1, 2)\ndef g(x=1, y): pass\n", "1:9: positional argument follows keyword argument"},
		{"@dec\nclass A: pass\n", "2:1: class definitions are not supported in sim"},
		{"x = @dec", "1:5: expected an expression after '='"},
		{"import", "1:7: expected a module name"},
		{"x = not", "1:8: expected an expression after 'not'"},
		{"x = a.", "1:7: expected a name after '.'"},
		{"x = a.1", "1:6: invalid syntax"},
		{"x = a + not b", "1:9: invalid syntax: 'not' cannot follow an operator"},
		{"x = - not b", "1:7: invalid syntax: 'not' cannot follow an operator"},
		{"x = 2 ** not b", "1:10: invalid syntax: 'not' cannot follow an operator"},
		{"x = a == not b", "1:10: invalid syntax: 'not' cannot follow an operator"},
		{"x = 1 else 2", "1:7: unexpected keyword 'else'"},
		{"if x:\n    pass\nelse y\n", "3:6: expected ':'"},
		{"x == 1 = 2", "1:1: cannot assign to comparison"},
	}
	for _, tt := range tests {
		_, err := ParseFile("t.sim", tt.src)
		if err == nil {
			t.Errorf("%q: no error, want %s", tt.src, tt.want)
			continue
		}
		var le *Error
		if !errors.As(err, &le) {
			t.Errorf("%q: error %T is not *lang.Error", tt.src, err)
			continue
		}
		got := le.Pos.String() + ": " + le.Msg
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("%q:\n got  %s\n want %s", tt.src, got, tt.want)
		}
		if le.File != "t.sim" || le.Line != SourceLine(tt.src, int(le.Pos.Line)) {
			t.Errorf("%q: file %q, line %q", tt.src, le.File, le.Line)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	_, err := ParseFile("model.sim", "x = 1\ny = (2 +\n    * 3)\n")
	if err == nil {
		t.Fatal("no error")
	}
	want := "model.sim:3:5: expected an expression after '+'\n        * 3)\n        ^"
	if err.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", err, want)
	}
}

func TestParseExprErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"", "1:1: expected an expression"},
		{"1 +", "1:4: expected an expression after '+'"},
		{"x = 1", "1:3: invalid syntax: cannot use '=' here"},
		{"a b", "1:3: invalid syntax"},
		{"(1", "1:1: '(' was never closed"},
	}
	for _, tt := range tests {
		_, err := ParseExpr("t", tt.src)
		if err == nil {
			t.Errorf("%q: no error", tt.src)
			continue
		}
		le := err.(*Error)
		if got := le.Pos.String() + ": " + le.Msg; !strings.HasPrefix(got, tt.want) {
			t.Errorf("%q:\n got  %s\n want %s", tt.src, got, tt.want)
		}
	}
}

func TestIsIncomplete(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"x = 1\n", false},
		{"x = (1,\n", true},
		{"f(a,\n  b\n", true},
		{"d = {\n", true},
		{"if x:\n", true},
		{"def f(a):\n", true},
		{"for i in r:  # comment\n", true},
		{"if x:\n    y = 1\n", true},
		{"if x:\n    y = 1\n\n", false},
		{"if x:\n    y = 1\n    \n", false},
		{"if x: y = 1\n", true},
		{"if x: y = 1\n\n", false},
		{"s = '''abc\n", true},
		{"s = '''abc'''\n", false},
		{"x = 1 + \\\n", true},
		{"x = 1 +\n", false},
		{"x = )\n", false},
		{"x = 'abc\n", false},
		{"", false},
		{"while x:\n    if y:\n", true},
		{"@dec\n", true},
		{"@dec(1,\n", true},
		{"@dec\n@dec2\n", true},
		{"@dec\ndef f(): return 1\n", true},
		{"@dec\ndef f():\n    return 1\n", true},
		{"@dec\ndef f():\n    return 1\n\n", false},
		{"@dec\n\n", false},
		{"x = a @ b\n", false},
	}
	for _, tt := range tests {
		if got := IsIncomplete(tt.src); got != tt.want {
			t.Errorf("IsIncomplete(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
