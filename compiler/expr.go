package compiler

import (
	"github.com/sim-lang/sim/lang"
)

// binops maps operators with a dedicated opcode.
var binops = map[lang.Op]Opcode{
	lang.Plus: ADD, lang.Minus: SUB, lang.Star: MUL, lang.Slash: DIV,
	lang.SlashSlash: FLOORDIV, lang.Percent: MOD, lang.Eq: EQ, lang.Ne: NE,
	lang.Lt: LT, lang.Le: LE, lang.Gt: GT, lang.Ge: GE,
}

// Flags in the argument of binary-operator instructions (BINARY and the
// dedicated ADD, SUB, ... opcodes, whose fast paths ignore them).
const (
	// InplaceFlag marks an augmented assignment: lists extend under +=,
	// arrays update in place (b = a; b += 1 changes a, as in numpy).
	InplaceFlag = 0x100
	// TempLeftFlag says the left operand is a fresh temporary that nothing
	// else references (the result of another operator), so an array may
	// compute the result into its storage: numpy's temporary elision,
	// decided at compile time. TempRightFlag says the same of the right.
	TempLeftFlag  = 0x200
	TempRightFlag = 0x400
)

// KTempFlag marks the left operand of ADDK, SUBK and MULK as a temporary;
// it sits above the constant index, which KIndexMask extracts.
const (
	KTempFlag  = 1 << 22
	KIndexMask = KTempFlag - 1
)

// binop emits a binary operator with flags (InplaceFlag, TempLeftFlag,
// TempRightFlag).
func (f *fcomp) binop(op lang.Op, flags int) {
	if flags&InplaceFlag != 0 {
		f.emit(BINARY, int(op)|flags)
		return
	}
	if code, ok := binops[op]; ok {
		f.emit(code, flags)
		return
	}
	f.emit(BINARY, int(op)|flags)
}

// isTemporary reports whether e always evaluates to a fresh value that no
// variable refers to: the result of an arithmetic operator or a unary
// minus (not `and`/`or`, which return an operand, nor calls, which may
// return a stored object).
func isTemporary(e lang.Expr) bool {
	switch e := e.(type) {
	case *lang.Binary:
		return e.Op != lang.And && e.Op != lang.Or
	case *lang.Unary:
		return e.Op == lang.Minus || e.Op == lang.Tilde
	}
	return false
}

func (f *fcomp) expr(e lang.Expr) {
	switch e := e.(type) {
	case *lang.Ident:
		f.pos = e.Pos
		f.loadBinding(f.c.res.idents[e])
	case *lang.Literal:
		f.literal(e)
	case *lang.FString:
		f.fstring(e)
	case *lang.Unary:
		if lit, ok := e.X.(*lang.Literal); ok && e.Op == lang.Minus {
			switch lit.Kind {
			case lang.IntLit:
				f.emit(CONST, f.c.constant(-lit.Value.(int64)))
				return
			case lang.FloatLit:
				f.emit(CONST, f.c.constant(-lit.Value.(float64)))
				return
			}
		}
		f.expr(e.X)
		f.pos = e.Pos
		if e.Op == lang.Not {
			f.emit(NOT, 0)
		} else {
			f.emit(UNARY, int(e.Op))
		}
	case *lang.Binary:
		switch e.Op {
		case lang.And, lang.Or:
			f.expr(e.X)
			f.pos = e.Pos
			op := JFALSEORPOP
			if e.Op == lang.Or {
				op = JTRUEORPOP
			}
			j := f.emit(op, 0)
			f.expr(e.Y)
			f.patch(j)
		default:
			if f.inFused == 0 && f.fusable(e) {
				f.fusedExpr(e)
				return
			}
			f.binaryExpr(e)
		}
	case *lang.Compare:
		f.compare(e)
	case *lang.Cond:
		f.expr(e.Cond)
		jf := f.jumpIfFalse()
		f.expr(e.True)
		j := f.emit(JUMP, 0)
		f.adjust(-1)
		f.patch(jf)
		f.expr(e.False)
		f.patch(j)
	case *lang.Call:
		f.call(e)
	case *lang.Attr:
		f.expr(e.X)
		f.pos = e.Pos
		f.emit(GETATTR, f.c.constant(e.Name))
	case *lang.Index:
		f.expr(e.X)
		f.expr(e.Index)
		f.pos = e.Pos
		f.emit(GETINDEX, 0)
	case *lang.Slice:
		f.optExpr(e.Lo)
		f.optExpr(e.Hi)
		n := 2
		if e.Step != nil {
			f.expr(e.Step)
			n = 3
		}
		f.pos = e.Pos
		f.emit(SLICE, n)
	case *lang.List:
		for _, x := range e.Elts {
			f.expr(x)
		}
		f.pos = e.Pos
		f.emit(LIST, len(e.Elts))
	case *lang.Tuple:
		for _, x := range e.Elts {
			f.expr(x)
		}
		f.pos = e.Pos
		f.emit(TUPLE, len(e.Elts))
	case *lang.Dict:
		for _, en := range e.Entries {
			f.expr(en.Key)
			f.expr(en.Value)
		}
		f.pos = e.Pos
		f.emit(DICT, len(e.Entries))
	case *lang.Lambda:
		f.function(e, "<lambda>", e.Params, nil, e.Body)
	case *lang.Comprehension:
		f.comprehension(e)
	default:
		f.c.errorf(e.Start(), "unsupported expression")
		f.emit(NONE, 0)
	}
}

func (f *fcomp) optExpr(e lang.Expr) {
	if e == nil {
		f.emit(NONE, 0)
	} else {
		f.expr(e)
	}
}

func (f *fcomp) literal(e *lang.Literal) {
	f.pos = e.Pos
	switch e.Kind {
	case lang.TrueLit:
		f.emit(TRUE, 0)
	case lang.FalseLit:
		f.emit(FALSE, 0)
	case lang.NoneLit:
		f.emit(NONE, 0)
	case lang.EllipsisLit:
		f.emit(CONST, f.c.constant(EllipsisConst{}))
	default:
		f.emit(CONST, f.c.constant(e.Value))
	}
}

func (f *fcomp) fstring(e *lang.FString) {
	n := 0
	for _, p := range e.Parts {
		if p.Expr == nil {
			if p.Text == "" {
				continue
			}
			f.emit(CONST, f.c.constant(p.Text))
		} else {
			f.expr(p.Expr)
			f.pos = p.Expr.Start()
			arg := int(p.Conv)
			if p.Format != "" {
				arg |= (f.c.constant(p.Format) + 1) << 8
			}
			f.emit(FORMAT, arg)
		}
		n++
	}
	switch n {
	case 0:
		f.emit(CONST, f.c.constant(""))
	case 1:
		if len(e.Parts) == 1 && e.Parts[0].Expr == nil {
			return
		}
		f.emit(STRING, 1)
	default:
		f.emit(STRING, n)
	}
}

// cmpop emits one comparison.
func (f *fcomp) cmpop(op lang.Op) {
	if code, ok := binops[op]; ok {
		f.emit(code, 0)
	} else {
		f.emit(BINARY, int(op))
	}
}

// compare emits a possibly chained comparison, evaluating each operand once.
func (f *fcomp) compare(e *lang.Compare) {
	f.expr(e.Operands[0])
	if len(e.Ops) == 1 && f.constOperand(e.Ops[0], e.Operands[1], e.Pos, false, false) {
		return
	}
	var cleanup []int
	for i, op := range e.Ops {
		f.expr(e.Operands[i+1])
		f.pos = e.Pos
		if i == len(e.Ops)-1 {
			f.cmpop(op)
			break
		}
		f.emit(DUP, 0)
		f.emit(ROT3, 0)
		f.cmpop(op)
		cleanup = append(cleanup, f.emit(JFALSEORPOP, 0))
	}
	if len(cleanup) == 0 {
		return
	}
	j := f.emit(JUMP, 0)
	for _, c := range cleanup {
		f.patch(c)
	}
	f.adjust(1)
	f.emit(ROT2, 0)
	f.emit(POP, 0)
	f.patch(j)
}

// call emits a call: fn, positional args, keyword values, *args, **kwargs.
func (f *fcomp) call(e *lang.Call) { f.callHint(e, 0) }

// callHint emits a call whose CALL argument also carries hint (CallFresh
// or nothing); temporaries among the first positional arguments are
// marked with CallTempArg0<<k.
func (f *fcomp) callHint(e *lang.Call, hint int) {
	f.expr(e.Fn)
	var star, kwstar lang.Expr
	var names []string
	var kwvals []lang.Expr
	npos := 0
	seenKw := false
	for _, a := range e.Args {
		switch {
		case a.Star == 1:
			if star != nil {
				f.c.errorf(a.Pos, "only one *args is allowed in a call")
			}
			if kwstar != nil {
				f.c.errorf(a.Pos, "*args argument follows **kwargs")
			}
			star = a.Value
		case a.Star == 2:
			if kwstar != nil {
				f.c.errorf(a.Pos, "only one **kwargs is allowed in a call")
			}
			kwstar = a.Value
		case a.Name != "":
			for _, n := range names {
				if n == a.Name {
					f.c.errorf(a.Pos, "keyword argument repeated: %s", a.Name)
				}
			}
			if kwstar != nil {
				f.c.errorf(a.Pos, "keyword argument follows **kwargs")
			}
			names = append(names, a.Name)
			kwvals = append(kwvals, a.Value)
			seenKw = true
		default:
			if seenKw || kwstar != nil {
				f.c.errorf(a.Pos, "positional argument follows keyword argument")
			} else if star != nil {
				f.c.errorf(a.Pos, "positional argument follows *args")
			}
			f.expr(a.Value)
			if npos < CallTempArgs && isTemporary(a.Value) {
				hint |= CallTempArg0 << npos
			}
			npos++
		}
	}
	for _, v := range kwvals {
		f.expr(v)
	}
	arg := npos | len(names)<<8
	if star != nil {
		f.expr(star)
		arg |= CallStar
	}
	if kwstar != nil {
		f.expr(kwstar)
		arg |= CallKwStar
	}
	if npos > 255 || len(names) > 255 {
		f.c.errorf(e.Pos, "too many arguments in call")
		arg &^= 0xffff
	}
	arg |= hint
	f.pos = e.Pos
	f.emit(CALL, arg)
	if len(names) > 0 {
		f.word(f.c.constant(names))
	}
}

// canonical orders parameters as the VM lays them out: positional,
// keyword-only, *args, **kwargs. It reports ordering errors.
func (c *compiler) canonical(params []lang.Param) (pos, kwonly []lang.Param, varargs, kwargs *lang.Param) {
	sawStar, sawDefault, bare := false, false, false
	for i := range params {
		p := &params[i]
		if kwargs != nil {
			c.errorf(p.Pos, "arguments cannot follow var-keyword argument")
			continue
		}
		switch {
		case p.Star == 2:
			kwargs = p
		case p.Star == 1:
			if sawStar {
				c.errorf(p.Pos, "* argument may appear only once")
				continue
			}
			sawStar = true
			if p.Name == "" {
				bare = true
			} else {
				varargs = p
			}
		case sawStar:
			kwonly = append(kwonly, *p)
		default:
			if p.Default != nil {
				sawDefault = true
			} else if sawDefault {
				c.errorf(p.Pos, "non-default argument follows default argument")
			}
			pos = append(pos, *p)
		}
	}
	if bare && len(kwonly) == 0 {
		c.errorf(params[len(params)-1].Pos, "named arguments must follow bare *")
	}
	return
}

// function compiles a def or lambda and emits MAKEFUNC, leaving the
// function on the stack.
func (f *fcomp) function(node lang.Node, name string, params []lang.Param, body []lang.Stmt, expr lang.Expr) {
	info := f.c.res.funcs[node]
	pos, kwonly, varargs, kwargs := f.c.canonical(params)
	child := f.c.newFcomp(info, name, node.Start())
	fc := child.code
	fc.NumPos, fc.NumKwonly = len(pos), len(kwonly)
	ndef := 0
	for _, p := range append(pos, kwonly...) {
		fc.Params = append(fc.Params, p.Name)
		fc.HasDefault = append(fc.HasDefault, p.Default != nil)
		if p.Default != nil {
			f.expr(p.Default)
			ndef++
		}
	}
	fc.NumDefault = ndef
	if varargs != nil {
		fc.HasVarargs = true
		fc.Params = append(fc.Params, varargs.Name)
	}
	if kwargs != nil {
		fc.HasKwargs = true
		fc.Params = append(fc.Params, kwargs.Name)
	}
	if expr != nil {
		child.expr(expr)
	} else {
		child.stmts(body)
		child.emit(NONE, 0)
	}
	child.emit(RETURN, 0)
	child.finish()
	for _, b := range info.free {
		switch b.outer.kind {
		case bindCell:
			f.emit(CELLREF, b.outer.index)
		case bindFree:
			f.emit(FREEREF, b.outer.index)
		}
	}
	f.pos = node.Start()
	f.emit(MAKEFUNC, f.c.constant(fc))
	f.adjust(1 - ndef - len(info.free))
}

// comprehension emits an inline comprehension: the result collection stays
// below the iterators of its for-clauses.
func (f *fcomp) comprehension(e *lang.Comprehension) {
	cs := f.c.res.comps[e]
	f.pos = e.Pos
	if e.Kind == DictCompKind {
		f.emit(DICT, 0)
	} else {
		f.emit(LIST, 0)
	}
	for _, b := range cs.names {
		if b.kind == bindCell {
			f.emit(MAKECELL, b.index)
		}
	}
	f.clauses(e, 0, 0, -1)
}

// DictCompKind is lang.DictComp, named here for readability.
const DictCompKind = lang.DictComp

func (f *fcomp) clauses(e *lang.Comprehension, i, nIters, top int) {
	if i == len(e.Clauses) {
		if e.Kind == lang.DictComp {
			f.expr(e.Key)
			f.expr(e.Body)
			f.pos = e.Pos
			f.emit(DICTSET, nIters+1)
		} else {
			f.expr(e.Body)
			f.pos = e.Pos
			f.emit(APPEND, nIters+1)
		}
		return
	}
	cl := e.Clauses[i]
	if cl.Vars == nil {
		f.expr(cl.If)
		f.emit(JFALSE, top)
		f.clauses(e, i+1, nIters, top)
		return
	}
	f.expr(cl.Iter)
	f.pos = cl.Pos
	f.emit(ITER, 0)
	loopTop := f.here()
	fi := f.emit(FORITER, 0)
	f.store(cl.Vars)
	f.clauses(e, i+1, nIters+1, loopTop)
	f.emit(JUMP, loopTop)
	f.patch(fi)
	f.adjust(-1)
}

// numericConst returns the value of an int or float literal, or of a
// negated one.
func numericConst(e lang.Expr) (any, bool) {
	neg := false
	if u, ok := e.(*lang.Unary); ok && u.Op == lang.Minus {
		neg, e = true, u.X
	}
	lit, ok := e.(*lang.Literal)
	if !ok {
		return nil, false
	}
	switch lit.Kind {
	case lang.IntLit:
		if neg {
			return -lit.Value.(int64), true
		}
		return lit.Value, true
	case lang.FloatLit:
		if neg {
			return -lit.Value.(float64), true
		}
		return lit.Value, true
	}
	return nil, false
}

// constOperand emits `x op constant` as one instruction when y is a
// numeric literal and op has such a form.
func (f *fcomp) constOperand(op lang.Op, y lang.Expr, pos lang.Pos, tempLeft, leftLocal bool) bool {
	code, ok := binops[op]
	if !ok {
		return false
	}
	kop, ok := constOps[code]
	if !ok {
		return false
	}
	k, ok := numericConst(y)
	if !ok {
		return false
	}
	f.pos = pos
	arg := f.c.constant(k)
	if tempLeft && (kop == ADDK || kop == SUBK || kop == MULK) {
		arg |= KTempFlag
	}
	if f.fuseLocalK(kop, arg, leftLocal) {
		return true
	}
	pc := f.emit(kop, arg)
	if kop >= LTK && kop <= NEK {
		f.lastCmpK = pc
	}
	return true
}

// binaryExpr emits the ordinary code of an arithmetic binary operator.
func (f *fcomp) binaryExpr(e *lang.Binary) {
	f.operand(e.Op, e.X)
	flags := 0
	if isTemporary(e.X) {
		flags |= TempLeftFlag
	}
	if f.constOperand(e.Op, e.Y, e.Pos, flags&TempLeftFlag != 0, f.isLocal(e.X)) {
		return
	}
	f.operand(e.Op, e.Y)
	if isTemporary(e.Y) {
		flags |= TempRightFlag
	}
	f.pos = e.Pos
	f.binop(e.Op, flags)
}

// freshOps are the operators that may update a call's fresh result in
// place (see CallFresh).
var freshOps = map[lang.Op]bool{
	lang.Plus: true, lang.Minus: true, lang.Star: true, lang.Slash: true,
	lang.SlashSlash: true, lang.Percent: true, lang.StarStar: true,
}

// operand emits one operand of the arithmetic operator op; a call gets the
// CallFresh hint.
func (f *fcomp) operand(op lang.Op, e lang.Expr) {
	if c, ok := e.(*lang.Call); ok && freshOps[op] {
		f.callHint(c, CallFresh)
		return
	}
	f.expr(e)
}

// localKOps maps a constant-operand opcode to its form fused with a
// preceding LOCAL.
var localKOps = map[Opcode]Opcode{ADDK: LADDK, SUBK: LSUBK, MULK: LMULK}

// isLocal reports whether e is a name bound to a plain local slot.
func (f *fcomp) isLocal(e lang.Expr) bool {
	id, ok := e.(*lang.Ident)
	if !ok {
		return false
	}
	b := f.c.res.idents[id]
	return b != nil && b.kind == bindLocal
}

// fuseLocalK rewrites `LOCAL x` just emitted for a local left operand,
// followed by kop with constant arg, into one instruction (n - 1 and
// i*2 in loops and recursions), when the operands fit its argument and
// no jump lands between the two.
func (f *fcomp) fuseLocalK(kop Opcode, arg int, leftLocal bool) bool {
	lop, ok := localKOps[kop]
	n := len(f.code.Code)
	if !ok || !leftLocal || n == 0 || f.lastTarget >= n || arg > 0xffff {
		return false
	}
	prev := f.code.Code[n-1]
	if Opcode(prev&0xff) != LOCAL || prev>>8 > 0xff {
		return false
	}
	f.code.Code[n-1] = uint32(lop) | (prev>>8|uint32(arg)<<8)<<8
	// Errors of the fused instruction point at the operator.
	if k := len(f.code.Positions); k > 0 && int(f.code.Positions[k-1].PC) == n-1 {
		f.code.Positions[k-1].Pos = f.pos
	} else {
		f.code.Positions = append(f.code.Positions, PosEntry{PC: uint32(n - 1), Pos: f.pos})
	}
	return true
}
