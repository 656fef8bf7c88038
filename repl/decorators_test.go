package repl_test

import (
	"strings"
	"testing"

	"github.com/sim-lang/sim/repl"
)

// A decorator line alone is unfinished input: the REPL asks for the def
// (continuation prompts) and runs the decorated definition as one entry.
func TestDecoratorLinesAskForTheDef(t *testing.T) {
	input := "def twice(fn):\n    return lambda: fn() * 2\n\n" +
		"@twice\n@twice\ndef f():\n    return 10\n\nf()\n"
	out, errs := session(t, input)
	if errs != "" {
		t.Fatalf("unexpected errors: %s", errs)
	}
	if !strings.Contains(out, "40\n") {
		t.Errorf("decorated function not applied:\n%s", out)
	}
	// One continuation for twice's body and its closing line, four for
	// the second decorator, the def, its body and the closing line.
	if n := strings.Count(out, repl.PS2); n < 6 {
		t.Errorf("%d continuation prompts, want at least 6:\n%s", n, out)
	}
}

// A decorator ended by an empty line is a syntax error that names the
// problem; the session goes on.
func TestDecoratorWithoutDefIsAnError(t *testing.T) {
	out, errs := session(t, "@print\n\n40 + 2\n")
	if !strings.Contains(errs, "decorators must be followed by a function definition") {
		t.Errorf("missing decorator error:\n%s", errs)
	}
	if !strings.Contains(out, "42\n") {
		t.Errorf("session did not continue after the error:\n%s", out)
	}
}
