package engine

import (
	"math"
	"strings"
)

// timestepBound returns the smallest z with Timestep's rounding
// int64(z/dt) >= ref, so that Timestep(x, dt) >= ref is exactly
// x + 1e-3*dt >= z (the sum rounded as Timestep rounds it): correctly
// rounded division is monotone, and for ref >= 1 truncation keeps
// int64(w) >= ref equivalent to w >= ref. ok is false when ref < 1 or
// dt is not a positive finite number (callers use Timestep then).
func timestepBound(ref int64, dt float64) (z float64, ok bool) {
	if ref < 1 || ref > 1<<52 || !(dt > 0) || math.IsInf(dt, 0) {
		return 0, false
	}
	r := float64(ref)
	reaches := func(z float64) bool { return z/dt >= r }
	z = r * dt
	for k := 0; reaches(z); k++ {
		if k > 64 {
			return 0, false
		}
		z = math.Nextafter(z, math.Inf(-1))
	}
	for k := 0; !reaches(z); k++ {
		if k > 64 {
			return 0, false
		}
		z = math.Nextafter(z, math.Inf(1))
	}
	return z, true
}

// notRefractory sets nr[k] to 1 where Timestep(t - ls[k], dt) reaches
// the refractory period and to 0 elsewhere, given e = 1e-3*dt and the
// bound z0 of timestepBound: (t - ls[k]) + e >= z0. It has no branch and
// no division: (a - z0) is +0 or positive exactly when a >= z0, so the
// sign bit of the difference is the answer (NaN gives its sign bit).
func notRefractory(nr, ls []float64, t, e, z0 float64) {
	ls = ls[:len(nr)]
	for k, l := range ls {
		nr[k] = float64(1 - math.Float64bits(t-l+e-z0)>>63)
	}
}

// updateRefractoryPeriod recomputes not_refractory for a refractory
// period (see notRefractory). When the group's refractory state is only
// written by its own state updater and thresholder (refTrackable), a
// neuron that is not refractory stays so until its next spike, since
// t - lastspike only grows: after one full pass, only the neurons in
// refList (refractory ones, and those the thresholder adds) need to be
// recomputed, which makes the step's cost independent of N.
func (g *NeuronGroup) updateRefractoryPeriod(nr, ls []float64, t, e, z0 float64) {
	if !g.refTrack {
		notRefractory(nr, ls, t, e, z0)
		if !g.refTrackable {
			return
		}
		g.refList = g.refList[:0]
		for k, x := range nr {
			if x == 0 {
				g.refList = append(g.refList, int32(k))
			}
		}
		g.refTrack = true
		return
	}
	kept := g.refList[:0]
	for _, k := range g.refList {
		x := float64(1 - math.Float64bits(t-ls[k]+e-z0)>>63)
		nr[k] = x
		if x == 0 {
			kept = append(kept, k)
		}
	}
	g.refList = kept
}

// trackRefractory decides, after every object of a run is prepared,
// which groups may skip non-refractory neurons in updateRefractory: those
// whose lastspike and not_refractory no code writes except their own
// state updater and thresholder. The test is conservative: any mention
// of these names in other code of the group or of synapses touching it
// counts as a write, and unknown kinds of objects are assumed to write.
func trackRefractory(objs []Object) {
	for _, o := range objs {
		g, ok := o.(*NeuronGroup)
		if !ok || g.refractory.Kind != RefractoryPeriod {
			continue
		}
		g.refTrackable = !g.ownCodeMentionsRefractory()
		for _, x := range objs {
			if g.refTrackable && x != o && mayWriteGroup(x, g) {
				g.refTrackable = false
			}
		}
	}
}

func mentionsRefractory(code string) bool {
	return strings.Contains(code, "lastspike") || strings.Contains(code, "not_refractory")
}

// ownCodeMentionsRefractory reports whether the group's event code
// (resets, run_on_event) or run_regularly code mentions lastspike or
// not_refractory.
func (g *NeuronGroup) ownCodeMentionsRefractory() bool {
	for _, e := range g.events {
		if mentionsRefractory(e.code) {
			return true
		}
	}
	for _, r := range g.regular {
		if mentionsRefractory(r.Code) {
			return true
		}
	}
	return false
}

// mayWriteGroup reports whether o's code may write g's lastspike or
// not_refractory (conservatively).
func mayWriteGroup(o Object, g *NeuronGroup) bool {
	switch o := o.(type) {
	case *NeuronGroup, *EventMonitor, *StateMonitor, *PopulationRateMonitor:
		return false
	case *Synapses:
		if o.Source.G != g && o.Target.G != g {
			return false
		}
		if o.Eqs != nil && mentionsRefractory(o.Eqs.Src) {
			return true
		}
		for _, p := range o.pathways {
			if mentionsRefractory(p.Code) {
				return true
			}
		}
		return false
	}
	return true
}
