package integrate

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/sim-lang/sim/runtime"
	_ "github.com/sim-lang/sim/stdlib/mathmod"
	_ "github.com/sim-lang/sim/stdlib/np"
	_ "github.com/sim-lang/sim/stdlib/simtest"
	_ "github.com/sim-lang/sim/stdlib/unitsmod"
)

// runScript executes a script with this module, numpy, units and the
// assert helpers linked, returning its output.
func runScript(t *testing.T, name, src string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	th := runtime.NewThread(name)
	th.Stdout, th.Stderr = &out, &out
	err := runtime.NewEnv().Exec(th, name, src)
	return out.String(), err
}

// TestScriptFiles runs testdata/integrate_*.sim from the repository root
// (they also run in the root package's TestScripts).
func TestScriptFiles(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/integrate_*.sim")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out, err := runScript(t, f, string(src))
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
		})
	}
}
