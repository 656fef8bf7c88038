package compiler

import "fmt"

// Opcode is a bytecode operation. An instruction is one uint32: the
// opcode in the low 8 bits and its argument in the upper 24 bits. CALL
// with keyword arguments is followed by one extra word, the constant index
// of the keyword names.
type Opcode uint8

// The opcodes. Stack effects are written [before] -> [after].
const (
	NOP         Opcode = iota
	POP                // [x] -> []
	DUP                // [x] -> [x x]
	DUP2               // [x y] -> [x y x y]
	ROT2               // [x y] -> [y x]
	ROT3               // [x y z] -> [z x y]
	CONST              // -> [consts[arg]]
	NONE               // -> [None]
	TRUE               // -> [True]
	FALSE              // -> [False]
	LOCAL              // -> [locals[arg]]
	SETLOCAL           // [x] -> ; locals[arg] = x
	DELLOCAL           // unbind locals[arg]
	CELL               // -> [cell value in locals[arg]]
	SETCELL            // [x] -> ; set cell in locals[arg]
	FREE               // -> [free cell arg value]
	SETFREE            // [x] -> ; set free cell arg
	CELLREF            // -> [the cell object in locals[arg]]
	FREEREF            // -> [free cell arg object]
	MAKECELL           // locals[arg] = new empty cell
	GLOBAL             // -> [globals[arg]] (falls back to predeclared names)
	SETGLOBAL          // [x] -> ; globals[arg] = x
	DELGLOBAL          // unbind globals[arg]
	ADD                // [x y] -> [x+y]
	SUB                // [x y] -> [x-y]
	MUL                // [x y] -> [x*y]
	DIV                // [x y] -> [x/y]
	FLOORDIV           // [x y] -> [x//y]
	MOD                // [x y] -> [x%y]
	EQ                 // [x y] -> [x==y]
	NE                 // [x y] -> [x!=y]
	LT                 // [x y] -> [x<y]
	LE                 // [x y] -> [x<=y]
	GT                 // [x y] -> [x>y]
	GE                 // [x y] -> [x>=y]
	BINARY             // [x y] -> [x op y], arg is a lang.Op
	UNARY              // [x] -> [op x], arg is a lang.Op
	NOT                // [x] -> [not x]
	JUMP               // pc = arg
	JFALSE             // [x] -> ; jump if x is false
	JTRUE              // [x] -> ; jump if x is true
	JFALSEORPOP        // [x] -> [x] and jump if x is false, else []
	JTRUEORPOP         // [x] -> [x] and jump if x is true, else []
	ITER               // [iterable] -> [iterator]
	FORITER            // [it] -> [it x], or [] and jump to arg when exhausted
	CALL               // [fn args... kwvalues... *args? **kwargs?] -> [result]; arg = npos | nkw<<8 | star<<16 | kwstar<<17
	RETURN             // [x] -> return x
	MAKEFUNC           // [defaults... cells...] -> [function]; arg = constant index of a *Funcode
	LIST               // [x1..xn] -> [list]
	TUPLE              // [x1..xn] -> [tuple]
	DICT               // [k1 v1 .. kn vn] -> [dict]
	SLICE              // [lo hi] or [lo hi step] -> [slice]; arg = 2 or 3
	APPEND             // [list it.. x] -> [list it..]; list is arg slots below x
	DICTSET            // [dict it.. k v] -> [dict it..]; dict is arg slots below k
	GETATTR            // [x] -> [x.name], name = consts[arg]
	SETATTR            // [v x] -> ; x.name = v
	GETINDEX           // [x k] -> [x[k]]
	SETINDEX           // [v x k] -> ; x[k] = v
	DELINDEX           // [x k] -> ; del x[k]
	UNPACK             // [seq] -> [xn .. x1]; arg = n
	FORMAT             // [x] -> [str]; arg = conv | (spec const index+1)<<8
	STRING             // [s1..sn] -> [s1+..+sn]
	ASSERTFAIL         // [msg]? -> error; arg = 1 when a message is on the stack
	IMPORT             // -> [module named consts[arg]]
	IMPORTPKG          // -> [package module of the first component of consts[arg]]
	IMPORTFILE         // -> [module from the .sim file consts[arg]]
	IMPORTFROM         // [m] -> [m member], member name consts[arg]
	IMPORTSTAR         // [m] -> ; copy members into globals
	ADDK               // [x] -> [x+consts[arg]]
	SUBK               // [x] -> [x-consts[arg]]
	MULK               // [x] -> [x*consts[arg]]
	LTK                // [x] -> [x<consts[arg]]
	LEK                // [x] -> [x<=consts[arg]]
	GTK                // [x] -> [x>consts[arg]]
	GEK                // [x] -> [x>=consts[arg]]
	EQK                // [x] -> [x==consts[arg]]
	NEK                // [x] -> [x!=consts[arg]]
	JCMPK              // [x] -> ; jump to arg unless x cmp consts[k]; the next word is cmp | k<<8 (cmp one of LTK..NEK)
	FUSEDTRY           // -> [v] and jump past the plain code when the fused array expression consts[arg] (a *Fused) applies; else -> and go on
	LADDK              // -> [locals[arg&0xff] + consts[arg>>8]] (LOCAL then ADDK, fused)
	LSUBK              // -> [locals[arg&0xff] - consts[arg>>8]]
	LMULK              // -> [locals[arg&0xff] * consts[arg>>8]]
	numOpcodes
)

// opInfo describes an opcode for the disassembler.
type opInfo struct {
	name   string
	hasArg bool
}

var opTable = [numOpcodes]opInfo{
	NOP: {"NOP", false}, POP: {"POP", false}, DUP: {"DUP", false}, DUP2: {"DUP2", false},
	ROT2: {"ROT2", false}, ROT3: {"ROT3", false}, CONST: {"CONST", true}, NONE: {"NONE", false},
	TRUE: {"TRUE", false}, FALSE: {"FALSE", false}, LOCAL: {"LOCAL", true},
	SETLOCAL: {"SETLOCAL", true}, DELLOCAL: {"DELLOCAL", true}, CELL: {"CELL", true},
	SETCELL: {"SETCELL", true}, FREE: {"FREE", true}, SETFREE: {"SETFREE", true},
	CELLREF: {"CELLREF", true}, FREEREF: {"FREEREF", true}, MAKECELL: {"MAKECELL", true},
	GLOBAL: {"GLOBAL", true}, SETGLOBAL: {"SETGLOBAL", true}, DELGLOBAL: {"DELGLOBAL", true},
	ADD: {"ADD", false}, SUB: {"SUB", false}, MUL: {"MUL", false}, DIV: {"DIV", false},
	FLOORDIV: {"FLOORDIV", false}, MOD: {"MOD", false}, EQ: {"EQ", false}, NE: {"NE", false},
	LT: {"LT", false}, LE: {"LE", false}, GT: {"GT", false}, GE: {"GE", false},
	BINARY: {"BINARY", true}, UNARY: {"UNARY", true}, NOT: {"NOT", false},
	JUMP: {"JUMP", true}, JFALSE: {"JFALSE", true}, JTRUE: {"JTRUE", true},
	JFALSEORPOP: {"JFALSEORPOP", true}, JTRUEORPOP: {"JTRUEORPOP", true},
	ITER: {"ITER", false}, FORITER: {"FORITER", true}, CALL: {"CALL", true},
	RETURN: {"RETURN", false}, MAKEFUNC: {"MAKEFUNC", true}, LIST: {"LIST", true},
	TUPLE: {"TUPLE", true}, DICT: {"DICT", true}, SLICE: {"SLICE", true},
	APPEND: {"APPEND", true}, DICTSET: {"DICTSET", true}, GETATTR: {"GETATTR", true},
	SETATTR: {"SETATTR", true}, GETINDEX: {"GETINDEX", false}, SETINDEX: {"SETINDEX", false},
	DELINDEX: {"DELINDEX", false}, UNPACK: {"UNPACK", true}, FORMAT: {"FORMAT", true},
	STRING: {"STRING", true}, ASSERTFAIL: {"ASSERTFAIL", true}, IMPORT: {"IMPORT", true},
	IMPORTPKG: {"IMPORTPKG", true}, IMPORTFILE: {"IMPORTFILE", true},
	IMPORTFROM: {"IMPORTFROM", true}, IMPORTSTAR: {"IMPORTSTAR", false},
	ADDK: {"ADDK", true}, SUBK: {"SUBK", true}, MULK: {"MULK", true}, LTK: {"LTK", true},
	LEK: {"LEK", true}, GTK: {"GTK", true}, GEK: {"GEK", true}, EQK: {"EQK", true}, NEK: {"NEK", true}, JCMPK: {"JCMPK", true},
	FUSEDTRY: {"FUSEDTRY", true},
	LADDK:    {"LADDK", true}, LSUBK: {"LSUBK", true}, LMULK: {"LMULK", true},
}

// constOps maps a binary opcode to its variant with a constant right operand.
var constOps = map[Opcode]Opcode{ADD: ADDK, SUB: SUBK, MUL: MULK, LT: LTK, LE: LEK, GT: GTK, GE: GEK, EQ: EQK, NE: NEK}

// String returns the opcode's name.
func (op Opcode) String() string {
	if op < numOpcodes && opTable[op].name != "" {
		return opTable[op].name
	}
	return fmt.Sprintf("OP%d", uint8(op))
}

// HasArg reports whether the opcode uses its argument.
func (op Opcode) HasArg() bool { return op < numOpcodes && opTable[op].hasArg }

// Call argument layout.
const (
	CallStar   = 1 << 16 // a *args tuple follows the keyword values
	CallKwStar = 1 << 17 // a **kwargs dict comes last
	// CallTempArg0 marks positional argument 0 as a temporary (the fresh
	// result of an operator that nothing else refers to); CallTempArg0<<k
	// marks argument k, for k < CallTempArgs. A builtin that accepts them
	// may store its result in such an argument's storage.
	CallTempArg0 = 1 << 18
	CallTempArgs = 4
	// CallFresh says the call's result is consumed at once by an
	// arithmetic operator: when the callee is a builtin whose results are
	// always new objects, the operator may update the result in place.
	CallFresh = 1 << 22
	// CallShapeMask covers the bits that say where the arguments are
	// (npos, nkw, *args, **kwargs); the others are hints.
	CallShapeMask = 1<<18 - 1
)

// MaxArg is the largest instruction argument.
const MaxArg = 1<<24 - 1
