package array

import "unsafe"

// Float buffers for results are allocated without clearing them when the
// caller writes every element, as numpy's np.empty does: clearing a
// fresh 8 MB result took about a third of a*b + c on 10^6 elements.
// (An earlier pool of buffers recycled by finalizers gained nothing more
// once clearing was skipped, and was removed.)

// mallocgc is the Go runtime's allocator. The runtime exports it for
// linkname use and promises to keep its signature (go.dev/issue/67401).
// With a nil type the memory holds no pointers; needzero false skips
// clearing it.
//
//go:linkname mallocgc runtime.mallocgc
func mallocgc(size uintptr, typ unsafe.Pointer, needzero bool) unsafe.Pointer

// newFloats returns a float64 slice of length n with unspecified
// contents: callers write every element before the slice escapes.
func newFloats(n int) []float64 {
	if n == 0 {
		return []float64{}
	}
	return unsafe.Slice((*float64)(mallocgc(uintptr(n)*8, nil, false)), n)
}
