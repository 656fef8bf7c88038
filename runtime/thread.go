package runtime

import (
	"context"
	"io"
	"os"
)

// Thread is the per-run state of the script VM: output streams, the step
// limit and counter, cancellation, and thread-local values that library
// modules keep (for example np.random's global generator).
type Thread struct {
	// Name identifies the thread in errors and tracebacks.
	Name string
	// Stdout and Stderr receive print output and warnings.
	Stdout, Stderr io.Writer
	// Ctx cancels a running script when done.
	Ctx context.Context
	// MaxSteps bounds the instructions executed (0 means no limit).
	MaxSteps uint64
	// Steps counts the instructions executed so far.
	Steps uint64

	locals map[string]any
	// vm is the thread's script machine (stack and frames), made at its
	// first script call.
	vm *machine
	// tempArgs marks the positional arguments of the builtin being called
	// that are temporaries (bit k for argument k); see TempArg.
	tempArgs uint8
}

// TempArg reports whether positional argument k of the builtin now being
// called is a temporary: the fresh result of an operator, referred to by
// nothing else, whose storage the builtin may reuse for its result. Only
// builtins made with the InPlaceArgs flag are told, and only until they
// call back into the interpreter.
func (th *Thread) TempArg(k int) bool { return k < 8 && th.tempArgs&(1<<k) != 0 }

// NewThread returns a thread writing to os.Stdout/os.Stderr.
func NewThread(name string) *Thread {
	return &Thread{Name: name, Stdout: os.Stdout, Stderr: os.Stderr, Ctx: context.Background()}
}

// Local returns the thread-local value stored under key, or nil.
func (th *Thread) Local(key string) any { return th.locals[key] }

// SetLocal stores a thread-local value under key.
func (th *Thread) SetLocal(key string, v any) {
	if th.locals == nil {
		th.locals = make(map[string]any)
	}
	th.locals[key] = v
}
