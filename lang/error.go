package lang

import (
	"fmt"
	"strings"
)

// Pos is a position in a source file: 1-based line and column (in bytes).
type Pos struct {
	Line, Col int32
}

// IsValid reports whether p refers to a real position.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats p as "line:col".
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Error is an error located in a source file. Its message reads
// "file:line:col: msg" followed by the source line and a caret under the
// column, the format every user-facing error in sim follows.
type Error struct {
	File string
	Pos  Pos
	Msg  string
	Line string // the source line, without its newline; empty if unknown
}

// Error implements the error interface.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
	if e.Line != "" {
		b.WriteString("\n")
		b.WriteString(Caret(e.Line, int(e.Pos.Col)))
	}
	return b.String()
}

// Caret returns the source line, a newline, and a caret under the 1-based
// byte column col; tabs before the column are kept so the caret lines up.
func Caret(line string, col int) string {
	var b strings.Builder
	b.WriteString("    ")
	b.WriteString(line)
	b.WriteString("\n    ")
	for i := 0; i < col-1 && i < len(line); i++ {
		if line[i] == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	return b.String()
}

// SourceLine returns the 1-based line n of src without its newline, or "".
func SourceLine(src string, n int) string {
	if n < 1 {
		return ""
	}
	for i := 1; i < n; i++ {
		j := strings.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := strings.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(src, "\r")
}

// Errorf makes an *Error at pos in the named file, filling Line from src.
func Errorf(file, src string, pos Pos, format string, args ...any) *Error {
	return &Error{File: file, Pos: pos, Msg: fmt.Sprintf(format, args...), Line: SourceLine(src, int(pos.Line))}
}
