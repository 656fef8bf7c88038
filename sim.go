package sim

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/sim-lang/sim/runtime"
	_ "github.com/sim-lang/sim/stdlib/all" // link the standard library
)

// Version is the version of sim.
const Version = "0.1.0"

// Options configure an interpreter. The zero Options are valid.
type Options struct {
	// Stdout and Stderr receive print output and warnings (default
	// os.Stdout and os.Stderr).
	Stdout, Stderr io.Writer
	// Seed, when non-zero, seeds the global random generator (np.random)
	// before any code runs.
	Seed int64
	// MaxSteps bounds the number of bytecode instructions one Exec or Eval
	// may run (0: no limit).
	MaxSteps uint64
	// Args is what scripts see as argv.
	Args []string
}

// Interp is an interpreter: one global environment that successive Exec
// and Eval calls share. An Interp is not safe for concurrent use.
type Interp struct {
	env  *runtime.Env
	th   *runtime.Thread
	opts Options
}

// New returns an interpreter configured by opts.
func New(opts Options) *Interp {
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	th := runtime.NewThread("main")
	th.Stdout, th.Stderr = opts.Stdout, opts.Stderr
	th.MaxSteps = opts.MaxSteps
	in := &Interp{env: runtime.NewEnv(), th: th, opts: opts}
	argv := make([]runtime.Value, len(opts.Args))
	for i, a := range opts.Args {
		argv[i] = runtime.MakeStr(a)
	}
	in.env.Set("argv", runtime.NewList(argv))
	if opts.Seed != 0 {
		seedRandom(th, opts.Seed)
	}
	return in
}

// seedRandom calls np.random.seed(seed) on the interpreter's thread.
func seedRandom(th *runtime.Thread, seed int64) {
	m, ok := runtime.LoadModule("numpy.random")
	if !ok {
		return
	}
	fn, _ := m.Attr("seed")
	if fn.IsValid() {
		runtime.Call(th, fn, []runtime.Value{runtime.MakeInt(seed)}, nil)
	}
}

// Exec runs the script src, named filename in error messages. Globals it
// defines stay visible to later calls. Cancelling ctx stops the script.
func (in *Interp) Exec(ctx context.Context, filename, src string) (err error) {
	defer recoverPanic(&err)
	in.begin(ctx)
	return in.env.Exec(in.th, filename, src)
}

// Eval evaluates one expression and returns its value converted to Go (see
// the package documentation for the mapping).
func (in *Interp) Eval(ctx context.Context, expr string) (result any, err error) {
	defer recoverPanic(&err)
	in.begin(ctx)
	v, err := in.env.Eval(in.th, expr)
	if err != nil {
		return nil, err
	}
	return toGo(v)
}

func (in *Interp) begin(ctx context.Context) {
	if ctx == nil {
		ctx = context.Background()
	}
	in.th.Ctx = ctx
	in.th.Steps = 0
}

// Set binds a global name to a Go value (converted as described in the
// package documentation; Go functions are wrapped as by Register).
func (in *Interp) Set(name string, value any) (err error) {
	defer recoverPanic(&err)
	v, err := fromGo(value)
	if err != nil {
		return fmt.Errorf("sim.Set(%q): %w", name, err)
	}
	in.env.Set(name, v)
	return nil
}

// Get returns the global called name, converted to Go.
func (in *Interp) Get(name string) (result any, err error) {
	defer recoverPanic(&err)
	v, ok := in.env.Get(name)
	if !ok {
		return nil, fmt.Errorf("sim.Get: name %q is not defined%s", name, runtime.Suggest(name, in.env.Names()))
	}
	return toGo(v)
}

// Names returns the globals defined so far, sorted.
func (in *Interp) Names() []string { return in.env.Names() }

// Env returns the runtime environment, for tools (the REPL) that work
// with runtime values directly.
func (in *Interp) Env() *runtime.Env { return in.env }

// Thread returns the thread the interpreter runs code on.
func (in *Interp) Thread() *runtime.Thread { return in.th }

// recoverPanic turns a panic escaping the interpreter into an error.
func recoverPanic(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("sim: internal error: %v (please report this bug)", r)
	}
}
