// Command compare runs sim and its peers (CPython, numpy) side by side on
// the same workloads and prints the ratios. Each workload in bench/lang is
// a script that runs unchanged under both and prints "elapsed SECONDS"
// (the best of several repetitions, so start-up is excluded); start-up
// itself is timed as whole processes.
//
//	go run ./bench/compare              # uses /usr/bin/python3
//	go run ./bench/compare -python python3
//
// The peers come from Debian: apt-get install -y python3 python3-numpy.
// Timings are printed, never asserted.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// workloads lists the scripts in bench/lang and what they measure.
var workloads = []struct{ file, what string }{
	{"fib.py", "recursive fib(25)"},
	{"loop.py", "10^6-iteration loop, module level"},
	{"loop_func.py", "10^6-iteration loop, in a function"},
	{"muladd.py", "a*b + c, 10^6-element arrays"},
}

func main() {
	python := flag.String("python", "/usr/bin/python3", "the CPython interpreter to compare with")
	flag.Parse()
	dir, err := os.MkdirTemp("", "simbench")
	check(err)
	defer os.RemoveAll(dir)
	simBin := filepath.Join(dir, "sim")
	build := exec.Command("go", "build", "-o", simBin, "./cmd/sim")
	build.Stderr = os.Stderr
	check(build.Run())

	out, _ := exec.Command(*python, "--version").CombinedOutput()
	fmt.Printf("peer: %s", out)
	fmt.Printf("%-40s %12s %12s %8s\n", "workload", "peer", "sim", "peer/sim")
	for _, w := range workloads {
		script := filepath.Join("bench", "lang", w.file)
		p, perr := elapsed(*python, script)
		s, serr := elapsed(simBin, script)
		report(w.what, p, s, perr, serr)
	}
	p, perr := startup(*python)
	s, serr := startup(simBin)
	report("start-up: -c 'print(1)' (whole process)", p, s, perr, serr)
}

// elapsed runs a workload script and parses its "elapsed SECONDS" line.
func elapsed(interp, script string) (float64, error) {
	out, err := exec.Command(interp, script).CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("%v: %s", err, strings.TrimSpace(string(out)))
	}
	for _, line := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(line, "elapsed "); ok {
			return strconv.ParseFloat(strings.TrimSpace(rest), 64)
		}
	}
	return 0, fmt.Errorf("no elapsed line in output: %s", out)
}

// startup returns the best wall time of 20 runs of `interp -c 'print(1)'`.
func startup(interp string) (float64, error) {
	best := 1e9
	for i := 0; i < 20; i++ {
		t0 := time.Now()
		if out, err := exec.Command(interp, "-c", "print(1)").CombinedOutput(); err != nil {
			return 0, fmt.Errorf("%v: %s", err, out)
		}
		best = min(best, time.Since(t0).Seconds())
	}
	return best, nil
}

func report(what string, peer, sim float64, perr, serr error) {
	switch {
	case perr != nil:
		fmt.Printf("%-40s peer failed: %v\n", what, perr)
	case serr != nil:
		fmt.Printf("%-40s sim failed: %v\n", what, serr)
	default:
		fmt.Printf("%-40s %10.2fms %10.2fms %7.2fx\n", what, peer*1e3, sim*1e3, peer/sim)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}
