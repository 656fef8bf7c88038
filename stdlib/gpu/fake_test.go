package gpu

import (
	"math"
	"testing"
	"time"
)

// manualClock is a settable clock for the fake device.
type manualClock struct{ t time.Duration }

func (c *manualClock) now() time.Duration { return c.t }
func (c *manualClock) set(s float64)      { c.t = time.Duration(s * float64(time.Second)) }

// TestFakeDeterministic checks that two fake devices driven through the
// same loads at the same times read the same values, and the model's
// known answers: steady power, the lag after a load step, and the
// counter's start.
func TestFakeDeterministic(t *testing.T) {
	run := func() []float64 {
		c := &manualClock{}
		f := NewFake(FakeConfig{Devices: 2, Load: 0.2, Counter: true, Now: c.now})
		var out []float64
		for k, s := range []float64{0, 0.5, 1, 1.25, 2, 3.5} {
			c.set(s)
			if k == 2 {
				f.SetLoad(0, 1)
			}
			p, _ := f.Power(0)
			e, _ := f.Energy(0)
			p1, _ := f.Power(1)
			temp, _ := f.Temperature(0)
			g, m, _ := f.Utilization(0)
			out = append(out, p, e, p1, temp, g, m)
		}
		return out
	}
	a, b := run(), run()
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("reading %d differs between runs: %v vs %v", i, a[i], b[i])
		}
	}
	c := &manualClock{}
	f := NewFake(FakeConfig{Load: 0.2, Counter: true, Now: c.now})
	steady := FakeIdleW + 0.2*(FakeMaxW-FakeIdleW) // 104 W
	if p, _ := f.Power(0); p != steady {
		t.Errorf("power at t=0: %v, want %v", p, steady)
	}
	if e, _ := f.Energy(0); e != fakeEnergy0 {
		t.Errorf("counter at t=0: %v, want %v", e, fakeEnergy0)
	}
	c.set(2)
	f.SetLoad(0, 1)
	// one time constant after the step the lag has closed 1-1/e of the gap
	c.set(2 + fakeTau)
	want := FakeMaxW + (steady-FakeMaxW)*math.Exp(-1) + ripple(2+fakeTau)
	if p, _ := f.Power(0); math.Abs(p-want) > 1e-9 {
		t.Errorf("power one time constant after the step: %v, want %v", p, want)
	}
	c.set(10)
	if p, _ := f.Power(0); math.Abs(p-FakeMaxW) > 3 {
		t.Errorf("power long after the step: %v, want %v within the ripple", p, FakeMaxW)
	}
	if g, _, _ := f.Utilization(0); g != 100 {
		t.Errorf("utilization at full load: %v", g)
	}
	if _, err := f.Power(1); err == nil || err.Error() != "no GPU device 1: there are 1 (indices 0 to 0)" {
		t.Errorf("bad index: %v", err)
	}
	nc := NewFake(FakeConfig{})
	if _, err := nc.Energy(0); err != ErrNoCounter {
		t.Errorf("counter=false: %v", err)
	}
}

// TestFakeEnergyIsIntegralOfPower checks the counter against a numerical
// integral (Simpson's rule) of the power across load steps.
func TestFakeEnergyIsIntegralOfPower(t *testing.T) {
	c := &manualClock{}
	f := NewFake(FakeConfig{Load: 0, Counter: true, Now: c.now})
	steps := map[float64]float64{0.3: 0.8, 0.9: 0.1, 1.4: 0.5}
	for _, s := range []float64{0.3, 0.9, 1.4} {
		c.set(s)
		f.SetLoad(0, steps[s])
	}
	const T, n = 2.0, 20000
	h := T / n
	sum := f.PowerAt(0, 0) + f.PowerAt(0, T)
	for k := 1; k < n; k++ {
		w := 2.0
		if k%2 == 1 {
			w = 4
		}
		sum += w * f.PowerAt(0, float64(k)*h)
	}
	numeric := sum * h / 3
	counter := f.EnergyAt(0, T) - f.EnergyAt(0, 0)
	if math.Abs(numeric-counter) > 1e-3 {
		t.Errorf("counter %v J, integral of power %v J", counter, numeric)
	}
	// the power is continuous across a step (the lag)
	if d := math.Abs(f.PowerAt(0, 0.9-1e-9) - f.PowerAt(0, 0.9+1e-9)); d > 1e-5 {
		t.Errorf("power jumps by %v W at a load step", d)
	}
}
