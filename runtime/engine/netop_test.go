package engine

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestNetworkOperationSchedule checks that network operations run at the
// steps of their clocks, in their slots, see the state the slots before
// them left, and that their changes are seen later in the same step.
func TestNetworkOperationSchedule(t *testing.T) {
	clock := NewClock("defaultclock", 1e-3)
	g, err := NewNeuronGroup(GroupConfig{Name: "g", N: 1, Clock: clock,
		Model: "dv/dt = 1/second : 1", Threshold: "v > 0.5", Reset: "v = 0", Method: "euler"})
	if err != nil {
		t.Fatal(err)
	}
	v := g.vars["v"].Data
	var log []string
	rec := func(tag string) func(float64) error {
		return func(tt float64) error {
			log = append(log, fmt.Sprintf("%s@%.1f:%.4f", tag, tt*1e3, v[0]))
			return nil
		}
	}
	start, _ := NewNetworkOperation("start_op", rec("s"), clock, "", 0)
	// sets v above threshold before the thresholds of step 2: the group
	// spikes and resets in that step
	kick, _ := NewNetworkOperation("kick", func(tt float64) error {
		if clock.Step == 2 {
			v[0] = 0.9
		}
		return nil
	}, clock, "before_thresholds", 0)
	end, _ := NewNetworkOperation("end_op", rec("e"), clock, "end", 0)
	slow, _ := NewNetworkOperation("slow", rec("slow"), NewClock("slow", 2.5e-3), "end", 1)
	net, _ := NewNetwork("net", g, start, kick, end, slow)
	if err := net.Run(5e-3, RunOptions{Namespace: constants(nil)}); err != nil {
		t.Fatal(err)
	}
	want := "s@0.0:0.0000 e@0.0:0.0010 slow@0.0:0.0010 s@1.0:0.0010 e@1.0:0.0020 " +
		"s@2.0:0.0020 e@2.0:0.0000 slow@2.5:0.0000 s@3.0:0.0000 e@3.0:0.0010 " +
		"s@4.0:0.0010 e@4.0:0.0020"
	if got := strings.Join(log, " "); got != want {
		t.Errorf("log\n%s\nwant\n%s", got, want)
	}
	// inactive: not called; the run goes on
	log = nil
	end.SetActive(false)
	if err := net.Run(1e-3, RunOptions{Namespace: constants(nil)}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(log, " "); got != "s@5.0:0.0020 slow@5.0:0.0030" {
		t.Errorf("with end_op inactive: %s", got)
	}
	if err := end.SetWhen("sometime"); err == nil {
		t.Error("SetWhen accepted an unknown slot")
	}
}

// TestNetworkOperationError checks that an operation's error ends the
// run unchanged (so that script errors keep their traceback), and that
// a run or restore from inside a run is refused.
func TestNetworkOperationError(t *testing.T) {
	clock := NewClock("defaultclock", 1e-4)
	boom := errors.New("boom")
	var net *Network
	calls := 0
	op, _ := NewNetworkOperation("op", func(tt float64) error {
		calls++
		if calls == 3 {
			return boom
		}
		return nil
	}, clock, "start", 0)
	net, _ = NewNetwork("net", op)
	if err := net.Run(1e-3, RunOptions{}); err != boom {
		t.Fatalf("got %v, want the operation's own error", err)
	}
	if clock.Step != 2 || net.T != 2e-4 {
		t.Errorf("stopped at step %d, t = %g; want step 2", clock.Step, net.T)
	}
	// the clock is free again after the failed run
	calls = 10
	if err := net.Run(1e-3, RunOptions{}); err != nil {
		t.Fatal(err)
	}
	var inner error
	nested, _ := NewNetworkOperation("nested", func(float64) error {
		inner = net.Run(1e-3, RunOptions{})
		if inner == nil {
			inner = errors.New("nested run accepted")
		}
		return nil
	}, clock, "end", 0)
	net.Add(nested)
	if err := net.Run(1e-4, RunOptions{}); err != nil {
		t.Fatal(err)
	}
	if inner == nil || !strings.Contains(inner.Error(), "in progress") {
		t.Errorf("nested run: %v", inner)
	}
	net.Remove(nested)
	if err := net.Store("s", ""); err != nil {
		t.Fatal(err)
	}
	restore, _ := NewNetworkOperation("restore", func(float64) error { inner = net.Restore("s", ""); return nil }, clock, "end", 0)
	net.Add(restore)
	if err := net.Run(1e-4, RunOptions{}); err != nil {
		t.Fatal(err)
	}
	if inner == nil || !strings.Contains(inner.Error(), "in progress") {
		t.Errorf("restore during a run: %v", inner)
	}
}
