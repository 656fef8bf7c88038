package engine

import (
	"testing"

	"github.com/sim-lang/sim/compiler/model"
)

// uncoupledLIF builds the 4000-neuron uncoupled LIF group of
// bench/brian2/lif_group (CUBA's neurons without synapses) with a spike
// monitor, in a network.
func uncoupledLIF(tb testing.TB) (*Network, *EventMonitor, model.Namespace) {
	plain := constants(map[string]float64{"Vt": -50e-3, "Vr": -60e-3, "El": -49e-3})
	taus := map[string]float64{"taum": 20e-3, "taue": 5e-3, "taui": 10e-3}
	ns := func(name string) (model.External, bool) {
		if v, ok := taus[name]; ok {
			return model.External{Value: v, Dim: secondDim}, true
		}
		return plain(name)
	}
	clock := NewClock("defaultclock", 1e-4)
	g, err := NewNeuronGroup(GroupConfig{Name: "g", N: 4000, Clock: clock,
		Model: `dv/dt  = (ge+gi-(v-El))/taum : 1 (unless refractory)
dge/dt = -ge/taue : 1
dgi/dt = -gi/taui : 1`,
		Threshold: "v>Vt", Reset: "v = Vr", Method: "euler",
		Refractory: Refractory{Kind: RefractoryPeriod, Period: 5e-3}})
	if err != nil {
		tb.Fatal(err)
	}
	v := g.vars["v"].Data
	for k := range v {
		v[k] = -60e-3 + 10e-3*float64(k)/float64(len(v))
	}
	m, err := NewEventMonitor("spikemonitor", Source{G: g, Start: 0, Stop: g.N}, "spike", nil, true)
	if err != nil {
		tb.Fatal(err)
	}
	net, err := NewNetwork("net", g, m)
	if err != nil {
		tb.Fatal(err)
	}
	return net, m, ns
}

// BenchmarkUncoupledLIF simulates 4000 uncoupled LIF neurons with a spike
// monitor for 100 ms (1000 steps).
func BenchmarkUncoupledLIF(b *testing.B) {
	for k := 0; k < b.N; k++ {
		net, _, ns := uncoupledLIF(b)
		if err := net.Run(0.1, RunOptions{Namespace: ns}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestUncoupledLIF checks the benchmark's network: with El above the
// threshold every neuron fires regularly; 5 ms refractoriness and the
// charge from Vr to Vt (taum*ln(11) = 47.96 ms, 480 steps, crossing
// in the 480th) give one spike every 48.5 ms after the first.
func TestUncoupledLIF(t *testing.T) {
	net, m, ns := uncoupledLIF(t)
	if err := net.Run(0.1, RunOptions{Namespace: ns}); err != nil {
		t.Fatal(err)
	}
	if m.Total < 4000 || m.Total > 3*4000 {
		t.Fatalf("%d spikes in 100 ms, want between 1 and 3 per neuron", m.Total)
	}
	for k, c := range m.Count {
		if c < 1 || c > 3 {
			t.Fatalf("neuron %d fired %d times", k, c)
		}
	}
}
