// Package repl is sim's interactive read-eval-print loop: `>>> ` and `... `
// prompts, multi-line blocks and open brackets, history kept in a file,
// tab completion of globals, attributes, module members and unit names,
// the value of an expression printed (with units) and kept in `_`, Ctrl-C
// cancelling what is running, Ctrl-D leaving.
//
// The loop itself (Run) is independent of the terminal: it reads lines
// from a LineReader, so tests drive it through plain streams and the
// command plugs in a readline-backed reader.
package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
)

// Prompts shown for a new statement and for a continuation line.
const (
	PS1 = ">>> "
	PS2 = "... "
)

// ErrInterrupt is returned by a LineReader when the user pressed Ctrl-C
// at the prompt: the pending input is discarded and a fresh prompt shown.
var ErrInterrupt = errors.New("interrupt")

// LineReader reads one line of input after showing prompt. It returns
// io.EOF at the end of input (Ctrl-D) and ErrInterrupt on Ctrl-C.
type LineReader interface {
	ReadLine(prompt string) (string, error)
}

// Session is one interactive session: a global environment, the thread
// that runs inputs, and where results and errors go.
type Session struct {
	Env    *runtime.Env
	Thread *runtime.Thread
	Out    io.Writer // values and messages
	Err    io.Writer // errors
	// Interrupt, when not nil, delivers Ctrl-C presses that arrive while
	// an input runs; each one cancels the running input.
	Interrupt <-chan struct{}
	// Filename names inputs in error messages.
	Filename string
}

// Run reads inputs until end of input and executes each. Errors in an
// input are printed and never end the session. It returns nil at end of
// input and ctx.Err() if ctx is cancelled.
func (s *Session) Run(ctx context.Context, r LineReader) error {
	if s.Filename == "" {
		s.Filename = "<stdin>"
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		src, err := s.readInput(r)
		if err == io.EOF {
			fmt.Fprintln(s.Out)
			return nil
		}
		if err == ErrInterrupt {
			fmt.Fprintln(s.Out, "KeyboardInterrupt")
			continue
		}
		if err != nil {
			return err
		}
		if strings.TrimSpace(src) == "" {
			continue
		}
		s.Eval(ctx, src)
	}
}

// readInput reads one complete input: a single line, or several lines
// while lang.IsIncomplete says the input is unfinished (open brackets, a
// block header, a continued string). A block ends at an empty line.
func (s *Session) readInput(r LineReader) (string, error) {
	line, err := r.ReadLine(PS1)
	if err != nil {
		return "", err
	}
	src := line + "\n"
	for lang.IsIncomplete(src) {
		line, err = r.ReadLine(PS2)
		if err == io.EOF {
			return src, nil
		}
		if err != nil {
			return "", err
		}
		src += line + "\n"
	}
	return src, nil
}

// Eval runs one input. The value of a trailing expression is printed and
// stored in `_`; an error is printed to Err. Ctrl-C (Interrupt) cancels
// the input and returns to the prompt.
func (s *Session) Eval(ctx context.Context, src string) {
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan struct{})
	defer close(done)
	if s.Interrupt != nil {
		go func() {
			select {
			case <-s.Interrupt:
				cancel()
			case <-done:
			}
		}()
	}
	s.Thread.Ctx = runCtx
	s.Thread.Steps = 0
	s.enableTextPlots()
	v, err := s.Env.ExecInteractive(s.Thread, s.Filename, src)
	if err != nil {
		if runCtx.Err() != nil && ctx.Err() == nil {
			fmt.Fprintln(s.Err, "KeyboardInterrupt")
			return
		}
		fmt.Fprintln(s.Err, err)
		return
	}
	if v.IsValid() && !v.IsNone() {
		fmt.Fprintln(s.Out, runtime.Repr(v))
		s.Env.Set("_", v)
	}
}
