package ml

import "math"

// Elementwise loops of the logistic loss, with AVX2 bodies for the
// multiple-of-8 (or 4) prefix and Go for the rest (useKernel off: Go only).

// addMinMax adds b to every x[i] and returns the minimum and maximum of
// the results, folded into lo and hi.
func addMinMax(x []float64, b, lo, hi float64) (float64, float64) {
	i := 0
	if haveVec && useKernel && len(x) >= 8 {
		i = len(x) &^ 7
		lohi := [2]float64{lo, hi}
		addMinMax8(&x[0], i, b, &lohi)
		lo, hi = lohi[0], lohi[1]
	}
	for ; i < len(x); i++ {
		v := x[i] + b
		x[i] = v
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

// addTo adds src to dst elementwise.
func addTo(dst, src []float64) {
	dst = dst[:len(src)]
	i := 0
	if haveVec && useKernel && len(src) >= 4 {
		i = len(src) &^ 3
		addTo4(&dst[0], &src[0], i)
	}
	for ; i < len(src); i++ {
		dst[i] += src[i]
	}
}

// scaleSum multiplies x by s elementwise and returns the sum of the
// results.
func scaleSum(x, s []float64) float64 {
	s = s[:len(x)]
	i, t := 0, 0.0
	if haveVec && useKernel && len(x) >= 8 {
		i = len(x) &^ 7
		t = scaleSum8(&x[0], &s[0], i)
	}
	for ; i < len(x); i++ {
		x[i] *= s[i]
		t += x[i]
	}
	return t
}

// biasRelu sets x[i] = relu(x[i] + b[i]), relu(v) = (v + |v|)·0.5 (the
// form activate uses).
func biasRelu(x, b []float64) {
	b = b[:len(x)]
	i := 0
	if haveVec && useKernel && len(x) >= 4 {
		i = len(x) &^ 3
		biasRelu4(&x[0], &b[0], i)
	}
	for ; i < len(x); i++ {
		v := x[i] + b[i]
		x[i] = (v + math.Abs(v)) * 0.5
	}
}
