package runtime

import (
	"fmt"
	"strings"

	"github.com/sim-lang/sim/lang"
)

// EvalError is a runtime error of a script: the message, the innermost
// source position with its line and a caret, and the traceback of script
// frames (outermost first).
type EvalError struct {
	Msg    string
	File   string
	Pos    lang.Pos
	Line   string // the source line at Pos, "" if unknown
	Frames []TraceFrame
	// Detail locates the error inside a string the script passed, such as
	// an equation or a code string: "in <equations>, line 2:" with that
	// line and a caret. Empty for errors in script code.
	Detail string
	// Err is the underlying error (a *Error from Go code, a context error
	// on cancellation), for errors.Is/As.
	Err error
}

// TraceFrame is one script frame of a traceback: where the function was
// executing when the error happened.
type TraceFrame struct {
	File string
	Pos  lang.Pos
	Func string
}

// Error implements error: "file:line:col: message", the source line and a
// caret, then the traceback when more than one script frame was active.
func (e *EvalError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
	if e.Line != "" {
		b.WriteString("\n")
		b.WriteString(lang.Caret(e.Line, int(e.Pos.Col)))
	}
	if e.Detail != "" {
		b.WriteString("\n")
		b.WriteString(e.Detail)
	}
	if len(e.Frames) > 1 {
		b.WriteString("\n")
		b.WriteString(e.Traceback())
	}
	return b.String()
}

// Traceback returns the "Traceback (most recent call last):" block.
func (e *EvalError) Traceback() string {
	var b strings.Builder
	b.WriteString("Traceback (most recent call last):")
	for _, f := range e.Frames {
		fmt.Fprintf(&b, "\n  %s:%d:%d: in %s", f.File, f.Pos.Line, f.Pos.Col, f.Func)
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *EvalError) Unwrap() error { return e.Err }
