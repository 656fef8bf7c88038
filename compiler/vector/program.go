package vector

// Instr is one bytecode instruction. In the prologue every operand and the
// destination are uniform registers; in block code Dst is a varying
// register and bit j of Mode says whether Args[j] names a uniform register
// (set) or a varying one (clear).
type Instr struct {
	Op    Opcode
	N     uint8  // number of operands in Args
	Mode  uint16 // bit j: Args[j] is uniform (a splat index in wide instructions)
	Dst   int32
	Args  [MaxArgs]int32
	Slot  int32   // array, scalar, function or random call-site slot
	Index int32   // Indices slot (OpLoadIdx, OpStoreIdx, OpAccIdx)
	Aux   Opcode  // accumulation operator of OpAccIdx
	Val   float64 // OpIndex offset
}

// Code is the block code of one execution mode.
type Code struct {
	Instrs []Instr
	// NumRegs is the number of scratch block registers; registers
	// NumRegs.. are bound, per block, to array slices: register
	// NumRegs+j is Arrays[Bind[j]] over the block's elements (Bind -1:
	// the output slice of Eval).
	NumRegs int
	Bind    []int32
	// Splats lists the uniform registers that wide instructions read as
	// blocks: the VM fills one block per entry once per run, and a wide
	// instruction's uniform operand j names entry Args[j].
	Splats []int32
}

// MaxArgs is the largest number of operands of an instruction.
const MaxArgs = 16

// Program is a compiled piece of vector code, immutable and safe for
// concurrent use.
type Program struct {
	// Uniform holds the initial uniform registers (constants folded at
	// compile time); the prologue fills the others once per run.
	Uniform  []float64
	Prologue []Instr
	// Block is the code for contiguous ranges (Run, Eval, Where): array
	// reads and final writes alias the arrays themselves.
	Block Code
	// Indexed is the code for RunIndices: loads gather and stores scatter
	// through the list of elements.
	Indexed Code
	// Epilogue writes shared (Scalar) targets once per run.
	Epilogue []Instr
	// Sequential programs must run one element at a time, in order (a
	// value written through an index is read again by later elements).
	Sequential bool
	// Scatters reports writes through an index: such programs are not
	// split across threads.
	Scatters bool
	// IsExpr marks CompileExpr programs (for Eval and Where).
	IsExpr bool
	// Funcs are the external functions called by OpCall (Slot).
	Funcs []Func
	// Arrays and Indices list the slots read or written (for checks).
	Arrays, Indices []int
	// Scalars lists the scalar slots read.
	Scalars []int
	// MaxScalar is one more than the largest scalar slot used.
	MaxScalar int
	// NumSites is the number of random call sites.
	NumSites int
	// Source describes the statements compiled, for Disassemble.
	Source []string
	// names maps (SymKind, slot) to the name used in the code.
	names map[[2]int32]string
}
