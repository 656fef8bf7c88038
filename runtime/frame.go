package runtime

import (
	"github.com/sim-lang/sim/compiler"
	"github.com/sim-lang/sim/lang"
)

// maxDepth bounds the script call depth.
const maxDepth = 5000

// frame is one active script function call. Its locals and operand stack
// are a window onto the thread's value stack starting at bp.
type frame struct {
	fn       *Function
	code     []uint32 // fn.code.Code
	consts   []Value  // fn.mod.consts
	env      *Env     // fn.mod.env
	pc       int      // next instruction (saved while another frame runs)
	bp       int      // first local slot
	sp       int      // saved operand stack top (for a caller: where the result goes)
	savedTop int      // machine.top before this frame was pushed
	entry    bool     // entered from Go: run returns when this frame returns
}

// machine is the per-Thread VM state: one value stack reused across calls
// and a pool of frames.
type machine struct {
	stack  []Value
	frames []*frame
	depth  int
	top    int // first stack slot not reserved by an active frame
	budget int // steps left before the next cancellation and limit check
}

// machineOf returns th's VM state, creating it on first use.
func machineOf(th *Thread) *machine {
	if th.vm == nil {
		th.vm = &machine{stack: make([]Value, 1024)}
	}
	return th.vm
}

// ensure grows the stack so that it holds at least n slots.
func (m *machine) ensure(n int) {
	if n <= len(m.stack) {
		return
	}
	size := 2 * len(m.stack)
	for size < n {
		size *= 2
	}
	s := make([]Value, size)
	copy(s, m.stack)
	m.stack = s
}

// push adds a frame for fn at bp and reserves its window.
func (m *machine) push(fn *Function, bp int, entry bool) (*frame, error) {
	if m.depth >= maxDepth {
		return nil, Errorf("maximum recursion depth exceeded")
	}
	// The frame pool never exceeds maxDepth, so the VM's inline call path
	// only has to check that a pooled frame is free.
	if m.depth == len(m.frames) {
		m.frames = append(m.frames, &frame{})
	}
	fr := m.frames[m.depth]
	m.depth++
	fc := fn.code
	fr.fn, fr.pc, fr.bp, fr.entry, fr.savedTop = fn, 0, bp, entry, m.top
	fr.code, fr.consts, fr.env = fc.Code, fn.mod.consts, fn.mod.env
	fr.sp = bp + len(fc.Locals)
	m.top = fr.sp + fc.MaxStack
	m.ensure(m.top)
	return fr, nil
}

// pop removes the innermost frame.
func (m *machine) pop() {
	m.depth--
	fr := m.frames[m.depth]
	m.top = fr.savedTop
	fr.fn = nil
}

// initCells wraps captured locals into cells at function entry.
func initCells(s []Value, bp int, fc *compiler.Funcode) {
	for _, c := range fc.Cells {
		s[bp+c] = MakeObj(&Cell{v: s[bp+c]})
	}
}

// pos returns the source position of pc in fr's function.
func (fr *frame) posAt(pc int) lang.Pos { return fr.fn.code.PosAt(pc) }
