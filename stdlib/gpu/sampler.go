package gpu

import (
	"context"
	"errors"
	"math"
	"sync"
	"time"
)

// Sample is one reading of a PowerMonitor.
type Sample struct {
	T      float64 // seconds since the monitor started
	Power  float64 // watts
	Energy float64 // the driver's energy counter in joules; NaN without one
}

// Monitor samples a device's power at a fixed interval in its own
// goroutine, keeping the samples of the last window in a ring buffer and
// the energy since the start.
type Monitor struct {
	b        Backend
	dev      int
	interval time.Duration
	start    time.Time

	sampling sync.Mutex // serialises Sample
	mu       sync.Mutex
	ring     []Sample
	head, n  int
	first    Sample
	last     Sample
	count    int64
	integral float64 // trapezoid integral of power over all samples (J)
	err      error
	running  bool
	started  bool // Start ran (a monitor is not restarted)
	stop     chan struct{}
	done     chan struct{}
}

// maxRing bounds the ring buffer (samples).
const maxRing = 1 << 22

// NewMonitor returns a monitor of device dev keeping window of samples
// taken every interval. It takes the first sample at once, so a missing
// driver or device is reported here; Start begins background sampling.
func NewMonitor(b Backend, dev int, interval, window time.Duration) (*Monitor, error) {
	if interval <= 0 {
		return nil, errors.New("PowerMonitor interval must be positive")
	}
	if window < interval {
		window = interval
	}
	size := int(math.Ceil(float64(window)/float64(interval))) + 1
	size = min(max(size, 2), maxRing)
	m := &Monitor{b: b, dev: dev, interval: interval, start: time.Now(), ring: make([]Sample, size)}
	if err := m.Sample(); err != nil {
		return nil, err
	}
	return m, nil
}

// Sample takes one reading now and records it.
func (m *Monitor) Sample() error {
	m.sampling.Lock()
	defer m.sampling.Unlock()
	p, err := m.b.Power(m.dev)
	if err != nil {
		return err
	}
	e, err := m.b.Energy(m.dev)
	if err != nil {
		if !errors.Is(err, ErrNoCounter) {
			return err
		}
		e = math.NaN()
	}
	m.Add(Sample{T: time.Since(m.start).Seconds(), Power: p, Energy: e})
	return nil
}

// Add records a sample (samples must come in time order).
func (m *Monitor) Add(s Sample) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.count == 0 {
		m.first = s
	} else {
		m.integral += 0.5 * (s.Power + m.last.Power) * (s.T - m.last.T)
	}
	m.last = s
	m.count++
	m.ring[m.head] = s
	m.head = (m.head + 1) % len(m.ring)
	if m.n < len(m.ring) {
		m.n++
	}
}

// Start begins sampling in the background until Stop or ctx is done.
func (m *Monitor) Start(ctx context.Context) {
	m.mu.Lock()
	if m.started {
		m.mu.Unlock()
		return
	}
	m.started, m.running = true, true
	stop, done := make(chan struct{}), make(chan struct{})
	m.stop, m.done = stop, done
	m.mu.Unlock()
	if ctx == nil {
		ctx = context.Background()
	}
	go func() {
		defer close(done)
		tick := time.NewTicker(m.interval)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-ctx.Done():
				m.mu.Lock()
				m.running = false
				m.mu.Unlock()
				return
			case <-tick.C:
				if err := m.Sample(); err != nil {
					m.mu.Lock()
					if m.err == nil {
						m.err = err
					}
					m.mu.Unlock()
				}
			}
		}
	}()
}

// Stop ends background sampling and waits for the goroutine to finish;
// it may be called more than once.
func (m *Monitor) Stop() {
	m.mu.Lock()
	stop, done, running := m.stop, m.done, m.running
	m.running = false
	if running {
		close(stop)
	}
	m.mu.Unlock()
	if done != nil {
		<-done
	}
}

// Running reports whether the monitor is sampling.
func (m *Monitor) Running() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.running
}

// Samples returns the samples in the window, oldest first.
func (m *Monitor) Samples() []Sample {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Sample, 0, m.n)
	for k := 0; k < m.n; k++ {
		out = append(out, m.ring[(m.head-m.n+k+len(m.ring))%len(m.ring)])
	}
	return out
}

// Count is the number of samples taken since the start.
func (m *Monitor) Count() int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.count
}

// Duration is the time between the first and the last sample (s).
func (m *Monitor) Duration() float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.last.T - m.first.T
}

// Energy is the energy used between the first and the last sample (J):
// the difference of the driver's counter when the device has one, else
// the trapezoidal integral of the sampled power. counter tells which.
func (m *Monitor) Energy() (joules float64, counter bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !math.IsNaN(m.first.Energy) && !math.IsNaN(m.last.Energy) {
		return m.last.Energy - m.first.Energy, true
	}
	return m.integral, false
}

// MeanPower is Energy over Duration (the single reading when there is
// only one sample).
func (m *Monitor) MeanPower() float64 {
	e, _ := m.Energy()
	d := m.Duration()
	if d <= 0 {
		m.mu.Lock()
		defer m.mu.Unlock()
		return m.last.Power
	}
	return e / d
}

// PeakPower is the highest power in the window.
func (m *Monitor) PeakPower() float64 {
	peak := math.Inf(-1)
	for _, s := range m.Samples() {
		peak = math.Max(peak, s.Power)
	}
	return peak
}

// Err returns the first error of background sampling, if any.
func (m *Monitor) Err() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.err
}
