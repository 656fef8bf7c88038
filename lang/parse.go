package lang

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

var (
	buildOnce sync.Once
	theParser *participle.Parser[gRoot]
	buildErr  error
)

// scriptParser returns the participle parser, built on first use.
func scriptParser() (*participle.Parser[gRoot], error) {
	buildOnce.Do(func() {
		theParser, buildErr = participle.Build[gRoot](participle.Lexer(lexDef{}), participle.UseLookahead(0))
	})
	return theParser, buildErr
}

// ParseFile parses a whole script. Errors are *Error values.
func ParseFile(filename, src string) (*File, error) {
	toks, err := lexSource(filename, src, lexer.Position{Line: 1, Column: 1}, false)
	if err != nil {
		return nil, err
	}
	f := &File{Name: filename, Src: src}
	if len(toks) == 1 { // only EOF
		return f, nil
	}
	root, perr := parseTokens(filename, src, toks)
	if perr != nil {
		return nil, perr
	}
	c := &converter{file: filename, src: src}
	f.Stmts = c.stmts(root.Stmts)
	if c.err != nil {
		return nil, c.err
	}
	return f, nil
}

// ParseExpr parses a single expression (a bare tuple `a, b` included),
// for Eval and the REPL. Newlines inside it are ignored.
func ParseExpr(filename, src string) (Expr, error) {
	e, err := parseExprAt(filename, src, Pos{Line: 1, Col: 1}, src)
	if err != nil {
		return nil, err
	}
	return e, nil
}

// parseExprAt parses the expression src, whose first byte is at p in a
// file whose full text is full (used for error source lines).
func parseExprAt(filename, src string, p Pos, full string) (Expr, *Error) {
	toks, err := lexSource(filename, src, lexer.Position{Line: int(p.Line), Column: int(p.Col)}, true)
	if err != nil {
		e := err.(*Error)
		e.Line = SourceLine(full, int(e.Pos.Line))
		return nil, e
	}
	if len(toks) == 2 { // ExprMode, EOF
		return nil, Errorf(filename, full, pos(toks[1].Pos), "expected an expression")
	}
	root, perr := parseTokens(filename, full, toks)
	if perr != nil {
		return nil, perr
	}
	c := &converter{file: filename, src: full}
	e := c.testList(root.Expr)
	if c.err != nil {
		return nil, c.err
	}
	return e, nil
}

// parseTokens runs the participle parser over lexed tokens.
func parseTokens(filename, src string, toks []lexer.Token) (root *gRoot, err *Error) {
	p, berr := scriptParser()
	if berr != nil {
		return nil, &Error{File: filename, Pos: Pos{Line: 1, Col: 1}, Msg: "internal error: " + berr.Error()}
	}
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, &Error{File: filename, Pos: Pos{Line: 1, Col: 1}, Msg: fmt.Sprintf("internal parser error: %v", r)}
		}
	}()
	pl, lerr := lexer.Upgrade(&tokenList{toks: toks})
	if lerr != nil {
		return nil, &Error{File: filename, Pos: Pos{Line: 1, Col: 1}, Msg: lerr.Error()}
	}
	r, perr := p.ParseFromLexer(pl)
	if perr != nil {
		return nil, translateError(filename, src, toks, perr)
	}
	return r, nil
}

// translateError turns a participle error into a positioned, Python-like
// syntax error.
func translateError(filename, src string, toks []lexer.Token, err error) *Error {
	var tok lexer.Token
	expect := ""
	var ute *participle.UnexpectedTokenError
	if errors.As(err, &ute) {
		tok = ute.Unexpected
		msg := ute.Message()
		if i := strings.Index(msg, " (expected "); i >= 0 {
			expect = strings.TrimSuffix(msg[i+len(" (expected "):], ")")
		}
	} else if pe, ok := err.(participle.Error); ok {
		tok = lexer.Token{Pos: pe.Position(), Type: tPunct}
		for _, t := range toks {
			if t.Pos.Offset >= pe.Position().Offset {
				tok = t
				break
			}
		}
	} else {
		return &Error{File: filename, Pos: Pos{Line: 1, Col: 1}, Msg: err.Error()}
	}
	idx := -1
	for i, t := range toks {
		if t.Pos.Offset == tok.Pos.Offset && t.Type == tok.Type {
			idx = i
			break
		}
	}
	prev := func(k int) lexer.Token {
		if idx-k >= 0 {
			return toks[idx-k]
		}
		return lexer.Token{Type: tNewline}
	}
	at := pos(tok.Pos)
	if (tok.Type == tEOF || tok.Type == tDedent) && prev(1).Type == tNewline {
		// Point at the end of the last line rather than past it.
		at = pos(prev(1).Pos)
	}
	return Errorf(filename, src, at, "%s", syntaxMessage(tok, prev(1), prev(2), expect))
}

// operandEnd reports whether t can end an operand, so that a following
// name or number suggests a missing operator or comma.
func operandEnd(t lexer.Token) bool {
	switch t.Type {
	case tName, tInt, tFloat, tString, tFString:
		return true
	case tKeyword:
		return t.Value == "True" || t.Value == "False" || t.Value == "None"
	case tPunct:
		return t.Value == ")" || t.Value == "]" || t.Value == "}" || t.Value == "..."
	}
	return false
}

// startsOperand reports whether t can begin an expression.
func startsOperand(t lexer.Token) bool {
	switch t.Type {
	case tName, tInt, tFloat, tString, tFString:
		return true
	case tKeyword:
		switch t.Value {
		case "True", "False", "None", "not", "lambda":
			return true
		}
	case tPunct:
		switch t.Value {
		case "(", "[", "{", "-", "+", "~", "...":
			return true
		}
	}
	return false
}

// wantsOperand reports whether an expression must follow t.
func wantsOperand(t lexer.Token) bool {
	switch t.Type {
	case tPunct:
		switch t.Value {
		case ")", "]", "}", "...", ";", ":", ",", "(", "[", "{":
			return false
		}
		return true
	case tKeyword:
		switch t.Value {
		case "and", "or", "not", "in", "is", "if", "elif", "while", "else", "lambda", "assert", "del":
			return true
		}
	}
	return false
}

func describe(t lexer.Token) string {
	switch t.Type {
	case tEOF:
		return "end of input"
	case tNewline:
		return "end of line"
	case tIndent:
		return "indent"
	case tDedent:
		return "dedent"
	}
	return "'" + t.Value + "'"
}

// syntaxMessage words the error for an unexpected token tok that follows
// p1 (and p2 before it). expect is participle's description of what was
// wanted, if any.
func syntaxMessage(tok, p1, p2 lexer.Token, expect string) string {
	if tok.Type == tIndent {
		return "unexpected indent"
	}
	if p1.Type == tNewline && p2.Type == tPunct && p2.Value == ":" {
		return "expected an indented block"
	}
	if strings.HasPrefix(expect, "GDef") { // only gDecorated requires a def
		return "decorators must be followed by a function definition"
	}
	if tok.Type == tPunct && tok.Value == "=" && p1.Type != tPunct {
		return "invalid syntax: cannot use '=' here (did you mean '=='?)"
	}
	if p1.Type == tPunct && p1.Value == "." && tok.Type != tName {
		return "expected a name after '.'"
	}
	if wantsOperand(p1) && !startsOperand(tok) {
		return "expected an expression after " + describe(p1)
	}
	if want := expectedWhat(expect); want != "" {
		closer := want == "')'" || want == "']'" || want == "'}'"
		if !closer || tok.Type == tNewline || tok.Type == tEOF || tok.Type == tDedent {
			return "expected " + want
		}
	}
	switch tok.Type {
	case tName, tInt, tFloat, tString, tFString:
		if operandEnd(p1) {
			return "invalid syntax (missing operator or comma?)"
		}
		return "invalid syntax"
	case tKeyword:
		return fmt.Sprintf("unexpected keyword '%s'", tok.Value)
	case tNewline, tEOF:
		return "unexpected " + describe(tok)
	case tDedent:
		return "unexpected end of block"
	}
	return fmt.Sprintf("unexpected %s", describe(tok))
}

// IsIncomplete reports whether src is an unfinished REPL entry that should
// be continued on another line: an open bracket, an unterminated
// triple-quoted string, a trailing backslash, a block header ending in ':',
// a decorator line, or a compound statement (decorated def included) not
// yet closed by an empty line. The REPL should
// pass its lines each terminated by "\n"; an entry then ends a block with
// a final empty line.
func IsIncomplete(src string) bool {
	s := newScanner("<stdin>", src, lexer.Position{Line: 1, Column: 1}, false)
	if err := s.run(); err != nil {
		return s.incomplete
	}
	toks := s.toks
	n := len(toks)
	for n > 0 && (toks[n-1].Type == tEOF || toks[n-1].Type == tDedent || toks[n-1].Type == tNewline) {
		n--
	}
	if n == 0 {
		return false
	}
	if last := toks[n-1]; last.Type == tPunct && last.Value == ":" {
		return true
	}
	compound := false
	if t := toks[0]; t.Type == tKeyword && (t.Value == "if" || t.Value == "for" || t.Value == "while" || t.Value == "def") {
		compound = true
	}
	if t := toks[0]; t.Type == tPunct && t.Value == "@" { // a decorator wants its def
		compound = true
	}
	for _, t := range toks[:n] {
		if t.Type == tIndent {
			compound = true
			break
		}
	}
	if !compound {
		return false
	}
	text := strings.TrimSuffix(src, "\n")
	lastLine := text[strings.LastIndexByte(text, '\n')+1:]
	return strings.TrimSpace(lastLine) != "" || !strings.Contains(text, "\n")
}

// expectNames words participle's grammar references for messages.
var expectNames = map[string]string{
	"GImportName": "a module name", "GImportAs": "a name to import", "GName": "a name",
	"GTest": "an expression", "GTestList": "an expression", "GExprList": "a target",
	"GArith": "an expression", "GSuite": "':' and a block", "GSmall": "a statement",
}

// expectedWhat describes the first element of participle's "expected"
// text: a quoted literal becomes 'x', a grammar reference a phrase.
func expectedWhat(expect string) string {
	if expect == "" {
		return ""
	}
	if expect[0] == '"' {
		if j := strings.IndexByte(expect[1:], '"'); j >= 0 {
			return "'" + expect[1:1+j] + "'"
		}
		return ""
	}
	word := expect
	if j := strings.IndexAny(word, " ()*?+|"); j >= 0 {
		word = word[:j]
	}
	return expectNames[word]
}
