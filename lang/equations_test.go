package lang

import (
	"strings"
	"testing"
)

func TestParseEquationLinesForms(t *testing.T) {
	src := `
  # a comment line

  dv/dt = (ge + gi - (v - El))/taum : volt (unless refractory)
  dge/dt = -ge/taue  # trailing comment
     + 0*ge : volt
  x = 2*
     y   # comment inside a continued expression
     + 1 : siemens/meter**2 (constant over dt, shared)
  I : amp
  b : boolean
  n : integer (constant)
  r : 1/second
  z : 1 (event-driven)
`
	ls, err := ParseEquationLines(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind  EqKind
		name  string
		expr  string
		unit  string
		flags string
		line  int32
		text  string
	}{
		{DiffEq, "v", "(/ (- (+ ge gi) (- v El)) taum)", "volt", "unless refractory", 4,
			"dv/dt = (ge + gi - (v - El))/taum : volt (unless refractory)"},
		{DiffEq, "ge", "(+ (/ (- ge) taue) (* 0 ge))", "volt", "", 5, "dge/dt = -ge/taue + 0*ge : volt"},
		{SubEq, "x", "(+ (* 2 y) 1)", "siemens/meter**2", "constant over dt|shared", 7,
			"x = 2* y + 1 : siemens/meter**2 (constant over dt, shared)"},
		{ParamEq, "I", "", "amp", "", 10, "I : amp"},
		{ParamEq, "b", "", "boolean", "", 11, "b : boolean"},
		{ParamEq, "n", "", "integer", "constant", 12, "n : integer (constant)"},
		{ParamEq, "r", "", "1/second", "", 13, "r : 1/second"},
		{ParamEq, "z", "", "1", "event-driven", 14, "z : 1 (event-driven)"},
	}
	if len(ls) != len(want) {
		t.Fatalf("got %d equations, want %d", len(ls), len(want))
	}
	for i, w := range want {
		l := ls[i]
		expr := ""
		if l.Expr != nil {
			expr = Dump(l.Expr)
		}
		if l.Kind != w.kind || l.Name != w.name || expr != w.expr || l.Unit != w.unit ||
			strings.Join(l.Flags, "|") != w.flags || l.Pos.Line != w.line || l.Text != w.text {
			t.Errorf("equation %d: got %v %q %q %q %q line %d %q", i, l.Kind, l.Name, expr, l.Unit,
				l.Flags, l.Pos.Line, l.Text)
		}
	}
	if p := ls[0].FlagPos[0]; p != (Pos{Line: 4, Col: 45}) {
		t.Errorf("flag position %v", p)
	}
	if p := ls[2].UnitPos; p != (Pos{Line: 9, Col: 12}) {
		t.Errorf("unit position %v", p)
	}
}

func TestParseEquationLinesEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "# only a comment\n"} {
		ls, err := ParseEquationLines(src)
		if err != nil || len(ls) != 0 {
			t.Errorf("%q: %v %v", src, ls, err)
		}
	}
}

func TestParseEquationLinesErrors(t *testing.T) {
	tests := []struct {
		src, want string
		line, col int32
	}{
		{"dv/dt = (1 +  : volt\n", "'(' was never closed", 1, 9},
		{"dv/dt = -v/tau : volt\nx = 3", "incomplete equation", 2, 6},
		{"dv/dt = 1 +* 2 : volt", "expected an expression after '+'", 1, 12},
		{"dv/dt = -v/tau : volt (unless refractory", "incomplete equation", 1, 41},
		{"v : volt extra stuff?", "unexpected '?'", 1, 21},
		{"\n\n  dv/dt = -v/ : volt", "expected an expression after '/'", 3, 14},
	}
	for _, tc := range tests {
		_, err := ParseEquationLines(tc.src)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%q: got %v, want *Error", tc.src, err)
			continue
		}
		if !strings.Contains(e.Msg, tc.want) || e.Pos.Line != tc.line || e.Pos.Col != tc.col {
			t.Errorf("%q: got %d:%d %q, want %d:%d %q", tc.src, e.Pos.Line, e.Pos.Col, e.Msg, tc.line, tc.col, tc.want)
		}
		if e.File != EqFile || e.Line == "" {
			t.Errorf("%q: file %q, line %q", tc.src, e.File, e.Line)
		}
	}
}

func TestParseCodeString(t *testing.T) {
	cs, err := ParseCodeString("\n   v = vr; w += b*(v > 1)\n  x **= 2 # comment\n;\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		target string
		op     Op
		value  string
		text   string
		pos    Pos
	}{
		{"v", Illegal, "vr", "v = vr", Pos{Line: 2, Col: 4}},
		{"w", Plus, "(* b (cmp v > 1))", "w += b*(v > 1)", Pos{Line: 2, Col: 12}},
		{"x", StarStar, "2", "x **= 2", Pos{Line: 3, Col: 3}},
	}
	if len(cs) != len(want) {
		t.Fatalf("got %d statements", len(cs))
	}
	for i, w := range want {
		c := cs[i]
		if c.Target != w.target || c.Op != w.op || Dump(c.Value) != w.value || c.Text != w.text || c.Pos != w.pos {
			t.Errorf("statement %d: %+v (%s)", i, c, Dump(c.Value))
		}
	}
}

func TestParseCodeStringErrors(t *testing.T) {
	tests := []struct {
		src, want string
		line, col int32
	}{
		{"v = ", "incomplete statement", 1, 5},
		{"v = 1 +* 2", "expected an expression after '+'", 1, 8},
		{"v = 1\n  3 + 4", "unexpected '3'", 2, 3},
		{"v == 1", "unexpected '=='", 1, 3},
	}
	for _, tc := range tests {
		_, err := ParseCodeString(tc.src)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%q: got %v, want *Error", tc.src, err)
			continue
		}
		if !strings.Contains(e.Msg, tc.want) || e.Pos.Line != tc.line || e.Pos.Col != tc.col {
			t.Errorf("%q: got %d:%d %q, want %d:%d %q", tc.src, e.Pos.Line, e.Pos.Col, e.Msg, tc.line, tc.col, tc.want)
		}
	}
}
