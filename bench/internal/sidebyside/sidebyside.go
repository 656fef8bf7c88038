// Package sidebyside runs sim and its peers (Brian2, SciPy, ...) on the
// same workloads, interleaved, and prints the best times with each peer's
// time over sim's. It is shared by the programs under bench/; timings are
// printed, never asserted.
package sidebyside

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Runner is one way to run a workload: a program, its arguments and
// extra environment variables. Name "sim" marks the reference for the
// ratios; names starting with "sim" get no ratio of their own.
type Runner struct {
	Name string
	Bin  string
	Args []string
	Env  []string
}

// Result is the best time of a runner, the check lines of that run, and
// its process figures (peak RSS in MiB, CPU seconds).
type Result struct {
	Best   float64
	Check  string
	RSSMiB float64
	CPU    float64
	Err    error
}

// Options say how a table is measured and shown.
type Options struct {
	// Reps is how many times each runner runs (the best is kept).
	Reps int
	// Wall times whole processes instead of reading the workload's
	// "elapsed SECONDS" line.
	Wall bool
	// CheckPrefixes select the output lines shown beside each time (the
	// same numbers for every runner show that the models agree).
	CheckPrefixes []string
	// Usage adds peak RSS and CPU time to each line.
	Usage bool
}

// Table runs every runner opt.Reps times, interleaved so that a busy
// machine disturbs them alike, prints the table under title, and returns
// the results in the order of rs.
func Table(title string, rs []Runner, opt Options) []Result {
	res := make([]Result, len(rs))
	for k := range res {
		res[k].Best = 1e300
	}
	for r := 0; r < opt.Reps; r++ {
		for k, ru := range rs {
			if res[k].Err != nil {
				continue
			}
			got, err := Run(ru, opt)
			if err != nil {
				res[k].Err = err
				continue
			}
			if got.Best < res[k].Best {
				res[k] = got
			}
		}
	}
	fmt.Print(Format(title, rs, res, opt))
	return res
}

// Format writes the table of results: each runner's best time, the
// peer/sim ratio, and the check lines (and usage when opt.Usage).
func Format(title string, rs []Runner, res []Result, opt Options) string {
	var b strings.Builder
	b.WriteString(title + "\n")
	var simBest float64
	for k, ru := range rs {
		if ru.Name == "sim" && res[k].Err == nil {
			simBest = res[k].Best
		}
	}
	for k, ru := range rs {
		r := res[k]
		if r.Err != nil {
			fmt.Fprintf(&b, "  %-15s failed: %v\n", ru.Name, r.Err)
			continue
		}
		line := fmt.Sprintf("  %-15s %10s", ru.Name, Seconds(r.Best))
		if simBest > 0 && !strings.HasPrefix(ru.Name, "sim") {
			line += fmt.Sprintf("   %s/sim = %.2fx", ru.Name, r.Best/simBest)
		}
		if opt.Usage {
			fmt.Fprintf(&b, "%-55s peak RSS %6.1f MiB, CPU %s   %s\n", line, r.RSSMiB, Seconds(r.CPU), r.Check)
		} else {
			fmt.Fprintf(&b, "%-60s %s\n", line, r.Check)
		}
	}
	b.WriteString("\n")
	return b.String()
}

var elapsedLine = regexp.MustCompile(`(?m)^elapsed ([0-9.eE+-]+)\s*$`)

// Run runs a workload once and returns its time (its "elapsed" line, or
// the process's wall time with opt.Wall), its check lines, peak RSS and
// CPU time.
func Run(ru Runner, opt Options) (Result, error) {
	cmd := exec.Command(ru.Bin, ru.Args...)
	cmd.Env = append(os.Environ(), ru.Env...)
	t0 := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(t0).Seconds()
	if err != nil {
		return Result{}, fmt.Errorf("%v: %s", err, LastLine(string(out)))
	}
	var checks []string
	for _, line := range strings.Split(string(out), "\n") {
		for _, p := range opt.CheckPrefixes {
			if strings.HasPrefix(line, p) {
				checks = append(checks, strings.TrimSpace(line))
				break
			}
		}
	}
	r := Result{Best: d, Check: strings.Join(checks, ", ")}
	if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.RSSMiB = float64(u.Maxrss) / 1024 // kilobytes on Linux
		r.CPU = timeval(u.Utime) + timeval(u.Stime)
	}
	if opt.Wall {
		return r, nil
	}
	m := elapsedLine.FindStringSubmatch(string(out))
	if m == nil {
		return Result{}, fmt.Errorf("no elapsed line in output: %s", LastLine(string(out)))
	}
	r.Best, err = strconv.ParseFloat(m[1], 64)
	return r, err
}

func timeval(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)*1e-6 }

// BuildSim builds ./cmd/sim into a temporary directory and returns the
// binary's path and a function that removes it.
func BuildSim() (string, func(), error) {
	dir, err := os.MkdirTemp("", "simbench")
	if err != nil {
		return "", nil, err
	}
	bin := filepath.Join(dir, "sim")
	build := exec.Command("go", "build", "-o", bin, "./cmd/sim")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	return bin, func() { os.RemoveAll(dir) }, nil
}

// Seconds formats a duration in seconds with a readable unit.
func Seconds(s float64) string {
	switch {
	case s < 1e-3:
		return fmt.Sprintf("%.1f µs", s*1e6)
	case s < 1:
		return fmt.Sprintf("%.2f ms", s*1e3)
	}
	return fmt.Sprintf("%.3f s", s)
}

// LastLine returns the last non-empty line of s (for error messages).
func LastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// EnvOr returns the environment variable k, or def when it is unset.
func EnvOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
