package vector

// Opcode is one operation of the vector bytecode (and of the compiler's
// intermediate form). Opcodes below NumKernelOps are element-wise kernels
// described by OpTable; the others are handled by the VM itself (loads,
// stores, random numbers, external calls).
type Opcode uint8

// Element-wise opcodes (OpTable order).
const (
	OpNeg Opcode = iota
	OpAdd
	OpSub
	OpMul
	OpDiv
	OpPow
	OpFloorDiv
	OpMod
	OpEq
	OpNe
	OpLt
	OpGt
	OpLe
	OpGe
	OpAnd
	OpOr
	OpNot
	OpBool
	OpSelect
	OpExp
	OpLog
	OpLog10
	OpExpm1
	OpExprel
	OpLog1p
	OpSqrt
	OpSin
	OpCos
	OpTan
	OpSinh
	OpCosh
	OpTanh
	OpAsin
	OpAcos
	OpAtan
	OpAbs
	OpSign
	OpFloor
	OpCeil
	OpTrunc
	OpClip
	OpTimestep
	OpMulAdd
	OpMulSub
	OpRSubMul
	OpSubMul
	OpAddMul
	OpSubMulAdd
	OpMulAddSub
	OpSubMulDiv
	OpAddMulDiv
	OpSubMulMul
	OpAddMulMul
	OpCoba3
	OpCoba2
	OpCoba3M
	OpCoba2M
	OpLin
	OpLinM
	// NumKernelOps counts the element-wise opcodes.
	NumKernelOps
)

// Opcodes the VM implements itself.
const (
	// OpConst is a compile-time constant (intermediate form only; the
	// emitted program keeps constants in uniform registers).
	OpConst Opcode = NumKernelOps + iota
	// OpScalar reads Context.Scalars[Slot] into a uniform register.
	OpScalar
	// OpLoad reads Context.Arrays[Slot] at each element (a gather in
	// RunIndices programs; an alias of the array in contiguous ones).
	OpLoad
	// OpLoadIdx reads Arrays[Slot][Indices[Index][element]].
	OpLoadIdx
	// OpIndex is the element index plus Val.
	OpIndex
	// OpRand is a uniform number in [0, 1) from the element's stream for
	// call site Slot.
	OpRand
	// OpRandn is a standard normal number from call site Slot.
	OpRandn
	// OpPoisson is a Poisson number with mean Args[0], call site Slot.
	OpPoisson
	// OpCall calls external function Funcs[Slot] on its arguments.
	OpCall
	// OpCopy copies a varying register or broadcasts a uniform one.
	OpCopy
	// OpStore writes Args[0] to Arrays[Slot] at each element (Slot -1:
	// the output of Eval/Where).
	OpStore
	// OpStoreIdx writes Args[0] to Arrays[Slot][Indices[Index][element]],
	// element by element in order (the last write wins).
	OpStoreIdx
	// OpAccIdx applies Arrays[Slot][Indices[Index][e]] op= Args[0] element
	// by element in order, with op the kernel opcode in Aux (add, sub,
	// mul, div): repeated indices accumulate, as in a sequential loop.
	OpAccIdx
	// OpStoreScalar writes uniform Args[0] to Context.Scalars[Slot] once.
	OpStoreScalar
	opEnd
)

// Kernel computes one block: d[i] = f(a[i], b[i], c[i], e[i]); bit j of
// m set means operand j is uniform and only its element 0 is read. The
// operand slices (varying ones) have at least len(d) elements.
type Kernel func(d, a, b, c, e []float64, m uint8)

// OpInfo describes an element-wise opcode.
type OpInfo struct {
	Name  string
	Arity int
	// Pattern is, for a fused superinstruction, the tree of simpler
	// opcodes it replaces, operands $0..$3 (empty for basic opcodes).
	Pattern string
	// Commutative opcodes match patterns with their operands swapped.
	Commutative bool
	// Scalar is the element function: func(float64...) float64 with Arity
	// parameters.
	Scalar any
	Kernel Kernel
	// Wide is the kernel of a wide superinstruction (Kernel nil): every
	// operand is a block, uniform ones splatted; its Pattern may match
	// with operands padded by identities (x-0, x*1, x+(-0)).
	// m is the instruction's uniform-operand mask (a specialised loop
	// keeps the usual uniform operands in registers).
	Wide func(d []float64, x [][]float64, m uint16)
	// WideFinite, when set, is Wide that also reports whether every
	// value it wrote is finite (the VM's NaN/Inf check of state
	// variables, done while the values are in registers).
	WideFinite func(d []float64, x [][]float64, m uint16) bool
}

// OpTable describes every element-wise opcode, indexed by Opcode.
var OpTable = [NumKernelOps]OpInfo{
	OpNeg:       {"neg", 1, "", false, sNeg, kNeg, nil, nil},
	OpAdd:       {"add", 2, "", true, sAdd, kAdd, nil, nil},
	OpSub:       {"sub", 2, "", false, sSub, kSub, nil, nil},
	OpMul:       {"mul", 2, "", true, sMul, kMul, nil, nil},
	OpDiv:       {"div", 2, "", false, sDiv, kDivFast, nil, nil},
	OpPow:       {"pow", 2, "", false, sPow, kPow, nil, nil},
	OpFloorDiv:  {"floordiv", 2, "", false, sFloorDiv, kFloorDiv, nil, nil},
	OpMod:       {"mod", 2, "", false, sMod, kMod, nil, nil},
	OpEq:        {"eq", 2, "", true, sEq, kEq, nil, nil},
	OpNe:        {"ne", 2, "", true, sNe, kNe, nil, nil},
	OpLt:        {"lt", 2, "", false, sLt, kLt, nil, nil},
	OpGt:        {"gt", 2, "", false, sGt, kGt, nil, nil},
	OpLe:        {"le", 2, "", false, sLe, kLe, nil, nil},
	OpGe:        {"ge", 2, "", false, sGe, kGe, nil, nil},
	OpAnd:       {"and", 2, "", true, sAnd, kAnd, nil, nil},
	OpOr:        {"or", 2, "", true, sOr, kOr, nil, nil},
	OpNot:       {"not", 1, "", false, sNot, kNot, nil, nil},
	OpBool:      {"bool", 1, "", false, sBool, kBool, nil, nil},
	OpSelect:    {"select", 3, "", false, sSelect, kSelect, nil, nil},
	OpExp:       {"exp", 1, "", false, sExp, kExpFast, nil, nil},
	OpLog:       {"log", 1, "", false, sLog, kLog, nil, nil},
	OpLog10:     {"log10", 1, "", false, sLog10, kLog10, nil, nil},
	OpExpm1:     {"expm1", 1, "", false, sExpm1, kExpm1, nil, nil},
	OpExprel:    {"exprel", 1, "", false, sExprel, kExprel, nil, nil},
	OpLog1p:     {"log1p", 1, "", false, sLog1p, kLog1p, nil, nil},
	OpSqrt:      {"sqrt", 1, "", false, sSqrt, kSqrt, nil, nil},
	OpSin:       {"sin", 1, "", false, sSin, kSin, nil, nil},
	OpCos:       {"cos", 1, "", false, sCos, kCos, nil, nil},
	OpTan:       {"tan", 1, "", false, sTan, kTan, nil, nil},
	OpSinh:      {"sinh", 1, "", false, sSinh, kSinh, nil, nil},
	OpCosh:      {"cosh", 1, "", false, sCosh, kCosh, nil, nil},
	OpTanh:      {"tanh", 1, "", false, sTanh, kTanh, nil, nil},
	OpAsin:      {"arcsin", 1, "", false, sAsin, kAsin, nil, nil},
	OpAcos:      {"arccos", 1, "", false, sAcos, kAcos, nil, nil},
	OpAtan:      {"arctan", 1, "", false, sAtan, kAtan, nil, nil},
	OpAbs:       {"abs", 1, "", false, sAbs, kAbs, nil, nil},
	OpSign:      {"sign", 1, "", false, sSign, kSign, nil, nil},
	OpFloor:     {"floor", 1, "", false, sFloor, kFloor, nil, nil},
	OpCeil:      {"ceil", 1, "", false, sCeil, kCeil, nil, nil},
	OpTrunc:     {"int", 1, "", false, sTrunc, kTrunc, nil, nil},
	OpClip:      {"clip", 3, "", false, sClip, kClip, nil, nil},
	OpTimestep:  {"timestep", 2, "", false, sTimestep, kTimestep, nil, nil},
	OpMulAdd:    {"muladd", 3, "add(mul($0,$1),$2)", false, sMulAdd, kMulAddFast, nil, nil},
	OpMulSub:    {"mulsub", 3, "sub(mul($0,$1),$2)", false, sMulSub, kMulSub, nil, nil},
	OpRSubMul:   {"rsubmul", 3, "sub($2,mul($0,$1))", false, sRSubMul, kRSubMul, nil, nil},
	OpSubMul:    {"submul", 3, "mul(sub($0,$1),$2)", false, sSubMul, kSubMul, nil, nil},
	OpAddMul:    {"addmul", 3, "mul(add($0,$1),$2)", false, sAddMul, kAddMul, nil, nil},
	OpSubMulAdd: {"submuladd", 4, "add(mul(sub($0,$1),$2),$3)", false, sSubMulAdd, kSubMulAdd, nil, nil},
	OpMulAddSub: {"muladdsub", 4, "sub(add(mul($0,$1),$2),$3)", false, sMulAddSub, kMulAddSub, nil, nil},
	OpSubMulDiv: {"submuldiv", 4, "sub($0,mul($1,div($2,$3)))", false, sSubMulDiv, kSubMulDiv, nil, nil},
	OpAddMulDiv: {"addmuldiv", 4, "add($0,mul($1,div($2,$3)))", false, sAddMulDiv, kAddMulDiv, nil, nil},
	OpSubMulMul: {"submulmul", 4, "sub($0,mul($1,mul($2,$3)))", false, sSubMulMul, kSubMulMulFast, nil, nil},
	OpAddMulMul: {"addmulmul", 4, "add($0,mul($1,mul($2,$3)))", false, sAddMulMul, kAddMulMul, nil, nil},
	OpCoba3: {Name: "coba3", Arity: 13, Scalar: sCoba3, Wide: wCoba3,
		Pattern: "sub($0,mul($1,div(sub(add(add(mul($2,sub($3,$4)),mul($5,sub($6,$7))),mul($8,sub($9,$10))),$11),$12)))"},
	OpCoba2: {Name: "coba2", Arity: 10, Scalar: sCoba2, Wide: wCoba2,
		Pattern: "sub($0,mul($1,div(sub(add(mul($2,sub($3,$4)),mul($5,sub($6,$7))),$8),$9)))"},
	OpCoba3M: {Name: "coba3m", Arity: 13, Scalar: sCoba3M, Wide: wCoba3MFast,
		Pattern: "sub($0,mul($1,mul(sub(add(add(mul($2,sub($3,$4)),mul($5,sub($6,$7))),mul($8,sub($9,$10))),$11),$12)))"},
	OpCoba2M: {Name: "coba2m", Arity: 10, Scalar: sCoba2M, Wide: wCoba2M,
		Pattern: "sub($0,mul($1,mul(sub(add(mul($2,sub($3,$4)),mul($5,sub($6,$7))),$8),$9)))"},
	// Linear combinations (linear.go) have a variable number of operands
	// (Arity 0) and are formed by fuseLinear, not by a pattern.
	OpLin:  {Name: "lin", Scalar: sLin, Wide: wLin, WideFinite: fLin},
	OpLinM: {Name: "linm", Scalar: sLinM, Wide: wLinM, WideFinite: fLinM},
}

var specialNames = [...]string{
	OpConst - NumKernelOps: "const", OpScalar - NumKernelOps: "scalar", OpLoad - NumKernelOps: "load",
	OpLoadIdx - NumKernelOps: "loadidx", OpIndex - NumKernelOps: "index", OpRand - NumKernelOps: "rand",
	OpRandn - NumKernelOps: "randn", OpPoisson - NumKernelOps: "poisson", OpCall - NumKernelOps: "call",
	OpCopy - NumKernelOps: "copy", OpStore - NumKernelOps: "store", OpStoreIdx - NumKernelOps: "storeidx",
	OpAccIdx - NumKernelOps: "accidx", OpStoreScalar - NumKernelOps: "storescalar",
}

// String returns the opcode's mnemonic.
func (op Opcode) String() string {
	if op < NumKernelOps {
		return OpTable[op].Name
	}
	if op < opEnd {
		return specialNames[op-NumKernelOps]
	}
	return "?"
}

// Arity returns the number of operands of an element-wise opcode.
func (op Opcode) Arity() int {
	if op < NumKernelOps {
		return OpTable[op].Arity
	}
	switch op {
	case OpPoisson, OpCopy, OpStore, OpStoreIdx, OpAccIdx, OpStoreScalar:
		return 1
	}
	return 0
}

// Eval applies an element-wise opcode to scalar operands.
func (op Opcode) Eval(x []float64) float64 {
	switch f := OpTable[op].Scalar.(type) {
	case func([]float64) float64:
		return f(x)
	case func(float64) float64:
		return f(x[0])
	case func(float64, float64) float64:
		return f(x[0], x[1])
	case func(float64, float64, float64) float64:
		return f(x[0], x[1], x[2])
	case func(float64, float64, float64, float64) float64:
		return f(x[0], x[1], x[2], x[3])
	}
	return 0
}
