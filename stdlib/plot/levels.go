package plot

import (
	"math"
)

// pyDivmod is Python's divmod for floats: the floor quotient and a
// remainder with the divisor's sign.
func pyDivmod(x, y float64) (div, mod float64) {
	mod = math.Mod(x, y)
	d := (x - mod) / y
	if mod != 0 {
		if (y < 0) != (mod < 0) {
			mod += y
			d--
		}
	} else {
		mod = math.Copysign(0, y)
	}
	if d != 0 {
		div = math.Floor(d)
		if d-div > 0.5 {
			div++
		}
	} else {
		div = math.Copysign(0, x/y)
	}
	return div, mod
}

// pyFloorDiv is Python's x // y for floats.
func pyFloorDiv(x, y float64) float64 {
	d, _ := pyDivmod(x, y)
	return d
}

// nonsingular widens an empty or tiny range as matplotlib's
// transforms.nonsingular does, returning it in increasing order.
func nonsingular(vmin, vmax, expander, tiny float64) (float64, float64) {
	if math.IsNaN(vmin) || math.IsNaN(vmax) || math.IsInf(vmin, 0) || math.IsInf(vmax, 0) {
		return -expander, expander
	}
	if vmax < vmin {
		vmin, vmax = vmax, vmin
	}
	maxabs := math.Max(math.Abs(vmin), math.Abs(vmax))
	switch {
	case maxabs < (1e6/tiny)*2.2250738585072014e-308:
		vmin, vmax = -expander, expander
	case vmax-vmin <= maxabs*tiny:
		if vmax == 0 && vmin == 0 {
			vmin, vmax = -expander, expander
		} else {
			vmin -= expander * math.Abs(vmin)
			vmax += expander * math.Abs(vmax)
		}
	}
	return vmin, vmax
}

// maxNSteps are MaxNLocator's default steps (1, 1.5, 2, 2.5, 3, 4, 5, 6,
// 8, 10) extended a decade down and one step up (its "staircase"), with
// the same float products as numpy's.
var maxNSteps = func() []float64 {
	steps := []float64{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}
	var out []float64
	for _, s := range steps[:len(steps)-1] {
		out = append(out, 0.1*s)
	}
	return append(append(out, steps...), 10*steps[1])
}()

// edgeClose is MaxNLocator's tolerance test for a remainder near an edge.
func edgeClose(ms, edge, step, offset float64) bool {
	tol := 1e-10
	if offset != 0 {
		tol = math.Min(0.4999, math.Max(1e-10, math.Pow(10, math.Log10(math.Abs(offset)/step)-12)))
	}
	return math.Abs(ms-edge) < tol
}

// maxNLocator returns the tick values of matplotlib's MaxNLocator(nbins,
// min_n_ticks=minTicks) over vmin..vmax: multiples of 1, 2, 2.5 or 5
// times a power of ten, at most nbins+1 of them, spanning the range.
func maxNLocator(vmin, vmax float64, nbins, minTicks int) []float64 {
	vmin, vmax = nonsingular(vmin, vmax, 1e-13, 1e-14)
	// scale_range
	dv := math.Abs(vmax - vmin)
	meanv := (vmax + vmin) / 2
	offset := 0.0
	if math.Abs(meanv)/dv >= 100 {
		offset = math.Copysign(math.Pow(10, pyFloorDiv(math.Log10(math.Abs(meanv)), 1)), meanv)
	}
	scale := math.Pow(10, pyFloorDiv(math.Log10(dv/float64(nbins)), 1))
	lo, hi := vmin-offset, vmax-offset
	raw := (hi - lo) / float64(nbins)
	istep := len(maxNSteps) - 1
	for k, s := range maxNSteps {
		if s*scale >= raw {
			istep = k
			break
		}
	}
	var ticks []float64
	for ; istep >= 0; istep-- {
		step := maxNSteps[istep] * scale
		best := pyFloorDiv(lo, step) * step
		d, m := pyDivmod(lo-best, step)
		low := d
		if edgeClose(m/step, 1, step, offset) {
			low = d + 1
		}
		d, m = pyDivmod(hi-best, step)
		high := d + 1
		if edgeClose(m/step, 0, step, offset) {
			high = d
		}
		ticks = ticks[:0]
		n := 0
		for k := low; k < high+1; k++ {
			t := k*step + best
			ticks = append(ticks, t)
			if t <= hi && t >= lo {
				n++
			}
		}
		if n >= minTicks {
			break
		}
	}
	out := make([]float64, len(ticks))
	for k, t := range ticks {
		out[k] = t + offset
	}
	return out
}

// autoLevels returns the levels contour() and contourf() choose for
// levels=n over data zmin..zmax: MaxNLocator(n+1) ticks with the excess
// below and above trimmed to one level outside the data on each side, as
// matplotlib's ContourSet._autolev does (extend 'neither').
func autoLevels(zmin, zmax float64, n int) []float64 {
	lev := maxNLocator(zmin, zmax, n+1, 1)
	i0, i1 := 0, len(lev)
	for k, v := range lev {
		if v < zmin {
			i0 = k
		}
	}
	for k, v := range lev {
		if v > zmax {
			i1 = k + 1
			break
		}
	}
	if i1-i0 < 3 {
		i0, i1 = 0, len(lev)
	}
	return lev[i0:i1]
}
