package lang

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// This file parses Brian2-style equation strings and code strings with a
// small participle grammar. The grammar finds the structure (which name an
// equation defines, where its expression, unit and flags are); the
// expressions themselves are parsed by ParseExpr's machinery, at their
// position in the string so that errors point into it.

// EqFile and CodeFile name the source in errors from equation and code
// strings.
const (
	EqFile   = "<equations>"
	CodeFile = "<code>"
)

// EqKind says what an equation line defines.
type EqKind uint8

// Equation kinds.
const (
	DiffEq  EqKind = iota // dx/dt = expr : unit (flags)
	SubEq                 // x = expr : unit (flags)
	ParamEq               // x : unit (flags)
)

// EquationLine is one equation of an equation string.
type EquationLine struct {
	Kind     EqKind
	Name     string
	Pos      Pos    // start of the equation (the `dx/dt` or the name)
	Expr     Expr   // right-hand side; nil for parameters
	ExprText string // the right-hand side as written, comments removed and whitespace collapsed
	Unit     string // the unit as written: "volt", "1", "boolean", "siemens/meter**2"
	UnitPos  Pos
	Flags    []string // flags as written, words joined by one space: "unless refractory"
	FlagPos  []Pos
	// Text is the whole equation on one line, for messages:
	// "dv/dt = (v0 - v)/tau : volt (unless refractory)".
	Text string
}

// CodeLine is one statement of a code string: Target = Value, or an
// augmented assignment (Op Plus for +=, ...; Illegal for plain =).
type CodeLine struct {
	Pos    Pos
	Target string
	Op     Op
	Value  Expr
	Text   string // the statement as written, whitespace collapsed
}

// eqLexer tokenizes equation and code strings. Whitespace and comments
// are elided; newlines separate equations and statements.
var eqLexer = lexer.MustSimple([]lexer.SimpleRule{
	{Name: "Comment", Pattern: `#[^\n]*`},
	{Name: "NL", Pattern: `\r?\n`},
	{Name: "Space", Pattern: `[ \t\r\f\\]+`},
	{Name: "DiffOp", Pattern: `d[A-Za-z_][A-Za-z0-9_]*[ \t]*/[ \t]*dt\b`},
	{Name: "Number", Pattern: `(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?j?`},
	{Name: "Ident", Pattern: `[A-Za-z_][A-Za-z0-9_]*`},
	{Name: "AugOp", Pattern: `(\*\*|//|[-+*/%&|^@]|<<|>>)=`},
	{Name: "Punct", Pattern: `\*\*|//|==|!=|<=|>=|<<|>>|->|[-+*/%()\[\]{},:;=<>.!~&|^@]`},
	{Name: "Other", Pattern: `.`},
})

// Equation grammar. An expression runs up to the ':' before the unit and
// may span several lines (as in Brian2); the unit runs to the end of the
// line or to the '(' of the flags.
type eqGFile struct {
	Eqs []*eqGLine `parser:"NL* ( @@ ( NL+ @@ )* )? NL*"`
}

type eqGLine struct {
	Pos   lexer.Position
	Diff  *string    `parser:"(  @DiffOp '='"`
	Expr1 *eqGExpr   `parser:"   @@"`
	Name  *string    `parser:"| @Ident ( '='"`
	Expr2 *eqGExpr   `parser:"   @@ )? )"`
	Unit  *eqGUnit   `parser:"':' @@"`
	Flags []*eqGFlag `parser:"( '(' @@ ( ',' @@ )* ')' )?"`
}

type eqGExpr struct {
	Tokens []lexer.Token
	Parts  []string `parser:"( @~( ':' | NL ) | NL )+"`
}

type eqGUnit struct {
	Tokens []lexer.Token
	Parts  []string `parser:"( @( Ident | Number | '*' | '/' | '**' | '-' | '+' | '.' | '^' ) )+"`
}

type eqGFlag struct {
	Tokens []lexer.Token
	Parts  []string `parser:"( @( Ident | '-' | Number ) )+"`
}

// Code grammar: statements separated by newlines or ';'.
type codeGFile struct {
	Stmts []*codeGStmt `parser:"( NL | ';' )* ( @@ ( ( NL | ';' )+ @@ )* )? ( NL | ';' )*"`
}

type codeGStmt struct {
	Pos    lexer.Position
	Target string     `parser:"@Ident"`
	Op     string     `parser:"@( AugOp | '=' )"`
	Value  *codeGExpr `parser:"@@"`
}

type codeGExpr struct {
	Tokens []lexer.Token
	Parts  []string `parser:"( @~( ';' | NL ) )+"`
}

var (
	eqParserOnce sync.Once
	eqParser     *participle.Parser[eqGFile]
	codeParser   *participle.Parser[codeGFile]
	eqParserErr  error
)

func buildEqParsers() error {
	eqParserOnce.Do(func() {
		opts := []participle.Option{participle.Lexer(eqLexer), participle.Elide("Comment", "Space"), participle.UseLookahead(4)}
		eqParser, eqParserErr = participle.Build[eqGFile](opts...)
		if eqParserErr == nil {
			codeParser, eqParserErr = participle.Build[codeGFile](opts...)
		}
	})
	return eqParserErr
}

// ParseEquationLines parses a Brian2 equation string: one equation per
// line (`dx/dt = expr : unit (flags)`, `x = expr : unit (flags)`,
// `x : unit (flags)`), `#` comments, blank lines, expressions continued
// over several lines. Errors are *Error values positioned in src.
func ParseEquationLines(src string) ([]EquationLine, error) {
	if err := buildEqParsers(); err != nil {
		return nil, &Error{File: EqFile, Pos: Pos{Line: 1, Col: 1}, Msg: "internal error: " + err.Error()}
	}
	g, err := eqParser.ParseString(EqFile, src)
	if err != nil {
		return nil, grammarError(EqFile, src, err, "equation")
	}
	var out []EquationLine
	for _, gl := range g.Eqs {
		l, perr := convertEqLine(src, gl)
		if perr != nil {
			return nil, perr
		}
		out = append(out, l)
	}
	return out, nil
}

func convertEqLine(src string, gl *eqGLine) (EquationLine, *Error) {
	l := EquationLine{Pos: pos(gl.Pos)}
	var ex *eqGExpr
	switch {
	case gl.Diff != nil:
		l.Kind = DiffEq
		name := strings.TrimPrefix(*gl.Diff, "d")
		l.Name = strings.TrimSpace(name[:strings.IndexByte(name, '/')])
		ex = gl.Expr1
	case gl.Expr2 != nil:
		l.Kind, l.Name, ex = SubEq, *gl.Name, gl.Expr2
	default:
		l.Kind, l.Name = ParamEq, *gl.Name
	}
	if ex != nil {
		text, start, ok := tokenSpan(src, ex.Tokens)
		if !ok {
			return l, Errorf(EqFile, src, l.Pos, "expected an expression after '='")
		}
		e, perr := parseExprAt(EqFile, text, pos(start), src)
		if perr != nil {
			return l, perr
		}
		l.Expr, l.ExprText = e, collapse(text)
	}
	utext, ustart, _ := tokenSpan(src, gl.Unit.Tokens)
	l.Unit, l.UnitPos = collapse(utext), pos(ustart)
	for _, f := range gl.Flags {
		ftext, fstart, _ := tokenSpan(src, f.Tokens)
		l.Flags = append(l.Flags, collapse(ftext))
		l.FlagPos = append(l.FlagPos, pos(fstart))
	}
	var b strings.Builder
	switch l.Kind {
	case DiffEq:
		fmt.Fprintf(&b, "d%s/dt = %s", l.Name, l.ExprText)
	case SubEq:
		fmt.Fprintf(&b, "%s = %s", l.Name, l.ExprText)
	default:
		b.WriteString(l.Name)
	}
	b.WriteString(" : " + l.Unit)
	if len(l.Flags) > 0 {
		b.WriteString(" (" + strings.Join(l.Flags, ", ") + ")")
	}
	l.Text = b.String()
	return l, nil
}

// ParseCodeString parses a Brian2 code string: assignments `x = expr` and
// augmented assignments `x += expr`, separated by newlines or ';'. Errors
// are *Error values positioned in src.
func ParseCodeString(src string) ([]CodeLine, error) {
	if err := buildEqParsers(); err != nil {
		return nil, &Error{File: CodeFile, Pos: Pos{Line: 1, Col: 1}, Msg: "internal error: " + err.Error()}
	}
	g, err := codeParser.ParseString(CodeFile, src)
	if err != nil {
		return nil, grammarError(CodeFile, src, err, "statement")
	}
	var out []CodeLine
	for _, gs := range g.Stmts {
		text, start, _ := tokenSpan(src, gs.Value.Tokens)
		e, perr := parseExprAt(CodeFile, text, pos(start), src)
		if perr != nil {
			return nil, perr
		}
		op, ok := codeAssignOps[gs.Op]
		if !ok {
			return nil, Errorf(CodeFile, src, pos(gs.Pos), "unsupported assignment operator '%s'", gs.Op)
		}
		out = append(out, CodeLine{Pos: pos(gs.Pos), Target: gs.Target, Op: op, Value: e,
			Text: gs.Target + " " + gs.Op + " " + collapse(text)})
	}
	return out, nil
}

// codeAssignOps maps assignment operators to the Op of the augmented assignment.
var codeAssignOps = map[string]Op{
	"=": Illegal, "+=": Plus, "-=": Minus, "*=": Star, "/=": Slash, "//=": SlashSlash,
	"%=": Percent, "**=": StarStar, "&=": Amp, "|=": Pipe, "^=": Hat, "<<=": LShift, ">>=": RShift,
}

// tokenSpan returns the source text from the first to the last
// significant token (neither newline, space nor comment) and the first
// token's position.
func tokenSpan(src string, toks []lexer.Token) (string, lexer.Position, bool) {
	sym := eqLexer.Symbols()
	skip := map[lexer.TokenType]bool{sym["NL"]: true, sym["Space"]: true, sym["Comment"]: true, lexer.EOF: true}
	first, last := -1, -1
	for i, t := range toks {
		if skip[t.Type] {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	if first < 0 {
		return "", lexer.Position{}, false
	}
	a, b := toks[first].Pos.Offset, toks[last].Pos.Offset+len(toks[last].Value)
	return src[a:b], toks[first].Pos, true
}

// collapse removes comments and joins whitespace runs into one space.
func collapse(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if j := strings.IndexByte(l, '#'); j >= 0 {
			lines[i] = l[:j]
		}
	}
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

// grammarError turns a participle error into a positioned *Error.
func grammarError(file, src string, err error, what string) *Error {
	var pe participle.Error
	if !errors.As(err, &pe) {
		return &Error{File: file, Pos: Pos{Line: 1, Col: 1}, Msg: err.Error()}
	}
	p := pos(pe.Position())
	msg := pe.Message()
	var ute *participle.UnexpectedTokenError
	if errors.As(err, &ute) {
		t := ute.Unexpected
		switch {
		case t.EOF() || t.Value == "\n" || t.Value == "\r\n":
			msg = "incomplete " + what
		default:
			msg = fmt.Sprintf("unexpected '%s'", t.Value)
		}
		if what == "equation" {
			msg += " (expected the form 'dv/dt = -v/tau : volt', 'x = 2*y : volt' or 'x : volt', with optional '(flags)')"
		} else {
			msg += " (expected the form 'v = vr' or 'v += 1*mV')"
		}
	}
	if p.Line < 1 {
		p = Pos{Line: 1, Col: 1}
	}
	return Errorf(file, src, p, "invalid %s: %s", what, msg)
}
