package brian2_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sim-lang/sim"
	"github.com/sim-lang/sim/runtime"
)

// TestNetworkOperationTraceback checks that an error inside a network
// operation's function is a script error at the failing line, with the
// run() call in its traceback.
func TestNetworkOperationTraceback(t *testing.T) {
	var out bytes.Buffer
	in := sim.New(sim.Options{Stdout: &out, Stderr: &out})
	src := `G = NeuronGroup(2, 'v : 1')
def check(t):
    if t >= 2*ms:
        G.v = G.v + undefined_name
op = network_operation(check, dt=1*ms)
run(5*ms)
`
	err := in.Exec(context.Background(), "netop.sim", src)
	if err == nil {
		t.Fatal("no error")
	}
	var ee *runtime.EvalError
	if !errors.As(err, &ee) {
		t.Fatalf("not a script error: %T %v", err, err)
	}
	if ee.Pos.Line != 4 {
		t.Errorf("error at line %d, want 4:\n%v", ee.Pos.Line, err)
	}
	if len(ee.Frames) != 2 || ee.Frames[0].Pos.Line != 6 || ee.Frames[1].Func != "check" {
		t.Errorf("traceback should be the run() line, then check:\n%v", err)
	}
	if !strings.Contains(err.Error(), "undefined_name") {
		t.Errorf("message does not name the undefined name:\n%v", err)
	}
	// the run stopped at the step that failed
	v, err := in.Eval(context.Background(), "defaultclock.t/ms")
	if err != nil {
		t.Fatal(err)
	}
	if f, _ := v.(float64); f != 2 {
		t.Errorf("the run stopped at t = %v ms, want 2", f)
	}
}

// TestNetworkOperationCancel checks that cancelling stops a run whether
// the time goes to the simulation or to a network operation that never
// returns.
func TestNetworkOperationCancel(t *testing.T) {
	for name, src := range map[string]string{
		"cheap operation": `
n = [0]
def count():
    n[0] += 1
op = network_operation(count)
G = NeuronGroup(100, 'dv/dt = -v/(10*ms) : 1', method='exact')
run(10000*second)
`,
		"endless operation": `
def spin(t):
    while True:
        pass
op = network_operation(spin)
run(1*second)
`,
	} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			in := sim.New(sim.Options{Stdout: &out, Stderr: &out})
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			err := in.Exec(ctx, "cancel.sim", src)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("error does not wrap the context's: %v", err)
			}
		})
	}
}
