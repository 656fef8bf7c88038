package lang

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types produced by the script lexer.
const (
	tEOF                      = lexer.EOF
	tName     lexer.TokenType = iota + 1 // identifier
	tKeyword                             // reserved word
	tInt                                 // integer literal, raw text
	tFloat                               // float literal, raw text
	tString                              // string literal, raw text with prefix and quotes
	tFString                             // f-string literal, raw text with prefix and quotes
	tPunct                               // operator or delimiter
	tNewline                             // end of a logical line
	tIndent                              // indentation increase
	tDedent                              // indentation decrease
	tExprMode                            // first token when lexing a lone expression
)

var tokenSymbols = map[string]lexer.TokenType{
	"EOF": tEOF, "Name": tName, "Keyword": tKeyword, "Int": tInt, "Float": tFloat,
	"String": tString, "FString": tFString, "Punct": tPunct, "Newline": tNewline,
	"Indent": tIndent, "Dedent": tDedent, "ExprMode": tExprMode,
}

// keywords are the reserved words of the language; the ones sim does not
// support map to the message reported when they are used.
var keywords = map[string]string{
	"False": "", "None": "", "True": "", "and": "", "as": "", "assert": "",
	"break": "", "continue": "", "def": "", "del": "", "elif": "", "else": "",
	"for": "", "from": "", "global": "", "if": "", "import": "", "in": "",
	"is": "", "lambda": "", "not": "", "or": "", "pass": "", "return": "", "while": "",
	"class":    "class definitions are not supported in sim",
	"try":      "try statements are not supported in sim",
	"except":   "try/except is not supported in sim",
	"finally":  "try/finally is not supported in sim",
	"raise":    "raise is not supported in sim",
	"with":     "with statements are not supported in sim",
	"yield":    "generators (yield) are not supported in sim",
	"async":    "async is not supported in sim",
	"await":    "await is not supported in sim",
	"nonlocal": "nonlocal is not supported in sim",
}

// punctLen returns the length of the operator or delimiter at the start
// of s, the longest that matches, or 0.
func punctLen(s string) int {
	if len(s) >= 3 {
		switch s[:3] {
		case "**=", "//=", ">>=", "<<=", "...":
			return 3
		}
	}
	if len(s) >= 2 {
		switch s[:2] {
		case "->", "**", "//", ">>", "<<", "<=", ">=", "==", "!=",
			"+=", "-=", "*=", "/=", "%=", "@=", "&=", "|=", "^=":
			return 2
		}
	}
	switch s[0] {
	case '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>',
		'(', ')', '[', ']', '{', '}', ',', ':', ';', '.', '=':
		return 1
	}
	return 0
}

// lexDef is the participle lexer definition for sim scripts.
type lexDef struct{}

// Symbols implements lexer.Definition.
func (lexDef) Symbols() map[string]lexer.TokenType { return tokenSymbols }

// Lex implements lexer.Definition.
func (lexDef) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return lexDef{}.LexString(filename, string(b))
}

// LexString implements lexer.StringDefinition.
func (lexDef) LexString(filename, src string) (lexer.Lexer, error) {
	toks, err := lexSource(filename, src, lexer.Position{Line: 1, Column: 1}, false)
	if err != nil {
		return nil, err
	}
	return &tokenList{toks: toks}, nil
}

// tokenList replays lexed tokens through participle's lexer.Lexer.
type tokenList struct {
	toks []lexer.Token
	i    int
}

// Next implements lexer.Lexer.
func (l *tokenList) Next() (lexer.Token, error) {
	if l.i >= len(l.toks) {
		return l.toks[len(l.toks)-1], nil
	}
	t := l.toks[l.i]
	l.i++
	return t, nil
}

// bracket is an open bracket awaiting its closer.
type bracket struct {
	c   byte
	pos Pos
}

// scanner holds the state of one lexing run.
type scanner struct {
	file, src string
	base      lexer.Position // position of src[0]
	i         int            // current offset
	line      int            // current line
	lineStart int            // offset of the current line's first byte (may be negative on the first line)
	toks      []lexer.Token
	brackets  []bracket
	indents   []int // indentation widths with tabs to 8
	altInds   []int // the same with tabs counting 1
	exprMode  bool

	// Set when the input ends in a way the REPL should keep reading.
	incomplete bool
}

// lexSource tokenizes src, whose first byte is at base. In exprMode the
// whole text is one expression: newlines and indentation are ignored.
func lexSource(file, src string, base lexer.Position, exprMode bool) ([]lexer.Token, error) {
	s := newScanner(file, src, base, exprMode)
	if err := s.run(); err != nil {
		return nil, err
	}
	return s.toks, nil
}

func newScanner(file, src string, base lexer.Position, exprMode bool) *scanner {
	if base.Line == 0 {
		base.Line, base.Column = 1, 1
	}
	return &scanner{
		file: file, src: src, base: base,
		line: base.Line, lineStart: -(base.Column - 1),
		indents: []int{0}, altInds: []int{0}, exprMode: exprMode,
		toks: make([]lexer.Token, 0, len(src)/5+8),
	}
}

// pos returns the position of offset i, which must be on the current line.
func (s *scanner) pos(i int) lexer.Position {
	return lexer.Position{Filename: s.file, Offset: s.base.Offset + i, Line: s.line, Column: i - s.lineStart + 1}
}

func (s *scanner) langPos(i int) Pos {
	p := s.pos(i)
	return Pos{Line: int32(p.Line), Col: int32(p.Column)}
}

// errAt makes a positioned error at offset i of the current line.
func (s *scanner) errAt(i int, format string, args ...any) *Error {
	return s.errPos(s.langPos(i), format, args...)
}

func (s *scanner) errPos(p Pos, format string, args ...any) *Error {
	e := Errorf(s.file, "", p, format, args...)
	e.Line = s.sourceLine(int(p.Line))
	return e
}

// sourceLine returns the text of an absolute line number, accounting for
// the base position of src.
func (s *scanner) sourceLine(n int) string {
	return SourceLine(s.src, n-s.base.Line+1)
}

func (s *scanner) emit(typ lexer.TokenType, start int, val string) {
	s.toks = append(s.toks, lexer.Token{Type: typ, Value: val, Pos: s.pos(start)})
}

// newline records that a '\n' at offset i was consumed.
func (s *scanner) newline(i int) {
	s.line++
	s.lineStart = i + 1
}

func (s *scanner) lastType() lexer.TokenType {
	if len(s.toks) == 0 {
		return tNewline
	}
	return s.toks[len(s.toks)-1].Type
}

func (s *scanner) run() error {
	if s.exprMode {
		s.emit(tExprMode, 0, "<expr>")
	}
	atLineStart := !s.exprMode
	src := s.src
	for {
		if atLineStart {
			done, err := s.indentation()
			if err != nil {
				return err
			}
			if done {
				continue
			}
			atLineStart = false
		}
		if s.i >= len(src) {
			return s.finish()
		}
		c := src[s.i]
		switch {
		case c == ' ' || c == '\t' || c == '\f' || c == '\r':
			s.i++
		case c == '#':
			for s.i < len(src) && src[s.i] != '\n' {
				s.i++
			}
		case c == '\\':
			j := s.i + 1
			if j < len(src) && src[j] == '\r' {
				j++
			}
			if j >= len(src) {
				s.incomplete = true
				return s.errAt(s.i, "unexpected end of file after line continuation")
			}
			if src[j] != '\n' {
				return s.errAt(s.i, "unexpected character after line continuation character")
			}
			s.i = j + 1
			s.newline(j)
			if s.i >= len(src) && !s.exprMode {
				s.incomplete = true
				return s.errAt(s.i, "unexpected end of file after line continuation")
			}
		case c == '\n':
			if len(s.brackets) == 0 && !s.exprMode {
				if t := s.lastType(); t != tNewline && t != tDedent && t != tIndent {
					s.emit(tNewline, s.i, "\n")
				}
				atLineStart = true
			}
			s.newline(s.i)
			s.i++
		case isIdentStart(c):
			if err := s.identOrString(); err != nil {
				return err
			}
		case c == '"' || c == '\'':
			if err := s.str(s.i, s.i, false, false); err != nil {
				return err
			}
		case isDigit(c) || (c == '.' && s.i+1 < len(src) && isDigit(src[s.i+1])):
			if err := s.number(); err != nil {
				return err
			}
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(src[s.i:])
			if unicode.IsLetter(r) {
				if err := s.identOrString(); err != nil {
					return err
				}
				continue
			}
			_ = n
			return s.errAt(s.i, "invalid character %q in source", r)
		default:
			if err := s.punct(); err != nil {
				return err
			}
		}
	}
}

// indentation handles the start of a physical line outside brackets. It
// reports done when the line was blank (and consumed).
func (s *scanner) indentation() (bool, error) {
	src := s.src
	col, alt := 0, 0
	j := s.i
	for ; j < len(src); j++ {
		switch src[j] {
		case ' ':
			col++
			alt++
			continue
		case '\t':
			col = (col/8 + 1) * 8
			alt++
			continue
		case '\f':
			col, alt = 0, 0
			continue
		}
		break
	}
	// Blank or comment-only lines do not affect indentation.
	if j >= len(src) {
		s.i = j
		return false, nil
	}
	switch src[j] {
	case '#', '\n', '\r':
		for j < len(src) && src[j] != '\n' {
			j++
		}
		if j < len(src) {
			s.newline(j)
			j++
		}
		s.i = j
		return true, nil
	case '\\':
		// A continuation at the start of a line: treat as indentation-free content.
	}
	top := len(s.indents) - 1
	switch {
	case col == s.indents[top]:
		if alt != s.altInds[top] {
			return false, s.errAt(j, "inconsistent use of tabs and spaces in indentation")
		}
	case col > s.indents[top]:
		if alt <= s.altInds[top] {
			return false, s.errAt(j, "inconsistent use of tabs and spaces in indentation")
		}
		s.indents = append(s.indents, col)
		s.altInds = append(s.altInds, alt)
		s.emit(tIndent, j, "<indent>")
	default:
		for len(s.indents) > 1 && col < s.indents[len(s.indents)-1] {
			s.indents = s.indents[:len(s.indents)-1]
			s.altInds = s.altInds[:len(s.altInds)-1]
			s.emit(tDedent, j, "<dedent>")
		}
		top = len(s.indents) - 1
		if col != s.indents[top] {
			return false, s.errAt(j, "unindent does not match any outer indentation level")
		}
		if alt != s.altInds[top] {
			return false, s.errAt(j, "inconsistent use of tabs and spaces in indentation")
		}
	}
	s.i = j
	return false, nil
}

// finish emits the final NEWLINE, DEDENTs and EOF.
func (s *scanner) finish() error {
	if len(s.brackets) > 0 {
		b := s.brackets[len(s.brackets)-1]
		s.incomplete = true
		return s.errPos(b.pos, "'%c' was never closed", b.c)
	}
	if !s.exprMode {
		if t := s.lastType(); t != tNewline && t != tDedent && t != tIndent {
			s.emit(tNewline, s.i, "\n")
		}
		for len(s.indents) > 1 {
			s.indents = s.indents[:len(s.indents)-1]
			s.emit(tDedent, s.i, "<dedent>")
		}
	}
	s.emit(tEOF, s.i, "")
	return nil
}

func isIdentStart(c byte) bool {
	return c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

func isIdentChar(c byte) bool { return isIdentStart(c) || isDigit(c) }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// identOrString lexes a name, keyword, or a prefixed string literal.
func (s *scanner) identOrString() error {
	src := s.src
	start := s.i
	j := s.i
	for j < len(src) {
		c := src[j]
		if isIdentChar(c) {
			j++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(src[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r) {
				j += n
				continue
			}
		}
		break
	}
	word := src[start:j]
	if j < len(src) && (src[j] == '"' || src[j] == '\'') && len(word) <= 2 {
		raw, f, bytes, ok := stringPrefix(word)
		if ok {
			if bytes {
				return s.errAt(start, "bytes literals are not supported in sim")
			}
			return s.str(start, j, raw, f)
		}
	}
	s.i = j
	if msg, ok := keywords[word]; ok {
		if msg != "" {
			return s.errAt(start, "%s", msg)
		}
		s.emit(tKeyword, start, word)
		return nil
	}
	s.emit(tName, start, word)
	return nil
}

// stringPrefix decodes a string prefix such as r, f, rf, b, u.
func stringPrefix(p string) (raw, f, bytes, ok bool) {
	for i := 0; i < len(p); i++ {
		switch p[i] | 0x20 {
		case 'r':
			if raw {
				return
			}
			raw = true
		case 'f':
			if f {
				return
			}
			f = true
		case 'b':
			if bytes {
				return
			}
			bytes = true
		case 'u':
			if len(p) != 1 {
				return
			}
		default:
			return
		}
	}
	if f && bytes {
		return
	}
	return raw, f, bytes, true
}

// str lexes a string literal whose prefix starts at start and whose
// opening quote is at q.
func (s *scanner) str(start, q int, raw, f bool) error {
	src := s.src
	quote := src[q]
	triple := q+2 < len(src) && src[q+1] == quote && src[q+2] == quote
	startLine, startPos := s.line, s.langPos(start)
	j := q + 1
	if triple {
		j = q + 3
	}
	for {
		if j >= len(src) {
			if triple {
				s.incomplete = true
				return s.errPos(startPos, "unterminated triple-quoted string literal (detected at line %d)", s.line)
			}
			return s.errPos(startPos, "unterminated string literal (detected at line %d)", s.line)
		}
		c := src[j]
		switch {
		case c == '\\':
			if j+1 < len(src) && src[j+1] == '\n' {
				s.newline(j + 1)
			} else if j+2 < len(src) && src[j+1] == '\r' && src[j+2] == '\n' {
				s.newline(j + 2)
				j++
			}
			j += 2
			continue
		case c == '\n':
			if !triple {
				return s.errPos(startPos, "unterminated string literal (detected at line %d)", startLine)
			}
			s.newline(j)
		case c == quote:
			if !triple {
				j++
				goto done
			}
			if j+2 < len(src) && src[j+1] == quote && src[j+2] == quote {
				j += 3
				goto done
			}
		}
		j++
	}
done:
	text := src[start:j]
	// Validate escapes now so errors point at them.
	if !f {
		body := text[q-start:]
		if _, bad, msg := decodeStringLit(body, raw); msg != "" {
			return s.errPos(offsetPos(startPos, text, q-start+bad), "%s", msg)
		}
	}
	typ := tString
	if f {
		typ = tFString
	}
	s.toks = append(s.toks, lexer.Token{Type: typ, Value: text, Pos: lexer.Position{
		Filename: s.file, Offset: s.base.Offset + start, Line: int(startPos.Line), Column: int(startPos.Col)}})
	s.i = j
	return nil
}

// offsetPos returns the position of byte off of text, which starts at p.
func offsetPos(p Pos, text string, off int) Pos {
	if off > len(text) {
		off = len(text)
	}
	for i := 0; i < off; i++ {
		if text[i] == '\n' {
			p.Line++
			p.Col = 1
		} else {
			p.Col++
		}
	}
	return p
}

// number lexes an int or float literal and validates its digits.
func (s *scanner) number() error {
	src := s.src
	start := s.i
	j := s.i
	isFloat := false
	digits := func(ok func(byte) bool) bool {
		// digits with single underscores between them; reports whether any.
		n := 0
		for j < len(src) {
			if ok(src[j]) {
				j++
				n++
			} else if src[j] == '_' && n > 0 && j+1 < len(src) && ok(src[j+1]) {
				j++
			} else {
				break
			}
		}
		return n > 0
	}
	if src[j] == '0' && j+1 < len(src) && strings.IndexByte("xXoObB", src[j+1]) >= 0 {
		var ok func(byte) bool
		switch src[j+1] | 0x20 {
		case 'x':
			ok = func(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }
		case 'o':
			ok = func(c byte) bool { return c >= '0' && c <= '7' }
		default:
			ok = func(c byte) bool { return c == '0' || c == '1' }
		}
		j += 2
		if j < len(src) && src[j] == '_' {
			j++
		}
		if !digits(ok) {
			return s.errAt(start, "invalid number literal")
		}
	} else {
		intPart := digits(isDigit)
		if intPart && j-start > 1 && src[start] == '0' {
			if strings.Trim(src[start:j], "0_") != "" && (j >= len(src) || (src[j] != '.' && src[j]|0x20 != 'e')) {
				return s.errAt(start, "leading zeros in decimal integer literals are not permitted")
			}
		}
		if j < len(src) && src[j] == '.' && !(j+1 < len(src) && src[j+1] == '.' && j+2 < len(src) && src[j+2] == '.') {
			isFloat = true
			j++
			digits(isDigit)
		}
		if j < len(src) && src[j]|0x20 == 'e' {
			k := j + 1
			if k < len(src) && (src[k] == '+' || src[k] == '-') {
				k++
			}
			if k < len(src) && isDigit(src[k]) {
				isFloat = true
				j = k
				digits(isDigit)
			}
		}
	}
	if j < len(src) && (isIdentChar(src[j]) || src[j] >= utf8.RuneSelf) {
		if src[j]|0x20 == 'j' {
			return s.errAt(start, "complex numbers are not supported in sim")
		}
		return s.errAt(start, "invalid number literal")
	}
	typ := tInt
	if isFloat {
		typ = tFloat
	}
	s.emit(typ, start, src[start:j])
	s.i = j
	return nil
}

var closers = map[byte]byte{')': '(', ']': '[', '}': '{'}

// punct lexes an operator or delimiter.
func (s *scanner) punct() error {
	src := s.src[s.i:]
	n := punctLen(src)
	if n == 0 {
		if src[0] == '!' {
			return s.errAt(s.i, "invalid syntax: '!' is not an operator (use 'not' or '!=')")
		}
		if src[0] == '$' || src[0] == '?' || src[0] == '`' {
			return s.errAt(s.i, "invalid character '%c' in source", src[0])
		}
		return s.errAt(s.i, "invalid character %q in source", src[0])
	}
	switch c := src[0]; c {
	case '(', '[', '{':
		s.brackets = append(s.brackets, bracket{c, s.langPos(s.i)})
	case ')', ']', '}':
		if len(s.brackets) == 0 {
			return s.errAt(s.i, "unmatched '%c'", c)
		}
		b := s.brackets[len(s.brackets)-1]
		if b.c != closers[c] {
			if b.pos.Line == int32(s.line) {
				return s.errAt(s.i, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, b.c)
			}
			return s.errAt(s.i, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, b.c, b.pos.Line)
		}
		s.brackets = s.brackets[:len(s.brackets)-1]
	}
	s.emit(tPunct, s.i, src[:n])
	s.i += n
	return nil
}
