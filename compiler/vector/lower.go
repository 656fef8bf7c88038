package vector

import (
	"math"

	"github.com/sim-lang/sim/lang"
)

// target is a name written by the code, with its final value.
type target struct {
	name  string
	sym   Symbol
	value int32
	pos   lang.Pos
}

// lowerer turns statements and expressions into the DAG.
type lowerer struct {
	b       *builder
	res     Resolver
	opts    Options
	env     map[string]int32 // current value of names assigned so far
	temps   map[string]bool
	targets []*target
	byName  map[string]*target
	funcs   []Func
	funcIdx map[string]int32
	// readNames are the resolved names read (for Disassemble).
	readNames []string
}

func newLowerer(res Resolver, opts Options) *lowerer {
	return &lowerer{b: newBuilder(), res: res, opts: opts, env: map[string]int32{},
		temps: map[string]bool{}, byName: map[string]*target{}, funcIdx: map[string]int32{}}
}

func (l *lowerer) errorf(pos lang.Pos, format string, args ...any) error {
	return lang.Errorf(l.opts.File, l.opts.Src, pos, format, args...)
}

func (l *lowerer) resolve(name string) (Symbol, bool) {
	if l.res == nil {
		return Symbol{}, false
	}
	return l.res(name)
}

// stmt lowers one assignment.
func (l *lowerer) stmt(s Stmt) error {
	val, err := l.expr(s.Value)
	if err != nil {
		return err
	}
	sym, isSym := l.resolve(s.Target)
	if _, isTemp := l.temps[s.Target]; isTemp {
		isSym = false
	}
	if s.Op != lang.Illegal {
		cur, err := l.name(s.Target, s.Pos)
		if err != nil {
			return err
		}
		op, ok := binOps[s.Op]
		if !ok {
			return l.errorf(s.Pos, "unsupported augmented assignment '%s=' in model code", s.Op)
		}
		val = l.binary(op, cur, val)
	}
	if !isSym {
		l.temps[s.Target] = true
		l.env[s.Target] = val
		return nil
	}
	if sym.ReadOnly {
		return l.errorf(s.Pos, "cannot assign to read-only variable '%s'", s.Target)
	}
	switch sym.Kind {
	case Constant:
		return l.errorf(s.Pos, "cannot assign to constant '%s'", s.Target)
	case ElementIndex:
		return l.errorf(s.Pos, "cannot assign to the index '%s'", s.Target)
	case Scalar:
		if !l.b.nodes[val].uniform {
			return l.errorf(s.Pos, "cannot assign a per-element value to shared variable '%s'", s.Target)
		}
	}
	switch sym.Type {
	case Int:
		val = l.b.op(OpTrunc, val)
	case Bool:
		val = l.b.op(OpBool, val)
	}
	l.env[s.Target] = val
	t := l.byName[s.Target]
	if t == nil {
		t = &target{name: s.Target, sym: sym, pos: s.Pos}
		l.byName[s.Target] = t
		l.targets = append(l.targets, t)
	}
	t.value = val
	return nil
}

// name reads a name: its value assigned so far, or its symbol.
func (l *lowerer) name(name string, pos lang.Pos) (int32, error) {
	if v, ok := l.env[name]; ok {
		return v, nil
	}
	b := l.b
	sym, ok := l.resolve(name)
	if !ok {
		switch name {
		case "pi":
			return b.constant(math.Pi), nil
		case "e":
			return b.constant(math.E), nil
		case "inf":
			return b.constant(math.Inf(1)), nil
		case "True":
			return b.constant(1), nil
		case "False":
			return b.constant(0), nil
		}
		return 0, l.errorf(pos, "unknown name '%s'", name)
	}
	l.readNames = append(l.readNames, name)
	switch sym.Kind {
	case Array:
		return b.add(node{op: OpLoad, slot: int32(sym.Slot)}), nil
	case IndexedArray:
		return b.add(node{op: OpLoadIdx, slot: int32(sym.Slot), index: int32(sym.Index)}), nil
	case Scalar:
		return b.add(node{op: OpScalar, uniform: true, slot: int32(sym.Slot)}), nil
	case Constant:
		return b.constant(sym.Value), nil
	case ElementIndex:
		return b.add(node{op: OpIndex, val: float64(sym.Offset)}), nil
	}
	return 0, l.errorf(pos, "unknown name '%s'", name)
}

var binOps = map[lang.Op]Opcode{
	lang.Plus: OpAdd, lang.Minus: OpSub, lang.Star: OpMul, lang.Slash: OpDiv,
	lang.SlashSlash: OpFloorDiv, lang.Percent: OpMod, lang.StarStar: OpPow,
	lang.And: OpAnd, lang.Or: OpOr,
	lang.Eq: OpEq, lang.Ne: OpNe, lang.Lt: OpLt, lang.Gt: OpGt, lang.Le: OpLe, lang.Ge: OpGe,
}

// binary builds x op y; with Options.FastDivision a division by a
// uniform value becomes a multiplication by its reciprocal.
func (l *lowerer) binary(op Opcode, x, y int32) int32 {
	if op == OpDiv && l.opts.FastDivision && l.b.nodes[y].uniform && !l.b.nodes[x].uniform {
		return l.b.op(OpMul, x, l.b.op(OpDiv, l.b.constant(1), y))
	}
	return l.b.op(op, x, y)
}

// expr lowers an expression.
func (l *lowerer) expr(e lang.Expr) (int32, error) {
	b := l.b
	switch e := e.(type) {
	case *lang.Ident:
		return l.name(e.Name, e.Pos)
	case *lang.Literal:
		switch e.Kind {
		case lang.IntLit:
			if v, ok := e.Value.(int64); ok {
				return b.constant(float64(v)), nil
			}
		case lang.FloatLit:
			if v, ok := e.Value.(float64); ok {
				return b.constant(v), nil
			}
		case lang.TrueLit:
			return b.constant(1), nil
		case lang.FalseLit:
			return b.constant(0), nil
		}
		return 0, l.errorf(e.Pos, "unsupported literal in model code")
	case *lang.Unary:
		x, err := l.expr(e.X)
		if err != nil {
			return 0, err
		}
		switch e.Op {
		case lang.Minus:
			return b.op(OpNeg, x), nil
		case lang.Plus:
			return x, nil
		case lang.Not:
			return b.op(OpNot, x), nil
		}
		return 0, l.errorf(e.Pos, "unsupported operator '%s' in model code", e.Op)
	case *lang.Binary:
		op, ok := binOps[e.Op]
		if !ok || e.Op.IsComparison() {
			return 0, l.errorf(e.Pos, "unsupported operator '%s' in model code", e.Op)
		}
		x, err := l.expr(e.X)
		if err != nil {
			return 0, err
		}
		y, err := l.expr(e.Y)
		if err != nil {
			return 0, err
		}
		return l.binary(op, x, y), nil
	case *lang.Compare:
		vals := make([]int32, len(e.Operands))
		for i, o := range e.Operands {
			v, err := l.expr(o)
			if err != nil {
				return 0, err
			}
			vals[i] = v
		}
		var res int32 = -1
		for i, cop := range e.Ops {
			op, ok := binOps[cop]
			if !ok || !cop.IsComparison() {
				return 0, l.errorf(e.Pos, "unsupported comparison '%s' in model code", cop)
			}
			c := b.op(op, vals[i], vals[i+1])
			if res < 0 {
				res = c
			} else {
				res = b.op(OpAnd, res, c)
			}
		}
		return res, nil
	case *lang.Cond:
		c, err := l.expr(e.Cond)
		if err != nil {
			return 0, err
		}
		t, err := l.expr(e.True)
		if err != nil {
			return 0, err
		}
		f, err := l.expr(e.False)
		if err != nil {
			return 0, err
		}
		if nd := &b.nodes[c]; nd.op == OpConst {
			if nd.val != 0 {
				return t, nil
			}
			return f, nil
		}
		return b.op(OpSelect, c, t, f), nil
	case *lang.Call:
		return l.call(e)
	}
	return 0, l.errorf(e.Start(), "unsupported expression in model code")
}

// builtinFuncs maps function names to element-wise opcodes.
var builtinFuncs = map[string]Opcode{
	"exp": OpExp, "log": OpLog, "log10": OpLog10, "expm1": OpExpm1, "exprel": OpExprel,
	"log1p": OpLog1p, "sqrt": OpSqrt, "sin": OpSin, "cos": OpCos, "tan": OpTan,
	"sinh": OpSinh, "cosh": OpCosh, "tanh": OpTanh, "arcsin": OpAsin, "arccos": OpAcos,
	"arctan": OpAtan, "abs": OpAbs, "sign": OpSign, "floor": OpFloor, "ceil": OpCeil,
	"int": OpTrunc, "clip": OpClip, "timestep": OpTimestep,
}

func (l *lowerer) call(e *lang.Call) (int32, error) {
	fn, ok := e.Fn.(*lang.Ident)
	if !ok {
		return 0, l.errorf(e.Pos, "unsupported call in model code")
	}
	args := make([]int32, len(e.Args))
	for i, a := range e.Args {
		if a.Name != "" || a.Star != 0 {
			return 0, l.errorf(a.Pos, "%s() takes positional arguments only in model code", fn.Name)
		}
		v, err := l.expr(a.Value)
		if err != nil {
			return 0, err
		}
		args[i] = v
	}
	want := func(n int) error {
		if len(args) != n {
			return l.errorf(e.Pos, "%s() takes %d argument%s (%d given)", fn.Name, n, plural(n), len(args))
		}
		return nil
	}
	b := l.b
	if l.opts.Funcs != nil {
		if f, ok := l.opts.Funcs(fn.Name); ok {
			if err := want(f.NumArgs()); err != nil {
				return 0, err
			}
			idx, seen := l.funcIdx[fn.Name]
			if !seen {
				idx = int32(len(l.funcs))
				l.funcs = append(l.funcs, f)
				l.funcIdx[fn.Name] = idx
			}
			nd := node{op: OpCall, n: uint8(len(args)), slot: idx, uniform: true}
			if len(args) > 4 {
				return 0, l.errorf(e.Pos, "%s(): at most 4 arguments in model code", fn.Name)
			}
			for j, a := range args {
				nd.args[j] = a
				if !b.nodes[a].uniform {
					nd.uniform = false
				}
			}
			return b.add(nd), nil
		}
	}
	switch fn.Name {
	case "rand", "randn":
		if err := want(0); err != nil {
			return 0, err
		}
		op := OpRand
		if fn.Name == "randn" {
			op = OpRandn
		}
		b.sites++
		return b.add(node{op: op, slot: b.sites - 1}), nil
	case "poisson":
		if err := want(1); err != nil {
			return 0, err
		}
		b.sites++
		return b.add(node{op: OpPoisson, n: 1, args: [MaxArgs]int32{args[0]}, slot: b.sites - 1}), nil
	}
	op, ok := builtinFuncs[fn.Name]
	if !ok {
		return 0, l.errorf(fn.Pos, "unknown function '%s'", fn.Name)
	}
	if err := want(OpTable[op].Arity); err != nil {
		return 0, err
	}
	return b.op(op, args...), nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
