package vector

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sim-lang/sim/lang"
)

// Disassemble prints the program readably: the source statements, the
// uniform prologue (computed once per run), the block code for contiguous
// ranges and the code for listed elements (RunIndices).
func (p *Program) Disassemble() string {
	var b strings.Builder
	for _, s := range p.Source {
		fmt.Fprintf(&b, "# %s\n", s)
	}
	if p.Sequential {
		b.WriteString("# sequential: runs element by element\n")
	}
	b.WriteString("prologue:\n")
	for r, v := range p.Uniform {
		if !p.computed(int32(r)) {
			fmt.Fprintf(&b, "  u%d = %s\n", r, strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	for _, in := range p.Prologue {
		b.WriteString("  " + p.instrString(in, nil, true) + "\n")
	}
	p.codeString(&b, "block", &p.Block)
	p.codeString(&b, "indexed", &p.Indexed)
	if len(p.Epilogue) > 0 {
		b.WriteString("epilogue:\n")
		for _, in := range p.Epilogue {
			b.WriteString("  " + p.instrString(in, nil, true) + "\n")
		}
	}
	return b.String()
}

func (p *Program) computed(r int32) bool {
	for _, in := range p.Prologue {
		if in.Dst == r {
			return true
		}
	}
	return false
}

func (p *Program) codeString(b *strings.Builder, title string, c *Code) {
	fmt.Fprintf(b, "%s: (%d scratch registers)\n", title, c.NumRegs)
	for _, in := range c.Instrs {
		b.WriteString("  " + p.instrString(in, c, false) + "\n")
	}
}

func (p *Program) name(kind SymKind, slot int32) string {
	if n, ok := p.names[[2]int32{int32(kind), slot}]; ok {
		return n
	}
	return fmt.Sprintf("#%d", slot)
}

// reg names a block register: rN for scratch, the array name for bound
// ones ("out" for Eval's output).
func (p *Program) reg(c *Code, r int32) string {
	if c != nil && int(r) >= c.NumRegs {
		slot := c.Bind[int(r)-c.NumRegs]
		if slot < 0 {
			return "@out"
		}
		return "@" + p.name(Array, slot)
	}
	return fmt.Sprintf("r%d", r)
}

func (p *Program) instrString(in Instr, c *Code, uniform bool) string {
	arg := func(j int) string {
		if uniform || in.Mode&(1<<j) != 0 {
			if !uniform && c != nil && in.Op < NumKernelOps && OpTable[in.Op].Wide != nil && int(in.Args[j]) < len(c.Splats) {
				return fmt.Sprintf("u%d", c.Splats[in.Args[j]]) // a splat of the register
			}
			return fmt.Sprintf("u%d", in.Args[j])
		}
		return p.reg(c, in.Args[j])
	}
	var args []string
	for j := 0; j < int(in.N); j++ {
		args = append(args, arg(j))
	}
	dst := func() string {
		if uniform {
			return fmt.Sprintf("u%d", in.Dst)
		}
		return p.reg(c, in.Dst)
	}
	switch in.Op {
	case OpScalar:
		return fmt.Sprintf("%s = scalar %s", dst(), p.name(Scalar, in.Slot))
	case OpLoad:
		return fmt.Sprintf("%s = load %s", dst(), p.name(Array, in.Slot))
	case OpLoadIdx:
		return fmt.Sprintf("%s = gather %s[idx%d]", dst(), p.name(IndexedArray, in.Slot), in.Index)
	case OpIndex:
		return fmt.Sprintf("%s = index + %g", dst(), in.Val)
	case OpRand, OpRandn:
		return fmt.Sprintf("%s = %s site %d", dst(), in.Op, in.Slot)
	case OpPoisson:
		return fmt.Sprintf("%s = poisson %s site %d", dst(), args[0], in.Slot)
	case OpCall:
		return fmt.Sprintf("%s = call %s(%s)", dst(), p.Funcs[in.Slot].Name(), strings.Join(args, ", "))
	case OpStore:
		if in.Slot < 0 {
			return fmt.Sprintf("store out <- %s", args[0])
		}
		return fmt.Sprintf("store %s <- %s", p.name(Array, in.Slot), args[0])
	case OpStoreIdx:
		return fmt.Sprintf("scatter %s[idx%d] <- %s (in order)", p.name(IndexedArray, in.Slot), in.Index, args[0])
	case OpAccIdx:
		return fmt.Sprintf("scatter %s[idx%d] %s= %s (in order)", p.name(IndexedArray, in.Slot), in.Index, accSym[in.Aux], args[0])
	case OpStoreScalar:
		return fmt.Sprintf("store %s <- %s", p.name(Scalar, in.Slot), args[0])
	}
	return fmt.Sprintf("%s = %s %s", dst(), in.Op, strings.Join(args, ", "))
}

var accSym = map[Opcode]string{OpAdd: "+", OpSub: "-", OpMul: "*", OpDiv: "/"}

func stmtString(s Stmt) string {
	op := "="
	if s.Op != lang.Illegal {
		op = s.Op.String() + "="
	}
	return s.Target + " " + op + " " + exprString(s.Value)
}

// exprString prints an expression of model code, fully parenthesized
// below the top level.
func exprString(e lang.Expr) string {
	switch e := e.(type) {
	case *lang.Ident:
		return e.Name
	case *lang.Literal:
		switch e.Kind {
		case lang.TrueLit:
			return "True"
		case lang.FalseLit:
			return "False"
		}
		return fmt.Sprint(e.Value)
	case *lang.Unary:
		if e.Op == lang.Not {
			return "not " + sub(e.X)
		}
		return e.Op.String() + sub(e.X)
	case *lang.Binary:
		return sub(e.X) + " " + e.Op.String() + " " + sub(e.Y)
	case *lang.Compare:
		s := sub(e.Operands[0])
		for i, op := range e.Ops {
			s += " " + op.String() + " " + sub(e.Operands[i+1])
		}
		return s
	case *lang.Cond:
		return sub(e.True) + " if " + sub(e.Cond) + " else " + sub(e.False)
	case *lang.Call:
		var a []string
		for _, x := range e.Args {
			a = append(a, exprString(x.Value))
		}
		return exprString(e.Fn) + "(" + strings.Join(a, ", ") + ")"
	}
	return "?"
}

func sub(e lang.Expr) string {
	switch e.(type) {
	case *lang.Ident, *lang.Literal, *lang.Call:
		return exprString(e)
	}
	return "(" + exprString(e) + ")"
}
