package engine

import (
	"math"

	"github.com/sim-lang/sim/compiler/model"
	"reflect"
	"testing"
)

func mustGroup(t *testing.T, cfg GroupConfig) *NeuronGroup {
	t.Helper()
	g, err := NewNeuronGroup(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func mustSynapses(t *testing.T, cfg SynapsesConfig) *Synapses {
	t.Helper()
	s, err := NewSynapses(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func pairs(s *Synapses) [][2]int32 {
	out := make([][2]int32, len(s.I))
	for k := range s.I {
		out[k] = [2]int32{s.I[k], s.J[k]}
	}
	return out
}

// TestDelayedSpike: a spike generated at 1 ms through a 1.5 ms delay
// arrives at 2.5 ms.
func TestDelayedSpike(t *testing.T) {
	clock := NewClock("defaultclock", 1e-4)
	sg, err := NewSpikeGenerator("spikegeneratorgroup", 1, []int64{0}, []float64{1e-3}, 0, clock, 0)
	if err != nil {
		t.Fatal(err)
	}
	g := mustGroup(t, GroupConfig{Name: "neurongroup", N: 1, Clock: clock, Model: "v : 1\narrived : second"})
	s := mustSynapses(t, SynapsesConfig{Name: "synapses", Source: Whole(sg.G), Target: Whole(g), Clock: clock,
		Pathways: []PathwayConfig{{Name: "pre", Code: "v_post += 1; arrived = t", Delay: 1.5e-3, HasDelay: true}}})
	if err := s.Connect(ConnectArgs{HasArrays: true, I: []int64{0}, J: []int64{0}, P: 1, N: 1}, constants(nil)); err != nil {
		t.Fatal(err)
	}
	net, _ := NewNetwork("net", sg, g, s)
	if err := net.Run(5e-3, RunOptions{Namespace: constants(nil)}); err != nil {
		t.Fatal(err)
	}
	v, _ := g.Var("v")
	a, _ := g.Var("arrived")
	if v.Data[0] != 1 || math.Abs(a.Data[0]-2.5e-3) > 1e-12 {
		t.Errorf("v = %v, arrived at %v s, want 1 at 2.5 ms", v.Data[0], a.Data[0])
	}
}

// TestSTDPPairing: pre at 10 ms, post at 15 ms gives
// w = 0.5 + Apre*exp(-5/20).
func TestSTDPPairing(t *testing.T) {
	clock := NewClock("defaultclock", 1e-4)
	pre, err := NewSpikeGenerator("pre", 1, []int64{0}, []float64{10e-3}, 0, clock, 0)
	if err != nil {
		t.Fatal(err)
	}
	post, err := NewSpikeGenerator("post", 1, []int64{0}, []float64{15e-3}, 0, clock, 0)
	if err != nil {
		t.Fatal(err)
	}
	eqs := `w : 1
dapre/dt = -apre/taupre : 1 (event-driven)
dapost/dt = -apost/taupost : 1 (event-driven)`
	s := mustSynapses(t, SynapsesConfig{Name: "synapses", Source: Whole(pre.G), Target: Whole(post.G), Clock: clock, Model: eqs,
		Pathways: []PathwayConfig{
			{Name: "pre", Code: "apre += Apre\nw = w + apost"},
			{Name: "post", Post: true, Code: "apost += Apost\nw = w + apre"}}})
	base := constants(map[string]float64{"Apre": 0.01, "Apost": -0.0105})
	ns := Layered(map[string]model.External{"taupre": {Value: 20e-3, Dim: secondDim}, "taupost": {Value: 20e-3, Dim: secondDim}}, base)
	if err := s.Connect(ConnectArgs{P: 1, N: 1}, ns); err != nil {
		t.Fatal(err)
	}
	w, _ := s.Var("w")
	w.Data[0] = 0.5
	net, _ := NewNetwork("net", pre, post, s)
	if err := net.Run(20e-3, RunOptions{Namespace: ns}); err != nil {
		t.Fatal(err)
	}
	want := 0.5 + 0.01*math.Exp(-0.25)
	if math.Abs(w.Data[0]-want) > 1e-15 {
		t.Errorf("w = %.17g, want %.17g", w.Data[0], want)
	}
}

// TestConnectPatterns checks deterministic connection patterns.
func TestConnectPatterns(t *testing.T) {
	clock := NewClock("defaultclock", 1e-4)
	g := mustGroup(t, GroupConfig{Name: "g", N: 4, Clock: clock, Model: "v : 1"})
	cases := []struct {
		args  ConnectArgs
		multi string
		want  [][2]int32
	}{
		{ConnectArgs{JGen: "k for k in range(i-1, i+2) if k >= 0", SkipIfInvalid: true, P: 1, N: 1}, "",
			[][2]int32{{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 1}, {2, 2}, {2, 3}, {3, 2}, {3, 3}}},
		{ConnectArgs{HasArrays: true, I: []int64{0, 2}, J: []int64{1, 3}, P: 1, N: 2}, "syn",
			[][2]int32{{0, 1}, {0, 1}, {2, 3}, {2, 3}}},
		{ConnectArgs{Condition: "i != j", P: 1, N: 1}, "",
			[][2]int32{{0, 1}, {0, 2}, {0, 3}, {1, 0}, {1, 2}, {1, 3}, {2, 0}, {2, 1}, {2, 3}, {3, 0}, {3, 1}, {3, 2}}},
		{ConnectArgs{JGen: "i", P: 1, NExpr: "i", N: 1}, "",
			[][2]int32{{1, 1}, {2, 2}, {2, 2}, {3, 3}, {3, 3}, {3, 3}}},
		{ConnectArgs{IGen: "j+1 if j < 3", P: 1, N: 1}, "",
			[][2]int32{{1, 0}, {2, 1}, {3, 2}}},
	}
	for k, c := range cases {
		s := mustSynapses(t, SynapsesConfig{Name: "s", Source: Whole(g), Target: Whole(g), Clock: clock, Model: "w : 1", MultisynapticIndex: c.multi})
		if err := s.Connect(c.args, constants(nil)); err != nil {
			t.Fatalf("case %d: %v", k, err)
		}
		if got := pairs(s); !reflect.DeepEqual(got, c.want) {
			t.Errorf("case %d: got %v, want %v", k, got, c.want)
		}
		if c.multi != "" {
			v, _ := s.Var(c.multi)
			if !reflect.DeepEqual(v.Data, []float64{0, 1, 0, 1}) {
				t.Errorf("multisynaptic index %v", v.Data)
			}
		}
	}
	s := mustSynapses(t, SynapsesConfig{Name: "s", Source: Whole(g), Target: Whole(g), Clock: clock})
	if err := s.Connect(ConnectArgs{JGen: "k for k in range(i-1, i+2)", P: 1, N: 1}, constants(nil)); err == nil {
		t.Error("out-of-range generator: no error")
	}
	if err := s.Connect(ConnectArgs{HasArrays: true, I: []int64{0}, J: []int64{4}, P: 1, N: 1}, constants(nil)); err == nil {
		t.Error("out-of-range array: no error")
	}
}

// TestSummed checks a summed variable and N_incoming.
func TestSummed(t *testing.T) {
	clock := NewClock("defaultclock", 1e-4)
	src := mustGroup(t, GroupConfig{Name: "src", N: 3, Clock: clock, Model: "x : 1"})
	tgt := mustGroup(t, GroupConfig{Name: "tgt", N: 2, Clock: clock, Model: "total : 1\nn_in : 1"})
	s := mustSynapses(t, SynapsesConfig{Name: "s", Source: Whole(src), Target: Whole(tgt), Clock: clock,
		Model: "w : 1\ntotal_post = w*x_pre : 1 (summed)"})
	if err := s.Connect(ConnectArgs{P: 1, N: 1}, constants(nil)); err != nil {
		t.Fatal(err)
	}
	if err := s.ExecCode("w = i + 10*j", constants(nil), nil); err != nil {
		t.Fatal(err)
	}
	x, _ := src.Var("x")
	copy(x.Data, []float64{1, 2, 3})
	if err := s.ExecCode("n_in_post = N_incoming", constants(nil), nil); err != nil {
		t.Fatal(err)
	}
	net, _ := NewNetwork("net", src, tgt, s)
	if err := net.Run(1e-4, RunOptions{Namespace: constants(nil)}); err != nil {
		t.Fatal(err)
	}
	total, _ := tgt.Var("total")
	nin, _ := tgt.Var("n_in")
	// target 0: w = 0,1,2 times x = 1,2,3; target 1: w = 10,11,12
	if !reflect.DeepEqual(total.Data, []float64{0*1 + 1*2 + 2*3, 10*1 + 11*2 + 12*3}) || !reflect.DeepEqual(nin.Data, []float64{3, 3}) {
		t.Errorf("total = %v, N_incoming = %v", total.Data, nin.Data)
	}
	s2 := mustSynapses(t, SynapsesConfig{Name: "s2", Source: Whole(src), Target: Whole(tgt), Clock: clock,
		Model: "total_post = 1 : 1 (summed)"})
	s2.Connect(ConnectArgs{P: 1, N: 1}, constants(nil))
	net.Add(s2)
	if err := net.Run(1e-4, RunOptions{Namespace: constants(nil)}); err == nil {
		t.Error("two summed variables writing 'total': no error")
	}
}

// TestSampleRate checks the number of synapses of a random connect.
func TestSampleRate(t *testing.T) {
	clock := NewClock("defaultclock", 1e-4)
	g := mustGroup(t, GroupConfig{Name: "g", N: 2000, Clock: clock, Model: "v : 1"})
	s := mustSynapses(t, SynapsesConfig{Name: "s", Source: Whole(g), Target: Whole(g), Clock: clock})
	if err := s.Connect(ConnectArgs{Condition: "i < 1000", P: 0.02, N: 1}, constants(nil)); err != nil {
		t.Fatal(err)
	}
	n := float64(len(s.I))
	// mean 40000, sd 198
	if math.Abs(n-40000) > 1000 {
		t.Errorf("%v synapses, want about 40000", n)
	}
	for _, i := range s.I {
		if i >= 1000 {
			t.Fatalf("synapse from %d", i)
		}
	}
}
