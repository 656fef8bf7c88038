package engine

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sim-lang/sim/compiler/model"
)

func TestClockTimestep(t *testing.T) {
	c := NewClock("c", 1e-4)
	cases := []struct {
		t    float64
		want int64
	}{
		{0, 0}, {1e-3, 10}, {0.3e-3, 3}, {1.05e-3, 11}, {1e-3 + 1e-9, 10}, {50e-3, 500},
	}
	for _, tc := range cases {
		if got := c.CalcTimestep(tc.t); got != tc.want {
			t.Errorf("CalcTimestep(%g) = %d, want %d", tc.t, got, tc.want)
		}
	}
	if err := c.SetInterval(0, 5e-3); err != nil || c.Step != 0 || c.End != 50 {
		t.Fatalf("SetInterval: %v step %d end %d", err, c.Step, c.End)
	}
	c.Step = 69
	step, dt := 69.0, 1e-4
	if c.T() != step*dt {
		t.Errorf("T = %v, want 69*dt exactly", c.T())
	}
	if got := Timestep(2.9999999999e-3, 1e-4); got != 30 {
		t.Errorf("Timestep = %d, want 30", got)
	}
	if err := c.SetDt(0); err == nil {
		t.Error("SetDt(0) should fail")
	}
	// changing dt at a time that is not a multiple of the new dt fails
	c2 := NewClock("c2", 1e-4)
	c2.SetDt(3e-4)
	if err := c2.SetT(1e-4); err == nil {
		t.Error("SetT with incompatible dt should fail")
	}
}

func TestScheduleOrder(t *testing.T) {
	mk := func(name, when string, order int) *Op { return &Op{Name: name, When: when, Order: order} }
	ops := []*Op{
		mk("g_resetter", "resets", 0), mk("mon", "start", 0), mk("g_thresholder", "thresholds", 0),
		mk("spikemon", "thresholds", 1), mk("g_stateupdater", "groups", 0), mk("rate", "end", 0),
		mk("a_regular", "start", 0), mk("after", "after_thresholds", 0), mk("before", "before_groups", 0),
	}
	if err := sortOps(ops); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, op := range ops {
		names = append(names, op.Name)
	}
	want := "a_regular mon before g_stateupdater g_thresholder spikemon after g_resetter rate"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("order %q, want %q", got, want)
	}
	if err := sortOps([]*Op{mk("x", "middle", 0)}); err == nil || !strings.Contains(err.Error(), "unknown scheduling slot") {
		t.Errorf("bad slot: %v", err)
	}
}

func TestConvolveSame(t *testing.T) {
	// numpy.convolve([1, 2, 3], [0, 1, 0.5], 'same') = [1, 2.5, 4]
	got, err := Convolve([]float64{1, 2, 3}, []float64{0, 1, 0.5})
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{1 / 1.5, 2.5 / 1.5, 4 / 1.5}
	for k := range want {
		if math.Abs(got[k]-want[k]) > 1e-15 {
			t.Errorf("Convolve[%d] = %v, want %v", k, got[k], want[k])
		}
	}
	if _, err := Convolve([]float64{1}, []float64{1, 1}); err == nil {
		t.Error("even window should fail")
	}
	// width 3 rounds (half to even, as numpy) to a window of 5 steps
	flat, _ := SmoothRate([]float64{0, 0, 5, 0, 0, 0}, 1, "flat", 3)
	if flat[0] != 1 || flat[4] != 1 || flat[5] != 0 {
		t.Errorf("flat smoothing = %v", flat)
	}
	flat, _ = SmoothRate([]float64{0, 0, 3, 0, 0}, 1, "flat", 2.9)
	if flat[1] != 1 || flat[2] != 1 || flat[3] != 1 || flat[0] != 0 {
		t.Errorf("flat smoothing = %v", flat)
	}
}

func TestFormatDuration(t *testing.T) {
	for s, want := range map[float64]string{12345: "3h 25m 45s", 123: "2m 3s", 12.5: "12s", 0.5: "< 1s"} {
		if got := FormatDuration(s); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", s, got, want)
		}
	}
}

func TestTimedArray(t *testing.T) {
	ta, err := NewTimedArray("ta", []float64{0, 1, 2, 3}, 4, 1, false, secondDim, 10e-3)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]float64, 5)
	// 0.1 ms steps computed as step*dt land on the right sample
	ts := []float64{0, 100 * 1e-4, 199 * 1e-4, 300 * 1e-4, 1}
	if err := ta.Eval([][]float64{ts}, out); err != nil {
		t.Fatal(err)
	}
	want := []float64{0, 1, 1, 3, 3}
	for k := range want {
		if out[k] != want[k] {
			t.Errorf("ta(%v) = %v, want %v", ts[k], out[k], want[k])
		}
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "state.bin")
	if err := WriteFileAtomic(name, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(name, []byte("two")); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(name)
	entries, _ := os.ReadDir(dir)
	if string(data) != "two" || len(entries) != 1 {
		t.Errorf("got %q with %d files", data, len(entries))
	}
}

func constants(m map[string]float64) model.Namespace {
	return func(name string) (model.External, bool) {
		switch name {
		case "ms":
			return model.External{Value: 1e-3, Dim: secondDim}, true
		}
		v, ok := m[name]
		return model.External{Value: v}, ok
	}
}

// TestLIFNetwork runs the LIF neuron of issue 3 through the engine API.
func TestLIFNetwork(t *testing.T) {
	clock := NewClock("defaultclock", 1e-4)
	g, err := NewNeuronGroup(GroupConfig{Name: "neurongroup", N: 1, Clock: clock,
		Model:     "dv/dt = (2 - v)/(10*ms) : 1 (unless refractory)",
		Threshold: "v > 1", Reset: "v = 0", Method: "exact",
		Refractory: Refractory{Kind: RefractoryPeriod, Period: 3e-3}})
	if err != nil {
		t.Fatal(err)
	}
	sm, err := NewEventMonitor("spikemonitor", Whole(g), "spike", nil, true)
	if err != nil {
		t.Fatal(err)
	}
	net, _ := NewNetwork("net", g, sm)
	if err := net.Run(25e-3, RunOptions{Namespace: constants(nil)}); err != nil {
		t.Fatal(err)
	}
	if err := net.Run(25e-3, RunOptions{Namespace: constants(nil)}); err != nil {
		t.Fatal(err)
	}
	want := []float64{6.9, 16.8, 26.7, 36.6, 46.5}
	if len(sm.T) != len(want) {
		t.Fatalf("spikes at %v, want %v ms", sm.T, want)
	}
	for k, w := range want {
		if math.Abs(sm.T[k]*1e3-w) > 1e-9 {
			t.Errorf("spike %d at %v ms, want %v", k, sm.T[k]*1e3, w)
		}
	}
	if net.T != 50e-3 || clock.Step != 500 {
		t.Errorf("network at %v s, clock step %d", net.T, clock.Step)
	}
}
