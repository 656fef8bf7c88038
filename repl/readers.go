package repl

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/chzyer/readline"

	"github.com/sim-lang/sim/runtime"
)

// PlainReader reads lines from any stream, writing each prompt to Out.
// It serves pipes, tests, and terminals readline cannot drive.
type PlainReader struct {
	sc  *bufio.Scanner
	Out io.Writer
}

// NewPlainReader returns a PlainReader over in that echoes prompts to out.
func NewPlainReader(in io.Reader, out io.Writer) *PlainReader {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	return &PlainReader{sc: sc, Out: out}
}

// ReadLine implements LineReader.
func (p *PlainReader) ReadLine(prompt string) (string, error) {
	if p.Out != nil {
		io.WriteString(p.Out, prompt)
	}
	if !p.sc.Scan() {
		if err := p.sc.Err(); err != nil {
			return "", err
		}
		return "", io.EOF
	}
	return p.sc.Text(), nil
}

// TerminalReader reads lines with chzyer/readline: line editing, history
// in a file, and tab completion against the session's environment.
type TerminalReader struct {
	rl *readline.Instance
}

// HistoryPath is the default history file, ~/.sim_history.
func HistoryPath() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".sim_history")
}

// NewTerminalReader opens a readline reader that completes names from env
// and keeps history in historyFile ("" for none).
func NewTerminalReader(env *runtime.Env, historyFile string) (*TerminalReader, error) {
	rl, err := readline.NewEx(&readline.Config{
		Prompt:          PS1,
		HistoryFile:     historyFile,
		AutoComplete:    completer{env},
		InterruptPrompt: "^C",
		EOFPrompt:       "",
	})
	if err != nil {
		return nil, err
	}
	return &TerminalReader{rl: rl}, nil
}

// ReadLine implements LineReader.
func (t *TerminalReader) ReadLine(prompt string) (string, error) {
	t.rl.SetPrompt(prompt)
	line, err := t.rl.Readline()
	switch {
	case errors.Is(err, readline.ErrInterrupt):
		return "", ErrInterrupt
	case err != nil:
		return "", err
	}
	return line, nil
}

// Close restores the terminal and flushes history.
func (t *TerminalReader) Close() error { return t.rl.Close() }

// completer adapts Complete to readline's AutoCompleter.
type completer struct{ env *runtime.Env }

// Do implements readline.AutoCompleter: it returns the suffixes to insert.
func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	text := string(line[:pos])
	cands, n := Complete(c.env, text, len(text))
	out := make([][]rune, 0, len(cands))
	for _, cand := range cands {
		out = append(out, []rune(strings.TrimPrefix(cand, text[len(text)-n:])))
	}
	return out, n
}
