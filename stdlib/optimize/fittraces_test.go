package optimize_test

import (
	"strings"
	"testing"

	eqmodel "github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/runtime/engine"
	"github.com/sim-lang/sim/stdlib/optimize"
	"github.com/sim-lang/sim/units"
)

// volt is the dimension of the volt (kg m² s⁻³ A⁻¹).
var volt = units.BaseDim(units.Mass).Mul(units.BaseDim(units.Length).Pow(units.R(2, 1))).Div(units.BaseDim(units.Time).Pow(units.R(3, 1))).Div(units.BaseDim(units.Current))

// lifTraces simulates the LIF model with known gl and C under step
// currents of the given amplitudes and returns input and voltage traces
// (traces × steps) and the spike times of each trace.
func lifTraces(t *testing.T, gl, C float64, amps []float64, steps int, dt float64) (in, out []float64, spikes [][]float64) {
	t.Helper()
	nt := len(amps)
	in = make([]float64, nt*steps)
	ta2 := make([]float64, steps*nt)
	for j, a := range amps {
		for s := 0; s < steps; s++ {
			if s >= 100 && s < steps-200 {
				in[j*steps+s] = a
				ta2[s*nt+j] = a
			}
		}
	}
	amp := units.BaseDim(units.Current)
	ta, err := engine.NewTimedArray("stim", ta2, steps, nt, true, amp, dt)
	if err != nil {
		t.Fatal(err)
	}
	clock := engine.NewClock("c", dt)
	g, err := engine.NewNeuronGroup(engine.GroupConfig{Name: "g", N: nt, Clock: clock, Method: "exact",
		Model:     "dv/dt = (gl*(El - v) + stim(t, i))/C : volt\ngl : siemens (constant)\nC : farad (constant)",
		Threshold: "v > -50*mV", Reset: "v = El", Refractory: engine.Refractory{Kind: engine.RefractoryPeriod, Period: 2e-3}})
	if err != nil {
		t.Fatal(err)
	}
	set := func(name string, val float64) {
		v, _ := g.Var(name)
		for i := range v.Data {
			v.Data[i] = val
		}
	}
	set("gl", gl)
	set("C", C)
	set("v", -70e-3)
	mon, _ := engine.NewStateMonitor("m", engine.Whole(g), []string{"v"}, nil, nil)
	sm, _ := engine.NewEventMonitor("s", engine.Whole(g), "spike", nil, true)
	net, _ := engine.NewNetwork("n", g, mon, sm)
	ns := func(name string) (eqmodel.External, bool) {
		if name == "stim" {
			return eqmodel.External{Func: ta, FuncDim: amp}, true
		}
		if name == "El" {
			return eqmodel.External{Value: -70e-3, Dim: volt}, true
		}
		v, ok := runtime.LookupPredeclared(name)
		if !ok {
			return eqmodel.External{}, false
		}
		q, ok := v.Obj().(runtime.Quantity)
		return eqmodel.External{Value: q.V, Dim: q.D}, ok
	}
	if err := net.Run(float64(steps)*dt, engine.RunOptions{Namespace: ns}); err != nil {
		t.Fatal(err)
	}
	out = make([]float64, nt*steps)
	for s := 0; s < steps; s++ {
		for j := 0; j < nt; j++ {
			out[j*steps+s] = mon.Data[0][s*nt+j]
		}
	}
	spikes = make([][]float64, nt)
	for q, i := range sm.I {
		spikes[i] = append(spikes[i], sm.T[q])
	}
	return in, out, spikes
}

// fit_traces recovers the gl and C that generated LIF voltage traces
// (with spikes and resets) within 1%.
func TestFitTracesRecoversLIF(t *testing.T) {
	const gl, C, dt, steps = 10e-9, 200e-12, 1e-4, 1000
	in, out, spikes := lifTraces(t, gl, C, []float64{0.15e-9, 0.3e-9, 0.5e-9}, steps, dt)
	if len(spikes[2]) < 2 {
		t.Fatalf("the strongest input should make the model spike, got %v", spikes)
	}
	amp := units.BaseDim(units.Current)
	stdout, _ := run(t, `
from scipy.optimize import fit_traces
El = -70*mV
model = '''
dv/dt = (gl*(El - v) + I)/C : volt
gl : siemens (constant)
C : farad (constant)
'''
res = fit_traces(model, 'I', inp, 'v', outp, dt=0.1*ms, params={'gl': [1, 50]*nS, 'C': [50, 500]*pF},
                 threshold='v > -50*mV', reset='v = El', refractory=2*ms, method='exact',
                 param_init={'v': -70*mV}, popsize=10, seed=2)
print(res.params['gl'] / nS, res.params['C'] / pF, res.nit, res.error)
assert_close(res.params['gl'], 10*nS, rtol=0.01)
assert_close(res.params['C'], 200*pF, rtol=0.01)
assert_eq(res.traces.shape, (3, 1000))
assert_eq(res.n_neurons, 60)
`, map[string]runtime.Value{
		"inp":  array.Value(array.New([]int{3, steps}, in, amp)),
		"outp": array.Value(array.New([]int{3, steps}, out, volt)),
	})
	t.Log(strings.TrimSpace(stdout))
}

func TestGammaFactor(t *testing.T) {
	data := []float64{0.010, 0.050, 0.090}
	if g := optimize.Gamma(data, data, 2e-3, 0.1); g < 0.99 {
		t.Errorf("identical trains: gamma %g, want about 1", g)
	}
	if g := optimize.Gamma(data, []float64{0.030, 0.070}, 2e-3, 0.1); g > 0 {
		t.Errorf("disjoint trains: gamma %g, want <= 0", g)
	}
	if g := optimize.Gamma(data, []float64{0.0105, 0.0505, 0.080}, 2e-3, 0.1); g < 0.5 || g > 0.8 {
		t.Errorf("two of three coincide: gamma %g", g)
	}
}
