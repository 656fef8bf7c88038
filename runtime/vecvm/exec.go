package vecvm

import (
	"fmt"

	"github.com/sim-lang/sim/compiler/vector"
)

// block runs every instruction over the m elements starting at start
// (element start+i, or list entry ridx[start+i]).
func (w *worker) block(start, m int) error {
	regs, u := w.regs, w.u
	var ridx []int32
	if w.ridx != nil {
		ridx = w.ridx[start : start+m]
	}
	for k := range w.code.Instrs {
		in := &w.code.Instrs[k]
		// operand j: a uniform register (element 0 of a slice) or a block.
		opnd := func(j int) []float64 {
			if in.Mode&(1<<j) != 0 {
				return u[in.Args[j] : in.Args[j]+1]
			}
			return regs[in.Args[j]]
		}
		if in.Op < vector.NumKernelOps && vector.OpTable[in.Op].Wide != nil {
			x := w.wide[:in.N]
			for j := range x {
				if in.Mode&(1<<j) != 0 {
					x[j] = w.splat[in.Args[j]][:m]
				} else {
					x[j] = regs[in.Args[j]][:m]
				}
			}
			if len(w.written) > 0 {
				if j := w.dstWritten[k]; j >= 0 {
					if f := vector.OpTable[in.Op].WideFinite; f != nil {
						if !f(regs[in.Dst][:m], x, in.Mode) {
							w.nonFinite = true
						}
						w.checked[j] = true
						continue
					}
					w.checked[j] = false
				}
			}
			vector.OpTable[in.Op].Wide(regs[in.Dst][:m], x, in.Mode)
			continue
		}
		if len(w.written) > 0 && w.dstWritten[k] >= 0 {
			w.checked[w.dstWritten[k]] = false
		}
		if in.Op < vector.NumKernelOps {
			var a, b, c, e []float64
			switch in.N {
			case 4:
				e = opnd(3)
				fallthrough
			case 3:
				c = opnd(2)
				fallthrough
			case 2:
				b = opnd(1)
				fallthrough
			case 1:
				a = opnd(0)
			}
			vector.OpTable[in.Op].Kernel(regs[in.Dst][:m], a, b, c, e, uint8(in.Mode))
			continue
		}
		switch in.Op {
		case vector.OpLoad: // gather through the list (RunIndices)
			d, arr := regs[in.Dst][:m], w.ctx.Arrays[in.Slot]
			for i, e := range ridx {
				d[i] = arr[e]
			}
		case vector.OpLoadIdx:
			d, arr, ind := regs[in.Dst][:m], w.ctx.Arrays[in.Slot], w.ctx.Indices[in.Index]
			if ridx != nil {
				for i, e := range ridx {
					d[i] = arr[ind[e]]
				}
			} else {
				ind = ind[start : start+m]
				for i, j := range ind {
					d[i] = arr[j]
				}
			}
		case vector.OpIndex:
			d := regs[in.Dst][:m]
			if ridx != nil {
				for i, e := range ridx {
					d[i] = float64(e) + in.Val
				}
			} else {
				for i := range d {
					d[i] = float64(start+i) + in.Val
				}
			}
		case vector.OpRand, vector.OpRandn, vector.OpPoisson:
			w.random(in, start, m, ridx)
		case vector.OpCall:
			args := w.argSlices(int(in.N))
			for j := range args {
				args[j] = opnd(j)
				if in.Mode&(1<<j) == 0 {
					args[j] = args[j][:m]
				}
			}
			if err := w.p.Funcs[in.Slot].Eval(args, regs[in.Dst][:m]); err != nil {
				return err
			}
		case vector.OpCopy:
			fill(regs[in.Dst][:m], opnd(0), in.Mode&1 != 0)
		case vector.OpStore:
			src, uni := opnd(0), in.Mode&1 != 0
			switch {
			case in.Slot < 0 && w.where:
				fill(w.cond[:m], src, uni)
			case in.Slot < 0 && ridx == nil:
				fill(w.out[start:start+m], src, uni)
			case in.Slot < 0:
				for i := range ridx {
					w.out[start+i] = pick(src, i, uni)
				}
			case ridx == nil:
				fill(w.ctx.Arrays[in.Slot][start:start+m], src, uni)
			default:
				arr := w.ctx.Arrays[in.Slot]
				for i, e := range ridx {
					arr[e] = pick(src, i, uni)
				}
			}
		case vector.OpStoreIdx, vector.OpAccIdx:
			w.scatter(in, opnd(0), start, m, ridx)
		default:
			return fmt.Errorf("vecvm: unknown instruction %v", in.Op)
		}
	}
	return nil
}

func pick(src []float64, i int, uni bool) float64 {
	if uni {
		return src[0]
	}
	return src[i]
}

// fill copies a block or broadcasts a uniform value.
func fill(d, src []float64, uni bool) {
	if uni {
		v := src[0]
		for i := range d {
			d[i] = v
		}
		return
	}
	copy(d, src[:len(d)])
}

// scatter writes (or accumulates) through an index array, element by
// element in order, so repeated targets behave as in a sequential loop.
func (w *worker) scatter(in *vector.Instr, src []float64, start, m int, ridx []int32) {
	arr, ind := w.ctx.Arrays[in.Slot], w.ctx.Indices[in.Index]
	uni := in.Mode&1 != 0
	target := func(i int) int32 {
		if ridx != nil {
			return ind[ridx[i]]
		}
		return ind[start+i]
	}
	if in.Op == vector.OpStoreIdx {
		for i := 0; i < m; i++ {
			arr[target(i)] = pick(src, i, uni)
		}
		return
	}
	if uni {
		src = src[:1]
	} else {
		src = src[:m]
	}
	switch in.Aux {
	case vector.OpAdd:
		if ridx != nil {
			// synaptic propagation: a weight (constant or per synapse)
			// added to the targets of the listed synapses, in order
			if uni {
				x := src[0]
				for _, e := range ridx {
					arr[ind[e]] += x
				}
			} else {
				for i, e := range ridx {
					arr[ind[e]] += src[i]
				}
			}
			return
		}
		if !uni {
			ind := ind[start : start+m]
			for i, j := range ind {
				arr[j] += src[i]
			}
			return
		}
		for i := 0; i < m; i++ {
			arr[target(i)] += pick(src, i, uni)
		}
	case vector.OpSub:
		for i := 0; i < m; i++ {
			arr[target(i)] -= pick(src, i, uni)
		}
	case vector.OpMul:
		for i := 0; i < m; i++ {
			arr[target(i)] *= pick(src, i, uni)
		}
	case vector.OpDiv:
		for i := 0; i < m; i++ {
			arr[target(i)] /= pick(src, i, uni)
		}
	}
}

// random fills a block from the per-element streams of one call site.
func (w *worker) random(in *vector.Instr, start, m int, ridx []int32) {
	d, key := w.regs[in.Dst][:m], w.keys[in.Slot]
	elem := func(i int) int {
		if ridx != nil {
			return int(ridx[i])
		}
		return start + i
	}
	switch in.Op {
	case vector.OpRand:
		for i := range d {
			d[i] = uniform(draw(elemKey(key, elem(i)), 0))
		}
	case vector.OpRandn:
		for i := range d {
			d[i] = normal(elemKey(key, elem(i)))
		}
	case vector.OpPoisson:
		lam, uni := w.u[in.Args[0]:in.Args[0]+1], in.Mode&1 != 0
		if !uni {
			lam = w.regs[in.Args[0]]
		}
		for i := range d {
			d[i] = poisson(elemKey(key, elem(i)), pick(lam, i, uni))
		}
	}
}
