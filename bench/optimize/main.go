// Command optimize runs sim's optimize module and SciPy's side by side on
// the same fits and prints the time ratios. Each workload in bench/optimize
// is a script that runs unchanged under both interpreters, times its own
// work (best of many repetitions, so start-up and imports are excluded)
// and prints "elapsed SECONDS" and "quality ..." lines; the quality lines
// show that both sides found the same answer.
//
//	go run ./bench/optimize              # uses /usr/bin/python3
//	go run ./bench/optimize -python python3 -reps 5
//
// The peer comes from Debian: apt-get install -y python3-scipy. Run it
// from the repository root (the scripts read testdata/). Timings are
// printed, never asserted; on a shared machine run it twice.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sim-lang/sim/bench/internal/sidebyside"
)

// workloads lists the scripts and what they measure.
var workloads = []struct{ file, what string }{
	{"curve_fit_decay.py", "curve_fit, 1000-point decay, default p0 (LM)"},
	{"minimize_rosen.py", "minimize 5-d Rosenbrock, BFGS + Nelder-Mead"},
}

func main() {
	python := flag.String("python", "/usr/bin/python3", "the CPython interpreter with SciPy")
	reps := flag.Int("reps", 3, "alternating runs of each side (the best is kept)")
	flag.Parse()
	simBin, cleanup, err := sidebyside.BuildSim()
	if err != nil {
		fmt.Fprintln(os.Stderr, "optimize:", err)
		os.Exit(1)
	}
	defer cleanup()
	opt := sidebyside.Options{Reps: *reps, CheckPrefixes: []string{"quality"}}
	for _, w := range workloads {
		script := filepath.Join("bench", "optimize", w.file)
		sidebyside.Table(w.what, []sidebyside.Runner{
			{Name: "scipy", Bin: *python, Args: []string{script}},
			{Name: "sim", Bin: simBin, Args: []string{script}},
		}, opt)
	}
}
