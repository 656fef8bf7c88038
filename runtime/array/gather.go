package array

// walkRows calls f once per innermost row of a strided layout: the row
// starts at off and holds n elements stride apart. Loops over a row then
// run without a call per element, which is what makes strided views (a
// column of a matrix, loadtxt's unpacked columns) cost about what
// contiguous ones do.
func walkRows(shape, strides []int, offset int, f func(off, stride, n int)) {
	nd := len(shape)
	if prod(shape) == 0 {
		return
	}
	if nd == 0 {
		f(offset, 1, 1)
		return
	}
	last := nd - 1
	n, st := shape[last], strides[last]
	if nd == 1 {
		f(offset, st, n)
		return
	}
	idx := make([]int, nd)
	off := offset
	for {
		f(off, st, n)
		d := last - 1
		for ; d >= 0; d-- {
			idx[d]++
			off += strides[d]
			if idx[d] < shape[d] {
				break
			}
			off -= strides[d] * shape[d]
			idx[d] = 0
		}
		if d < 0 {
			return
		}
	}
}

// gatherInto copies the elements of the strided layout (shape, strides,
// offset) over src into dst in row-major order; dst must have room for
// all of them.
func gatherInto[T any](dst, src []T, shape, strides []int, offset int) {
	k := 0
	walkRows(shape, strides, offset, func(off, stride, n int) {
		row := dst[k : k+n]
		for j := range row {
			row[j] = src[off]
			off += stride
		}
		k += n
	})
}
