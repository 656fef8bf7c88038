package lang

import "strings"

// This file groups the flat operator chains of the grammar (gOps,
// gTarget) into Binary, Compare and Unary nodes by Python's precedence:
// or < and < not < comparisons < | < ^ < & < shifts < + - < * / // % @ <
// unary + - ~ < ** (handled in the grammar, right-associative).

// Binding powers.
const (
	precOr = iota + 1
	precAnd
	precNot
	precCmp
	precPipe
	precHat
	precAmp
	precShift
	precAdd
	precMul
)

// flatOp is one binary operator of a flat chain.
type flatOp struct {
	pos  Pos
	op   Op
	prec int
}

var flatOps = map[string]flatOp{
	"or": {op: Or, prec: precOr}, "and": {op: And, prec: precAnd},
	"==": {op: Eq, prec: precCmp}, "!=": {op: Ne, prec: precCmp}, "<": {op: Lt, prec: precCmp},
	">": {op: Gt, prec: precCmp}, "<=": {op: Le, prec: precCmp}, ">=": {op: Ge, prec: precCmp},
	"in": {op: In, prec: precCmp}, "not in": {op: NotIn, prec: precCmp},
	"is": {op: Is, prec: precCmp}, "is not": {op: IsNot, prec: precCmp},
	"|": {op: Pipe, prec: precPipe}, "^": {op: Hat, prec: precHat}, "&": {op: Amp, prec: precAmp},
	"<<": {op: LShift, prec: precShift}, ">>": {op: RShift, prec: precShift},
	"+": {op: Plus, prec: precAdd}, "-": {op: Minus, prec: precAdd},
	"*": {op: Star, prec: precMul}, "/": {op: Slash, prec: precMul}, "//": {op: SlashSlash, prec: precMul},
	"%": {op: Percent, prec: precMul}, "@": {op: At, prec: precMul},
}

var prefixOps = map[string]Op{"not": Not, "-": Minus, "+": Plus, "~": Tilde}

// pratt resolves one flat chain: operands xs[i] separated by ops[i-1].
type pratt struct {
	c   *converter
	xs  []*gUnary
	ops []flatOp
	k   int // next operand
	pi  int // next prefix operator of operand k
}

func (c *converter) ops(g *gOps) Expr {
	if len(g.Rest) == 0 && len(g.X.Prefix) == 0 {
		return c.power(g.X.Pow)
	}
	p := &pratt{c: c, xs: []*gUnary{g.X}}
	for _, t := range g.Rest {
		o := flatOps[strings.Join(t.Op, " ")]
		o.pos = pos(t.Pos)
		p.ops = append(p.ops, o)
		p.xs = append(p.xs, t.Y)
	}
	return p.expr(0)
}

func (c *converter) target(g *gTarget) Expr {
	if len(g.Rest) == 0 && len(g.X.Prefix) == 0 {
		return c.power(g.X.Pow)
	}
	p := &pratt{c: c, xs: []*gUnary{g.X}}
	for _, t := range g.Rest {
		o := flatOps[t.Op[0]]
		o.pos = pos(t.Pos)
		p.ops = append(p.ops, o)
		p.xs = append(p.xs, t.Y)
	}
	return p.expr(0)
}

// unaryOperand converts a lone gUnary (the right side of **).
func (c *converter) unaryOperand(g *gUnary) Expr {
	p := &pratt{c: c, xs: []*gUnary{g}}
	return p.unary()
}

// expr parses operators binding at least as tightly as min.
func (p *pratt) expr(min int) Expr {
	left := p.unary()
	for p.k-1 < len(p.ops) {
		o := p.ops[p.k-1]
		if o.prec < min {
			break
		}
		if o.prec == precCmp {
			cm := &Compare{Pos: o.pos, Operands: []Expr{left}}
			for p.k-1 < len(p.ops) && p.ops[p.k-1].prec == precCmp {
				cm.Ops = append(cm.Ops, p.ops[p.k-1].op)
				cm.Operands = append(cm.Operands, p.expr(precCmp+1))
			}
			left = cm
			continue
		}
		left = &Binary{Pos: o.pos, Op: o.op, X: left, Y: p.expr(o.prec + 1)}
	}
	return left
}

// unary parses the next operand with its prefix operators.
func (p *pratt) unary() Expr {
	u := p.xs[p.k]
	if p.pi < len(u.Prefix) {
		pre := u.Prefix[p.pi]
		p.pi++
		at := pos(pre.Pos)
		if pre.Op == "not" {
			// `not` may start an operand only after and/or/not or at the start.
			ok := p.pi > 1 && u.Prefix[p.pi-2].Op == "not"
			if p.pi == 1 {
				ok = p.k == 0 || p.ops[p.k-1].prec <= precAnd
			}
			if !ok {
				p.c.fail(at, "invalid syntax: 'not' cannot follow an operator here (use parentheses)")
			}
			return &Unary{Pos: at, Op: Not, X: p.expr(precNot)}
		}
		return &Unary{Pos: at, Op: prefixOps[pre.Op], X: p.unary()}
	}
	x := p.c.power(u.Pow)
	p.k++
	p.pi = 0
	return x
}

func (c *converter) power(g *gPower) Expr {
	x := c.primary(g.X)
	if e := g.Exp; e != nil {
		if len(e.Y.Prefix) > 0 && e.Y.Prefix[0].Op == "not" {
			c.fail(pos(e.Y.Prefix[0].Pos), "invalid syntax: 'not' cannot follow an operator here (use parentheses)")
		}
		return &Binary{Pos: pos(e.Pos), Op: StarStar, X: x, Y: c.unaryOperand(e.Y)}
	}
	return x
}
