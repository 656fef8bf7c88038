package vector

import "math"

// This file holds the element functions that have no single Go operator:
// Python's floor division and modulo, exprel, sign, clip and Brian2's
// timestep. They are small enough to be inlined into the kernels.

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func sel(c, a, b float64) float64 {
	if c != 0 {
		return a
	}
	return b
}

// FloorDiv is Python's (and numpy's) float floor division a // b; division
// by zero gives a/b (±Inf or NaN) as numpy does.
func FloorDiv(a, b float64) float64 {
	if b == 0 {
		return a / b
	}
	mod := math.Mod(a, b)
	div := (a - mod) / b
	if mod != 0 && (b < 0) != (mod < 0) {
		div--
	}
	if div == 0 {
		return math.Copysign(0, a/b)
	}
	f := math.Floor(div)
	if div-f > 0.5 {
		f++
	}
	return f
}

// Mod is Python's (and numpy's) float modulo: the result has the sign of
// b; modulo by zero gives NaN.
func Mod(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	mod := math.Mod(a, b)
	if mod != 0 {
		if (b < 0) != (mod < 0) {
			mod += b
		}
	} else {
		mod = math.Copysign(0, b)
	}
	return mod
}

// Exprel is (exp(x) - 1)/x, 1 at x == 0, computed without cancellation.
func Exprel(x float64) float64 {
	if math.Abs(x) < 1e-16 {
		return 1
	}
	if x > 717 {
		return math.Inf(1)
	}
	return math.Expm1(x) / x
}

// Sign is numpy's sign: -1, 0 or 1, NaN for NaN.
func Sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x // 0, -0 or NaN
}

// Clip is numpy's clip(x, lo, hi) = minimum(maximum(x, lo), hi).
func Clip(x, lo, hi float64) float64 {
	if x < lo {
		x = lo
	}
	if x > hi {
		x = hi
	}
	return x
}

// Timestep is Brian2's timestep(t, dt): the integer step containing t,
// robust to rounding, int((t + 1e-3*dt)/dt).
func Timestep(t, dt float64) float64 {
	return math.Trunc((t + float64(1e-3*dt)) / dt)
}
