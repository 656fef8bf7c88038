package runtime

import (
	"context"
	"fmt"
	"math"

	"github.com/sim-lang/sim/compiler"
	"github.com/sim-lang/sim/lang"
)

// The dispatch loop (run) executes the common cases of the hot
// instructions inline: int and float arithmetic and comparisons, local and
// global slots, jumps, range and list iteration, and calls between script
// functions. Its fast paths call no Go functions, so the loop's state
// stays in registers; everything else goes through machine.slow, which
// works on the state saved in the frame.
//
// Steps: the thread's step counter advances at every jump, loop
// iteration, script call and slow-path instruction; every stepChunk steps
// the loop checks Thread.Ctx for cancellation and Thread.MaxSteps.

// stepChunk is how many steps run between cancellation checks.
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

// Type implements Object.
func (*iterValue) Type() string { return "iterator" }

// String implements Object.
func (*iterValue) String() string { return "<iterator>" }

// Truth implements Object.
func (*iterValue) Truth() (bool, error) { return true, nil }

func mkInt(i int64) Value                { return Value{kind: IntKind, bits: uint64(i)} }
func mkFloat(f float64) Value            { return Value{kind: FloatKind, bits: math.Float64bits(f)} }
func fitsInt32(a int64) bool             { return a == int64(int32(a)) }
func (v Value) isIntPair(w Value) bool   { return v.kind == IntKind && w.kind == IntKind }
func (v Value) isFloatPair(w Value) bool { return v.kind == FloatKind && w.kind == FloatKind }

// floatPair returns x and y as floats when both are numbers and at least
// one is a float.
func floatPair(x, y Value) (float64, float64, bool) {
	if x.kind == FloatKind {
		if y.kind == FloatKind {
			return x.AsFloat(), y.AsFloat(), true
		}
		if y.kind == IntKind {
			return x.AsFloat(), float64(int64(y.bits)), true
		}
	} else if x.kind == IntKind && y.kind == FloatKind {
		return float64(int64(x.bits)), y.AsFloat(), true
	}
	return 0, 0, false
}

// scalarTruth returns the truth of None, bool, int and float values; ok is
// false for objects.
func scalarTruth(v Value) (t, ok bool) {
	switch v.kind {
	case BoolKind, IntKind:
		return v.bits != 0, true
	case NoneKind:
		return false, true
	case FloatKind:
		return v.bits<<1 != 0, true
	}
	return false, false
}

// run executes from the innermost frame until the entry frame returns.
func (m *machine) run(th *Thread) (result Value, err error) {
	entryDepth := m.depth
	defer func() {
		if r := recover(); r != nil {
			err = m.unwind(entryDepth, fmt.Errorf("internal error: %v (please report)", r))
		}
	}()
	if m.budget <= 0 {
		if m.budget, err = refill(th); err != nil {
			m.budget = 0
			err = m.unwind(entryDepth, err)
			m.release(th)
			return Value{}, err
		}
	}
	fr := m.frames[m.depth-1]
	code := fr.code
	s := m.stack
	pc, bp, sp := fr.pc, fr.bp, fr.sp
	budget := m.budget

	for {
		ins := code[pc]
		pc++
		switch compiler.Opcode(ins & 0xff) {
		case compiler.POP:
			sp--
			continue
		case compiler.DUP:
			s[sp] = s[sp-1]
			sp++
			continue
		case compiler.ROT2:
			s[sp-1], s[sp-2] = s[sp-2], s[sp-1]
			continue
		case compiler.CONST:
			s[sp] = fr.consts[ins>>8]
			sp++
			continue
		case compiler.NONE:
			s[sp] = None
			sp++
			continue
		case compiler.LOCAL:
			v := s[bp+int(ins>>8)]
			if v.kind != Invalid {
				s[sp] = v
				sp++
				continue
			}
		case compiler.SETLOCAL:
			sp--
			s[bp+int(ins>>8)] = s[sp]
			continue
		case compiler.GLOBAL:
			g, i := fr.env.globals, int(ins>>8)
			if i < len(g) && g[i].kind != Invalid {
				s[sp] = g[i]
				sp++
				continue
			}
			if p := fr.env.pre; i < len(p) && p[i].kind != Invalid {
				s[sp] = p[i]
				sp++
				continue
			}
		case compiler.SETGLOBAL:
			sp--
			fr.env.globals[ins>>8] = s[sp]
			continue

		case compiler.ADD:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				a, b := int64(x.bits), int64(y.bits)
				if r := a + b; (r^a)&(r^b) >= 0 {
					s[sp-2] = mkInt(r)
					sp--
					continue
				}
			} else if a, b, ok := floatPair(x, y); ok {
				s[sp-2] = mkFloat(a + b)
				sp--
				continue
			}
		case compiler.SUB:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				a, b := int64(x.bits), int64(y.bits)
				if r := a - b; (a^b)&(r^a) >= 0 {
					s[sp-2] = mkInt(r)
					sp--
					continue
				}
			} else if a, b, ok := floatPair(x, y); ok {
				s[sp-2] = mkFloat(a - b)
				sp--
				continue
			}
		case compiler.MUL:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				if a, b := int64(x.bits), int64(y.bits); fitsInt32(a) && fitsInt32(b) {
					s[sp-2] = mkInt(a * b)
					sp--
					continue
				}
			} else if a, b, ok := floatPair(x, y); ok {
				s[sp-2] = mkFloat(a * b)
				sp--
				continue
			}
		case compiler.DIV:
			x, y := s[sp-2], s[sp-1]
			if a, b, ok := floatPair(x, y); ok && b != 0 {
				s[sp-2] = mkFloat(a / b)
				sp--
				continue
			}
		case compiler.LT:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				s[sp-2] = MakeBool(int64(x.bits) < int64(y.bits))
				sp--
				continue
			} else if x.isFloatPair(y) {
				s[sp-2] = MakeBool(x.AsFloat() < y.AsFloat())
				sp--
				continue
			}
		case compiler.LE:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				s[sp-2] = MakeBool(int64(x.bits) <= int64(y.bits))
				sp--
				continue
			} else if x.isFloatPair(y) {
				s[sp-2] = MakeBool(x.AsFloat() <= y.AsFloat())
				sp--
				continue
			}
		case compiler.GT:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				s[sp-2] = MakeBool(int64(x.bits) > int64(y.bits))
				sp--
				continue
			} else if x.isFloatPair(y) {
				s[sp-2] = MakeBool(x.AsFloat() > y.AsFloat())
				sp--
				continue
			}
		case compiler.GE:
			x, y := s[sp-2], s[sp-1]
			if x.isIntPair(y) {
				s[sp-2] = MakeBool(int64(x.bits) >= int64(y.bits))
				sp--
				continue
			} else if x.isFloatPair(y) {
				s[sp-2] = MakeBool(x.AsFloat() >= y.AsFloat())
				sp--
				continue
			}
		case compiler.EQ:
			if x, y := s[sp-2], s[sp-1]; x.isIntPair(y) {
				s[sp-2] = MakeBool(x.bits == y.bits)
				sp--
				continue
			}
		case compiler.NE:
			if x, y := s[sp-2], s[sp-1]; x.isIntPair(y) {
				s[sp-2] = MakeBool(x.bits != y.bits)
				sp--
				continue
			}
		case compiler.ADDK:
			x, y := s[sp-1], fr.consts[(ins>>8)&compiler.KIndexMask]
			if x.isIntPair(y) {
				a, b := int64(x.bits), int64(y.bits)
				if r := a + b; (r^a)&(r^b) >= 0 {
					s[sp-1] = mkInt(r)
					continue
				}
			} else if a, b, ok := floatPair(x, y); ok {
				s[sp-1] = mkFloat(a + b)
				continue
			}
		case compiler.SUBK:
			x, y := s[sp-1], fr.consts[(ins>>8)&compiler.KIndexMask]
			if x.isIntPair(y) {
				a, b := int64(x.bits), int64(y.bits)
				if r := a - b; (a^b)&(r^a) >= 0 {
					s[sp-1] = mkInt(r)
					continue
				}
			} else if a, b, ok := floatPair(x, y); ok {
				s[sp-1] = mkFloat(a - b)
				continue
			}
		case compiler.LADDK:
			x, y := s[bp+int(ins>>8)&0xff], fr.consts[ins>>16]
			if x.isIntPair(y) {
				a, b := int64(x.bits), int64(y.bits)
				if r := a + b; (r^a)&(r^b) >= 0 {
					s[sp] = mkInt(r)
					sp++
					continue
				}
			} else if a, b, ok := floatPair(x, y); ok {
				s[sp] = mkFloat(a + b)
				sp++
				continue
			}
		case compiler.LSUBK:
			x, y := s[bp+int(ins>>8)&0xff], fr.consts[ins>>16]
			if x.isIntPair(y) {
				a, b := int64(x.bits), int64(y.bits)
				if r := a - b; (a^b)&(r^a) >= 0 {
					s[sp] = mkInt(r)
					sp++
					continue
				}
			} else if a, b, ok := floatPair(x, y); ok {
				s[sp] = mkFloat(a - b)
				sp++
				continue
			}
		case compiler.LMULK:
			x, y := s[bp+int(ins>>8)&0xff], fr.consts[ins>>16]
			if x.isIntPair(y) {
				if a, b := int64(x.bits), int64(y.bits); fitsInt32(a) && fitsInt32(b) {
					s[sp] = mkInt(a * b)
					sp++
					continue
				}
			} else if a, b, ok := floatPair(x, y); ok {
				s[sp] = mkFloat(a * b)
				sp++
				continue
			}
		case compiler.MULK:
			x, y := s[sp-1], fr.consts[(ins>>8)&compiler.KIndexMask]
			if x.isIntPair(y) {
				if a, b := int64(x.bits), int64(y.bits); fitsInt32(a) && fitsInt32(b) {
					s[sp-1] = mkInt(a * b)
					continue
				}
			} else if a, b, ok := floatPair(x, y); ok {
				s[sp-1] = mkFloat(a * b)
				continue
			}
		case compiler.LTK:
			x, y := s[sp-1], fr.consts[ins>>8]
			if x.isIntPair(y) {
				s[sp-1] = MakeBool(int64(x.bits) < int64(y.bits))
				continue
			} else if x.isFloatPair(y) {
				s[sp-1] = MakeBool(x.AsFloat() < y.AsFloat())
				continue
			}
		case compiler.LEK:
			x, y := s[sp-1], fr.consts[ins>>8]
			if x.isIntPair(y) {
				s[sp-1] = MakeBool(int64(x.bits) <= int64(y.bits))
				continue
			} else if x.isFloatPair(y) {
				s[sp-1] = MakeBool(x.AsFloat() <= y.AsFloat())
				continue
			}
		case compiler.GTK:
			x, y := s[sp-1], fr.consts[ins>>8]
			if x.isIntPair(y) {
				s[sp-1] = MakeBool(int64(x.bits) > int64(y.bits))
				continue
			} else if x.isFloatPair(y) {
				s[sp-1] = MakeBool(x.AsFloat() > y.AsFloat())
				continue
			}
		case compiler.GEK:
			x, y := s[sp-1], fr.consts[ins>>8]
			if x.isIntPair(y) {
				s[sp-1] = MakeBool(int64(x.bits) >= int64(y.bits))
				continue
			} else if x.isFloatPair(y) {
				s[sp-1] = MakeBool(x.AsFloat() >= y.AsFloat())
				continue
			}
		case compiler.EQK:
			if x, y := s[sp-1], fr.consts[ins>>8]; x.isIntPair(y) {
				s[sp-1] = MakeBool(x.bits == y.bits)
				continue
			}
		case compiler.NEK:
			if x, y := s[sp-1], fr.consts[ins>>8]; x.isIntPair(y) {
				s[sp-1] = MakeBool(x.bits != y.bits)
				continue
			}

		case compiler.FUSEDTRY:
			// Scalar operands: go on with the ordinary code at once.
			if !fr.consts[ins>>8].obj.(*fusedCode).anyObject(s, bp, fr.env) {
				continue
			}
		case compiler.JUMP:
			if budget > 0 {
				budget--
				pc = int(ins >> 8)
				continue
			}
		case compiler.JFALSE:
			if t, ok := scalarTruth(s[sp-1]); ok {
				sp--
				if !t {
					pc = int(ins >> 8)
				}
				continue
			}
		case compiler.JCMPK:
			w := code[pc]
			pc++
			x, y := s[sp-1], fr.consts[w>>8]
			var t bool
			if x.isIntPair(y) {
				a, b := int64(x.bits), int64(y.bits)
				switch compiler.Opcode(w & 0xff) {
				case compiler.LTK:
					t = a < b
				case compiler.LEK:
					t = a <= b
				case compiler.GTK:
					t = a > b
				case compiler.GEK:
					t = a >= b
				case compiler.EQK:
					t = a == b
				default:
					t = a != b
				}
			} else if x.isFloatPair(y) {
				a, b := x.AsFloat(), y.AsFloat()
				switch compiler.Opcode(w & 0xff) {
				case compiler.LTK:
					t = a < b
				case compiler.LEK:
					t = a <= b
				case compiler.GTK:
					t = a > b
				case compiler.GEK:
					t = a >= b
				case compiler.EQK:
					t = a == b
				default:
					t = a != b
				}
			} else {
				break
			}
			sp--
			if !t {
				pc = int(ins >> 8)
			}
			continue
		case compiler.JTRUE:
			if t, ok := scalarTruth(s[sp-1]); ok {
				sp--
				if t {
					pc = int(ins >> 8)
				}
				continue
			}
		case compiler.JFALSEORPOP:
			if t, ok := scalarTruth(s[sp-1]); ok {
				if !t {
					pc = int(ins >> 8)
				} else {
					sp--
				}
				continue
			}
		case compiler.JTRUEORPOP:
			if t, ok := scalarTruth(s[sp-1]); ok {
				if t {
					pc = int(ins >> 8)
				} else {
					sp--
				}
				continue
			}
		case compiler.FORITER:
			if budget > 0 {
				budget--
				switch it := s[sp-1].obj.(*iterValue).it.(type) {
				case *RangeIter:
					if it.left > 0 {
						s[sp] = mkInt(it.next)
						it.next += it.step
						it.left--
						sp++
					} else {
						sp--
						pc = int(ins >> 8)
					}
					continue
				case *listIter:
					if it.i < len(it.l.Elems) {
						s[sp] = it.l.Elems[it.i]
						it.i++
						sp++
					} else {
						sp--
						pc = int(ins >> 8)
					}
					continue
				}
			}
		case compiler.GETINDEX:
			if k := s[sp-1]; k.kind == IntKind {
				i := int64(k.bits)
				switch o := s[sp-2].obj.(type) {
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
		case compiler.SETINDEX:
			if l, ok := s[sp-2].obj.(*List); ok && s[sp-1].kind == IntKind {
				i := int64(s[sp-1].bits)
				if i < 0 {
					i += int64(len(l.Elems))
				}
				if i >= 0 && i < int64(len(l.Elems)) {
					l.Elems[i] = s[sp-3]
					sp -= 3
					continue
				}
			}

		case compiler.CALL:
			npos := int(ins>>8) & 0xff
			if (ins>>8)&compiler.CallShapeMask>>8 != 0 || budget <= 0 || m.depth >= len(m.frames) {
				break
			}
			fslot := sp - npos - 1
			f, ok := s[fslot].obj.(*Function)
			if !ok || f.fastArity != npos {
				break
			}
			fc := f.code
			nbp := fslot + 1
			nlocals := len(fc.Locals)
			need := nbp + nlocals + fc.MaxStack
			if need > len(s) {
				break
			}
			// Bind in place: the arguments already sit where the callee's
			// first locals go.
			budget--
			for i := nbp + npos; i < nbp+nlocals; i++ {
				s[i] = Value{}
			}
			fr.pc, fr.sp = pc, fslot
			nf := m.frames[m.depth]
			m.depth++
			nf.fn, nf.bp, nf.entry, nf.savedTop = f, nbp, false, m.top
			nf.code, nf.consts, nf.env = fc.Code, f.mod.consts, f.mod.env
			m.top = need
			fr, code = nf, fc.Code
			pc, bp, sp = 0, nbp, nbp+nlocals
			continue
		case compiler.RETURN:
			if !fr.entry {
				v := s[sp-1]
				m.depth--
				m.top = fr.savedTop
				fr = m.frames[m.depth-1]
				code = fr.code
				pc, bp, sp = fr.pc, fr.bp, fr.sp
				s[sp] = v
				sp++
				continue
			}
		}

		// Slow path: save the state, execute in full, reload.
		fr.pc, fr.sp = pc, sp
		m.budget = budget
		done, res, e := m.slow(th, ins)
		budget = m.budget
		if e != nil {
			e = m.unwind(entryDepth, e)
			m.release(th)
			return Value{}, e
		}
		if done {
			m.release(th)
			return res, nil
		}
		fr = m.frames[m.depth-1]
		code = fr.code
		s = m.stack
		pc, bp, sp = fr.pc, fr.bp, fr.sp
	}
}

// release gives unused steps back to the thread when the outermost run
// ends.
func (m *machine) release(th *Thread) {
	if m.depth == 0 {
		th.Steps -= uint64(m.budget)
		m.budget = 0
	}
}

// unwind turns err into an *EvalError carrying the positions of the
// active frames from entryDepth inwards (each frame's saved pc points
// past the instruction that was executing), pops those frames, and
// returns it.
func (m *machine) unwind(entryDepth int, err error) error {
	var frames []TraceFrame
	line := ""
	for d := entryDepth - 1; d < m.depth; d++ {
		fr := m.frames[d]
		fc := fr.fn.code
		pos := fc.PosAt(fr.pc - 1)
		frames = append(frames, TraceFrame{File: fc.Prog.Filename, Pos: pos, Func: fc.Name})
		line = lang.SourceLine(fc.Prog.Src, int(pos.Line))
	}
	for m.depth >= entryDepth {
		m.pop()
	}
	return locate(err, frames, line)
}

// locate attaches a position and traceback to err. An *EvalError raised
// further in (by a script function called from a builtin) keeps its
// position and gets the outer frames prepended.
// isStringSource reports whether file names a string a script passed to a
// builtin (<equations>, <code>, <condition>, <expression>) rather than a
// file of script code.
func isStringSource(file string) bool {
	switch file {
	case "<equations>", "<code>", "<condition>", "<expression>":
		return true
	}
	return false
}

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
	ee := &EvalError{File: inner.File, Pos: inner.Pos, Frames: frames, Err: err, Line: line}
	if le, ok := err.(*lang.Error); ok {
		if isStringSource(le.File) && le.File != inner.File {
			// An error inside an equation or code string: point at the
			// script line that passed it, and show the string's line too.
			ee.Msg = le.Msg
			ee.Detail = fmt.Sprintf("  in %s, line %d:", le.File, le.Pos.Line)
			if le.Line != "" {
				ee.Detail += "\n" + lang.Caret(le.Line, int(le.Pos.Col))
			}
			return ee
		}
		ee.File, ee.Pos, ee.Msg, ee.Line = le.File, le.Pos, le.Msg, le.Line
		return ee
	}
	ee.Msg = err.Error()
	if err == context.Canceled || err == context.DeadlineExceeded {
		ee.Msg = "interrupted: " + err.Error()
	}
	return ee
}
