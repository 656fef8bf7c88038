package compiler

import (
	"fmt"
	"github.com/sim-lang/sim/lang"
	"strings"
)

// Disassemble returns a readable listing of every function of prog: one
// instruction a line with its address, source line, opcode, argument and,
// where useful, what the argument names.
func Disassemble(prog *Program) string {
	var b strings.Builder
	done := map[*Funcode]bool{}
	var fns []*Funcode
	var visit func(fc *Funcode)
	visit = func(fc *Funcode) {
		if done[fc] {
			return
		}
		done[fc] = true
		fns = append(fns, fc)
	}
	visit(prog.Toplevel)
	for _, c := range prog.Consts {
		if fc, ok := c.(*Funcode); ok {
			visit(fc)
		}
	}
	for i, fc := range fns {
		if i > 0 {
			b.WriteString("\n")
		}
		disasmFunc(&b, prog, fc)
	}
	return b.String()
}

func disasmFunc(b *strings.Builder, prog *Program, fc *Funcode) {
	fmt.Fprintf(b, "function %s (%s:%d) params=%v locals=%v cells=%v free=%v maxstack=%d\n",
		fc.Name, prog.Filename, fc.Pos.Line, fc.Params, fc.Locals, fc.Cells, fc.FreeNames, fc.MaxStack)
	for pc := 0; pc < len(fc.Code); pc++ {
		ins := fc.Code[pc]
		op, arg := Opcode(ins&0xff), int(ins>>8)
		fmt.Fprintf(b, "  %4d  %4d  %-12s", pc, fc.PosAt(pc).Line, op)
		if op.HasArg() {
			fmt.Fprintf(b, " %d", arg)
		}
		if note := argNote(prog, fc, op, arg); note != "" {
			b.WriteString("  ; " + note)
		}
		b.WriteString("\n")
		if op == JCMPK && pc+1 < len(fc.Code) {
			pc++
			w := fc.Code[pc]
			fmt.Fprintf(b, "  %4d        %-12s %d  ; unless %s %v\n", pc, "(cmp)", w, Opcode(w&0xff), prog.Consts[w>>8])
			continue
		}
		if op == CALL && (arg>>8)&0xff > 0 {
			pc++
			fmt.Fprintf(b, "  %4d        %-12s %d  ; %v\n", pc, "(kwnames)", fc.Code[pc], prog.Consts[fc.Code[pc]])
		}
	}
}

func argNote(prog *Program, fc *Funcode, op Opcode, arg int) string {
	name := func(names []string) string {
		if arg < len(names) {
			return names[arg]
		}
		return "?"
	}
	switch op {
	case CONST, ADDK, SUBK, MULK, LTK, LEK, GTK, GEK, EQK, NEK, GETATTR, SETATTR, IMPORT, IMPORTPKG, IMPORTFILE, IMPORTFROM:
		tmp := ""
		if (op == ADDK || op == SUBK || op == MULK) && arg&KTempFlag != 0 {
			arg &= KIndexMask
			tmp = " tmp-left"
		}
		switch c := prog.Consts[arg].(type) {
		case string:
			return fmt.Sprintf("%q", c)
		case *Funcode:
			return "<function " + c.Name + ">"
		default:
			return fmt.Sprint(c) + tmp
		}
	case LADDK, LSUBK, LMULK:
		li, k := arg&0xff, arg>>8
		local := "?"
		if li < len(fc.Locals) {
			local = fc.Locals[li]
		}
		return fmt.Sprintf("%s, %v", local, prog.Consts[k])
	case FUSEDTRY:
		if fu, ok := prog.Consts[arg].(*Fused); ok {
			return fmt.Sprintf("%s else go on; fused -> %d", lang.Dump(fu.Expr), fu.End)
		}
	case MAKEFUNC:
		return "<function " + prog.Consts[arg].(*Funcode).Name + ">"
	case LOCAL, SETLOCAL, DELLOCAL, CELL, SETCELL, CELLREF, MAKECELL:
		return name(fc.Locals)
	case FREE, SETFREE, FREEREF:
		return name(fc.FreeNames)
	case GLOBAL, SETGLOBAL, DELGLOBAL:
		if arg < prog.Globals.Len() {
			return prog.Globals.Name(arg)
		}
	case BINARY:
		s := opString(arg & 0xff)
		if arg&InplaceFlag != 0 {
			s += "="
		}
		return s + tempFlags(arg)
	case UNARY:
		return opString(arg)
	case CALL:
		s := fmt.Sprintf("npos=%d nkw=%d", arg&0xff, (arg>>8)&0xff)
		if arg&CallStar != 0 {
			s += " *args"
		}
		if arg&CallKwStar != 0 {
			s += " **kwargs"
		}
		for k := 0; k < CallTempArgs; k++ {
			if arg&(CallTempArg0<<k) != 0 {
				s += fmt.Sprintf(" temp%d", k)
			}
		}
		if arg&CallFresh != 0 {
			s += " fresh"
		}
		return s
	case FORMAT:
		s := ""
		if c := arg & 0xff; c != 0 {
			s = "!" + string(rune(c))
		}
		if k := arg >> 8; k > 0 {
			s += fmt.Sprintf(" spec=%q", prog.Consts[k-1])
		}
		return strings.TrimSpace(s)
	}
	return ""
}

// tempFlags shows the temporary-operand flags of a binary instruction.
func tempFlags(arg int) string {
	s := ""
	if arg&TempLeftFlag != 0 {
		s += " tmp-left"
	}
	if arg&TempRightFlag != 0 {
		s += " tmp-right"
	}
	return s
}
