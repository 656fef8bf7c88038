package engine

import (
	"testing"

	"github.com/sim-lang/sim/compiler/model"
)

// BenchmarkUncoupledLIF simulates 4000 uncoupled LIF neurons for 100 ms.
func BenchmarkUncoupledLIF(b *testing.B) {
	plain := constants(map[string]float64{"Vt": -50e-3, "Vr": -60e-3, "El_": -49e-3})
	taus := map[string]float64{"taum": 20e-3, "taue": 5e-3, "taui": 10e-3}
	ns := func(name string) (model.External, bool) {
		if v, ok := taus[name]; ok {
			return model.External{Value: v, Dim: secondDim}, true
		}
		return plain(name)
	}
	for k := 0; k < b.N; k++ {
		clock := NewClock("defaultclock", 1e-4)
		g, err := NewNeuronGroup(GroupConfig{Name: "g", N: 4000, Clock: clock,
			Model: `dv/dt  = (ge+gi-(v-El_))/taum : 1 (unless refractory)
dge/dt = -ge/taue : 1
dgi/dt = -gi/taui : 1`,
			Threshold: "v>Vt", Reset: "v = Vr", Method: "euler",
			Refractory: Refractory{Kind: RefractoryPeriod, Period: 5e-3}})
		if err != nil {
			b.Fatal(err)
		}
		net, _ := NewNetwork("net", g)
		if err := net.Run(0.1, RunOptions{Namespace: ns}); err != nil {
			b.Fatal(err)
		}
	}
}
