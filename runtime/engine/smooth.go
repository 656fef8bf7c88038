package engine

import (
	"fmt"
	"math"
)

// SmoothRate smooths a rate recorded every dt seconds with Brian2's
// windows: "gaussian" (standard deviation width, truncated at two widths
// on each side) or "flat" (width rounded to an odd number of steps), by a
// normalised convolution of numpy's "same" mode.
func SmoothRate(rate []float64, dt float64, window string, width float64) ([]float64, error) {
	if !(width > 0) {
		return nil, fmt.Errorf("smooth_rate needs a positive width, got %g s", width)
	}
	var w []float64
	switch window {
	case "gaussian":
		wdt := int(math.RoundToEven(2 * width / dt))
		s := width / dt
		for k := -wdt; k <= wdt; k++ {
			w = append(w, math.Exp(-float64(k*k)/(2*s*s)))
		}
	case "flat":
		n := int(math.RoundToEven(width/(2*dt)))*2 + 1
		for k := 0; k < n; k++ {
			w = append(w, 1)
		}
	default:
		return nil, fmt.Errorf("unknown window '%s' (use 'gaussian' or 'flat', or give the window's values)", window)
	}
	return Convolve(rate, w)
}

// Convolve convolves x with the window w (odd length, normalised to sum
// 1), returning max(len(x), len(w)) values centred as numpy's
// convolve(x, w, mode='same').
func Convolve(x, w []float64) ([]float64, error) {
	if len(w)%2 != 1 {
		return nil, fmt.Errorf("the window has to have an odd number of values, got %d", len(w))
	}
	sum := 0.0
	for _, v := range w {
		sum += v
	}
	if sum == 0 {
		return nil, fmt.Errorf("the window's values sum to zero")
	}
	n, m := len(x), len(w)
	outLen := max(n, m)
	// full convolution has n+m-1 values; 'same' keeps the centre.
	off := (n + m - 1 - outLen) / 2
	out := make([]float64, outLen)
	for k := range out {
		full := k + off
		acc := 0.0
		for j := 0; j < m; j++ {
			xi := full - j
			if xi >= 0 && xi < n {
				acc += x[xi] * w[j]
			}
		}
		out[k] = acc / sum
	}
	return out, nil
}
