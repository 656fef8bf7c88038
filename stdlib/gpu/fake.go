package gpu

import (
	"fmt"
	"math"
	"sync"
	"time"
)

// FakeConfig configures the fake device.
type FakeConfig struct {
	// Devices is the number of fake GPUs (at least 1).
	Devices int
	// Load is the initial synthetic load of every device, 0 to 1.
	Load float64
	// Counter gives the devices a total energy counter (as Volta and
	// later NVIDIA GPUs have); without it measure_energy integrates the
	// sampled power.
	Counter bool
	// Now returns the time since the device was created; nil uses the
	// wall clock. Tests inject a manual clock.
	Now func() time.Duration
}

// The fake device's model: a 300 W card idling at 55 W whose power
// follows the synthetic load with a first-order lag and a small
// deterministic ripple. Every reading is a deterministic function of the
// time since creation and of the loads set (and when).
const (
	FakeIdleW   = 55.0
	FakeMaxW    = 300.0
	fakeTau     = 0.15 // s, power response time constant
	fakeEnergy0 = 1e6  // J, counter value at creation
	fakeMemory  = 16 << 30
)

// fakeRipple is the deterministic ripple: amplitude (W) and frequency (Hz)
// of each sine.
var fakeRipple = [...][2]float64{{1.5, 0.7}, {0.8, 3.1}}

// Fake is the deterministic fake GPU backend.
type Fake struct {
	mu      sync.Mutex
	now     func() time.Duration
	counter bool
	devs    []*fakeDev
}

// fakeDev is one device: its load history as segments.
type fakeDev struct {
	segs []fakeSeg
}

// fakeSeg is a stretch of constant target load starting at t0 with power
// p0 (the power reached when the segment began).
type fakeSeg struct {
	t0, p0, target float64
	e0             float64 // energy counter at t0 (without ripple)
}

// NewFake returns fake devices.
func NewFake(cfg FakeConfig) *Fake {
	if cfg.Devices < 1 {
		cfg.Devices = 1
	}
	f := &Fake{now: cfg.Now, counter: cfg.Counter}
	if f.now == nil {
		start := time.Now()
		f.now = func() time.Duration { return time.Since(start) }
	}
	load := clamp01(cfg.Load)
	for i := 0; i < cfg.Devices; i++ {
		p := fakeTarget(load)
		f.devs = append(f.devs, &fakeDev{segs: []fakeSeg{{t0: 0, p0: p, target: p, e0: fakeEnergy0}}})
	}
	return f
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

// fakeTarget is the steady power at a load.
func fakeTarget(load float64) float64 { return FakeIdleW + (FakeMaxW-FakeIdleW)*load }

// SetLoad changes device i's synthetic load (0 to 1) from now on.
func (f *Fake) SetLoad(i int, load float64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := checkIndex(i, len(f.devs)); err != nil {
		return err
	}
	t := f.now().Seconds()
	d := f.devs[i]
	last := d.segs[len(d.segs)-1]
	if t < last.t0 {
		t = last.t0
	}
	d.segs = append(d.segs, fakeSeg{t0: t, p0: last.smooth(t), target: fakeTarget(clamp01(load)), e0: last.energy(t)})
	return nil
}

// Load returns device i's current synthetic load.
func (f *Fake) Load(i int) float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	d := f.devs[i]
	return (d.segs[len(d.segs)-1].target - FakeIdleW) / (FakeMaxW - FakeIdleW)
}

// smooth is the power without ripple at time t within the segment.
func (s fakeSeg) smooth(t float64) float64 {
	return s.target + (s.p0-s.target)*math.Exp(-(t-s.t0)/fakeTau)
}

// energy is the integral of smooth power from the start (counter units)
// up to t within the segment.
func (s fakeSeg) energy(t float64) float64 {
	dt := t - s.t0
	return s.e0 + s.target*dt + (s.p0-s.target)*fakeTau*(1-math.Exp(-dt/fakeTau))
}

// ripple and rippleEnergy are the ripple and its integral from 0 to t.
func ripple(t float64) float64 {
	r := 0.0
	for _, a := range fakeRipple {
		r += a[0] * math.Sin(2*math.Pi*a[1]*t)
	}
	return r
}

func rippleEnergy(t float64) float64 {
	e := 0.0
	for _, a := range fakeRipple {
		w := 2 * math.Pi * a[1]
		e += a[0] / w * (1 - math.Cos(w*t))
	}
	return e
}

// seg returns the segment of device i covering time t.
func (d *fakeDev) seg(t float64) fakeSeg {
	for k := len(d.segs) - 1; k > 0; k-- {
		if d.segs[k].t0 <= t {
			return d.segs[k]
		}
	}
	return d.segs[0]
}

// PowerAt is device i's power in watts at time t (seconds since creation).
func (f *Fake) PowerAt(i int, t float64) float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.devs[i].seg(t).smooth(t) + ripple(t)
}

// EnergyAt is device i's energy counter in joules at time t.
func (f *Fake) EnergyAt(i int, t float64) float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.devs[i].seg(t).energy(t) + rippleEnergy(t)
}

// reading runs fn on device i at the current time.
func (f *Fake) reading(i int) (float64, error) {
	f.mu.Lock()
	n := len(f.devs)
	f.mu.Unlock()
	if err := checkIndex(i, n); err != nil {
		return 0, err
	}
	return f.now().Seconds(), nil
}

// Kind implements Backend.
func (f *Fake) Kind() string { return "fake" }

// Devices implements Backend.
func (f *Fake) Devices() ([]DeviceInfo, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]DeviceInfo, len(f.devs))
	for i := range out {
		out[i] = DeviceInfo{Index: i, Name: "sim fake GPU (deterministic)",
			UUID: fmt.Sprintf("GPU-5151fa4e-0000-4000-8000-%012d", i), MemoryTotal: fakeMemory}
	}
	return out, nil
}

// Power implements Backend.
func (f *Fake) Power(i int) (float64, error) {
	t, err := f.reading(i)
	if err != nil {
		return 0, err
	}
	return f.PowerAt(i, t), nil
}

// Energy implements Backend.
func (f *Fake) Energy(i int) (float64, error) {
	t, err := f.reading(i)
	if err != nil {
		return 0, err
	}
	if !f.counter {
		return 0, ErrNoCounter
	}
	return f.EnergyAt(i, t), nil
}

// Utilization implements Backend.
func (f *Fake) Utilization(i int) (float64, float64, error) {
	t, err := f.reading(i)
	if err != nil {
		return 0, 0, err
	}
	p := f.PowerAt(i, t) - ripple(t)
	load := clamp01((p - FakeIdleW) / (FakeMaxW - FakeIdleW))
	return math.Round(100 * load), math.Round(40 * load), nil
}

// Memory implements Backend.
func (f *Fake) Memory(i int) (Memory, error) {
	if _, err := f.reading(i); err != nil {
		return Memory{}, err
	}
	used := uint64(512<<20) + uint64(f.Load(i)*float64(6<<30))
	return Memory{Used: used, Free: fakeMemory - used, Total: fakeMemory}, nil
}

// Temperature implements Backend.
func (f *Fake) Temperature(i int) (float64, error) {
	t, err := f.reading(i)
	if err != nil {
		return 0, err
	}
	return math.Round(32 + 0.16*(f.PowerAt(i, t)-FakeIdleW)), nil
}
