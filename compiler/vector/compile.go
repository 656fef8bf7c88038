package vector

import (
	"sort"

	"github.com/sim-lang/sim/lang"
)

// Compile compiles statements of abstract code into a Program run by
// vecvm.Run (all elements) or vecvm.RunIndices (listed elements).
func Compile(stmts []Stmt, res Resolver, opts Options) (*Program, error) {
	l := newLowerer(res, opts)
	var src []string
	for _, s := range stmts {
		if err := l.stmt(s); err != nil {
			return nil, err
		}
		src = append(src, stmtString(s))
	}
	p := l.finish(-1)
	p.Source = src
	return p, nil
}

// CompileExpr compiles one expression into a Program whose value per
// element is computed by vecvm.Eval (conditions give 0 or 1 and are used
// by vecvm.Where).
func CompileExpr(expr lang.Expr, res Resolver, opts Options) (*Program, error) {
	l := newLowerer(res, opts)
	v, err := l.expr(expr)
	if err != nil {
		return nil, err
	}
	p := l.finish(v)
	p.IsExpr = true
	p.Source = []string{exprString(expr)}
	return p, nil
}

// accum is an accumulation through an index (ge_post += w).
type accum struct {
	op Opcode
	x  int32
}

// finish optimizes the DAG and emits the program; result is the value of
// a CompileExpr program or -1.
func (l *lowerer) finish(result int32) *Program {
	b := l.b
	p := &Program{Funcs: l.funcs, NumSites: int(b.sites), names: map[[2]int32]string{}}
	accs := map[*target]accum{}
	roots := func() []int32 {
		var r []int32
		for _, t := range l.targets {
			if a, ok := accs[t]; ok {
				r = append(r, a.x)
			} else {
				r = append(r, t.value)
			}
		}
		if result >= 0 {
			r = append(r, result)
		}
		return r
	}
	live := b.liveness(roots())
	// Accumulations through an index: target = load(target) op x, the
	// load used nowhere else.
	for _, t := range l.targets {
		if t.sym.Kind != IndexedArray {
			continue
		}
		v := &b.nodes[t.value]
		switch v.op {
		case OpAdd, OpSub, OpMul, OpDiv:
		default:
			continue
		}
		if v.uses != 1 {
			continue
		}
		isSelf := func(id int32) bool {
			nd := &b.nodes[id]
			return nd.op == OpLoadIdx && nd.slot == int32(t.sym.Slot) && nd.index == int32(t.sym.Index) && nd.uses == 1
		}
		switch {
		case isSelf(v.args[0]):
			accs[t] = accum{v.op, v.args[1]}
		case (v.op == OpAdd || v.op == OpMul) && isSelf(v.args[1]):
			accs[t] = accum{v.op, v.args[0]}
		}
	}
	live = b.liveness(roots())
	b.fuse(live)
	live = b.liveness(roots())

	// Which slots are written how, and sequential semantics.
	arrWritten, idxWritten := map[int32]bool{}, map[int32]bool{}
	for _, t := range l.targets {
		switch t.sym.Kind {
		case Array:
			arrWritten[int32(t.sym.Slot)] = true
		case IndexedArray:
			idxWritten[int32(t.sym.Slot)] = true
			p.Scatters = true
		}
	}
	arrays, indices, scalars := map[int]bool{}, map[int]bool{}, map[int]bool{}
	for _, t := range l.targets {
		switch t.sym.Kind {
		case Array:
			arrays[t.sym.Slot] = true
		case IndexedArray:
			arrays[t.sym.Slot] = true
			indices[t.sym.Index] = true
		case Scalar:
			scalars[t.sym.Slot] = true
		}
	}
	for id := range b.nodes {
		nd := &b.nodes[id]
		if !live[id] {
			continue
		}
		switch nd.op {
		case OpLoad:
			arrays[int(nd.slot)] = true
			if idxWritten[nd.slot] {
				p.Sequential = true
			}
		case OpLoadIdx:
			arrays[int(nd.slot)] = true
			indices[int(nd.index)] = true
			if idxWritten[nd.slot] || arrWritten[nd.slot] {
				p.Sequential = true
			}
		case OpScalar:
			scalars[int(nd.slot)] = true
		}
	}
	p.Arrays, p.Indices, p.Scalars = sortedKeys(arrays), sortedKeys(indices), sortedKeys(scalars)
	for _, s := range p.Scalars {
		if s+1 > p.MaxScalar {
			p.MaxScalar = s + 1
		}
	}
	for name, t := range l.byName {
		p.names[[2]int32{int32(t.sym.Kind), int32(t.sym.Slot)}] = name
	}
	for _, name := range l.readNames {
		if sym, ok := l.resolve(name); ok {
			p.names[[2]int32{int32(sym.Kind), int32(sym.Slot)}] = name
		}
	}

	e := &emitter{b: b, live: live, p: p, l: l, accs: accs, result: result}
	e.uniforms()
	p.Block = e.block(true)
	p.Indexed = e.block(false)
	return p
}

// liveness marks the nodes reachable from roots and counts their uses.
func (b *builder) liveness(roots []int32) []bool {
	live := make([]bool, len(b.nodes))
	for i := range b.nodes {
		b.nodes[i].uses = 0
	}
	// Walk from the roots with a work list: rewrites such as fuse append
	// nodes that older nodes then use, so ids are not a topological order.
	var work []int32
	for _, r := range roots {
		b.nodes[r].uses++
		if !live[r] {
			live[r] = true
			work = append(work, r)
		}
	}
	for len(work) > 0 {
		id := work[len(work)-1]
		work = work[:len(work)-1]
		nd := &b.nodes[id]
		for j := 0; j < int(nd.n); j++ {
			a := nd.args[j]
			b.nodes[a].uses++
			if !live[a] {
				live[a] = true
				work = append(work, a)
			}
		}
	}
	return live
}

func sortedKeys(m map[int]bool) []int {
	var k []int
	for x := range m {
		k = append(k, x)
	}
	sort.Ints(k)
	return k
}
