package vecvm

import (
	"fmt"
	"math"
	"sync"

	"github.com/sim-lang/sim/compiler/vector"
)

// worker runs block code over one range of elements; its buffers are
// pooled so that steady-state runs do not allocate.
type worker struct {
	p     *vector.Program
	code  *vector.Code
	ctx   *Context
	bs    int
	ridx  []int32 // listed elements (RunIndices), nil for ranges
	out   []float64
	where bool
	hits  []int32
	masks []uint16 // comparison bit masks of a block (collectCompare)
	// written lists the arrays the code writes when ctx.CheckFinite asks
	// for the finite check; nonFinite records a NaN or Inf among them.
	written   []int32
	nonFinite bool
	// dstWritten[k] is the index in written of the array instruction k
	// writes (-1: none); checked[j] says the block's final values of
	// written[j] were checked by the kernel that wrote them.
	dstWritten []int
	checked    []bool
	one        [1][]int32 // hits as the single chunk of a one-thread Where (no allocation)
	u, ubuf    []float64  // uniform registers (u may be shared, read-only)
	scratch    []float64
	regs       [][]float64
	keys       []uint64 // random call-site keys
	args       [][]float64
	cond       []float64
	// splat holds one block per Code.Splats entry (uniform operands of
	// wide instructions), filled once per run; may be shared, read-only.
	splat, splatBuf [][]float64
	splatLen        []int // elements of splatBuf[k] holding its value
	wide            [][]float64
}

var pool = sync.Pool{New: func() any { return new(worker) }}

func getWorker(p *vector.Program, code *vector.Code, ctx *Context, bs int, ridx []int32, out []float64, where bool) *worker {
	w := pool.Get().(*worker)
	w.p, w.code, w.ctx, w.bs, w.ridx, w.out, w.where = p, code, ctx, bs, ridx, out, where
	w.hits = w.hits[:0]
	w.nonFinite = false
	w.written = w.written[:0]
	if ctx.CheckFinite && ridx == nil {
		w.written = WrittenSlots(code, w.written)
		w.dstWritten = w.dstWritten[:0]
		for k := range code.Instrs {
			w.dstWritten = append(w.dstWritten, writtenIndex(code, &code.Instrs[k], w.written))
		}
		if cap(w.checked) < len(w.written) {
			w.checked = make([]bool, len(w.written))
		}
		w.checked = w.checked[:len(w.written)]
	}
	if need := code.NumRegs * bs; cap(w.scratch) < need {
		w.scratch = make([]float64, need)
	}
	nr := code.NumRegs + len(code.Bind)
	if cap(w.regs) < nr {
		w.regs = make([][]float64, nr)
	}
	w.regs = w.regs[:nr]
	for r := 0; r < code.NumRegs; r++ {
		w.regs[r] = w.scratch[r*bs : (r+1)*bs]
	}
	if where && cap(w.cond) < bs {
		w.cond = make([]float64, bs)
	}
	if cap(w.keys) < p.NumSites {
		w.keys = make([]uint64, p.NumSites)
	}
	w.keys = w.keys[:p.NumSites]
	for s := range w.keys {
		w.keys[s] = siteKey(ctx.Seed, ctx.Step, int32(s))
	}
	return w
}

func putWorker(w *worker) {
	w.p, w.code, w.ctx, w.ridx, w.out, w.u, w.splat = nil, nil, nil, nil, nil, nil, nil
	w.one[0] = nil
	for i := range w.regs {
		w.regs[i] = nil
	}
	pool.Put(w)
}

// prologue computes the uniform registers.
func (w *worker) prologue(p *vector.Program) (err error) {
	defer catch(&err)
	if cap(w.ubuf) < len(p.Uniform) {
		w.ubuf = make([]float64, len(p.Uniform))
	}
	u := w.ubuf[:len(p.Uniform)]
	copy(u, p.Uniform)
	for _, in := range p.Prologue {
		switch in.Op {
		case vector.OpScalar:
			u[in.Dst] = w.ctx.Scalars[in.Slot]
		case vector.OpCall:
			args := w.argSlices(int(in.N))
			for j := range args {
				args[j] = u[in.Args[j] : in.Args[j]+1]
			}
			if err := w.p.Funcs[in.Slot].Eval(args, u[in.Dst:in.Dst+1]); err != nil {
				return err
			}
		default:
			var x [vector.MaxArgs]float64
			for j := 0; j < int(in.N); j++ {
				x[j] = u[in.Args[j]]
			}
			u[in.Dst] = in.Op.Eval(x[:in.N])
		}
	}
	w.u = u
	// Splat blocks for wide instructions.
	sp := w.code.Splats
	for len(w.splatBuf) < len(sp) {
		w.splatBuf = append(w.splatBuf, nil)
	}
	w.splat = w.splatBuf[:len(sp)]
	for len(w.splatLen) < len(sp) {
		w.splatLen = append(w.splatLen, 0)
	}
	for k, r := range sp {
		if cap(w.splat[k]) < w.bs {
			w.splat[k] = make([]float64, w.bs)
			w.splatLen[k] = 0
		}
		w.splat[k] = w.splat[k][:w.bs]
		v := u[r]
		// a block filled before with the same value is kept (constants
		// are the same every step)
		if w.splatLen[k] >= w.bs && math.Float64bits(w.splat[k][0]) == math.Float64bits(v) {
			continue
		}
		for i := range w.splat[k] {
			w.splat[k][i] = v
		}
		w.splatLen[k] = w.bs
	}
	if cap(w.wide) < vector.MaxArgs {
		w.wide = make([][]float64, vector.MaxArgs)
	}
	return nil
}

func (w *worker) argSlices(n int) [][]float64 {
	if cap(w.args) < n {
		w.args = make([][]float64, n)
	}
	return w.args[:n]
}

// catch turns a runtime panic (an index out of range in user-provided
// index arrays, say) into an error.
func catch(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("vecvm: %v", r)
	}
}

// chunk runs the block code over elements (or list positions) lo..hi-1.
func (w *worker) chunk(lo, hi int) (err error) {
	defer catch(&err)
	code, regs, nr := w.code, w.regs, w.code.NumRegs
	// a plain comparison threshold tests and collects in one pass
	cmpOp, cmpArr, cmpUni, cmpSwapped, fast := whereCompare(code)
	fast = fast && w.where && w.ridx == nil
	for start := lo; start < hi; start += w.bs {
		m := min(w.bs, hi-start)
		for j, slot := range code.Bind {
			if slot < 0 {
				if w.where {
					regs[nr+j] = w.cond[:m]
				} else {
					regs[nr+j] = w.out[start : start+m]
				}
			} else {
				regs[nr+j] = w.ctx.Arrays[slot][start : start+m]
			}
		}
		if fast {
			w.collectCompare(cmpOp, regs[cmpArr][:m], w.u[cmpUni], cmpSwapped, start)
			continue
		}
		checking := len(w.written) > 0
		if checking {
			clear(w.checked)
		}
		if err := w.block(start, m); err != nil {
			return err
		}
		if checking && !w.nonFinite {
			for j, slot := range w.written {
				if !w.checked[j] && !AllFinite(w.ctx.Arrays[slot][start:start+m]) {
					w.nonFinite = true
				}
			}
		}
		if w.where {
			w.collectHits(start, m)
		}
	}
	return nil
}

// collectHits appends start+i for every true (non-zero) cond[i], without
// a branch per element: each index is written, and the count advances
// only for hits (thresholds are mostly false, and unpredictable when not).
func (w *worker) collectHits(start, m int) {
	n := len(w.hits)
	if cap(w.hits) < n+m {
		w.hits = append(w.hits[:n], make([]int32, m)...)[:n]
	}
	h := w.hits[n : n+m]
	c := w.cond[:m]
	k := 0
	for i, v := range c {
		h[k] = int32(start + i)
		if v != 0 {
			k++
		}
	}
	w.hits = w.hits[:n+k]
}

// writtenIndex returns the index in written of the array that in writes
// (a store, or a result computed straight into the array), or -1.
func writtenIndex(code *vector.Code, in *vector.Instr, written []int32) int {
	slot := int32(-1)
	if in.Op == vector.OpStore {
		slot = in.Slot
	} else if r := int(in.Dst) - code.NumRegs; in.Op != vector.OpStoreIdx && in.Op != vector.OpAccIdx && in.Op != vector.OpStoreScalar && r >= 0 && r < len(code.Bind) {
		slot = code.Bind[r]
	}
	if slot < 0 {
		return -1
	}
	for j, s := range written {
		if s == slot {
			return j
		}
	}
	return -1
}
