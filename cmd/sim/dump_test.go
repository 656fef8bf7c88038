package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestDumpBytecode checks that --dump-bytecode lists a group's compiled
// state update, threshold and reset at run().
func TestDumpBytecode(t *testing.T) {
	var out, errb bytes.Buffer
	code := "G = NeuronGroup(2, 'dv/dt = -v/(10*ms) : 1', threshold='v > 1', reset='v = 0', method='euler')\nrun(0.1*ms)\nprint('done')"
	if rc := run([]string{"--dump-bytecode", "-c", code}, strings.NewReader(""), &out, &errb); rc != 0 {
		t.Fatalf("exit status %d: %s", rc, errb.String())
	}
	for _, want := range []string{"=== neurongroup: state update (method euler) ===", "condition of event 'spike'", "code of event 'spike'", "block:"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("missing %q in:\n%s", want, errb.String())
		}
	}
	if out.String() != "done\n" {
		t.Errorf("stdout %q", out.String())
	}
}
