package engine

import "math"

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
