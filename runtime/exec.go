package runtime

import (
	"fmt"
	"sort"

	"github.com/sim-lang/sim/compiler"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/units"
)

// Env is one script global environment: the table of global names with
// their slots, the values, the cache of imported .sim modules and the base
// directory for imports. Successive Exec calls (REPL inputs) share it.
// An Env is not safe for concurrent use.
type Env struct {
	// Dir is the directory .sim imports are resolved against when the
	// importing source has no file name ("<stdin>"); default ".".
	Dir string

	table   *compiler.Globals
	globals []Value
	pre     []Value // predeclared values cached per slot
	mods    *simModules
	pkgs    map[string]*Module
}

// NewEnv returns an empty environment.
func NewEnv() *Env {
	return &Env{Dir: ".", table: compiler.NewGlobals(), mods: newSimModules(), pkgs: map[string]*Module{}}
}

// Program is a script compiled against an Env, ready to run any number of
// times (see Env.Compile and Env.Run).
type Program struct {
	ctx *progCtx
}

// Disassemble returns the bytecode listing of the program.
func (p *Program) Disassemble() string { return compiler.Disassemble(p.ctx.prog) }

// sync grows the value slices to the size of the global table.
func (e *Env) sync() {
	for len(e.globals) < e.table.Len() {
		e.globals = append(e.globals, Value{})
		e.pre = append(e.pre, Value{})
	}
}

// Compile parses and compiles a whole file against e's globals.
func (e *Env) Compile(filename, src string) (p *Program, err error) {
	defer recoverInternal(&err)
	return e.compile(filename, src, compiler.FileMode)
}

func (e *Env) compile(filename, src string, mode compiler.Mode) (*Program, error) {
	file, err := lang.ParseFile(filename, src)
	if err != nil {
		return nil, err
	}
	prog, err := compiler.Compile(file, e.table, mode)
	e.sync()
	if err != nil {
		return nil, err
	}
	return &Program{ctx: newProgCtx(prog, e)}, nil
}

// Run executes a compiled program's module body on th and returns its
// value (None for a file; the trailing expression's value in interactive
// mode).
func (e *Env) Run(th *Thread, p *Program) (v Value, err error) {
	defer recoverInternal(&err)
	if p.ctx.env != e {
		return Value{}, fmt.Errorf("program was compiled for another environment")
	}
	e.sync()
	fn := newFunction(p.ctx.prog.Toplevel, p.ctx, nil)
	return callFunction(th, fn, nil, nil)
}

// Exec parses, compiles and runs a whole file.
func (e *Env) Exec(th *Thread, filename, src string) error {
	p, err := e.Compile(filename, src)
	if err != nil {
		return err
	}
	_, err = e.Run(th, p)
	return err
}

// ExecInteractive runs one REPL input. It returns the value of a trailing
// expression statement, or the zero Value when there is none or it is
// None. Globals persist between calls.
func (e *Env) ExecInteractive(th *Thread, filename, src string) (v Value, err error) {
	defer recoverInternal(&err)
	p, err := e.compile(filename, src, compiler.InteractiveMode)
	if err != nil {
		return Value{}, err
	}
	v, err = e.Run(th, p)
	if err != nil || v.IsNone() {
		return Value{}, err
	}
	return v, nil
}

// Eval evaluates one expression in e.
func (e *Env) Eval(th *Thread, expr string) (v Value, err error) {
	defer recoverInternal(&err)
	const name = "<eval>"
	x, err := lang.ParseExpr(name, expr)
	if err != nil {
		return Value{}, err
	}
	prog, err := compiler.CompileExpr(name, expr, x, e.table)
	e.sync()
	if err != nil {
		return Value{}, err
	}
	return e.Run(th, &Program{ctx: newProgCtx(prog, e)})
}

// Get returns the global called name.
func (e *Env) Get(name string) (Value, bool) {
	i, ok := e.table.Index(name)
	if !ok || i >= len(e.globals) || !e.globals[i].IsValid() {
		return Value{}, false
	}
	return e.globals[i], true
}

// Set defines or replaces the global called name.
func (e *Env) Set(name string, v Value) {
	i := e.table.Add(name)
	e.sync()
	e.globals[i] = v
}

// Delete removes the global called name, if defined.
func (e *Env) Delete(name string) {
	if i, ok := e.table.Index(name); ok && i < len(e.globals) {
		e.globals[i] = Value{}
	}
}

// Names returns the defined globals, sorted.
func (e *Env) Names() []string {
	var names []string
	for i, v := range e.globals {
		if v.IsValid() {
			names = append(names, e.table.Name(i))
		}
	}
	sort.Strings(names)
	return names
}

// predeclared resolves an unset global slot to a predeclared name, or
// reports the name as undefined with a suggestion.
func (e *Env) predeclared(i int, fc *compiler.Funcode) (Value, error) {
	if v := e.pre[i]; v.IsValid() {
		return v, nil
	}
	name := e.table.Name(i)
	if v, ok := LookupPredeclared(name); ok {
		e.pre[i] = v
		return v, nil
	}
	var cands []string
	cands = append(cands, fc.Locals...)
	cands = append(cands, e.Names()...)
	cands = append(cands, PredeclaredNames()...)
	cands = append(cands, units.Names()...)
	if hint := importHint(name); hint != "" {
		return Value{}, Errorf("name '%s' is not defined (did you forget '%s'?)", name, hint)
	}
	return Value{}, Errorf("name '%s' is not defined%s", name, Suggest(name, cands))
}

// importHints are the import lines that define names Python users often
// use without importing: modules and their conventional aliases.
var importHints = map[string]string{
	"np":    "import numpy as np",
	"numpy": "import numpy",
	"plt":   "import matplotlib.pyplot as plt",
	"b2":    "import brian2 as b2",
	"math":  "import math",
	"time":  "import time",
	"scipy": "import scipy",
}

// importHint returns the import statement that would define name, or "".
func importHint(name string) string { return importHints[name] }

// recoverInternal turns a Go panic into an error.
func recoverInternal(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("internal error: %v (please report)", r)
	}
}
