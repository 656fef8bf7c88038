// Package vecvm executes vector bytecode (package compiler/vector) over
// the elements of a group: a scalar prologue once per run, then the block
// code block by block (BlockSize elements at a time, so that registers
// stay in the L1 cache), each instruction a tight loop over the block.
// Large groups are split across goroutines; results never depend on the
// number of threads or the block size.
package vecvm

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/sim-lang/sim/compiler/vector"
)

// Context is what a program runs on: the state arrays, index arrays and
// per-step scalars named by the program's symbols, the random seed and
// step number, and the number of threads.
type Context struct {
	Arrays  [][]float64
	Indices [][]int32
	Scalars []float64
	Seed    uint64
	Step    int64
	// Threads is the number of goroutines a large run may use (0: one
	// per CPU, 1: single-threaded).
	Threads int
	// BlockSize overrides DefaultBlockSize when positive.
	BlockSize int
	// CheckFinite asks Run to test, block by block while they are in
	// the cache, the array values a program writes; NonFinite then says
	// whether any of them is NaN or infinite (Run sets it each call).
	CheckFinite bool
	NonFinite   bool
}

// WrittenSlots returns the array slots that code writes over contiguous
// elements (stores, and results computed straight into arrays), each
// once, appended to out[:0].
func WrittenSlots(code *vector.Code, out []int32) []int32 {
	out = out[:0]
	add := func(s int32) {
		for _, x := range out {
			if x == s {
				return
			}
		}
		out = append(out, s)
	}
	for k := range code.Instrs {
		in := &code.Instrs[k]
		switch {
		case in.Op == vector.OpStore && in.Slot >= 0:
			add(in.Slot)
		case in.Op < vector.NumKernelOps || in.Op == vector.OpCopy || in.Op == vector.OpCall ||
			in.Op == vector.OpRand || in.Op == vector.OpRandn || in.Op == vector.OpPoisson || in.Op == vector.OpIndex:
			if r := int(in.Dst) - code.NumRegs; r >= 0 && r < len(code.Bind) && code.Bind[r] >= 0 {
				add(code.Bind[r])
			}
		}
	}
	return out
}

// DefaultBlockSize is the number of elements a block instruction handles.
const DefaultBlockSize = 256

// WideBlockSize is the block size of programs without scratch registers
// (such as an exact linear update written straight into the state
// arrays) over at most that many elements: their arrays stay in the
// cache whatever the blocks, so one block avoids dispatches. Larger
// groups keep DefaultBlockSize, so that an instruction's operands are
// still in the L1 cache for the next one.
const WideBlockSize = 8192

// ParallelThreshold is the number of elements from which a run is split
// across goroutines.
const ParallelThreshold = 32768

// Run executes a statements program for elements 0..n-1.
func Run(p *vector.Program, ctx *Context, n int) error {
	if p.IsExpr {
		return fmt.Errorf("vecvm: Run needs a statements program (use Eval for expressions)")
	}
	return run(p, ctx, n, nil, nil, nil)
}

// RunIndices executes a statements program for the listed elements only,
// in the order listed (resets, synaptic pathways).
func RunIndices(p *vector.Program, ctx *Context, idx []int32) error {
	if p.IsExpr {
		return fmt.Errorf("vecvm: RunIndices needs a statements program")
	}
	return run(p, ctx, len(idx), idx, nil, nil)
}

// Eval computes an expression program for elements 0..n-1 into out[:n].
func Eval(p *vector.Program, ctx *Context, n int, out []float64) error {
	if !p.IsExpr {
		return fmt.Errorf("vecvm: Eval needs an expression program")
	}
	if len(out) < n {
		return fmt.Errorf("vecvm: output has %d elements, need %d", len(out), n)
	}
	return run(p, ctx, n, nil, out, nil)
}

// Where returns, appended to out[:0], the indices in 0..n-1 (ascending)
// where the condition program is true (non-zero).
func Where(p *vector.Program, ctx *Context, n int, out []int32) ([]int32, error) {
	if !p.IsExpr {
		return out[:0], fmt.Errorf("vecvm: Where needs an expression program")
	}
	var res []int32
	err := run(p, ctx, n, nil, nil, func(chunks [][]int32) {
		res = out[:0]
		for _, c := range chunks {
			res = append(res, c...)
		}
	})
	return res, err
}

// check verifies that the context provides every slot the program uses.
func check(p *vector.Program, ctx *Context) error {
	for _, s := range p.Arrays {
		if s >= len(ctx.Arrays) {
			return fmt.Errorf("vecvm: program uses array slot %d, context has %d", s, len(ctx.Arrays))
		}
	}
	for _, s := range p.Indices {
		if s >= len(ctx.Indices) {
			return fmt.Errorf("vecvm: program uses index slot %d, context has %d", s, len(ctx.Indices))
		}
	}
	if p.MaxScalar > len(ctx.Scalars) {
		return fmt.Errorf("vecvm: program uses scalar slot %d, context has %d", p.MaxScalar-1, len(ctx.Scalars))
	}
	return nil
}

// run is the common driver: prologue, blocks (split across threads when
// it pays), epilogue. out is Eval's output; where, when set, receives the
// true indices of each chunk in order.
func run(p *vector.Program, ctx *Context, n int, ridx []int32, out []float64, where func([][]int32)) (err error) {
	if err := check(p, ctx); err != nil {
		return err
	}
	if n <= 0 {
		if where != nil {
			where(nil)
		}
		return nil
	}
	bs := ctx.BlockSize
	if bs <= 0 {
		bs = DefaultBlockSize
	}
	threads := ctx.Threads
	if threads <= 0 {
		threads = runtime.GOMAXPROCS(0)
	}
	if p.Sequential {
		bs, threads = 1, 1
	}
	if p.Scatters || n < ParallelThreshold {
		threads = 1
	}
	code := &p.Block
	if ridx != nil {
		code = &p.Indexed
	}
	if ctx.BlockSize <= 0 && code.NumRegs == 0 && !p.Sequential && n <= WideBlockSize {
		// no scratch registers and a group whose arrays stay in the
		// cache anyway: one block costs the fewest dispatches
		bs = WideBlockSize
	}
	ctx.NonFinite = false
	main := getWorker(p, code, ctx, bs, ridx, out, where != nil)
	defer putWorker(main)
	if err := main.prologue(p); err != nil {
		return err
	}
	if threads == 1 {
		err = main.chunk(0, n)
		ctx.NonFinite = main.nonFinite
		if err == nil && where != nil {
			main.one[0] = main.hits
			where(main.one[:])
		}
	} else {
		// Chunks are whole blocks, so block boundaries do not depend on
		// the thread count (they never matter for results anyway).
		per := (n + threads - 1) / threads
		per = (per + bs - 1) / bs * bs
		var wg sync.WaitGroup
		var workers []*worker
		errs := make([]error, threads)
		for t, lo := 0, 0; lo < n; t, lo = t+1, lo+per {
			hi := min(lo+per, n)
			w := main
			if t > 0 {
				w = getWorker(p, code, ctx, bs, ridx, out, where != nil)
				w.u, w.splat = main.u, main.splat
				if cap(w.wide) < vector.MaxArgs {
					w.wide = make([][]float64, vector.MaxArgs)
				}
				defer putWorker(w)
			}
			workers = append(workers, w)
			wg.Add(1)
			go func(t int, w *worker) {
				defer wg.Done()
				errs[t] = w.chunk(lo, hi)
			}(t, w)
		}
		wg.Wait()
		for _, e := range errs {
			if e != nil {
				return e
			}
		}
		for _, w := range workers {
			ctx.NonFinite = ctx.NonFinite || w.nonFinite
		}
		if where != nil {
			chunks := make([][]int32, len(workers))
			for i, w := range workers {
				chunks[i] = w.hits
			}
			where(chunks)
		}
	}
	if err != nil {
		return err
	}
	for _, in := range p.Epilogue {
		ctx.Scalars[in.Slot] = main.u[in.Args[0]]
	}
	return nil
}

// threadsFor returns the number of goroutines for a Threads setting.
func threadsFor(t int) int {
	if t <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return t
}
