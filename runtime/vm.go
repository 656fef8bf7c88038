package runtime

import (
	"context"
	"fmt"
	"math"

	"github.com/sim-lang/sim/compiler"
	"github.com/sim-lang/sim/lang"
)

// stepChunk is how many instructions run between cancellation checks.
const stepChunk = 4096

// refill grants the next chunk of steps, checking the step limit and
// cancellation.
func refill(th *Thread) (int, error) {
	if th.Ctx != nil {
		select {
		case <-th.Ctx.Done():
			return 0, th.Ctx.Err()
		default:
		}
	}
	chunk := uint64(stepChunk)
	if th.MaxSteps > 0 {
		if th.Steps >= th.MaxSteps {
			return 0, Errorf("step limit of %d exceeded", th.MaxSteps)
		}
		if rem := th.MaxSteps - th.Steps; rem < chunk {
			chunk = rem
		}
	}
	th.Steps += chunk
	return int(chunk), nil
}

// iterValue is an iterator on the operand stack of a for loop.
type iterValue struct{ it Iterator }

func (*iterValue) Type() string          { return "iterator" }
func (*iterValue) String() string        { return "<iterator>" }
func (*iterValue) Truth() (bool, error)  { return true, nil }
func mkInt(i int64) Value                { return Value{kind: IntKind, bits: uint64(i)} }
func mkFloat(f float64) Value            { return Value{kind: FloatKind, bits: math.Float64bits(f)} }
func fitsInt32(a int64) bool             { return a == int64(int32(a)) }
func (v Value) isIntPair(w Value) bool   { return v.kind == IntKind && w.kind == IntKind }
func (v Value) isFloatPair(w Value) bool { return v.kind == FloatKind && w.kind == FloatKind }

// run executes from the innermost frame until the entry frame returns.
func (m *machine) run(th *Thread) (result Value, err error) {
	entryDepth := m.depth
	defer func() {
		if r := recover(); r != nil {
			err = m.unwind(th, entryDepth, -1, fmt.Errorf("internal error: %v (please report)", r))
		}
	}()
	budget, err := refill(th)
	if err != nil {
		return Value{}, m.unwind(th, entryDepth, m.frames[m.depth-1].pc, err)
	}

	fr := m.frames[m.depth-1]
	fn := fr.fn
	code := fn.code.Code
	consts := fn.mod.consts
	env := fn.mod.env
	s := m.stack
	pc, bp, sp := fr.pc, fr.bp, fr.sp
	var ins uint32

loop:
	for {
		budget--
		if budget < 0 {
			budget = 0
			if budget, err = refill(th); err != nil {
				break loop
			}
			budget--
		}
		ins = code[pc]
		pc++
		switch compiler.Opcode(ins & 0xff) {
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
			s[sp] = consts[ins>>8]
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
			v := s[bp+int(ins>>8)]
			if v.kind == Invalid {
				err = Errorf("local variable '%s' referenced before assignment", fn.code.Locals[ins>>8])
				break loop
			}
			s[sp] = v
			sp++
		case compiler.SETLOCAL:
			sp--
			s[bp+int(ins>>8)] = s[sp]
		case compiler.DELLOCAL:
			i := bp + int(ins>>8)
			if !s[i].IsValid() {
				err = Errorf("local variable '%s' referenced before assignment", fn.code.Locals[ins>>8])
				break loop
			}
			s[i] = Value{}
		case compiler.CELL:
			v := s[bp+int(ins>>8)].obj.(*Cell).v
			if !v.IsValid() {
				err = Errorf("local variable '%s' referenced before assignment", fn.code.Locals[ins>>8])
				break loop
			}
			s[sp] = v
			sp++
		case compiler.SETCELL:
			sp--
			s[bp+int(ins>>8)].obj.(*Cell).v = s[sp]
		case compiler.FREE:
			v := fn.free[ins>>8].v
			if !v.IsValid() {
				err = Errorf("free variable '%s' referenced before assignment in enclosing scope", fn.code.FreeNames[ins>>8])
				break loop
			}
			s[sp] = v
			sp++
		case compiler.SETFREE:
			sp--
			fn.free[ins>>8].v = s[sp]
		case compiler.CELLREF:
			s[sp] = s[bp+int(ins>>8)]
			sp++
		case compiler.FREEREF:
			s[sp] = MakeObj(fn.free[ins>>8])
			sp++
		case compiler.MAKECELL:
			s[bp+int(ins>>8)] = MakeObj(&Cell{})
		case compiler.GLOBAL:
			i := int(ins >> 8)
			v := env.globals[i]
			if v.kind == Invalid {
				if v, err = env.predeclared(i, fn.code); err != nil {
					break loop
				}
			}
			s[sp] = v
			sp++
		case compiler.SETGLOBAL:
			sp--
			env.globals[ins>>8] = s[sp]
		case compiler.DELGLOBAL:
			i := int(ins >> 8)
			if !env.globals[i].IsValid() {
				err = Errorf("name '%s' is not defined", env.table.Name(i))
				break loop
			}
			env.globals[i] = Value{}

		case compiler.ADD:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				a, b := int64(x.bits), int64(y.bits)
				if r := a + b; (r^a)&(r^b) >= 0 {
					s[sp-2] = mkInt(r)
					sp--
					continue
				}
			} else if x.isFloatPair(y) {
				s[sp-2] = mkFloat(x.AsFloat() + y.AsFloat())
				sp--
				continue
			}
			if s[sp-2], err = Binary(lang.Plus, x, y); err != nil {
				break loop
			}
			sp--
		case compiler.SUB:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				a, b := int64(x.bits), int64(y.bits)
				if r := a - b; (a^b)&(r^a) >= 0 {
					s[sp-2] = mkInt(r)
					sp--
					continue
				}
			} else if x.isFloatPair(y) {
				s[sp-2] = mkFloat(x.AsFloat() - y.AsFloat())
				sp--
				continue
			}
			if s[sp-2], err = Binary(lang.Minus, x, y); err != nil {
				break loop
			}
			sp--
		case compiler.MUL:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				a, b := int64(x.bits), int64(y.bits)
				if fitsInt32(a) && fitsInt32(b) {
					s[sp-2] = mkInt(a * b)
					sp--
					continue
				}
			} else if x.isFloatPair(y) {
				s[sp-2] = mkFloat(x.AsFloat() * y.AsFloat())
				sp--
				continue
			}
			if s[sp-2], err = Binary(lang.Star, x, y); err != nil {
				break loop
			}
			sp--
		case compiler.DIV:
			x, y := s[sp-2], s[sp-1]
			if x.isFloatPair(y) {
				s[sp-2] = mkFloat(x.AsFloat() / y.AsFloat())
				if y.bits<<1 != 0 {
					sp--
					continue
				}
			}
			if s[sp-2], err = Binary(lang.Slash, x, y); err != nil {
				break loop
			}
			sp--
		case compiler.FLOORDIV:
			if s[sp-2], err = Binary(lang.SlashSlash, s[sp-2], s[sp-1]); err != nil {
				break loop
			}
			sp--
		case compiler.MOD:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				a, b := int64(x.bits), int64(y.bits)
				if a >= 0 && b > 0 {
					s[sp-2] = mkInt(a % b)
					sp--
					continue
				}
			}
			if s[sp-2], err = Binary(lang.Percent, x, y); err != nil {
				break loop
			}
			sp--
		case compiler.LT:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				s[sp-2] = MakeBool(int64(x.bits) < int64(y.bits))
			} else if x.isFloatPair(y) {
				s[sp-2] = MakeBool(x.AsFloat() < y.AsFloat())
			} else if s[sp-2], err = Binary(lang.Lt, x, y); err != nil {
				break loop
			}
			sp--
		case compiler.LE:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				s[sp-2] = MakeBool(int64(x.bits) <= int64(y.bits))
			} else if x.isFloatPair(y) {
				s[sp-2] = MakeBool(x.AsFloat() <= y.AsFloat())
			} else if s[sp-2], err = Binary(lang.Le, x, y); err != nil {
				break loop
			}
			sp--
		case compiler.GT:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				s[sp-2] = MakeBool(int64(x.bits) > int64(y.bits))
			} else if x.isFloatPair(y) {
				s[sp-2] = MakeBool(x.AsFloat() > y.AsFloat())
			} else if s[sp-2], err = Binary(lang.Gt, x, y); err != nil {
				break loop
			}
			sp--
		case compiler.GE:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				s[sp-2] = MakeBool(int64(x.bits) >= int64(y.bits))
			} else if x.isFloatPair(y) {
				s[sp-2] = MakeBool(x.AsFloat() >= y.AsFloat())
			} else if s[sp-2], err = Binary(lang.Ge, x, y); err != nil {
				break loop
			}
			sp--
		case compiler.EQ:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				s[sp-2] = MakeBool(x.bits == y.bits)
			} else if s[sp-2], err = Binary(lang.Eq, x, y); err != nil {
				break loop
			}
			sp--
		case compiler.NE:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				s[sp-2] = MakeBool(x.bits != y.bits)
			} else if s[sp-2], err = Binary(lang.Ne, x, y); err != nil {
				break loop
			}
			sp--
		case compiler.BINARY:
			arg := ins >> 8
			x, y := s[sp-2], s[sp-1]
			if arg&compiler.InplaceFlag != 0 {
				if l, ok := x.obj.(*List); ok {
					elems, e := ToSlice(y)
					if e != nil {
						err = e
						break loop
					}
					l.Elems = append(l.Elems, elems...)
					sp--
					continue
				}
			}
			if s[sp-2], err = Binary(lang.Op(arg&0xff), x, y); err != nil {
				break loop
			}
			sp--
		case compiler.UNARY:
			x := s[sp-1]
			op := lang.Op(ins >> 8)
			if op == lang.Minus && x.kind == IntKind && int64(x.bits) != math.MinInt64 {
				s[sp-1] = mkInt(-int64(x.bits))
			} else if op == lang.Minus && x.kind == FloatKind {
				s[sp-1] = mkFloat(-x.AsFloat())
			} else if s[sp-1], err = Unary(op, x); err != nil {
				break loop
			}
		case compiler.NOT:
			t, e := truth(s[sp-1])
			if e != nil {
				err = e
				break loop
			}
			s[sp-1] = MakeBool(!t)

		case compiler.JUMP:
			pc = int(ins >> 8)
		case compiler.JFALSE, compiler.JTRUE:
			sp--
			t, e := truth(s[sp])
			if e != nil {
				err = e
				break loop
			}
			if t == (compiler.Opcode(ins&0xff) == compiler.JTRUE) {
				pc = int(ins >> 8)
			}
		case compiler.JFALSEORPOP, compiler.JTRUEORPOP:
			t, e := truth(s[sp-1])
			if e != nil {
				err = e
				break loop
			}
			if t == (compiler.Opcode(ins&0xff) == compiler.JTRUEORPOP) {
				pc = int(ins >> 8)
			} else {
				sp--
			}

		case compiler.ITER:
			it, e := Iterate(s[sp-1])
			if e != nil {
				err = e
				break loop
			}
			s[sp-1] = MakeObj(&iterValue{it})
		case compiler.FORITER:
			iv := s[sp-1].obj.(*iterValue)
			switch it := iv.it.(type) {
			case *RangeIter:
				if it.left > 0 {
					s[sp] = mkInt(it.next)
					it.next += it.step
					it.left--
					sp++
					continue
				}
			case *listIter:
				if it.i < len(it.l.Elems) {
					s[sp] = it.l.Elems[it.i]
					it.i++
					sp++
					continue
				}
			default:
				fr.pc, fr.sp = pc, sp
				ok := it.Next(&s[sp])
				if len(m.stack) != len(s) {
					v := s[sp]
					s = m.stack
					s[sp] = v
				}
				if ok {
					sp++
					continue
				}
			}
			sp--
			pc = int(ins >> 8)

		case compiler.CALL:
			arg := int(ins >> 8)
			npos := arg & 0xff
			if arg>>8 == 0 {
				fslot := sp - npos - 1
				if f, ok := s[fslot].obj.(*Function); ok && f.inline && npos >= f.minPos && npos <= f.code.NumPos {
					// Bind in place: the arguments already sit where the
					// callee's first locals go.
					fc := f.code
					nbp := fslot + 1
					need := nbp + len(fc.Locals) + fc.MaxStack
					if need > len(s) {
						m.ensure(need)
						s = m.stack
					}
					for i := npos; i < fc.NumPos; i++ {
						s[nbp+i] = f.defaults[i]
					}
					if fc.NumPos < len(fc.Locals) {
						clear(s[nbp+fc.NumPos : nbp+len(fc.Locals)])
					}
					if len(fc.Cells) > 0 {
						initCells(s, nbp, fc)
					}
					fr.pc, fr.sp = pc, fslot
					nf, e := m.push(f, nbp, false)
					if e != nil {
						err = e
						break loop
					}
					fr, fn, code, consts, env = nf, f, fc.Code, f.mod.consts, f.mod.env
					pc, bp, sp = 0, nbp, nf.sp
					continue
				}
			}
			var names []string
			if (arg>>8)&0xff != 0 {
				names = fn.mod.prog.Consts[code[pc]].([]string)
				pc++
			}
			fslot := sp - callArgs(arg) - 1
			fr.pc, fr.sp = pc, fslot
			nf, res, e := m.callSlow(th, arg, names, fslot)
			s = m.stack
			if e != nil {
				err = e
				break loop
			}
			if nf != nil {
				fr, fn = nf, nf.fn
				code, consts, env = fn.code.Code, fn.mod.consts, fn.mod.env
				pc, bp, sp = 0, nf.bp, nf.sp
				continue
			}
			s[fslot] = res
			sp = fslot + 1
		case compiler.RETURN:
			v := s[sp-1]
			if fr.entry {
				m.pop()
				th.Steps -= uint64(budget)
				return v, nil
			}
			m.pop()
			fr = m.frames[m.depth-1]
			fn = fr.fn
			code, consts, env = fn.code.Code, fn.mod.consts, fn.mod.env
			pc, bp, sp = fr.pc, fr.bp, fr.sp
			s[sp] = v
			sp++

		case compiler.MAKEFUNC:
			fc := fn.mod.prog.Consts[ins>>8].(*compiler.Funcode)
			n := fc.NumDefault + len(fc.FreeNames)
			f := newFunction(fc, fn.mod, s[sp-n:sp])
			sp -= n
			s[sp] = MakeObj(f)
			sp++
		case compiler.LIST:
			n := int(ins >> 8)
			elems := make([]Value, n)
			copy(elems, s[sp-n:sp])
			sp -= n
			s[sp] = NewList(elems)
			sp++
		case compiler.TUPLE:
			n := int(ins >> 8)
			elems := make(Tuple, n)
			copy(elems, s[sp-n:sp])
			sp -= n
			s[sp] = MakeObj(elems)
			sp++
		case compiler.DICT:
			n := int(ins >> 8)
			d := NewDict()
			for i := sp - 2*n; i < sp; i += 2 {
				if err = d.Set(s[i], s[i+1]); err != nil {
					break loop
				}
			}
			sp -= 2 * n
			s[sp] = MakeObj(d)
			sp++
		case compiler.SLICE:
			n := int(ins >> 8)
			sl := &Slice{Start: s[sp-n], Stop: s[sp-n+1], Step: None}
			if n == 3 {
				sl.Step = s[sp-1]
			}
			sp -= n
			s[sp] = MakeObj(sl)
			sp++
		case compiler.APPEND:
			sp--
			l := s[sp-int(ins>>8)].obj.(*List)
			l.Elems = append(l.Elems, s[sp])
		case compiler.DICTSET:
			sp -= 2
			d := s[sp-int(ins>>8)].obj.(*Dict)
			if err = d.Set(s[sp], s[sp+1]); err != nil {
				break loop
			}
		case compiler.GETATTR:
			x := s[sp-1]
			name := string(consts[ins>>8].obj.(String))
			if mod, ok := x.obj.(*Module); ok {
				if v, ok := mod.Members[name]; ok {
					s[sp-1] = v
					continue
				}
			}
			if s[sp-1], err = GetAttr(x, name); err != nil {
				break loop
			}
		case compiler.SETATTR:
			name := string(consts[ins>>8].obj.(String))
			if err = SetAttr(s[sp-1], name, s[sp-2]); err != nil {
				break loop
			}
			sp -= 2
		case compiler.GETINDEX:
			x, k := s[sp-2], s[sp-1]
			if k.kind == IntKind {
				i := int64(k.bits)
				switch o := x.obj.(type) {
				case *List:
					if i < 0 {
						i += int64(len(o.Elems))
					}
					if i >= 0 && i < int64(len(o.Elems)) {
						s[sp-2] = o.Elems[i]
						sp--
						continue
					}
				case Tuple:
					if i < 0 {
						i += int64(len(o))
					}
					if i >= 0 && i < int64(len(o)) {
						s[sp-2] = o[i]
						sp--
						continue
					}
				}
			}
			if s[sp-2], err = GetIndex(x, k); err != nil {
				break loop
			}
			sp--
		case compiler.SETINDEX:
			v, x, k := s[sp-3], s[sp-2], s[sp-1]
			if l, ok := x.obj.(*List); ok && k.kind == IntKind {
				i := int64(k.bits)
				if i < 0 {
					i += int64(len(l.Elems))
				}
				if i >= 0 && i < int64(len(l.Elems)) {
					l.Elems[i] = v
					sp -= 3
					continue
				}
			}
			if err = SetIndex(x, k, v); err != nil {
				break loop
			}
			sp -= 3
		case compiler.DELINDEX:
			if err = DelIndex(s[sp-2], s[sp-1]); err != nil {
				break loop
			}
			sp -= 2
		case compiler.UNPACK:
			if err = unpack(s, sp, int(ins>>8)); err != nil {
				break loop
			}
			sp += int(ins>>8) - 1
		case compiler.FORMAT:
			if s[sp-1], err = formatField(s[sp-1], ins>>8, fn.mod.prog); err != nil {
				break loop
			}
		case compiler.STRING:
			n := int(ins >> 8)
			s[sp-n] = concatStrings(s[sp-n : sp])
			sp -= n - 1
		case compiler.ASSERTFAIL:
			if ins>>8 == 1 {
				sp--
				err = Errorf("%s", Str(s[sp]))
			} else {
				err = Errorf("assertion failed")
			}
			break loop
		case compiler.IMPORT, compiler.IMPORTPKG, compiler.IMPORTFILE:
			fr.pc, fr.sp = pc, sp
			v, e := env.importOp(th, compiler.Opcode(ins&0xff), string(consts[ins>>8].obj.(String)), fn.mod.prog.Filename)
			s = m.stack
			if e != nil {
				err = e
				break loop
			}
			s[sp] = v
			sp++
		case compiler.IMPORTFROM:
			if s[sp], err = importMember(s[sp-1], string(consts[ins>>8].obj.(String))); err != nil {
				break loop
			}
			sp++
		case compiler.IMPORTSTAR:
			sp--
			env.importStar(s[sp])
		default:
			err = Errorf("bad opcode %d", ins&0xff)
			break loop
		}
	}
	th.Steps -= uint64(budget)
	return Value{}, m.unwind(th, entryDepth, pc, err)
}

// truth is Truth with the scalar cases inline.
func truth(v Value) (bool, error) {
	switch v.kind {
	case BoolKind, IntKind:
		return v.bits != 0, nil
	case NoneKind:
		return false, nil
	case FloatKind:
		return v.AsFloat() != 0, nil
	}
	return Truth(v)
}

// unwind turns err into an *EvalError carrying the positions of the
// active frames from entryDepth inwards, pops those frames, and returns
// it. pc is the innermost frame's program counter (-1: use the saved one).
func (m *machine) unwind(th *Thread, entryDepth, pc int, err error) error {
	var frames []TraceFrame
	line := ""
	for d := entryDepth - 1; d < m.depth; d++ {
		fr := m.frames[d]
		p := fr.pc
		if d == m.depth-1 && pc >= 0 {
			p = pc
		}
		fc := fr.fn.code
		frames = append(frames, TraceFrame{File: fc.Prog.Filename, Pos: fc.PosAt(p - 1), Func: fc.Name})
		line = lang.SourceLine(fc.Prog.Src, int(fc.PosAt(p-1).Line))
	}
	for m.depth >= entryDepth {
		m.pop()
	}
	return locate(err, frames, line)
}

// locate attaches a position and traceback to err. An *EvalError raised
// further in (by a script function called from a builtin) keeps its
// position and gets the outer frames prepended.
func locate(err error, frames []TraceFrame, line string) error {
	if ee, ok := err.(*EvalError); ok {
		if len(frames) > 0 {
			ee.Frames = append(append([]TraceFrame(nil), frames...), ee.Frames...)
		}
		return ee
	}
	if len(frames) == 0 {
		return err
	}
	inner := frames[len(frames)-1]
	ee := &EvalError{File: inner.File, Pos: inner.Pos, Frames: frames, Err: err}
	if le, ok := err.(*lang.Error); ok {
		ee.File, ee.Pos, ee.Msg, ee.Line = le.File, le.Pos, le.Msg, le.Line
		return ee
	}
	ee.Msg = err.Error()
	if err == context.Canceled || err == context.DeadlineExceeded {
		ee.Msg = "interrupted: " + err.Error()
	}
	ee.Line = line
	return ee
}
