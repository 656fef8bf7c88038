package integrate

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/sim-lang/sim/runtime"
	_ "github.com/sim-lang/sim/stdlib/mathmod"
	_ "github.com/sim-lang/sim/stdlib/np"
	_ "github.com/sim-lang/sim/stdlib/simtest"
	_ "github.com/sim-lang/sim/stdlib/unitsmod"
)

// runScript executes a script with this module, numpy, units and the
// assert helpers linked, returning its output.
func runScript(t testing.TB, name, src string) (string, error) {
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

var wantError = regexp.MustCompile(`### "(.*)"\s*$`)

// TestErrorFile runs ../../testdata/errors/integrate*.sim: each chunk
// (separated by ---) with a ### "regexp" marker must fail at that line
// with a matching message.
func TestErrorFile(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/errors/integrate*.sim")
	if len(files) == 0 {
		t.Fatal("no error files")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) { runErrorFile(t, file) })
	}
}

// runErrorFile checks the chunks of one error file.
func runErrorFile(t *testing.T, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	start := 0
	for i := 0; i <= len(lines); i++ {
		if i < len(lines) && strings.TrimRight(lines[i], " ") != "---" {
			continue
		}
		src := strings.Repeat("\n", start) + strings.Join(lines[start:i], "\n") + "\n"
		wantLine, pattern := 0, ""
		for k := start; k < i; k++ {
			if m := wantError.FindStringSubmatch(lines[k]); m != nil {
				wantLine, pattern = k+1, m[1]
			}
		}
		out, err := runScript(t, file, src)
		switch {
		case wantLine == 0 && err != nil:
			t.Errorf("chunk at line %d: unexpected error %v\n%s", start+1, err, out)
		case wantLine > 0 && err == nil:
			t.Errorf("line %d: no error, want %q", wantLine, pattern)
		case wantLine > 0:
			msg := err.Error()
			first, _, _ := strings.Cut(msg, "\n")
			if !strings.HasPrefix(msg, file+":"+strconv.Itoa(wantLine)+":") || !regexp.MustCompile(pattern).MatchString(first) {
				t.Errorf("line %d: error does not match %q:\n%s", wantLine, pattern, msg)
			}
		}
		start = i + 1
	}
}
