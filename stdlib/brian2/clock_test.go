package brian2_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/sim-lang/sim"
)

// TestDefaultClockPerInterpreter checks that every interpreter has its
// own defaultclock, whichever used brian2 last.
func TestDefaultClockPerInterpreter(t *testing.T) {
	var out bytes.Buffer
	a := sim.New(sim.Options{Stdout: &out, Stderr: &out})
	b := sim.New(sim.Options{Stdout: &out, Stderr: &out})
	exec := func(in *sim.Interp, src string) {
		t.Helper()
		if err := in.Exec(context.Background(), "<test>", src); err != nil {
			t.Fatalf("%v\n%s", err, out.String())
		}
	}
	exec(a, "defaultclock.dt = 0.5*ms")
	exec(b, "from brian2 import *\ndefaultclock.dt = 0.2*ms")
	exec(a, `
assert_eq(defaultclock.dt, 0.5*ms)
G = NeuronGroup(1, 'dv/dt = 1/second : 1', method='euler')
run(1*ms)
assert_eq(G.dt, 0.5*ms)
assert_close(G.v[0], 0.001)
assert_eq(defaultclock.t, 1*ms)
`)
	exec(b, `
assert_eq(defaultclock.dt, 0.2*ms)
assert_eq(defaultclock.t, 0*ms)
assert_eq(getattr(defaultclock, 'dt'), 0.2*ms)
setattr(defaultclock, 'dt', 0.1*ms)
`)
	exec(a, "assert_eq(defaultclock.dt, 0.5*ms)")
	exec(b, "assert_eq(defaultclock.dt_, 0.1e-3)\nassert_eq(str(defaultclock), \"Clock(dt=100 us, name='defaultclock')\")")
	// a fresh interpreter starts from Brian2's default, 0.1 ms
	c := sim.New(sim.Options{Stdout: &out, Stderr: &out})
	exec(c, "assert_eq(defaultclock.dt, 0.1*ms)")
}
