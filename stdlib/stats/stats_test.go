package stats_test

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/sim-lang/sim/runtime"
	_ "github.com/sim-lang/sim/stdlib/mathmod"
	_ "github.com/sim-lang/sim/stdlib/np"
	_ "github.com/sim-lang/sim/stdlib/simtest"
	"github.com/sim-lang/sim/stdlib/stats"
	_ "github.com/sim-lang/sim/stdlib/unitsmod"
)

// TestScriptFiles runs testdata/stats_*.sim with this module and its
// dependencies only.
func TestScriptFiles(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/stats_*.sim")
	if len(files) == 0 {
		t.Fatal("no stats scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			th := runtime.NewThread("test")
			th.Stdout, th.Stderr = &out, &out
			if err := runtime.NewEnv().Exec(th, f, string(src)); err != nil {
				t.Fatalf("%v\n%s", err, out.String())
			}
		})
	}
}

// An AR(1) process x[t] = φ x[t-1] + noise has integrated
// autocorrelation time (1+φ)/(1−φ).
func TestAutocorrTimeAR1(t *testing.T) {
	const phi = 0.8
	x := make([]float64, 200000)
	s := uint64(12345)
	for i := 1; i < len(x); i++ {
		// xorshift + Box-Muller for a dependency-free normal stream
		u := func() float64 {
			s ^= s << 13
			s ^= s >> 7
			s ^= s << 17
			return (float64(s>>11) + 0.5) / (1 << 53)
		}
		z := math.Sqrt(-2*math.Log(u())) * math.Cos(2*math.Pi*u())
		x[i] = phi*x[i-1] + z
	}
	got := stats.AutocorrTime(x, 5)
	if want := (1 + phi) / (1 - phi); math.Abs(got-want) > 0.1*want {
		t.Errorf("tau = %g, want about %g", got, want)
	}
}

// TestRunFile runs the script named by $SIM_STATS_FILE (development aid).
func TestRunFile(t *testing.T) {
	f := os.Getenv("SIM_STATS_FILE")
	if f == "" {
		t.Skip("SIM_STATS_FILE not set")
	}
	src, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	th := runtime.NewThread("test")
	th.Stdout, th.Stderr = &out, &out
	err = runtime.NewEnv().Exec(th, f, string(src))
	t.Log("\n" + out.String())
	if err != nil {
		t.Fatal(err)
	}
}
