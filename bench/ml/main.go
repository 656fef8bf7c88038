// Command ml runs sim's ml module and scikit-learn side by side on the
// same workloads and prints the ratios. Each workload in bench/ml is a
// script that runs unchanged under both, times its own work with the best
// of a few repetitions (so start-up and imports are excluded) and prints
// "elapsed SECONDS" and "quality NAME VALUE" lines.
//
//	go run ./bench/ml                    # uses /usr/bin/python3
//	go run ./bench/ml -python python3 -reps 5
//	go run ./bench/ml -only logreg       # one workload
//
// Both sides run single-threaded: OMP_NUM_THREADS=1 (and the BLAS
// equivalents) for scikit-learn, GOMAXPROCS=1 for sim. The peer comes from
// Debian: apt-get install -y python3-sklearn. Timings are printed, never
// asserted; on a shared machine run it twice and read the ratios.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// workloads lists the scripts, their arguments and what they measure.
var workloads = []struct {
	file string
	args []string
	what string
}{
	{"tsne_digits.py", nil, "TSNE digits (1797, perplexity 30, BH)"},
	{"kmeans_digits.py", nil, "KMeans digits k=10 n_init=10 (lloyd)"},
	{"kmeans_digits_elkan.py", nil, "KMeans digits k=10 n_init=10 (elkan)"},
	{"pca_digits.py", nil, "PCA digits (full + randomized k=10)"},
	{"logreg_digits.py", nil, "LogisticRegression digits, 5-fold CV"},
	{"logreg_digits_sag.py", nil, "LogisticRegression sag+saga, 5-fold CV"},
	{"mlp_digits.py", nil, "MLPClassifier(100,) 30 epochs, batch 200"},
	{"mlp_digits_b32.py", nil, "MLPClassifier(100,) 30 epochs, batch 32"},
}

func main() {
	python := flag.String("python", "/usr/bin/python3", "the CPython interpreter with scikit-learn")
	reps := flag.Int("reps", 3, "alternating runs of each side (the best is kept)")
	only := flag.String("only", "", "run only the workloads whose file name contains this")
	flag.Parse()
	dir, err := os.MkdirTemp("", "simbench")
	check(err)
	defer os.RemoveAll(dir)
	simBin := filepath.Join(dir, "sim")
	build := exec.Command("go", "build", "-o", simBin, "./cmd/sim")
	build.Stderr = os.Stderr
	check(build.Run())

	fmt.Printf("%-42s %10s %10s %9s   %s\n", "workload", "sklearn s", "sim s", "sk/sim", "quality (sklearn | sim)")
	for _, w := range workloads {
		if !strings.Contains(w.file, *only) {
			continue
		}
		script := filepath.Join("bench", "ml", w.file)
		// alternate the two sides and keep each one's best, so that a
		// burst of load on a shared machine hits both alike
		pe, se := math.Inf(1), math.Inf(1)
		var pq, sq string
		var perr, serr error
		for rep := 0; rep < *reps && perr == nil && serr == nil; rep++ {
			var e float64
			e, pq, perr = run(*python, script, w.args, []string{"OMP_NUM_THREADS=1", "OPENBLAS_NUM_THREADS=1", "MKL_NUM_THREADS=1", "PYTHONWARNINGS=ignore"})
			pe = math.Min(pe, e)
			e, sq, serr = run(simBin, script, w.args, []string{"GOMAXPROCS=1"})
			se = math.Min(se, e)
		}
		switch {
		case perr != nil:
			fmt.Printf("%-42s peer failed: %v\n", w.what, perr)
		case serr != nil:
			fmt.Printf("%-42s sim failed: %v\n", w.what, serr)
		default:
			fmt.Printf("%-42s %10.4f %10.4f %8.2fx   %s | %s\n", w.what, pe, se, pe/se, pq, sq)
		}
	}
}

// run executes a workload and parses its elapsed and quality lines.
func run(interp, script string, args, env []string) (float64, string, error) {
	cmd := exec.Command(interp, append([]string{script}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, "", fmt.Errorf("%v: %s", err, lastLines(string(out), 5))
	}
	elapsed, quality := -1.0, ""
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "elapsed":
			elapsed, err = strconv.ParseFloat(f[1], 64)
			if err != nil {
				return 0, "", err
			}
		case len(f) == 3 && f[0] == "quality":
			v, _ := strconv.ParseFloat(f[2], 64)
			quality = fmt.Sprintf("%s %.5g", f[1], v)
		}
	}
	if elapsed < 0 {
		return 0, "", fmt.Errorf("no elapsed line in output: %s", lastLines(string(out), 5))
	}
	return elapsed, quality, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
