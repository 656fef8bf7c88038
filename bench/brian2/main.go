// Command brian2 runs sim and Brian2 (its numpy and cython code
// generation targets) side by side on the same neuron models and prints
// the ratios, plus the vector VM's speed relative to the same update
// hand-written in Go (go test -bench Ratio ./runtime/vecvm).
//
//	go run ./bench/brian2                 # uses /usr/bin/python3
//	go run ./bench/brian2 -n 5 -python python3
//
// Workloads (each a .py script for Brian2 and a .sim script for sim in
// this directory, with the same model):
//
//   - lif_update: the state update of the seed network's
//     conductance-based LIF (euler, no synapses, no threshold) for 10^6
//     neurons; time per step of run(), after a warm-up run.
//   - lif_group: a 4000-neuron uncoupled LIF group (CUBA's neurons,
//     euler, threshold, reset, refractoriness, a spike monitor) simulated
//     for 1 s; time of run(1*second) after a 1 ms warm-up run (so
//     Brian2's code generation and compilation are excluded).
//   - the whole lif_group script as a process (start-up, imports, code
//     generation; Brian2's cython cache is warm after the first run).
//
// The peer comes from Debian: apt-get install -y python3-brian cython3
// python3-dev g++. Every figure is the best of -n runs, peers and sim
// interleaved, so that a busy machine disturbs them alike. Timings are
// printed, never asserted.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	goruntime "runtime"
	"strconv"
	"strings"

	sbs "github.com/sim-lang/sim/bench/internal/sidebyside"
)

func main() {
	python := flag.String("python", "/usr/bin/python3", "the Python interpreter with Brian2")
	reps := flag.Int("n", 3, "repetitions (the best is kept)")
	neurons := flag.Int("neurons", 1000000, "neurons of the lif_update workload")
	simBin := flag.String("sim", "", "a sim binary to use instead of building ./cmd/sim")
	flag.Parse()
	if *simBin == "" {
		bin, cleanup, err := sbs.BuildSim()
		check(err)
		defer cleanup()
		*simBin = bin
	}
	out, err := exec.Command(*python, "-c", "import brian2, sys; print('Brian2', brian2.__version__, 'on Python', sys.version.split()[0])").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "brian2: %s cannot import brian2 (%v); install python3-brian cython3 python3-dev g++\n", *python, err)
		os.Exit(1)
	}
	fmt.Printf("peer: %s\n", sbs.LastLine(string(out)))
	fmt.Printf("sim: %d CPUs (GOMAXPROCS %s)\n\n", goruntime.NumCPU(), sbs.EnvOr("GOMAXPROCS", "unset"))

	n := strconv.Itoa(*neurons)
	upd := []sbs.Runner{
		{Name: "numpy", Bin: *python, Args: []string{"bench/brian2/lif_update.py", "numpy", n}},
		{Name: "cython", Bin: *python, Args: []string{"bench/brian2/lif_update.py", "cython", n}},
		{Name: "sim", Bin: *simBin, Args: []string{"bench/brian2/lif_update.sim", n}},
		{Name: "sim 1 thread", Bin: *simBin, Args: []string{"bench/brian2/lif_update.sim", n}, Env: []string{"GOMAXPROCS=1"}},
	}
	grp := []sbs.Runner{
		{Name: "numpy", Bin: *python, Args: []string{"bench/brian2/lif_group.py", "numpy", "warm"}},
		{Name: "cython", Bin: *python, Args: []string{"bench/brian2/lif_group.py", "cython", "warm"}},
		{Name: "sim", Bin: *simBin, Args: []string{"bench/brian2/lif_group.sim", "warm"}},
		{Name: "sim 1 thread", Bin: *simBin, Args: []string{"bench/brian2/lif_group.sim", "warm"}, Env: []string{"GOMAXPROCS=1"}},
	}
	whole := []sbs.Runner{
		{Name: "numpy", Bin: *python, Args: []string{"bench/brian2/lif_group.py", "numpy"}},
		{Name: "cython", Bin: *python, Args: []string{"bench/brian2/lif_group.py", "cython"}},
		{Name: "sim", Bin: *simBin, Args: []string{"bench/brian2/lif_group.sim"}},
		{Name: "sim 1 thread", Bin: *simBin, Args: []string{"bench/brian2/lif_group.sim"}, Env: []string{"GOMAXPROCS=1"}},
	}
	// The check and spikes lines show that both sides simulate the same model.
	checks := []string{"check ", "spikes "}
	sbs.Table(fmt.Sprintf("seed LIF state update, %s neurons (per step)", n), upd, sbs.Options{Reps: *reps, CheckPrefixes: checks})
	sbs.Table("4000-neuron uncoupled LIF group, run(1*second)", grp, sbs.Options{Reps: *reps, CheckPrefixes: checks})
	sbs.Table("the same script as a whole process (start-up included)", whole, sbs.Options{Reps: *reps, Wall: true, CheckPrefixes: checks})
	ratio()
}

// ratio runs the vector VM's ratio benchmark and prints its result.
func ratio() {
	fmt.Println("vector VM vs the same LIF update hand-written in Go (10^6 neurons, best of 20):")
	out, err := exec.Command("go", "test", "-run", "^$", "-bench", "Ratio", "-benchtime", "20x", "./runtime/vecvm").CombinedOutput()
	if err != nil {
		fmt.Printf("  failed: %v: %s\n", err, sbs.LastLine(string(out)))
		return
	}
	metric := regexp.MustCompile(`([0-9.]+) (hand-best-us|hand/vm|vm-best-us)`)
	for _, line := range strings.Split(string(out), "\n") {
		if !strings.HasPrefix(line, "BenchmarkRatio") {
			continue
		}
		name := strings.Fields(line)[0]
		vals := map[string]string{}
		for _, m := range metric.FindAllStringSubmatch(line, -1) {
			vals[m[2]] = m[1]
		}
		fmt.Printf("  %-24s vm %s µs, hand-written %s µs, hand/vm = %s  (%s)\n", name, vals["vm-best-us"], vals["hand-best-us"], vals["hand/vm"], ratioNotes[strings.SplitN(name, "-", 2)[0]])
	}
}

// ratioNotes says what each ratio benchmark compares.
var ratioNotes = map[string]string{
	"BenchmarkRatio":        "exact divisions, one thread",
	"BenchmarkRatioThreads": "exact divisions, all CPUs",
	"BenchmarkRatioFastDiv": "divisions by constants as multiplications, as the engine compiles, one thread",
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "brian2:", err)
		os.Exit(1)
	}
}
