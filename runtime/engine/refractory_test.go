package engine

import (
	"math"
	"math/rand"
	"testing"
)

// TestNotRefractoryMatchesTimestep checks the division-free refractory
// test against Timestep on times around every boundary.
func TestNotRefractoryMatchesTimestep(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, dt := range []float64{1e-4, 0.1e-3, 5e-5, 1e-3 / 3, 0.01, 2.5e-4} {
		for _, period := range []float64{dt, 2 * dt, 3e-3, 5e-3, 2.95e-3, 0.1, 1.5 * dt} {
			ref := Timestep(period, dt)
			if ref < 1 {
				continue
			}
			z0, ok := timestepBound(ref, dt)
			if !ok {
				t.Fatalf("no bound for ref %d, dt %g", ref, dt)
			}
			var ls, nr []float64
			tNow := 0.25
			for k := int64(-3); k <= 3; k++ {
				// lastspike on the grid near the boundary, and off it
				b := tNow - float64(ref+k)*dt
				for _, x := range []float64{b, math.Nextafter(b, 0), math.Nextafter(b, 1), b + dt*rng.Float64()} {
					ls = append(ls, x)
				}
			}
			ls = append(ls, -1e4, tNow)
			nr = make([]float64, len(ls))
			notRefractory(nr, ls, tNow, 1e-3*dt, z0)
			for k, l := range ls {
				if want := b2f(Timestep(tNow-l, dt) >= ref); nr[k] != want {
					t.Fatalf("dt %g, period %g, lastspike %v: got %v, want %v", dt, period, l, nr[k], want)
				}
			}
		}
	}
	if _, ok := timestepBound(0, 1e-4); ok {
		t.Errorf("a zero refractory period has no bound")
	}
}

// TestAllFinite checks the NaN/Inf scan at every position and length.
func TestAllFinite(t *testing.T) {
	for n := 0; n < 20; n++ {
		xs := make([]float64, n)
		for k := range xs {
			xs[k] = float64(k) - 3.5
		}
		if !allFinite(xs) {
			t.Fatalf("length %d: finite values reported as not finite", n)
		}
		for k := range xs {
			for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
				old := xs[k]
				xs[k] = bad
				if allFinite(xs) {
					t.Fatalf("length %d: %v at %d not found", n, bad, k)
				}
				xs[k] = old
			}
		}
	}
}

// TestRefractoryTracking checks that skipping non-refractory neurons
// gives the same spikes as recomputing every neuron at every step, and
// that code mentioning lastspike turns the shortcut off.
func TestRefractoryTracking(t *testing.T) {
	run := func(regular string) (*NeuronGroup, *EventMonitor) {
		net, m, ns := uncoupledLIF(t)
		g := m.Src.G
		if regular != "" {
			if _, err := g.RunRegularly(regular, nil, "", 0, ""); err != nil {
				t.Fatal(err)
			}
		}
		// two runs: tracking restarts with a full pass at each
		for k := 0; k < 2; k++ {
			if err := net.Run(0.06, RunOptions{Namespace: ns}); err != nil {
				t.Fatal(err)
			}
		}
		return g, m
	}
	g1, m1 := run("")
	if !g1.refTrackable {
		t.Fatalf("the plain group should track its refractory neurons")
	}
	g2, m2 := run("v = v + 0*(t - lastspike)")
	if g2.refTrackable {
		t.Fatalf("code mentioning lastspike must turn tracking off")
	}
	if m1.Total == 0 || m1.Total != m2.Total || len(m1.I) != len(m2.I) {
		t.Fatalf("spike counts differ: %d vs %d", m1.Total, m2.Total)
	}
	for k := range m1.I {
		if m1.I[k] != m2.I[k] || m1.T[k] != m2.T[k] {
			t.Fatalf("spike %d differs: %d at %g vs %d at %g", k, m1.I[k], m1.T[k], m2.I[k], m2.T[k])
		}
	}
	nr1, nr2 := g1.vars["not_refractory"].Data, g2.vars["not_refractory"].Data
	for k := range nr1 {
		if nr1[k] != nr2[k] {
			t.Fatalf("not_refractory of neuron %d differs", k)
		}
	}
}
