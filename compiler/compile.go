package compiler

import (
	"math"
	"path/filepath"
	"strings"

	"github.com/sim-lang/sim/lang"
)

// Mode selects how the module body ends.
type Mode uint8

// Compilation modes.
const (
	// FileMode compiles a script; the body returns None.
	FileMode Mode = iota
	// InteractiveMode compiles a REPL input: a trailing expression
	// statement's value is returned.
	InteractiveMode
)

// Compile compiles a parsed file against the global table g (which it
// extends with every global name the file uses).
func Compile(file *lang.File, g *Globals, mode Mode) (*Program, error) {
	c := newCompiler(file.Name, file.Src, g)
	top := newFunc(true, nil)
	c.res.stmts(&scope{fn: top}, file.Stmts)
	if c.err != nil {
		return nil, c.err
	}
	f := c.newFcomp(top, "<module>", lang.Pos{Line: 1, Col: 1})
	stmts := file.Stmts
	var last *lang.ExprStmt
	if mode == InteractiveMode && len(stmts) > 0 {
		if es, ok := stmts[len(stmts)-1].(*lang.ExprStmt); ok {
			last = es
			stmts = stmts[:len(stmts)-1]
		}
	}
	f.stmts(stmts)
	if last != nil {
		f.expr(last.X)
	} else {
		f.emit(NONE, 0)
	}
	f.emit(RETURN, 0)
	c.prog.Toplevel = f.finish()
	if c.err != nil {
		return nil, c.err
	}
	return c.prog, nil
}

// CompileExpr compiles a single expression whose value the program
// returns.
func CompileExpr(filename, src string, e lang.Expr, g *Globals) (*Program, error) {
	file := &lang.File{Name: filename, Src: src, Stmts: []lang.Stmt{&lang.ExprStmt{X: e}}}
	return Compile(file, g, InteractiveMode)
}

type constKey struct {
	kind byte
	bits uint64
	s    string
}

// compiler holds the state shared by all functions of one file.
type compiler struct {
	prog   *Program
	res    *resolver
	consts map[constKey]int
	err    error
}

func newCompiler(filename, src string, g *Globals) *compiler {
	c := &compiler{prog: &Program{Filename: filename, Src: src, Globals: g}, consts: map[constKey]int{}}
	c.res = &resolver{c: c, idents: map[*lang.Ident]*binding{}, funcs: map[lang.Node]*funcInfo{},
		comps: map[*lang.Comprehension]*scope{}}
	return c
}

// errorf records the first compile error.
func (c *compiler) errorf(pos lang.Pos, format string, args ...any) {
	if c.err == nil {
		c.err = lang.Errorf(c.prog.Filename, c.prog.Src, pos, format, args...)
	}
}

// constant returns the index of a constant, adding it if new.
func (c *compiler) constant(v any) int {
	var k constKey
	switch v := v.(type) {
	case int64:
		k = constKey{kind: 1, bits: uint64(v)}
	case float64:
		k = constKey{kind: 2, bits: math.Float64bits(v)}
	case string:
		k = constKey{kind: 3, s: v}
	case EllipsisConst:
		k = constKey{kind: 4}
	default:
		c.prog.Consts = append(c.prog.Consts, v)
		return len(c.prog.Consts) - 1
	}
	if i, ok := c.consts[k]; ok {
		return i
	}
	c.prog.Consts = append(c.prog.Consts, v)
	i := len(c.prog.Consts) - 1
	c.consts[k] = i
	return i
}

// loop is an enclosing loop during code generation.
type loop struct {
	isFor  bool
	top    int
	breaks []int
}

// fcomp generates the code of one function.
type fcomp struct {
	c     *compiler
	fn    *funcInfo
	code  *Funcode
	pos   lang.Pos
	depth int
	loops []*loop
	// lastTarget is the highest address a forward jump was patched to;
	// an instruction there must not be fused with the one before it.
	lastTarget int
	// inFused counts the fused expressions being compiled around the
	// current one (their plain code is not fused again).
	inFused int
	// lastCmpK is the address of the last emitted constant comparison.
	lastCmpK int
}

func (c *compiler) newFcomp(fn *funcInfo, name string, pos lang.Pos) *fcomp {
	return &fcomp{c: c, fn: fn, pos: pos, lastCmpK: -1, code: &Funcode{Prog: c.prog, Name: name, Pos: pos}}
}

// finish completes the Funcode: local names, cells, free names.
func (f *fcomp) finish() *Funcode {
	fc := f.code
	fc.Locals = f.fn.slots
	for _, b := range f.fn.locals {
		if b.kind == bindCell {
			fc.Cells = append(fc.Cells, b.index)
		}
	}
	sortInts(fc.Cells)
	for _, b := range f.fn.free {
		fc.FreeNames = append(fc.FreeNames, b.name)
	}
	fc.MaxStack += 2
	threadJumps(fc.Code)
	return fc
}

// threadJumps retargets jumps that land on another JUMP and turns jumps
// to a RETURN into a RETURN.
func threadJumps(code []uint32) {
	for pc := 0; pc < len(code); pc++ {
		ins := code[pc]
		switch Opcode(ins & 0xff) {
		case CALL:
			if (ins>>16)&0xff != 0 {
				pc++
			}
			continue
		case JCMPK:
			pc++
			continue
		case JUMP:
		default:
			continue
		}
		target := int(ins >> 8)
		for n := 0; n < 8 && target < len(code) && Opcode(code[target]&0xff) == JUMP && !isOperandWord(code, target); n++ {
			target = int(code[target] >> 8)
		}
		if target < len(code) && Opcode(code[target]&0xff) == RETURN {
			code[pc] = uint32(RETURN)
			continue
		}
		code[pc] = uint32(JUMP) | uint32(target)<<8
	}
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// stackEffect is the fixed stack effect of an opcode; variable ones are
// computed in emit.
var stackEffect = [numOpcodes]int8{
	POP: -1, DUP: 1, DUP2: 2, CONST: 1, NONE: 1, TRUE: 1, FALSE: 1, LOCAL: 1, SETLOCAL: -1,
	CELL: 1, SETCELL: -1, FREE: 1, SETFREE: -1, CELLREF: 1, FREEREF: 1, GLOBAL: 1, SETGLOBAL: -1,
	ADD: -1, SUB: -1, MUL: -1, DIV: -1, FLOORDIV: -1, MOD: -1, EQ: -1, NE: -1, LT: -1, LE: -1,
	GT: -1, GE: -1, BINARY: -1, JFALSE: -1, JTRUE: -1, JFALSEORPOP: -1, JTRUEORPOP: -1,
	FORITER: 1, RETURN: -1, JCMPK: -1, LADDK: 1, LSUBK: 1, LMULK: 1, APPEND: -1, DICTSET: -2, SETATTR: -2, GETINDEX: -1, SETINDEX: -3,
	DELINDEX: -2, IMPORT: 1, IMPORTPKG: 1, IMPORTFILE: 1, IMPORTFROM: 1, IMPORTSTAR: -1,
}

// emit appends an instruction and returns its address.
func (f *fcomp) emit(op Opcode, arg int) int {
	fc := f.code
	pc := len(fc.Code)
	if n := len(fc.Positions); n == 0 || fc.Positions[n-1].Pos != f.pos {
		if n > 0 && int(fc.Positions[n-1].PC) == pc {
			fc.Positions[n-1].Pos = f.pos
		} else {
			fc.Positions = append(fc.Positions, PosEntry{PC: uint32(pc), Pos: f.pos})
		}
	}
	if arg < 0 || arg > MaxArg {
		f.c.errorf(f.pos, "program too large")
		arg = 0
	}
	fc.Code = append(fc.Code, uint32(op)|uint32(arg)<<8)
	d := int(stackEffect[op])
	switch op {
	case LIST, TUPLE, SLICE, STRING:
		d = 1 - arg
	case DICT:
		d = 1 - 2*arg
	case UNPACK:
		d = arg - 1
	case ASSERTFAIL:
		d = -arg
	case CALL:
		n := arg&0xff + (arg>>8)&0xff
		if arg&CallStar != 0 {
			n++
		}
		if arg&CallKwStar != 0 {
			n++
		}
		d = -n
	}
	f.adjust(d)
	return pc
}

// adjust changes the tracked stack depth.
func (f *fcomp) adjust(d int) {
	f.depth += d
	if f.depth > f.code.MaxStack {
		f.code.MaxStack = f.depth
	}
}

// word appends a raw operand word.
func (f *fcomp) word(w int) { f.code.Code = append(f.code.Code, uint32(w)) }

// here returns the address of the next instruction.
func (f *fcomp) here() int { return len(f.code.Code) }

// patch points the jump at pc to the next instruction.
func (f *fcomp) patch(pc int) { f.patchTo(pc, f.here()) }

func (f *fcomp) patchTo(pc, target int) {
	if target > f.lastTarget {
		f.lastTarget = target
	}
	ins := f.code.Code[pc]
	f.code.Code[pc] = ins&0xff | uint32(target)<<8
}

// isPathImport reports whether an import names a .sim file by path.
func isPathImport(name string) bool {
	return strings.HasSuffix(name, ".sim") || strings.ContainsAny(name, `/\`)
}

// pathModuleName is the name `import "lib/x.sim"` binds: "x".
func pathModuleName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// isOperandWord reports whether code[pc] is the operand word of the
// instruction before it.
func isOperandWord(code []uint32, pc int) bool {
	for i := 0; i < pc; i++ {
		op := Opcode(code[i] & 0xff)
		if (op == CALL && (code[i]>>16)&0xff != 0) || op == JCMPK {
			if i+1 == pc {
				return true
			}
			i++
		}
	}
	return false
}

// jumpIfFalse emits JFALSE to be patched later, fusing it with an
// immediately preceding constant comparison into JCMPK.
func (f *fcomp) jumpIfFalse() int {
	n := len(f.code.Code)
	if n > 0 && f.lastCmpK == n-1 && f.lastTarget < n {
		prev := f.code.Code[n-1]
		f.code.Code[n-1] = uint32(JCMPK)
		f.word(int(prev))
		f.adjust(-1)
		f.lastCmpK = -1
		return n - 1
	}
	return f.emit(JFALSE, 0)
}
