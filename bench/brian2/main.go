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
	"path/filepath"
	"regexp"
	goruntime "runtime"
	"strconv"
	"strings"
	"time"
)

func main() {
	python := flag.String("python", "/usr/bin/python3", "the Python interpreter with Brian2")
	reps := flag.Int("n", 3, "repetitions (the best is kept)")
	neurons := flag.Int("neurons", 1000000, "neurons of the lif_update workload")
	simBin := flag.String("sim", "", "a sim binary to use instead of building ./cmd/sim")
	flag.Parse()
	if *simBin == "" {
		dir, err := os.MkdirTemp("", "simbench")
		check(err)
		defer os.RemoveAll(dir)
		*simBin = filepath.Join(dir, "sim")
		build := exec.Command("go", "build", "-o", *simBin, "./cmd/sim")
		build.Stderr = os.Stderr
		check(build.Run())
	}
	out, err := exec.Command(*python, "-c", "import brian2, sys; print('Brian2', brian2.__version__, 'on Python', sys.version.split()[0])").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "brian2: %s cannot import brian2 (%v); install python3-brian cython3 python3-dev g++\n", *python, err)
		os.Exit(1)
	}
	fmt.Printf("peer: %s\n", lastLine(string(out)))
	fmt.Printf("sim: %d CPUs (GOMAXPROCS %s)\n\n", goruntime.NumCPU(), envOr("GOMAXPROCS", "unset"))

	n := strconv.Itoa(*neurons)
	upd := []runner{
		{"numpy", *python, []string{"bench/brian2/lif_update.py", "numpy", n}, nil},
		{"cython", *python, []string{"bench/brian2/lif_update.py", "cython", n}, nil},
		{"sim", *simBin, []string{"bench/brian2/lif_update.sim", n}, nil},
		{"sim 1 thread", *simBin, []string{"bench/brian2/lif_update.sim", n}, []string{"GOMAXPROCS=1"}},
	}
	grp := []runner{
		{"numpy", *python, []string{"bench/brian2/lif_group.py", "numpy", "warm"}, nil},
		{"cython", *python, []string{"bench/brian2/lif_group.py", "cython", "warm"}, nil},
		{"sim", *simBin, []string{"bench/brian2/lif_group.sim", "warm"}, nil},
		{"sim 1 thread", *simBin, []string{"bench/brian2/lif_group.sim", "warm"}, []string{"GOMAXPROCS=1"}},
	}
	whole := []runner{
		{"numpy", *python, []string{"bench/brian2/lif_group.py", "numpy"}, nil},
		{"cython", *python, []string{"bench/brian2/lif_group.py", "cython"}, nil},
		{"sim", *simBin, []string{"bench/brian2/lif_group.sim"}, nil},
		{"sim 1 thread", *simBin, []string{"bench/brian2/lif_group.sim"}, []string{"GOMAXPROCS=1"}},
	}
	table(fmt.Sprintf("seed LIF state update, %s neurons (per step)", n), upd, *reps, false)
	table("4000-neuron uncoupled LIF group, run(1*second)", grp, *reps, false)
	table("the same script as a whole process (start-up included)", whole, *reps, true)
	ratio()
}

// runner is one way to run a workload.
type runner struct {
	name string
	bin  string
	args []string
	env  []string
}

// result is the best time of a runner and its check lines.
type result struct {
	best  float64
	check string
	err   error
}

// table runs every runner reps times, interleaved, and prints the best
// times and each peer's time over sim's. wall times whole processes
// instead of reading the script's "elapsed" line.
func table(title string, rs []runner, reps int, wall bool) {
	res := make([]result, len(rs))
	for k := range res {
		res[k].best = 1e300
	}
	for r := 0; r < reps; r++ {
		for k, ru := range rs {
			if res[k].err != nil {
				continue
			}
			t, chk, err := runOnce(ru, wall)
			if err != nil {
				res[k].err = err
				continue
			}
			res[k].best = min(res[k].best, t)
			res[k].check = chk
		}
	}
	fmt.Println(title)
	var simBest float64
	for k, ru := range rs {
		if ru.name == "sim" && res[k].err == nil {
			simBest = res[k].best
		}
	}
	for k, ru := range rs {
		r := res[k]
		if r.err != nil {
			fmt.Printf("  %-13s failed: %v\n", ru.name, r.err)
			continue
		}
		line := fmt.Sprintf("  %-13s %12s", ru.name, seconds(r.best))
		if simBest > 0 && !strings.HasPrefix(ru.name, "sim") {
			line += fmt.Sprintf("   %s/sim = %.2fx", ru.name, r.best/simBest)
		}
		fmt.Printf("%-60s %s\n", line, r.check)
	}
	fmt.Println()
}

var elapsedLine = regexp.MustCompile(`(?m)^elapsed ([0-9.eE+-]+)\s*$`)

// runOnce runs a workload and returns its time and its "check" and
// "spikes" lines (the same numbers for every runner show that the models
// agree).
func runOnce(ru runner, wall bool) (float64, string, error) {
	cmd := exec.Command(ru.bin, ru.args...)
	cmd.Env = append(os.Environ(), ru.env...)
	t0 := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(t0).Seconds()
	if err != nil {
		return 0, "", fmt.Errorf("%v: %s", err, lastLine(string(out)))
	}
	var checks []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "check ") || strings.HasPrefix(line, "spikes ") {
			checks = append(checks, strings.TrimSpace(line))
		}
	}
	if wall {
		return d, strings.Join(checks, ", "), nil
	}
	m := elapsedLine.FindStringSubmatch(string(out))
	if m == nil {
		return 0, "", fmt.Errorf("no elapsed line in output: %s", lastLine(string(out)))
	}
	t, err := strconv.ParseFloat(m[1], 64)
	return t, strings.Join(checks, ", "), err
}

// ratio runs the vector VM's ratio benchmark and prints its result.
func ratio() {
	fmt.Println("vector VM vs the same LIF update hand-written in Go (10^6 neurons, best of 20):")
	out, err := exec.Command("go", "test", "-run", "^$", "-bench", "Ratio", "-benchtime", "20x", "./runtime/vecvm").CombinedOutput()
	if err != nil {
		fmt.Printf("  failed: %v: %s\n", err, lastLine(string(out)))
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

func seconds(s float64) string {
	switch {
	case s < 1e-3:
		return fmt.Sprintf("%.1f µs", s*1e6)
	case s < 1:
		return fmt.Sprintf("%.2f ms", s*1e3)
	}
	return fmt.Sprintf("%.3f s", s)
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "brian2:", err)
		os.Exit(1)
	}
}
