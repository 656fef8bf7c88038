package runtime

import (
	"github.com/sim-lang/sim/compiler"
)

// Function is a script function (def or lambda): compiled code, the
// defaults evaluated when the def ran, and the cells it closes over.
type Function struct {
	code     *compiler.Funcode
	mod      *progCtx
	defaults []Value // per positional and keyword-only parameter; invalid where none
	free     []*Cell
	// inline is true when calls with only positional arguments can be
	// bound in place (no *args, **kwargs or keyword-only parameters).
	inline bool
	// minPos is the number of positional parameters without defaults.
	minPos int
	// fastArity is the positional argument count the VM's inline call
	// path binds in place (-1: never).
	fastArity int
	// attrs holds attributes set by scripts (f.terminal = True), see
	// function_attrs.go.
	attrs map[string]Value
}

// Type implements Object.
func (f *Function) Type() string { return "function" }

// String implements Object.
func (f *Function) String() string { return "<function " + f.code.Name + ">" }

// Truth implements Object.
func (f *Function) Truth() (bool, error) { return true, nil }

// Name implements Callable.
func (f *Function) Name() string { return f.code.Name }

// Params returns the names of the function's parameters (positional,
// keyword-only, *args, **kwargs).
func (f *Function) Params() []string { return f.code.Params }

// NumPos returns how many of Params are positional parameters (Python's
// inspect.getfullargspec(f).args).
func (f *Function) NumPos() int { return f.code.NumPos }

// Call implements Callable: it runs the function on th.
func (f *Function) Call(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	return callFunction(th, f, args, kwargs)
}

// Cell holds a variable shared between a function and the closures
// defined inside it.
type Cell struct {
	v Value
}

// Type implements Object.
func (c *Cell) Type() string { return "cell" }

// String implements Object.
func (c *Cell) String() string { return "<cell>" }

// Truth implements Object.
func (c *Cell) Truth() (bool, error) { return true, nil }

// progCtx is a compiled program linked to the environment it runs in:
// constants converted to Values once.
type progCtx struct {
	prog   *compiler.Program
	consts []Value
	env    *Env
}

func newProgCtx(prog *compiler.Program, env *Env) *progCtx {
	p := &progCtx{prog: prog, env: env, consts: make([]Value, len(prog.Consts))}
	for i, c := range prog.Consts {
		switch c := c.(type) {
		case int64:
			p.consts[i] = MakeInt(c)
		case float64:
			p.consts[i] = MakeFloat(c)
		case string:
			p.consts[i] = MakeStr(c)
		case compiler.EllipsisConst:
			p.consts[i] = Ellipsis
		case *compiler.Fused:
			p.consts[i] = MakeObj(&fusedCode{f: c})
		}
	}
	return p
}

// newFunction makes a Function from code, taking its defaults and cells
// from vals (defaults first, in parameter order).
func newFunction(code *compiler.Funcode, mod *progCtx, vals []Value) *Function {
	f := &Function{code: code, mod: mod}
	nd := code.NumDefault
	if nd > 0 {
		f.defaults = make([]Value, len(code.HasDefault))
		j := 0
		for i, has := range code.HasDefault {
			if has {
				f.defaults[i] = vals[j]
				j++
			}
		}
	}
	if n := len(code.FreeNames); n > 0 {
		f.free = make([]*Cell, n)
		for i := range f.free {
			f.free[i] = vals[nd+i].obj.(*Cell)
		}
	}
	f.inline = !code.HasVarargs && !code.HasKwargs && code.NumKwonly == 0
	f.minPos = code.NumPos
	for f.minPos > 0 && code.HasDefault[f.minPos-1] {
		f.minPos--
	}
	f.fastArity = -1
	if f.inline && len(code.Cells) == 0 {
		f.fastArity = code.NumPos
	}
	return f
}
