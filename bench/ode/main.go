// Command ode runs sim's ODE solvers and SciPy's side by side on the same
// problems and prints the time ratios and evaluation counts. The .py
// workloads run unchanged under both interpreters; lorenz_eq.sim (the
// equation-string right-hand side) runs under sim only and is compared
// with SciPy on lorenz_fn.py. Each script prints "nfev N" and "elapsed
// SECONDS" (best of several repetitions, start-up excluded).
//
//	go run ./bench/ode              # uses /usr/bin/python3
//	go run ./bench/ode -python python3
//
// The peer comes from Debian: apt-get install -y python3-scipy.
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
)

// workloads pairs a SciPy script with the sim script it is compared to.
var workloads = []struct{ what, peer, sim string }{
	{"Lorenz RK45, function RHS", "lorenz_fn.py", "lorenz_fn.py"},
	{"Lorenz RK45, equation-string RHS", "lorenz_fn.py", "lorenz_eq.sim"},
	{"Robertson BDF vs SciPy BDF", "robertson_bdf.py", "robertson_bdf.py"},
	{"Robertson BDF vs SciPy LSODA", "robertson_lsoda.py", "robertson_bdf.py"},
	{"Robertson LSODA vs SciPy LSODA", "robertson_lsoda.py", "robertson_lsoda.py"},
	{"quad, hard integrands (neval)", "quad_hard.py", "quad_hard.py"},
	{"nquad, 2-D and 4-D (neval)", "nquad.py", "nquad.py"},
}

func main() {
	python := flag.String("python", "/usr/bin/python3", "the CPython interpreter with SciPy")
	flag.Parse()
	dir, err := os.MkdirTemp("", "simbench")
	check(err)
	defer os.RemoveAll(dir)
	simBin := filepath.Join(dir, "sim")
	build := exec.Command("go", "build", "-o", simBin, "./cmd/sim")
	build.Stderr = os.Stderr
	check(build.Run())
	out, _ := exec.Command(*python, "-c", "import scipy, sys; print('python', sys.version.split()[0], 'scipy', scipy.__version__)").CombinedOutput()
	fmt.Printf("peer: %s", out)
	fmt.Printf("%-34s %11s %11s %9s %8s %8s\n", "workload", "scipy", "sim", "ratio", "nfev", "nfev")
	cache := map[string][2]float64{}
	run := func(interp, script string) ([2]float64, error) {
		key := interp + " " + script
		if r, ok := cache[key]; ok {
			return r, nil
		}
		r, err := measure(interp, filepath.Join("bench", "ode", script))
		if err == nil {
			cache[key] = r
		}
		return r, err
	}
	for _, w := range workloads {
		p, perr := run(*python, w.peer)
		s, serr := run(simBin, w.sim)
		if perr != nil || serr != nil {
			fmt.Printf("%-34s failed: %v %v\n", w.what, perr, serr)
			continue
		}
		fmt.Printf("%-34s %9.3fms %9.3fms %8.1fx %8.0f %8.0f\n", w.what, 1e3*p[0], 1e3*s[0], p[0]/s[0], p[1], s[1])
	}
}

// measure runs a script and parses its "elapsed" and "nfev" lines.
func measure(interp, script string) ([2]float64, error) {
	out, err := exec.Command(interp, script).CombinedOutput()
	if err != nil {
		return [2]float64{}, fmt.Errorf("%s %s: %v\n%s", interp, script, err, out)
	}
	var r [2]float64
	found := 0
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) != 2 {
			continue
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			continue
		}
		switch f[0] {
		case "elapsed":
			r[0] = v
			found++
		case "nfev":
			r[1] = v
			found++
		}
	}
	if found != 2 {
		return r, fmt.Errorf("%s %s: no elapsed/nfev lines in output:\n%s", interp, script, out)
	}
	return r, nil
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
