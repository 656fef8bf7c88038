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
	"path/filepath"
	"regexp"
	goruntime "runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	python := flag.String("python", "/usr/bin/python3", "the Python interpreter with Brian2")
	reps := flag.Int("n", 3, "repetitions (the best is kept)")
	simBin := flag.String("sim", "", "a sim binary to use instead of building ./cmd/sim")
	skipStandalone := flag.Bool("no-standalone", false, "skip Brian2's cpp_standalone device (slow to build)")
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
		fmt.Fprintf(os.Stderr, "cuba: %s cannot import brian2 (%v); install python3-brian cython3 python3-dev g++\n", *python, err)
		os.Exit(1)
	}
	fmt.Printf("peer: %s\n", lastLine(string(out)))
	fmt.Printf("sim: %d CPUs (GOMAXPROCS %s)\n\n", goruntime.NumCPU(), envOr("GOMAXPROCS", "unset"))

	loop := []runner{
		{name: "cython", bin: *python, args: []string{"bench/cuba/cuba.py", "cython", "warm"}},
		{name: "sim", bin: *simBin, args: []string{"bench/cuba/cuba.sim", "warm"}},
		{name: "sim 1 thread", bin: *simBin, args: []string{"bench/cuba/cuba.sim", "warm"}, env: []string{"GOMAXPROCS=1"}},
	}
	if !*skipStandalone {
		loop = append([]runner{{name: "cpp_standalone", bin: *python, args: []string{"bench/cuba/cuba.py", "cpp_standalone"}}}, loop...)
	}
	whole := []runner{
		{name: "numpy", bin: *python, args: []string{"bench/cuba/cuba.py", "numpy"}},
		{name: "sim", bin: *simBin, args: []string{"bench/cuba/cuba.sim"}},
		{name: "sim 1 thread", bin: *simBin, args: []string{"bench/cuba/cuba.sim"}, env: []string{"GOMAXPROCS=1"}},
	}
	table("CUBA run(1*second) (cpp_standalone: its own simulation loop)", loop, *reps, false)
	table("the whole CUBA script as a process, start-up and imports included", whole, *reps, true)
}

// runner is one way to run a workload.
type runner struct {
	name string
	bin  string
	args []string
	env  []string
}

// result is the best time of a runner, its check lines, and its process
// figures (peak RSS in MiB, CPU seconds) of the best run.
type result struct {
	best   float64
	check  string
	rssMiB float64
	cpu    float64
	err    error
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
			got, err := runOnce(ru, wall)
			if err != nil {
				res[k].err = err
				continue
			}
			if got.best < res[k].best {
				res[k] = got
			}
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
			fmt.Printf("  %-15s failed: %v\n", ru.name, r.err)
			continue
		}
		line := fmt.Sprintf("  %-15s %10s", ru.name, seconds(r.best))
		if simBest > 0 && !strings.HasPrefix(ru.name, "sim") {
			line += fmt.Sprintf("   %s/sim = %.2fx", ru.name, r.best/simBest)
		}
		fmt.Printf("%-55s peak RSS %6.1f MiB, CPU %s   %s\n", line, r.rssMiB, seconds(r.cpu), r.check)
	}
	fmt.Println()
}

var elapsedLine = regexp.MustCompile(`(?m)^elapsed ([0-9.eE+-]+)\s*$`)

// runOnce runs a workload and returns its time, its "synapses" and
// "spikes" lines (similar numbers for every runner show that the models
// agree), its peak RSS and CPU time.
func runOnce(ru runner, wall bool) (result, error) {
	cmd := exec.Command(ru.bin, ru.args...)
	cmd.Env = append(os.Environ(), ru.env...)
	t0 := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(t0).Seconds()
	if err != nil {
		return result{}, fmt.Errorf("%v: %s", err, lastLine(string(out)))
	}
	var checks []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "synapses ") || strings.HasPrefix(line, "spikes ") {
			checks = append(checks, strings.TrimSpace(line))
		}
	}
	r := result{best: d, check: strings.Join(checks, ", ")}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssMiB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
		r.cpu = tv(ru.Utime) + tv(ru.Stime)
	}
	if wall {
		return r, nil
	}
	m := elapsedLine.FindStringSubmatch(string(out))
	if m == nil {
		return result{}, fmt.Errorf("no elapsed line in output: %s", lastLine(string(out)))
	}
	r.best, err = strconv.ParseFloat(m[1], 64)
	return r, err
}

func tv(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)*1e-6 }

func seconds(s float64) string {
	switch {
	case s < 1e-3:
		return fmt.Sprintf("%.1f µs", s*1e6)
	case s < 1:
		return fmt.Sprintf("%.1f ms", s*1e3)
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
		fmt.Fprintln(os.Stderr, "cuba:", err)
		os.Exit(1)
	}
}
