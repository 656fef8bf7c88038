package ml

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/sim-lang/sim/runtime"
	_ "github.com/sim-lang/sim/stdlib/mathmod"
	_ "github.com/sim-lang/sim/stdlib/np"
	_ "github.com/sim-lang/sim/stdlib/simtest"
	_ "github.com/sim-lang/sim/stdlib/timemod"
)

// runScript runs a .sim file with only the modules ml needs linked, so the
// package's script tests do not depend on the rest of the library.
func runScript(t *testing.T, file string, args ...string) string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	th := runtime.NewThread("main")
	th.Stdout, th.Stderr = &out, &out
	th.Ctx = context.Background()
	env := runtime.NewEnv()
	argv := []runtime.Value{runtime.MakeStr(file)}
	for _, a := range args {
		argv = append(argv, runtime.MakeStr(a))
	}
	env.Set("argv", runtime.NewList(argv))
	if err := env.Exec(th, file, string(src)); err != nil {
		t.Fatalf("%v\noutput:\n%s", err, out.String())
	}
	return out.String()
}

// TestMLScripts runs testdata/ml_*.sim (also run by the root TestScripts).
func TestMLScripts(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/ml_*.sim")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) { runScript(t, f) })
	}
}
