package array

import (
	"runtime"
	"sync"
	"unsafe"
)

// Large float buffers are recycled: each one gets a finalizer on its
// first element, which runs only when nothing at all refers to the
// allocation any more (no array, view or slice handed out by Float64s),
// and puts the memory back into a small pool. Reusing warm memory instead
// of allocating and zeroing fresh pages makes large elementwise
// operations about twice as fast, which is where numpy's allocator cache
// gives it its edge.

const (
	poolMinLen  = 1 << 11 // elements; smaller buffers use plain make
	poolPerSize = 32
	poolMaxSize = 64 << 20 // bytes kept in the pool at most
)

var floatPool = struct {
	sync.Mutex
	free  map[int][][]float64
	bytes int
}{free: map[int][][]float64{}}

// newFloats returns a float64 slice of length n whose contents are
// unspecified unless zero is set (callers that write every element pass
// false).
func newFloats(n int, zero bool) []float64 {
	if n < poolMinLen {
		return make([]float64, n)
	}
	floatPool.Lock()
	list := floatPool.free[n]
	var b []float64
	if len(list) > 0 {
		b = list[len(list)-1]
		floatPool.free[n] = list[:len(list)-1]
		floatPool.bytes -= 8 * n
	}
	floatPool.Unlock()
	if b == nil {
		b = make([]float64, n)
	} else if zero {
		clear(b)
	}
	runtime.SetFinalizer(&b[0], func(p *float64) { recycleFloats(p, n) })
	return b
}

// recycleFloats is the finalizer of a pooled buffer's first element: the
// buffer of length n starting at p is unreachable and goes to the pool.
func recycleFloats(p *float64, n int) {
	b := unsafe.Slice(p, n)
	floatPool.Lock()
	defer floatPool.Unlock()
	if len(floatPool.free[n]) >= poolPerSize || floatPool.bytes+8*n > poolMaxSize {
		return
	}
	floatPool.free[n] = append(floatPool.free[n], b)
	floatPool.bytes += 8 * n
}
