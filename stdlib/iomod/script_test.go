package iomod_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/sim-lang/sim/runtime"
	_ "github.com/sim-lang/sim/stdlib/brian2"
	_ "github.com/sim-lang/sim/stdlib/gpu"
	_ "github.com/sim-lang/sim/stdlib/iomod"
	_ "github.com/sim-lang/sim/stdlib/mathmod"
	_ "github.com/sim-lang/sim/stdlib/np"
	_ "github.com/sim-lang/sim/stdlib/simtest"
	_ "github.com/sim-lang/sim/stdlib/timemod"
	_ "github.com/sim-lang/sim/stdlib/unitsmod"
)

// runScript runs a script file with the modules this package needs.
func runScript(t *testing.T, file string) string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	th := runtime.NewThread("test")
	th.Stdout, th.Stderr = &out, &out
	env := runtime.NewEnv()
	if err := env.Exec(th, file, string(src)); err != nil {
		t.Fatalf("%v\noutput:\n%s", err, out.String())
	}
	return out.String()
}

// TestIOScripts runs the repository's testdata/io_*.sim and gpu_*.sim scripts (also run
// by the root package's TestScripts) against this package alone.
func TestIOScripts(t *testing.T) {
	// Scripts name files relative to the repository root, as the root
	// package's TestScripts runs them.
	t.Chdir("../..")
	files, _ := filepath.Glob("testdata/io_*.sim")
	files2, _ := filepath.Glob("testdata/gpu_*.sim")
	files = append(files, files2...)
	if len(files) == 0 {
		t.Fatal("no io or gpu scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) { runScript(t, f) })
	}
}

// TestScratch runs the script named by SIM_IO_SCRATCH (for development).
func TestScratch(t *testing.T) {
	f := os.Getenv("SIM_IO_SCRATCH")
	if f == "" {
		t.Skip("SIM_IO_SCRATCH not set")
	}
	t.Log(runScript(t, f))
}
