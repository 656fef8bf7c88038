package runtime

import (
	"github.com/sim-lang/sim/compiler"
	"github.com/sim-lang/sim/lang"
)

// binaryOps maps the dedicated arithmetic and comparison opcodes (and
// their constant-operand forms) to operators.
var binaryOps = [...]lang.Op{
	compiler.ADD: lang.Plus, compiler.SUB: lang.Minus, compiler.MUL: lang.Star,
	compiler.DIV: lang.Slash, compiler.FLOORDIV: lang.SlashSlash, compiler.MOD: lang.Percent,
	compiler.EQ: lang.Eq, compiler.NE: lang.Ne, compiler.LT: lang.Lt, compiler.LE: lang.Le,
	compiler.GT: lang.Gt, compiler.GE: lang.Ge,
	compiler.ADDK: lang.Plus, compiler.SUBK: lang.Minus, compiler.MULK: lang.Star,
	compiler.LTK: lang.Lt, compiler.LEK: lang.Le, compiler.GTK: lang.Gt, compiler.GEK: lang.Ge,
	compiler.EQK: lang.Eq, compiler.NEK: lang.Ne,
	compiler.LADDK: lang.Plus, compiler.LSUBK: lang.Minus, compiler.LMULK: lang.Star,
}

// slow executes one instruction in full generality: everything the fast
// paths of run leave out (errors, calls out to Go, allocation). The
// machine state lives in the innermost frame: its pc already points past
// the instruction. It reports done when the entry frame returned.
func (m *machine) slow(th *Thread, ins uint32) (done bool, result Value, err error) {
	m.budget--
	if m.budget <= 0 {
		if m.budget, err = refill(th); err != nil {
			m.budget = 0
			return
		}
	}
	fr := m.frames[m.depth-1]
	fn := fr.fn
	code, consts, env := fr.code, fr.consts, fr.env
	s := m.stack
	pc, bp, sp := fr.pc, fr.bp, fr.sp
	arg := int(ins >> 8)
	op := compiler.Opcode(ins & 0xff)
	switch op {
	case compiler.NOP:
	case compiler.POP:
		sp--
	case compiler.DUP:
		s[sp] = s[sp-1]
		sp++
	case compiler.DUP2:
		s[sp] = s[sp-2]
		s[sp+1] = s[sp-1]
		sp += 2
	case compiler.ROT2:
		s[sp-1], s[sp-2] = s[sp-2], s[sp-1]
	case compiler.ROT3:
		s[sp-3], s[sp-2], s[sp-1] = s[sp-1], s[sp-3], s[sp-2]
	case compiler.CONST:
		s[sp] = consts[arg]
		sp++
	case compiler.NONE:
		s[sp] = None
		sp++
	case compiler.TRUE:
		s[sp] = True
		sp++
	case compiler.FALSE:
		s[sp] = False
		sp++
	case compiler.LOCAL:
		v := s[bp+arg]
		if !v.IsValid() {
			return false, Value{}, Errorf("local variable '%s' referenced before assignment", fn.code.Locals[arg])
		}
		s[sp] = v
		sp++
	case compiler.SETLOCAL:
		sp--
		s[bp+arg] = s[sp]
	case compiler.DELLOCAL:
		if !s[bp+arg].IsValid() {
			return false, Value{}, Errorf("local variable '%s' referenced before assignment", fn.code.Locals[arg])
		}
		s[bp+arg] = Value{}
	case compiler.CELL:
		v := s[bp+arg].obj.(*Cell).v
		if !v.IsValid() {
			return false, Value{}, Errorf("local variable '%s' referenced before assignment", fn.code.Locals[arg])
		}
		s[sp] = v
		sp++
	case compiler.SETCELL:
		sp--
		s[bp+arg].obj.(*Cell).v = s[sp]
	case compiler.FREE:
		v := fn.free[arg].v
		if !v.IsValid() {
			return false, Value{}, Errorf("free variable '%s' referenced before assignment in enclosing scope", fn.code.FreeNames[arg])
		}
		s[sp] = v
		sp++
	case compiler.SETFREE:
		sp--
		fn.free[arg].v = s[sp]
	case compiler.CELLREF:
		s[sp] = s[bp+arg]
		sp++
	case compiler.FREEREF:
		s[sp] = MakeObj(fn.free[arg])
		sp++
	case compiler.MAKECELL:
		s[bp+arg] = MakeObj(&Cell{})
	case compiler.GLOBAL:
		v := env.globals[arg]
		if !v.IsValid() {
			if v, err = env.predeclared(arg, fn.code); err != nil {
				return
			}
		}
		s[sp] = v
		sp++
	case compiler.SETGLOBAL:
		sp--
		env.globals[arg] = s[sp]
	case compiler.DELGLOBAL:
		if !env.globals[arg].IsValid() {
			return false, Value{}, Errorf("name '%s' is not defined", env.table.Name(arg))
		}
		env.globals[arg] = Value{}

	case compiler.ADD, compiler.SUB, compiler.MUL, compiler.DIV, compiler.FLOORDIV, compiler.MOD,
		compiler.EQ, compiler.NE, compiler.LT, compiler.LE, compiler.GT, compiler.GE:
		x, y := s[sp-2], s[sp-1]
		freshX, freshY := takeFresh(&x), takeFresh(&y)
		if s[sp-2], err = BinaryFlags(binaryOps[op], x, y, false,
			freshX || arg&compiler.TempLeftFlag != 0, freshY || arg&compiler.TempRightFlag != 0); err != nil {
			return
		}
		sp--
	case compiler.LADDK, compiler.LSUBK, compiler.LMULK:
		li := arg & 0xff
		v := s[bp+li]
		if !v.IsValid() {
			return false, Value{}, Errorf("local variable '%s' referenced before assignment", fn.code.Locals[li])
		}
		if s[sp], err = Binary(binaryOps[op], v, consts[arg>>8]); err != nil {
			return
		}
		sp++
	case compiler.ADDK, compiler.SUBK, compiler.MULK, compiler.LTK, compiler.LEK, compiler.GTK,
		compiler.GEK, compiler.EQK, compiler.NEK:
		k := consts[arg&compiler.KIndexMask]
		x := s[sp-1]
		fresh := takeFresh(&x)
		if s[sp-1], err = BinaryFlags(binaryOps[op], x, k, false, fresh || arg&compiler.KTempFlag != 0, false); err != nil {
			return
		}
	case compiler.BINARY:
		x, y := s[sp-2], s[sp-1]
		freshX, freshY := takeFresh(&x), takeFresh(&y)
		if arg&compiler.InplaceFlag != 0 && lang.Op(arg&0xff) == lang.Plus {
			if l, ok := x.obj.(*List); ok {
				elems, e := ToSlice(y)
				if e != nil {
					return false, Value{}, e
				}
				l.Elems = append(l.Elems, elems...)
				sp--
				break
			}
		}
		if s[sp-2], err = BinaryFlags(lang.Op(arg&0xff), x, y, arg&compiler.InplaceFlag != 0,
			freshX || arg&compiler.TempLeftFlag != 0, freshY || arg&compiler.TempRightFlag != 0); err != nil {
			return
		}
		sp--
	case compiler.UNARY:
		if s[sp-1], err = Unary(lang.Op(arg), s[sp-1]); err != nil {
			return
		}
	case compiler.NOT:
		t, e := Truth(s[sp-1])
		if e != nil {
			return false, Value{}, e
		}
		s[sp-1] = MakeBool(!t)

	case compiler.FUSEDTRY:
		fc := consts[arg].obj.(*fusedCode)
		var buf [maxFusedLeaves]Value
		if Fuse != nil {
			if leaves, ok := fc.leaves(buf[:], s, bp, fn, env, consts); ok {
				if v, ok := Fuse(fc.f, leaves); ok {
					s[sp] = v
					sp++
					pc = fc.f.End
				}
			}
		}
	case compiler.JUMP:
		pc = arg
	case compiler.JFALSE, compiler.JTRUE:
		sp--
		t, e := Truth(s[sp])
		if e != nil {
			return false, Value{}, e
		}
		if t == (op == compiler.JTRUE) {
			pc = arg
		}
	case compiler.JCMPK:
		w := code[pc-1]
		r, e := Binary(binaryOps[compiler.Opcode(w&0xff)], s[sp-1], consts[w>>8])
		if e != nil {
			return false, Value{}, e
		}
		sp--
		t, e := Truth(r)
		if e != nil {
			return false, Value{}, e
		}
		if !t {
			pc = arg
		}
	case compiler.JFALSEORPOP, compiler.JTRUEORPOP:
		t, e := Truth(s[sp-1])
		if e != nil {
			return false, Value{}, e
		}
		if t == (op == compiler.JTRUEORPOP) {
			pc = arg
		} else {
			sp--
		}

	case compiler.ITER:
		it, e := Iterate(s[sp-1])
		if e != nil {
			return false, Value{}, e
		}
		s[sp-1] = MakeObj(&iterValue{it})
	case compiler.FORITER:
		it := s[sp-1].obj.(*iterValue).it
		ok := it.Next(&s[sp])
		if len(m.stack) != len(s) { // a Go iterator ran script code that grew the stack
			v := s[sp]
			s = m.stack
			s[sp] = v
		}
		if ok {
			sp++
		} else {
			sp--
			pc = arg
		}

	case compiler.CALL:
		var names []string
		if (arg>>8)&0xff != 0 {
			names = fn.mod.prog.Consts[code[pc]].([]string)
			pc++
		}
		fslot := sp - callArgs(arg) - 1
		fr.pc, fr.sp = pc, fslot
		nf, res, e := m.callSlow(th, arg, names, fslot)
		if e != nil {
			return false, Value{}, e
		}
		if nf != nil {
			return false, Value{}, nil // the callee's frame is current now
		}
		s = m.stack
		s[fslot] = res
		sp = fslot + 1
	case compiler.RETURN:
		v := s[sp-1]
		m.pop()
		if fr.entry {
			return true, v, nil
		}
		caller := m.frames[m.depth-1]
		m.stack[caller.sp] = v
		caller.sp++
		return false, Value{}, nil

	case compiler.MAKEFUNC:
		fc := fn.mod.prog.Consts[arg].(*compiler.Funcode)
		n := fc.NumDefault + len(fc.FreeNames)
		f := newFunction(fc, fn.mod, s[sp-n:sp])
		sp -= n
		s[sp] = MakeObj(f)
		sp++
	case compiler.LIST:
		elems := make([]Value, arg)
		copy(elems, s[sp-arg:sp])
		sp -= arg
		s[sp] = NewList(elems)
		sp++
	case compiler.TUPLE:
		elems := make(Tuple, arg)
		copy(elems, s[sp-arg:sp])
		sp -= arg
		s[sp] = MakeObj(elems)
		sp++
	case compiler.DICT:
		d := NewDict()
		for i := sp - 2*arg; i < sp; i += 2 {
			if err = d.Set(s[i], s[i+1]); err != nil {
				return
			}
		}
		sp -= 2 * arg
		s[sp] = MakeObj(d)
		sp++
	case compiler.SLICE:
		sl := &Slice{Start: s[sp-arg], Stop: s[sp-arg+1], Step: None}
		if arg == 3 {
			sl.Step = s[sp-1]
		}
		sp -= arg
		s[sp] = MakeObj(sl)
		sp++
	case compiler.APPEND:
		sp--
		l := s[sp-arg].obj.(*List)
		l.Elems = append(l.Elems, s[sp])
	case compiler.DICTSET:
		sp -= 2
		d := s[sp-arg].obj.(*Dict)
		if err = d.Set(s[sp], s[sp+1]); err != nil {
			return
		}
	case compiler.GETATTR:
		x := s[sp-1]
		name := string(consts[arg].obj.(String))
		if mod, ok := x.obj.(*Module); ok {
			if v, ok := mod.Members[name]; ok {
				s[sp-1] = v
				break
			}
		}
		if s[sp-1], err = GetAttrOn(th, x, name); err != nil {
			return
		}
	case compiler.SETATTR:
		if err = SetAttrOn(th, s[sp-1], string(consts[arg].obj.(String)), s[sp-2]); err != nil {
			return
		}
		sp -= 2
	case compiler.GETINDEX:
		if s[sp-2], err = GetIndex(s[sp-2], s[sp-1]); err != nil {
			return
		}
		sp--
	case compiler.SETINDEX:
		if err = SetIndex(s[sp-2], s[sp-1], s[sp-3]); err != nil {
			return
		}
		sp -= 3
	case compiler.DELINDEX:
		if err = DelIndex(s[sp-2], s[sp-1]); err != nil {
			return
		}
		sp -= 2
	case compiler.UNPACK:
		if err = unpack(s, sp, arg); err != nil {
			return
		}
		sp += arg - 1
	case compiler.FORMAT:
		if s[sp-1], err = formatField(s[sp-1], uint32(arg), fn.mod.prog); err != nil {
			return
		}
	case compiler.STRING:
		s[sp-arg] = concatStrings(s[sp-arg : sp])
		sp -= arg - 1
	case compiler.ASSERTFAIL:
		if arg == 1 {
			return false, Value{}, Errorf("%s", Str(s[sp-1]))
		}
		return false, Value{}, Errorf("assertion failed")
	case compiler.IMPORT, compiler.IMPORTPKG, compiler.IMPORTFILE:
		v, e := env.importOp(th, op, string(consts[arg].obj.(String)), fn.mod.prog.Filename)
		if e != nil {
			return false, Value{}, e
		}
		s = m.stack
		s[sp] = v
		sp++
	case compiler.IMPORTFROM:
		if s[sp], err = importMember(s[sp-1], string(consts[arg].obj.(String))); err != nil {
			return
		}
		sp++
	case compiler.IMPORTSTAR:
		sp--
		env.importStar(s[sp])
	default:
		return false, Value{}, Errorf("bad opcode %d", op)
	}
	fr.pc, fr.sp = pc, sp
	return
}
