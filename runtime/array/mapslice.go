package array

import "github.com/sim-lang/sim/units"

// MapFloatSlice is MapFloat with a whole-slice kernel: f(dst, src) must
// store the function of src[k] in dst[k] for every k, and must allow dst
// to be src. The result is a new float64 array of a's shape with
// dimension dim. Vectorised kernels (internal/vmath) go through here.
func MapFloatSlice(a *Array, f func(dst, src []float64), dim units.Dim) *Array {
	src := a.AsTypeView(Float)
	n := src.Size()
	out := newFloats(n)
	if src.contiguous() {
		f(out, src.f[src.offset:src.offset+n])
	} else {
		gatherInto(out, src.f, src.shape, src.strides, src.offset)
		f(out, out)
	}
	return New(src.shape, out, dim)
}

// negSlice stores -src[k] in dst[k] (a plain loop: no call per element).
func negSlice(dst, src []float64) {
	dst = dst[:len(src)]
	for k, x := range src {
		dst[k] = -x
	}
}

// MapFloatInPlace is MapFloatSlice storing into a's own storage, for an
// array that nothing else refers to (a temporary, see runtime.Thread's
// TempArg): when a is a contiguous float64 array it applies f to its
// elements, gives it dimension dim and reports true; otherwise it does
// nothing and reports false.
func MapFloatInPlace(a *Array, f func(dst, src []float64), dim units.Dim) bool {
	if a.dtype != Float || !a.contiguous() {
		return false
	}
	s := a.f[a.offset : a.offset+a.Size()]
	f(s, s)
	a.dim = dim
	return true
}
