package integrate

import (
	"github.com/sim-lang/sim/compiler/vector"
)

// scalarProg runs the compiled vector program of an equation right-hand
// side when every value is uniform (one state vector, no per-element
// arrays): the program is then all prologue and epilogue, and running
// that straight-line code here avoids vecvm.Run's per-call set-up
// (worker pool, block bookkeeping), which would cost more than the
// arithmetic for a three-variable system. The instructions, constant
// folding and common subexpressions are the vector compiler's.
type scalarProg struct {
	uniform  []float64
	u        []float64
	code     []sop
	orig     []vector.Instr
	outs     [][2]int32 // output index, register
	n        int
	needCopy bool // some register is read before the code writes it
}

// sop is a compact instruction: the common arithmetic inline, anything
// else through the original instruction (vector.Opcode.Eval).
type sop struct {
	op   vector.Opcode
	dst  int32
	a, b int32
	idx  int32 // index into orig for the general case
}

// newScalarProg returns nil when p needs the vector VM (block code,
// external calls, random numbers, ...).
func newScalarProg(p *vector.Program, n int) *scalarProg {
	if len(p.Block.Instrs) > 0 || p.NumSites > 0 || len(p.Funcs) > 0 {
		return nil
	}
	for _, in := range p.Prologue {
		if in.Op >= vector.NumKernelOps && in.Op != vector.OpScalar {
			return nil
		}
		if in.Op == vector.OpScalar && in.Slot > int32(n) {
			return nil
		}
	}
	s := &scalarProg{uniform: p.Uniform, u: append([]float64(nil), p.Uniform...), orig: p.Prologue, n: n}
	written := map[int32]bool{}
	for i, in := range p.Prologue {
		for j := 0; j < int(in.N); j++ {
			if in.Op != vector.OpScalar {
				for _, w := range p.Prologue[i:] {
					if w.Dst == in.Args[j] && !written[in.Args[j]] {
						s.needCopy = true
					}
				}
			}
		}
		written[in.Dst] = true
		o := sop{op: in.Op, dst: in.Dst, idx: int32(i)}
		if in.Op == vector.OpScalar {
			o.a = in.Slot
		} else {
			o.a = in.Args[0]
			if in.N > 1 {
				o.b = in.Args[1]
			}
		}
		s.code = append(s.code, o)
	}
	for _, in := range p.Epilogue {
		k := int(in.Slot) - (n + 1)
		if k < 0 || k >= n {
			return nil
		}
		s.outs = append(s.outs, [2]int32{int32(k), in.Args[0]})
	}
	if len(s.outs) != n {
		return nil
	}
	return s
}

// eval computes the derivatives at (t, y) into out.
func (s *scalarProg) eval(t float64, y, out []float64) {
	u := s.u
	if s.needCopy {
		copy(u, s.uniform)
	}
	for _, o := range s.code {
		switch o.op {
		case vector.OpScalar:
			if int(o.a) < s.n {
				u[o.dst] = y[o.a]
			} else {
				u[o.dst] = t
			}
		case vector.OpAdd:
			u[o.dst] = u[o.a] + u[o.b]
		case vector.OpSub:
			u[o.dst] = u[o.a] - u[o.b]
		case vector.OpMul:
			u[o.dst] = u[o.a] * u[o.b]
		case vector.OpDiv:
			u[o.dst] = u[o.a] / u[o.b]
		case vector.OpNeg:
			u[o.dst] = -u[o.a]
		default:
			in := &s.orig[o.idx]
			var x [vector.MaxArgs]float64
			for j := 0; j < int(in.N); j++ {
				x[j] = u[in.Args[j]]
			}
			u[o.dst] = in.Op.Eval(x[:in.N])
		}
	}
	for _, o := range s.outs {
		out[o[0]] = u[o[1]]
	}
}
