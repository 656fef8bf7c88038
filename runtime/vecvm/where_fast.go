package vecvm

import (
	"math/bits"

	"github.com/sim-lang/sim/compiler/vector"
)

// whereCompare recognises a Where program that is one comparison of a
// per-element value with a uniform one writing the output (a threshold
// such as `v > vt`), so that chunk can test and collect in one pass.
// It returns the comparison, the element operand's register, the
// uniform's register and whether the uniform is on the left.
func whereCompare(code *vector.Code) (op vector.Opcode, arr, uni int32, swapped, ok bool) {
	if len(code.Instrs) != 1 {
		return 0, 0, 0, false, false
	}
	in := &code.Instrs[0]
	switch in.Op {
	case vector.OpLt, vector.OpGt, vector.OpLe, vector.OpGe:
	default:
		return 0, 0, 0, false, false
	}
	out := int(in.Dst) - code.NumRegs
	if in.N != 2 || out < 0 || out >= len(code.Bind) || code.Bind[out] >= 0 {
		return 0, 0, 0, false, false
	}
	switch in.Mode & 3 {
	case 2: // element op uniform
		return in.Op, in.Args[0], in.Args[1], false, true
	case 1: // uniform op element
		return in.Op, in.Args[1], in.Args[0], true, true
	}
	return 0, 0, 0, false, false
}

// collectCompare appends start+i for every element x of xs (the block
// starting at start) for which x op c holds (c op x when swapped),
// without a branch per element. NaN compares false, as in the kernels.
func (w *worker) collectCompare(op vector.Opcode, xs []float64, c float64, swapped bool, start int) {
	if swapped {
		// c < x is x > c, and so on
		switch op {
		case vector.OpLt:
			op = vector.OpGt
		case vector.OpGt:
			op = vector.OpLt
		case vector.OpLe:
			op = vector.OpGe
		case vector.OpGe:
			op = vector.OpLe
		}
	}
	n := len(w.hits)
	if cap(w.hits) < n+len(xs) {
		w.hits = append(w.hits[:n], make([]int32, len(xs))...)[:n]
	}
	h := w.hits[n : n+len(xs)]
	k := 0
	// vector loop: one bit per element, then only the rare hits
	if need := len(xs) / 16; cap(w.masks) < need {
		w.masks = make([]uint16, need)
	}
	done := compareMasks(op, xs, c, w.masks[:len(xs)/16])
	for b, m := range w.masks[:done/16] {
		for m != 0 {
			h[k] = int32(start + 16*b + bits.TrailingZeros16(m))
			k++
			m &= m - 1
		}
	}
	if done > 0 {
		xs = xs[done:]
		h = h[k:]
		start += done
		n += k
		k = 0
	}
	switch op {
	case vector.OpGt:
		for i, x := range xs {
			h[k] = int32(start + i)
			if x > c {
				k++
			}
		}
	case vector.OpLt:
		for i, x := range xs {
			h[k] = int32(start + i)
			if x < c {
				k++
			}
		}
	case vector.OpGe:
		for i, x := range xs {
			h[k] = int32(start + i)
			if x >= c {
				k++
			}
		}
	case vector.OpLe:
		for i, x := range xs {
			h[k] = int32(start + i)
			if x <= c {
				k++
			}
		}
	}
	w.hits = w.hits[:n+k]
}

// AllFinite reports whether xs holds no NaN or Inf (the engine's check of
// state variables after each step).
func AllFinite(xs []float64) bool {
	ok, done := finitePrefix(xs)
	if !ok {
		return false
	}
	var a float64
	for _, x := range xs[done:] {
		a += x * 0
	}
	return a == 0
}
