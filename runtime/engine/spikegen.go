package engine

import (
	"fmt"
	"math"
	"sort"

	"github.com/sim-lang/sim/units"
)

// SpikeGenerator is Brian2's SpikeGeneratorGroup: N neurons that spike
// at given times (optionally repeated every period). Its neurons are a
// NeuronGroup without equations (G), so that monitors and synapses use it
// like any group; the generator replaces the group's thresholder.
type SpikeGenerator struct {
	G      *NeuronGroup
	Order  int
	When   string
	Index  []int32   // sorted by time, then index
	Times  []float64 // seconds
	Period float64

	bins       []int64
	periodBins int64
	last       int
	prevDt     float64
	changed    bool
	// rebin asks Prepare to recompute the time bins (after a restore).
	rebin bool
}

// NewSpikeGenerator returns a generator of n neurons spiking at times
// (seconds) for the neurons indices.
func NewSpikeGenerator(name string, n int, indices []int64, times []float64, period float64, clock *Clock, order int) (*SpikeGenerator, error) {
	g, err := NewNeuronGroup(GroupConfig{Name: name, N: n, Clock: clock, Order: order})
	if err != nil {
		return nil, err
	}
	g.events = []*event{{name: "spike", when: "thresholds"}}
	sg := &SpikeGenerator{G: g, Order: order, When: "thresholds"}
	if err := sg.SetSpikes(indices, times, period); err != nil {
		return nil, err
	}
	return sg, nil
}

// SetSpikes changes the spikes (Brian2's set_spikes, also used by the
// constructor): indices and times of equal length, indices within the
// group, times non-negative and, with a period (0: none), in a time step
// before the period's last. The messages are Brian2's. The new spikes
// take effect at the next run; those before its start are ignored.
func (sg *SpikeGenerator) SetSpikes(indices []int64, times []float64, period float64) error {
	if len(indices) != len(times) {
		return fmt.Errorf("length of the indices and times array must match, but %d != %d", len(indices), len(times))
	}
	if period < 0 || math.IsNaN(period) {
		return fmt.Errorf("the period cannot be negative")
	}
	if len(times) > 0 && period != 0 {
		dt := sg.G.Clock.Dt()
		maxT := times[0]
		for _, t := range times {
			maxT = math.Max(maxT, t)
		}
		if float64(Timestep(maxT, dt)) >= math.RoundToEven(period/dt) {
			return fmt.Errorf("the period has to be greater than the maximum of the spike times")
		}
	}
	for _, t := range times {
		if t < 0 || math.IsNaN(t) {
			return fmt.Errorf("spike times cannot be negative")
		}
	}
	for _, i := range indices {
		if i < 0 || i >= int64(sg.G.N) {
			return fmt.Errorf("indices have to lie in the interval [0, %d[", sg.G.N)
		}
	}
	order := make([]int, len(indices))
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := order[a], order[b]
		if times[x] != times[y] {
			return times[x] < times[y]
		}
		return indices[x] < indices[y]
	})
	sg.Index = make([]int32, len(order))
	sg.Times = make([]float64, len(order))
	for k, o := range order {
		sg.Index[k], sg.Times[k] = int32(indices[o]), times[o]
	}
	sg.Period = period
	sg.changed = true
	return nil
}

// Name returns the group's name.
func (sg *SpikeGenerator) Name() string { return sg.G.name }

// Prepare computes the time bins of the spikes for the clock's dt, as
// Brian2's before_run does, and checks that no neuron spikes twice in one
// time step.
func (sg *SpikeGenerator) Prepare(rc *RunContext) error {
	dt := sg.G.Clock.Dt()
	if sg.Period > 0 && sg.Period < dt {
		return fmt.Errorf("the period of '%s' is %s, which is smaller than its dt of %s", sg.G.name, units.Format(sg.Period, secondDim), units.Format(dt, secondDim))
	}
	if sg.changed {
		cur := sg.G.Clock.Step
		sg.last = 0
		for k, t := range sg.Times {
			if Timestep(t, dt) < cur {
				sg.last = k + 1
			}
		}
		if sg.last > 0 && rc != nil && rc.Info != nil {
			fmt.Fprintf(rc.Info, "WARNING    The SpikeGeneratorGroup '%s' contains spike times earlier than the start time of the current run (t = %s), these spikes will be ignored.\n", sg.G.name, units.Format(sg.G.Clock.T(), secondDim))
		}
	}
	if sg.changed || sg.rebin || dt != sg.prevDt {
		shift := 1e-3 * dt
		sg.bins = make([]int64, len(sg.Times))
		for k, t := range sg.Times {
			sg.bins[k] = int64((t + shift) / dt)
			if k > 0 && sg.bins[k] == sg.bins[k-1] && sg.Index[k] == sg.Index[k-1] {
				return fmt.Errorf("using a dt of %s, some neurons of SpikeGeneratorGroup '%s' spike more than once during a time step", units.Format(dt, secondDim), sg.G.name)
			}
		}
		sg.periodBins = int64(math.Round(sg.Period / dt))
		if math.Abs(float64(sg.periodBins)*dt-sg.Period) > sg.Period*2.220446049250313e-16 {
			return fmt.Errorf("the period of '%s' is %s, which is not an integer multiple of its dt of %s", sg.G.name, units.Format(sg.Period, secondDim), units.Format(dt, secondDim))
		}
		sg.prevDt = dt
		sg.changed, sg.rebin = false, false
	}
	return nil
}

// Ops returns the spike generation, in the thresholds slot.
func (sg *SpikeGenerator) Ops() []*Op {
	return []*Op{{Name: sg.G.name + "_spike_thresholder", When: sg.When, Order: sg.Order, Clock: sg.G.Clock, Run: sg.step, Active: true}}
}

// step emits the spikes of the current time bin.
func (sg *SpikeGenerator) step() error {
	e := sg.G.events[0]
	e.idx = e.idx[:0]
	bin := sg.G.Clock.Step
	before := sg.last
	if sg.periodBins > 0 {
		bin %= sg.periodBins
		if before > 0 && sg.bins[before-1] >= bin {
			before = 0
		}
	}
	n := sort.Search(len(sg.bins)-before, func(k int) bool { return sg.bins[before+k] > bin })
	sg.last = before + n
	if n == 0 {
		return nil
	}
	t := sg.G.Clock.T()
	ls := sg.G.vars["lastspike"].Data
	for _, i := range sg.Index[before : before+n] {
		e.idx = append(e.idx, i)
		ls[i] = t
	}
	// spikes of one bin come sorted by index
	return nil
}

// SaveState implements Stateful: the group's state, the spikes (which
// set_spikes may change between runs) and the position in them.
func (sg *SpikeGenerator) SaveState() *ObjectState {
	st := sg.G.SaveState()
	st.Ints["_lastindex"] = []int64{int64(sg.last)}
	idx := make([]int64, len(sg.Index))
	for k, i := range sg.Index {
		idx[k] = int64(i)
	}
	st.Ints["_neuron_index"] = idx
	st.Floats["_spike_time"] = cloneF(sg.Times)
	st.Floats["_period"] = []float64{sg.Period}
	changed := int64(0)
	if sg.changed {
		changed = 1
	}
	st.Ints["_spikes_changed"] = []int64{changed}
	return st
}

// LoadState implements Stateful.
func (sg *SpikeGenerator) LoadState(st *ObjectState) error {
	if err := sg.G.LoadState(st); err != nil {
		return err
	}
	if l := st.Ints["_lastindex"]; len(l) == 1 {
		sg.last = int(l[0])
	}
	idx, ok := st.Ints["_neuron_index"]
	times := st.Floats["_spike_time"]
	if !ok || len(idx) != len(times) {
		return nil
	}
	sg.Index = make([]int32, len(idx))
	for k, i := range idx {
		sg.Index[k] = int32(i)
	}
	sg.Times = cloneF(times)
	if p := st.Floats["_period"]; len(p) == 1 {
		sg.Period = p[0]
	}
	if c := st.Ints["_spikes_changed"]; len(c) == 1 {
		sg.changed = c[0] != 0
	}
	sg.rebin = true
	return nil
}
