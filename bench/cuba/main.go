// Command cuba runs the CUBA network (4000 LIF neurons, 80/20
// excitatory/inhibitory, p = 0.02, exact integration; cuba.sim and
// cuba.py in this directory) in sim and in Brian2 side by side and prints
// the ratios:
//
//   - run(1*second) after a 1 ms warm-up run, against the simulation loop
//     of Brian2's cpp_standalone device (as timed by its generated C++
//     code) and against Brian2's cython runtime (warm, so code generation
//     and compilation are excluded);
//
//   - the whole CUBA script as a process, from start-up to the last
//     spike, against Brian2's numpy target including its import;
//
//   - peak memory (maximum resident set size) of each process, and its
//     CPU time.
//
//     go run ./bench/cuba                   # builds ./cmd/sim, uses /usr/bin/python3
//     go run ./bench/cuba -n 5 -sim /path/to/sim
//
// The peer comes from Debian: apt-get install -y python3-brian cython3
// python3-dev g++. Figures are the best of -n runs, peers and sim
// interleaved, so that a busy machine disturbs them alike. Timings are
// printed, never asserted.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	goruntime "runtime"

	sbs "github.com/sim-lang/sim/bench/internal/sidebyside"
)

func main() {
	python := flag.String("python", "/usr/bin/python3", "the Python interpreter with Brian2")
	reps := flag.Int("n", 3, "repetitions (the best is kept)")
	simBin := flag.String("sim", "", "a sim binary to use instead of building ./cmd/sim")
	skipStandalone := flag.Bool("no-standalone", false, "skip Brian2's cpp_standalone device (slow to build)")
	flag.Parse()
	if *simBin == "" {
		bin, cleanup, err := sbs.BuildSim()
		check(err)
		defer cleanup()
		*simBin = bin
	}
	out, err := exec.Command(*python, "-c", "import brian2, sys; print('Brian2', brian2.__version__, 'on Python', sys.version.split()[0])").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "cuba: %s cannot import brian2 (%v); install python3-brian cython3 python3-dev g++\n", *python, err)
		os.Exit(1)
	}
	fmt.Printf("peer: %s\n", sbs.LastLine(string(out)))
	fmt.Printf("sim: %d CPUs (GOMAXPROCS %s)\n\n", goruntime.NumCPU(), sbs.EnvOr("GOMAXPROCS", "unset"))

	loop := []sbs.Runner{
		{Name: "cython", Bin: *python, Args: []string{"bench/cuba/cuba.py", "cython", "warm"}},
		{Name: "sim", Bin: *simBin, Args: []string{"bench/cuba/cuba.sim", "warm"}},
		{Name: "sim 1 thread", Bin: *simBin, Args: []string{"bench/cuba/cuba.sim", "warm"}, Env: []string{"GOMAXPROCS=1"}},
	}
	if !*skipStandalone {
		loop = append([]sbs.Runner{{Name: "cpp_standalone", Bin: *python, Args: []string{"bench/cuba/cuba.py", "cpp_standalone"}}}, loop...)
	}
	whole := []sbs.Runner{
		{Name: "numpy", Bin: *python, Args: []string{"bench/cuba/cuba.py", "numpy"}},
		{Name: "sim", Bin: *simBin, Args: []string{"bench/cuba/cuba.sim"}},
		{Name: "sim 1 thread", Bin: *simBin, Args: []string{"bench/cuba/cuba.sim"}, Env: []string{"GOMAXPROCS=1"}},
	}
	// Similar synapse and spike counts show that both sides run the same
	// network; peak RSS and CPU time come with every line.
	opt := sbs.Options{Reps: *reps, CheckPrefixes: []string{"synapses ", "spikes "}, Usage: true}
	sbs.Table("CUBA run(1*second) (cpp_standalone: its own simulation loop)", loop, opt)
	opt.Wall = true
	sbs.Table("the whole CUBA script as a process, start-up and imports included", whole, opt)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "cuba:", err)
		os.Exit(1)
	}
}
