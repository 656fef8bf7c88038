package brian2

import (
	"fmt"
	"io"
	"sync"

	"github.com/sim-lang/sim/runtime/engine"
)

// dumpTo receives the bytecode listing of every object of a network at
// the start of each run when set (cmd/sim's --dump-bytecode).
var (
	dumpMu sync.Mutex
	dumpTo io.Writer
)

// SetDumpBytecode makes every run() print the compiled bytecode of the
// network's groups (and of any object that can list its code) to w
// before simulating; nil turns it off.
func SetDumpBytecode(w io.Writer) {
	dumpMu.Lock()
	dumpTo = w
	dumpMu.Unlock()
}

// disassembler is an object that can list its compiled code.
type disassembler interface {
	Disassemble(rc *engine.RunContext) (string, error)
}

// dumpNetwork writes the listing of net's objects, compiled with the
// run's namespace, if SetDumpBytecode asked for it.
func dumpNetwork(net *engine.Network, opts engine.RunOptions) error {
	dumpMu.Lock()
	w := dumpTo
	dumpMu.Unlock()
	if w == nil {
		return nil
	}
	for _, o := range net.Objects {
		d, ok := o.(disassembler)
		if !ok {
			continue
		}
		s, err := d.Disassemble(&engine.RunContext{Namespace: opts.Namespace})
		if err != nil {
			return err
		}
		fmt.Fprint(w, s)
	}
	return nil
}
