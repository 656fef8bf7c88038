package gpu

import (
	"context"
	"math"
	"testing"
	"time"
)

// TestMonitorEnergyFromSamples checks the ring buffer and both energy
// paths on synthetic samples.
func TestMonitorEnergyFromSamples(t *testing.T) {
	m := &Monitor{ring: make([]Sample, 3)}
	// power 100 W for 1 s then ramping to 200 W over 1 s: 100 + 150 = 250 J
	m.Add(Sample{T: 0, Power: 100, Energy: math.NaN()})
	m.Add(Sample{T: 1, Power: 100, Energy: math.NaN()})
	m.Add(Sample{T: 2, Power: 200, Energy: math.NaN()})
	if e, counter := m.Energy(); e != 250 || counter {
		t.Errorf("trapezoid energy %v (counter %v), want 250", e, counter)
	}
	m.Add(Sample{T: 3, Power: 50, Energy: math.NaN()}) // +125 J; evicts the first sample
	if e, _ := m.Energy(); e != 375 {
		t.Errorf("energy after the window moved: %v, want 375 (the whole run)", e)
	}
	ss := m.Samples()
	if len(ss) != 3 || ss[0].T != 1 || ss[2].T != 3 {
		t.Errorf("window: %+v", ss)
	}
	if m.PeakPower() != 200 || m.Count() != 4 || m.Duration() != 3 || m.MeanPower() != 125 {
		t.Errorf("peak %v count %v duration %v mean %v", m.PeakPower(), m.Count(), m.Duration(), m.MeanPower())
	}
	c := &Monitor{ring: make([]Sample, 4)}
	c.Add(Sample{T: 0, Power: 100, Energy: 5000})
	c.Add(Sample{T: 2, Power: 100, Energy: 5210})
	if e, counter := c.Energy(); e != 210 || !counter {
		t.Errorf("counter energy %v (counter %v), want 210 from the counter", e, counter)
	}
}

// busy burns CPU for d, as a simulation running beside the monitor would.
func busy(d time.Duration) float64 {
	x := 0.0
	for start := time.Now(); time.Since(start) < d; {
		for k := 0; k < 1000; k++ {
			x += math.Sqrt(float64(k) + x)
		}
	}
	return x
}

// TestPowerMonitorSamplesWhileWorkRuns runs a monitor on the fake device
// for 2 s while the test goroutine computes, and checks that it sampled
// at the requested interval (within 10%), with increasing real
// timestamps, and that its energy (from the counter) agrees with the
// trapezoidal integral of its own samples.
func TestPowerMonitorSamplesWhileWorkRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("2 s of sampling")
	}
	f := NewFake(FakeConfig{Load: 0.1, Counter: true})
	const interval = 100 * time.Millisecond
	m, err := NewMonitor(f, 0, interval, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	m.Start(context.Background())
	busy(700 * time.Millisecond)
	f.SetLoad(0, 0.9)
	busy(1300 * time.Millisecond)
	m.Stop()
	if m.Running() {
		t.Error("still running after Stop")
	}
	ss := m.Samples()
	n := len(ss)
	if n < 19 || n > 23 { // 2 s / 100 ms = 20 intervals, 21 samples with the first
		t.Fatalf("%d samples in 2 s at 100 ms", n)
	}
	mean := (ss[n-1].T - ss[0].T) / float64(n-1)
	if math.Abs(mean-interval.Seconds()) > 0.1*interval.Seconds() {
		t.Errorf("mean interval %v s, want %v within 10%%", mean, interval.Seconds())
	}
	trap := 0.0
	for k := 1; k < n; k++ {
		if ss[k].T <= ss[k-1].T {
			t.Fatalf("timestamps not increasing at %d: %v", k, ss)
		}
		trap += 0.5 * (ss[k].Power + ss[k-1].Power) * (ss[k].T - ss[k-1].T)
	}
	e, counter := m.Energy()
	if !counter {
		t.Fatal("energy did not come from the counter")
	}
	// the trapezoid misses part of the 150 ms lag at the load step and the
	// ripple between samples: a few joules out of ~400
	if math.Abs(e-trap) > 0.03*e {
		t.Errorf("counter energy %v J, trapezoid of samples %v J", e, trap)
	}
	if p := m.PeakPower(); p < 260 || p > 305 {
		t.Errorf("peak power %v W at load 0.9", p)
	}
	m.Stop() // twice is fine
}

// TestMonitorStopsWithContext checks that cancelling the script's context
// ends sampling.
func TestMonitorStopsWithContext(t *testing.T) {
	f := NewFake(FakeConfig{})
	m, err := NewMonitor(f, 0, time.Millisecond, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.Start(ctx)
	cancel()
	<-m.done
	if m.Running() {
		t.Error("running after cancel")
	}
	if _, err := NewMonitor(f, 3, time.Millisecond, time.Second); err == nil {
		t.Error("no error for a missing device")
	}
}
