package repl_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sim-lang/sim/repl"
	"github.com/sim-lang/sim/runtime"
	_ "github.com/sim-lang/sim/stdlib/all"
)

// session drives a REPL over the given input and returns what it wrote to
// its output and error streams.
func session(t *testing.T, input string) (out, errs string) {
	t.Helper()
	var o, e bytes.Buffer
	s := &repl.Session{Env: runtime.NewEnv(), Thread: runtime.NewThread("repl"), Out: &o, Err: &e}
	s.Thread.Stdout, s.Thread.Stderr = &o, &e
	if err := s.Run(context.Background(), repl.NewPlainReader(strings.NewReader(input), &o)); err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String()
}

func TestExpressionValuesArePrintedAndKept(t *testing.T) {
	out, errs := session(t, "5*nS*10*mV\n_ * 2\nx = 3\nx + 1\nNone\n")
	if errs != "" {
		t.Fatalf("unexpected errors: %s", errs)
	}
	for _, want := range []string{"50 pA", "100 pA", "4"} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "None") {
		t.Errorf("None should not be echoed:\n%s", out)
	}
}

func TestMultiLineBlocksAndBrackets(t *testing.T) {
	input := "def sq(x):\n    return x*x\n\nsq(7)\nv = [1,\n  2,\n  3]\nsum(v)\n"
	out, errs := session(t, input)
	if errs != "" {
		t.Fatalf("unexpected errors: %s", errs)
	}
	if !strings.Contains(out, "49\n") || !strings.Contains(out, "6\n") {
		t.Errorf("missing results:\n%s", out)
	}
	if strings.Count(out, repl.PS2) < 3 {
		t.Errorf("continuation prompts missing:\n%s", out)
	}
}

func TestErrorsDoNotEndTheSession(t *testing.T) {
	out, errs := session(t, "1 +\n3*mV + 2*nA\nundefined_name\n40 + 2\n")
	if !strings.Contains(errs, "units do not match (volt vs amp)") {
		t.Errorf("missing unit error:\n%s", errs)
	}
	if !strings.Contains(errs, "name 'undefined_name' is not defined") {
		t.Errorf("missing name error:\n%s", errs)
	}
	if !strings.Contains(out, "42\n") {
		t.Errorf("session did not continue after errors:\n%s", out)
	}
}

func TestInterruptCancelsRunningInput(t *testing.T) {
	var o, e bytes.Buffer
	intr := make(chan struct{}, 1)
	s := &repl.Session{Env: runtime.NewEnv(), Thread: runtime.NewThread("repl"), Out: &o, Err: &e, Interrupt: intr}
	go func() {
		time.Sleep(50 * time.Millisecond)
		intr <- struct{}{}
	}()
	start := time.Now()
	s.Eval(context.Background(), "while True:\n    pass\n")
	if time.Since(start) > 5*time.Second {
		t.Fatal("interrupt did not stop the loop")
	}
	if !strings.Contains(e.String(), "KeyboardInterrupt") {
		t.Errorf("want KeyboardInterrupt, got %q", e.String())
	}
	s.Eval(context.Background(), "1 + 1\n")
	if !strings.Contains(o.String(), "2\n") {
		t.Errorf("session unusable after interrupt: %q", o.String())
	}
}

func TestComplete(t *testing.T) {
	env := runtime.NewEnv()
	th := runtime.NewThread("t")
	if _, err := env.ExecInteractive(th, "<t>", "import numpy as np\nvoltage_trace = 1\n"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		line string
		want string
	}{
		{"volt", "voltage_trace"},
		{"np.lin", "linspace"},
		{"x = np.random.def", "default_rng"},
		{"pri", "print"},
		{"3*mV", "mV"},
		{"nsie", "nsiemens"},
	}
	for _, c := range cases {
		got, _ := repl.Complete(env, c.line, len(c.line))
		found := false
		for _, g := range got {
			found = found || g == c.want
		}
		if !found {
			t.Errorf("Complete(%q) = %v, want it to include %q", c.line, got, c.want)
		}
	}
}
