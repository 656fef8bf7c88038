package vector

import "math"

// node is one value of the intermediate form: a DAG built in evaluation
// order (so node ids are a topological order), with identical nodes
// shared (value numbering gives common-subexpression elimination).
type node struct {
	op      Opcode
	n       uint8 // number of args
	args    [MaxArgs]int32
	uniform bool
	val     float64 // OpConst value, OpIndex offset
	slot    int32
	index   int32
	uses    int32
	dead    bool // fused into a consumer
}

type nodeKey struct {
	op          Opcode
	args        [MaxArgs]int32
	val         uint64
	slot, index int32
}

// builder holds the DAG under construction.
type builder struct {
	nodes []node
	memo  map[nodeKey]int32
	sites int32
}

func newBuilder() *builder {
	return &builder{memo: map[nodeKey]int32{}}
}

// add appends (or finds) a node.
func (b *builder) add(nd node) int32 {
	k := nodeKey{op: nd.op, args: nd.args, val: math.Float64bits(nd.val), slot: nd.slot, index: nd.index}
	unique := nd.op == OpRand || nd.op == OpRandn || nd.op == OpPoisson
	if !unique {
		if id, ok := b.memo[k]; ok {
			return id
		}
	}
	id := int32(len(b.nodes))
	b.nodes = append(b.nodes, nd)
	if !unique {
		b.memo[k] = id
	}
	return id
}

func (b *builder) constant(v float64) int32 {
	return b.add(node{op: OpConst, uniform: true, val: v})
}

func (b *builder) isConst(id int32, v float64) bool {
	nd := &b.nodes[id]
	return nd.op == OpConst && nd.val == v && math.Signbit(nd.val) == math.Signbit(v)
}

// op builds an element-wise operation, folding constants and applying
// the algebraic identities that hold exactly in IEEE arithmetic.
func (b *builder) op(op Opcode, args ...int32) int32 {
	allConst, uniform := true, true
	var vals [MaxArgs]float64
	for j, a := range args {
		nd := &b.nodes[a]
		if nd.op != OpConst {
			allConst = false
		} else {
			vals[j] = nd.val
		}
		if !nd.uniform {
			uniform = false
		}
	}
	if allConst {
		return b.constant(op.Eval(vals[:len(args)]))
	}
	if id, ok := b.simplify(op, args); ok {
		return id
	}
	nd := node{op: op, n: uint8(len(args)), uniform: uniform}
	copy(nd.args[:], args)
	if OpTable[op].Commutative && nd.args[0] > nd.args[1] {
		nd.args[0], nd.args[1] = nd.args[1], nd.args[0]
	}
	return b.add(nd)
}

// simplify applies exact identities: x*1, x/1, x-0, x+(-0), --x, and
// moves negations outwards (IEEE rounding is symmetric, so (-a)*b ==
// -(a*b) and a + (-b) == a - b exactly). x+0 is not an identity (-0+0 is
// +0) and neither is 0*x (NaN, Inf, signed zeros).
func (b *builder) simplify(op Opcode, a []int32) (int32, bool) {
	neg := func(id int32) (int32, bool) {
		if nd := &b.nodes[id]; nd.op == OpNeg {
			return nd.args[0], true
		}
		return 0, false
	}
	switch op {
	case OpNeg:
		if x, ok := neg(a[0]); ok {
			return x, true
		}
	case OpMul:
		if b.isConst(a[1], 1) {
			return a[0], true
		}
		if b.isConst(a[0], 1) {
			return a[1], true
		}
		if b.isConst(a[1], -1) {
			return b.op(OpNeg, a[0]), true
		}
		if b.isConst(a[0], -1) {
			return b.op(OpNeg, a[1]), true
		}
		if x, ok := neg(a[0]); ok {
			return b.op(OpNeg, b.op(OpMul, x, a[1])), true
		}
		if y, ok := neg(a[1]); ok {
			return b.op(OpNeg, b.op(OpMul, a[0], y)), true
		}
	case OpDiv:
		if b.isConst(a[1], 1) {
			return a[0], true
		}
		if x, ok := neg(a[0]); ok {
			return b.op(OpNeg, b.op(OpDiv, x, a[1])), true
		}
		if y, ok := neg(a[1]); ok {
			return b.op(OpNeg, b.op(OpDiv, a[0], y)), true
		}
		// x / 2^k == x * 2^-k exactly when 2^-k is representable.
		if nd := &b.nodes[a[1]]; nd.op == OpConst {
			if r, ok := exactReciprocal(nd.val); ok {
				return b.op(OpMul, a[0], b.constant(r)), true
			}
		}
	case OpAdd:
		if b.isConst(a[1], math.Copysign(0, -1)) {
			return a[0], true
		}
		if b.isConst(a[0], math.Copysign(0, -1)) {
			return a[1], true
		}
		if y, ok := neg(a[1]); ok {
			return b.op(OpSub, a[0], y), true
		}
		if x, ok := neg(a[0]); ok {
			return b.op(OpSub, a[1], x), true
		}
	case OpSub:
		if b.isConst(a[1], 0) {
			return a[0], true
		}
		if y, ok := neg(a[1]); ok {
			return b.op(OpAdd, a[0], y), true
		}
	case OpPow:
		if b.isConst(a[1], 1) {
			return a[0], true
		}
		if b.isConst(a[1], 2) {
			return b.op(OpMul, a[0], a[0]), true
		}
	}
	return 0, false
}

// exactReciprocal returns 1/d when d is a power of two whose reciprocal
// is representable, so that x/d == x*(1/d) for every x.
func exactReciprocal(d float64) (float64, bool) {
	if d == 0 || math.IsInf(d, 0) || math.IsNaN(d) {
		return 0, false
	}
	frac, _ := math.Frexp(d)
	if math.Abs(frac) != 0.5 {
		return 0, false
	}
	r := 1 / d
	if math.IsInf(r, 0) || r*d != 1 {
		return 0, false
	}
	fr, _ := math.Frexp(r)
	if math.Abs(fr) != 0.5 {
		return 0, false
	}
	return r, true
}
