package array

import (
	"sync"

	"github.com/sim-lang/sim/compiler"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

// Fused evaluation of arithmetic expressions over arrays (runtime.Fuse):
// a*b + c over large float arrays runs as one vector-bytecode program,
// one pass over memory and split across cores, instead of one pass and
// one temporary per operator. Only cases whose result is bit-for-bit what
// the ordinary operators give are accepted: float64 arrays of one shape
// (no broadcasting), float, int and quantity scalars, matching units for
// + and -, and no int-with-int arithmetic (whose Python semantics differ
// from float arithmetic). Everything else falls back to the ordinary code,
// which also reports every error.

// fuseMinSize is the smallest array worth a fused pass.
const fuseMinSize = 4096

func init() { runtime.Fuse = fuse }

// fuseKey identifies a compiled program: the expression and which of its
// leaves are arrays.
type fuseKey struct {
	f      *compiler.Fused
	arrays uint64
}

var fuseCache sync.Map // fuseKey -> *vector.Program

// fuseLeaf classifies one operand.
type fuseLeaf struct {
	arr   *Array
	val   float64
	dim   units.Dim
	isInt bool
}

func fuse(f *compiler.Fused, vals []runtime.Value) (runtime.Value, bool) {
	if len(vals) > 64 || !anyLargeArray(vals) {
		return runtime.Value{}, false
	}
	leaves := make([]fuseLeaf, len(vals))
	var shape []int
	n := -1
	var mask uint64
	for k, v := range vals {
		switch v.Kind() {
		case runtime.IntKind:
			leaves[k] = fuseLeaf{val: float64(v.AsInt()), isInt: true}
			continue
		case runtime.FloatKind:
			leaves[k] = fuseLeaf{val: v.AsFloat()}
			continue
		case runtime.ObjKind:
		default:
			return runtime.Value{}, false
		}
		switch o := v.Obj().(type) {
		case runtime.Quantity:
			leaves[k] = fuseLeaf{val: o.V, dim: o.D}
		case *Array:
			if o.dtype != Float || !o.contiguous() {
				return runtime.Value{}, false
			}
			if n < 0 {
				shape, n = o.shape, o.Size()
			} else if !sameShape(shape, o.shape) {
				return runtime.Value{}, false
			}
			leaves[k] = fuseLeaf{arr: o, dim: o.dim}
			mask |= 1 << k
		default:
			return runtime.Value{}, false
		}
	}
	if n < fuseMinSize {
		return runtime.Value{}, false
	}
	dim, ok := fusedDim(f.Expr, leaves)
	if !ok {
		return runtime.Value{}, false
	}
	prog, ok := fusedProgram(f, leaves, mask)
	if !ok {
		return runtime.Value{}, false
	}
	ctx := &vecvm.Context{}
	for _, l := range leaves {
		if l.arr != nil {
			ctx.Arrays = append(ctx.Arrays, l.arr.f[l.arr.offset:l.arr.offset+n])
		} else {
			ctx.Scalars = append(ctx.Scalars, l.val)
		}
	}
	out := newFloats(n)
	if err := vecvm.Eval(prog, ctx, n, out); err != nil {
		return runtime.Value{}, false
	}
	return Value(New(shape, out, dim)), true
}

// anyLargeArray reports whether some leaf is an array worth a fused pass,
// before any allocation: most arithmetic on small arrays declines here.
func anyLargeArray(vals []runtime.Value) bool {
	for _, v := range vals {
		if a, ok := v.Obj().(*Array); ok && a.Size() >= fuseMinSize {
			return true
		}
	}
	return false
}

func sameShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// fusedDim computes the result dimension of e, declining (ok false) where
// units do not match or where two int scalars meet.
func fusedDim(e lang.Expr, leaves []fuseLeaf) (units.Dim, bool) {
	d, _, ok := fusedWalk(e, leaves)
	return d, ok
}

func fusedWalk(e lang.Expr, leaves []fuseLeaf) (d units.Dim, intScalar, ok bool) {
	switch e := e.(type) {
	case *lang.Ident:
		l := leaves[leafIndex(e.Name)]
		return l.dim, l.isInt, true
	case *lang.Unary:
		return fusedWalk(e.X, leaves)
	case *lang.Binary:
		dx, ix, okx := fusedWalk(e.X, leaves)
		dy, iy, oky := fusedWalk(e.Y, leaves)
		if !okx || !oky || ix && iy {
			return units.Dim{}, false, false
		}
		switch e.Op {
		case lang.Plus, lang.Minus:
			if dx != dy {
				return units.Dim{}, false, false
			}
			return dx, false, true
		case lang.Star:
			return dx.Mul(dy), false, true
		case lang.Slash:
			return dx.Div(dy), false, true
		}
	}
	return units.Dim{}, false, false
}

// leafIndex parses the k of compiler.LeafName(k).
func leafIndex(name string) int {
	k := 0
	for _, c := range name[len("leaf"):] {
		k = 10*k + int(c-'0')
	}
	return k
}

// fusedProgram returns the compiled program for f with the given leaves
// as arrays (mask) and the rest as per-call scalars.
func fusedProgram(f *compiler.Fused, leaves []fuseLeaf, mask uint64) (*vector.Program, bool) {
	key := fuseKey{f, mask}
	if p, ok := fuseCache.Load(key); ok {
		return p.(*vector.Program), p.(*vector.Program) != nil
	}
	slots := make([]vector.Symbol, len(leaves))
	arrays, scalars := 0, 0
	for k, l := range leaves {
		if l.arr != nil {
			slots[k] = vector.Symbol{Kind: vector.Array, Slot: arrays, ReadOnly: true}
			arrays++
		} else {
			slots[k] = vector.Symbol{Kind: vector.Scalar, Slot: scalars, ReadOnly: true}
			scalars++
		}
	}
	res := func(name string) (vector.Symbol, bool) {
		if len(name) > 4 && name[:4] == "leaf" {
			if k := leafIndex(name); k < len(slots) {
				return slots[k], true
			}
		}
		return vector.Symbol{}, false
	}
	p, err := vector.CompileExpr(f.Expr, res, vector.Options{})
	if err != nil {
		p = nil
	}
	fuseCache.Store(key, p)
	return p, p != nil
}
