package compiler

import (
	"strconv"

	"github.com/sim-lang/sim/lang"
)

// Fused array expressions.
//
// An arithmetic expression over variables and numbers, such as a*b + c,
// is compiled twice: as ordinary stack code, and as a Fused description
// that the VM may hand, at run time, to the vectorized bytecode (package
// compiler/vector) when its operands turn out to be large float arrays.
// Then the whole expression runs in one pass over memory, block by block
// and on several cores, instead of one pass and one temporary array per
// operator. FUSEDTRY, emitted before the ordinary code, either pushes the
// fused result and jumps to End, or falls through; the fused path only
// accepts cases whose result is exactly what the ordinary code computes,
// and the ordinary code raises every error.

// LeafKind says where the value of a fused expression's leaf comes from.
type LeafKind uint8

// Leaf kinds.
const (
	LeafLocal  LeafKind = iota // a local slot
	LeafCell                   // a captured local (a cell in a local slot)
	LeafFree                   // a free variable of a closure
	LeafGlobal                 // a global slot (or a predeclared name when empty)
	LeafConst                  // a numeric constant
)

// FusedLeaf is one operand of a fused expression.
type FusedLeaf struct {
	Kind  LeafKind
	Index int // slot, free-variable or constant index
}

// Fused describes an elementwise arithmetic expression (+ - * / and unary
// minus) whose leaves are variables or numeric constants.
type Fused struct {
	// Leaves are the operands in evaluation order.
	Leaves []FusedLeaf
	// Expr is the expression with leaf k replaced by the name LeafName(k).
	Expr lang.Expr
	// End is the address just past the ordinary code.
	End int
}

// LeafName is the name standing for leaf k in Fused.Expr.
func LeafName(k int) string { return "leaf" + strconv.Itoa(k) }

// fusedOps are the operators a fused expression may contain.
var fusedOps = map[lang.Op]bool{lang.Plus: true, lang.Minus: true, lang.Star: true, lang.Slash: true}

// fusable reports whether e is worth fusing: at least two operators, all
// fusable, over leaves that are names or numbers.
func (f *fcomp) fusable(e lang.Expr) bool {
	ops, ok := f.countFusable(e)
	return ok && ops >= 2
}

func (f *fcomp) countFusable(e lang.Expr) (int, bool) {
	switch e := e.(type) {
	case *lang.Binary:
		if !fusedOps[e.Op] {
			return 0, false
		}
		a, ok := f.countFusable(e.X)
		if !ok {
			return 0, false
		}
		b, ok := f.countFusable(e.Y)
		return a + b + 1, ok
	case *lang.Unary:
		if e.Op != lang.Minus {
			return 0, false
		}
		n, ok := f.countFusable(e.X)
		return n + 1, ok
	case *lang.Ident:
		return 0, f.c.res.idents[e] != nil
	case *lang.Literal:
		return 0, e.Kind == lang.IntLit || e.Kind == lang.FloatLit
	}
	return 0, false
}

// fusedExpr emits FUSEDTRY and then the ordinary code of e.
func (f *fcomp) fusedExpr(e *lang.Binary) {
	fu := &Fused{}
	fu.Expr = f.fusedTree(fu, e)
	f.pos = e.Pos
	f.emit(FUSEDTRY, f.c.constant(fu))
	f.inFused++
	f.binaryExpr(e)
	f.inFused--
	fu.End = f.here()
	if fu.End > f.lastTarget {
		f.lastTarget = fu.End
	}
}

// fusedTree copies e with its leaves replaced by leaf names, recording
// where each leaf's value comes from.
func (f *fcomp) fusedTree(fu *Fused, e lang.Expr) lang.Expr {
	switch e := e.(type) {
	case *lang.Binary:
		return &lang.Binary{Pos: e.Pos, Op: e.Op, X: f.fusedTree(fu, e.X), Y: f.fusedTree(fu, e.Y)}
	case *lang.Unary:
		return &lang.Unary{Pos: e.Pos, Op: e.Op, X: f.fusedTree(fu, e.X)}
	}
	var leaf FusedLeaf
	switch e := e.(type) {
	case *lang.Ident:
		b := f.c.res.idents[e]
		switch b.kind {
		case bindLocal:
			leaf = FusedLeaf{LeafLocal, b.index}
		case bindCell:
			leaf = FusedLeaf{LeafCell, b.index}
		case bindFree:
			leaf = FusedLeaf{LeafFree, b.index}
		default:
			leaf = FusedLeaf{LeafGlobal, f.c.prog.Globals.Add(b.name)}
		}
	case *lang.Literal:
		leaf = FusedLeaf{LeafConst, f.c.constant(e.Value)}
	}
	k := len(fu.Leaves)
	fu.Leaves = append(fu.Leaves, leaf)
	return &lang.Ident{Pos: e.Start(), Name: LeafName(k)}
}
