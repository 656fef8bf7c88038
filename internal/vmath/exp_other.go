//go:build !amd64 || purego

package vmath

// hasAsm reports whether the assembly kernel is in use.
const hasAsm = false

func expSlice(dst, src []float64) {
	for i, x := range src {
		dst[i] = exp1(x)
	}
}
