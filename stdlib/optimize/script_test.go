package optimize_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	_ "github.com/sim-lang/sim/stdlib/iomod"
	_ "github.com/sim-lang/sim/stdlib/mathmod"
	_ "github.com/sim-lang/sim/stdlib/np"
	_ "github.com/sim-lang/sim/stdlib/optimize"
	_ "github.com/sim-lang/sim/stdlib/simtest"
	_ "github.com/sim-lang/sim/stdlib/unitsmod"
)

// run executes src in a fresh environment with the given globals and
// returns stdout and stderr.
func run(t *testing.T, src string, globals map[string]runtime.Value) (string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	th := runtime.NewThread("test")
	th.Stdout, th.Stderr = &out, &errb
	env := runtime.NewEnv()
	for k, v := range globals {
		env.Set(k, v)
	}
	if err := env.Exec(th, "test.sim", src); err != nil {
		t.Fatalf("%v\nstdout:\n%s\nstderr:\n%s", err, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

// loadXY reads a two-column CSV (with a header) from the repository's
// testdata into float slices.
func loadXY(t testing.TB, name string) (x, y []float64) {
	t.Helper()
	fh, err := os.Open("../../testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	rows, err := csv.NewReader(fh).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		a, _ := strconv.ParseFloat(r[0], 64)
		b, _ := strconv.ParseFloat(r[1], 64)
		x, y = append(x, a), append(y, b)
	}
	return x, y
}

// runWithData runs src with the CSV's columns bound to x and y and
// returns what it printed to stdout and stderr.
func runWithData(t *testing.T, csvName, src string) (stdout, stderr string) {
	t.Helper()
	x, y := loadXY(t, csvName)
	return run(t, src, map[string]runtime.Value{
		"x": array.Value(array.FromFloats(x)),
		"y": array.Value(array.FromFloats(y)),
	})
}

// Reference numbers: SciPy 1.10.1 curve_fit (method lm), see
// /work/shared/reference/scipy_curve_fit.json.
func TestCurveFitDecayScript(t *testing.T) {
	out, stderr := runWithData(t, "optimize_decay.csv", `
from scipy.optimize import curve_fit
def f(x, tau, init):
    return init * exp(-x / tau)
popt, pcov, info, mesg, ier = curve_fit(f, x, y, full_output=True)
assert_close(popt[0], 30.607195771089508, rtol=1e-6)
assert_close(popt[1], 245.0282082990477, rtol=1e-6)
assert_close(pcov[0, 0], 1.1889510504907914, rtol=1e-4)
assert_close(pcov[1, 1], 36.4286287042112, rtol=1e-4)
assert_true(info['nfev'] <= 25)
assert_true(ier in (1, 2, 3, 4))
print(info['nfev'])
`)
	if strings.TrimSpace(out) != "25" || stderr != "" {
		t.Errorf("nfev %q, stderr %q", out, stderr)
	}
}

func TestCurveFitGrowthScript(t *testing.T) {
	_, stderr := runWithData(t, "optimize_growth.csv", `
from scipy.optimize import curve_fit
def f(x, tau, init):
    return init * exp(-x / tau)
popt, pcov = curve_fit(f, x, y, p0=[-5, 1])
assert_close(popt[0], -30.35348312415035, rtol=1e-6)
assert_close(popt[1], 20.559882373233833, rtol=1e-6)
assert_close(pcov[0, 0], 0.2140230551663013, rtol=1e-4)
assert_close(pcov[1, 1], 0.7914924151736544, rtol=1e-4)
`)
	if stderr != "" {
		t.Errorf("unexpected warning %q", stderr)
	}
	_, stderr = runWithData(t, "optimize_growth.csv", `
from scipy.optimize import curve_fit
def f(x, tau, init):
    return init * exp(-x / tau)
popt, pcov = curve_fit(f, x, y)
assert_true(abs(popt[0]) > 1e8)
`)
	if !strings.Contains(stderr, "warning: curve_fit: the fit ran away: parameter 0") {
		t.Errorf("no runaway warning: %q", stderr)
	}
}

func TestCurveFitUnitsAndBounds(t *testing.T) {
	runWithData(t, "optimize_decay.csv", `
from scipy.optimize import curve_fit
t = x * ms
v = y * mV
def f(t, tau, init):
    return init * exp(-t / tau)
popt, pcov = curve_fit(f, t, v, p0=[1*ms, 1*mV])
assert_close(popt[0], 30.607195771089508 * ms, rtol=1e-6)
assert_close(popt[1], 245.0282082990477 * mV, rtol=1e-6)
# bounds: trust-region reflective reaches the same optimum
popt2, pcov2 = curve_fit(f, t, v, p0=[10*ms, 100*mV], bounds=([1*ms, 0*mV], [100*ms, 1000*mV]))
assert_close(popt2[0], popt[0], rtol=1e-5)
assert_close(popt2[1], popt[1], rtol=1e-5)
assert_close(pcov2[0], pcov[0], rtol=1e-3)
# a bound that excludes the optimum is active at the solution
popt3, _ = curve_fit(f, t, v, p0=[10*ms, 100*mV], bounds=([1*ms, 0*mV], [20*ms, 1000*mV]))
assert_close(popt3[0], 20*ms, rtol=1e-6)
`)
}

// TestScriptFiles runs the module's testdata scripts without the rest of
// the standard library (so this package tests alone).
func TestScriptFiles(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/optimize_*.sim")
	t.Chdir("../..") // scripts name data files relative to the repository
	for _, f := range files {
		f = strings.TrimPrefix(f, "../../")
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			run(t, string(src), nil)
		})
	}
}

// TestRunFile runs the script named by $SIM_OPTIMIZE_FILE (a development
// aid: the package's modules without the rest of the standard library).
func TestRunFile(t *testing.T) {
	f := os.Getenv("SIM_OPTIMIZE_FILE")
	if f == "" {
		t.Skip("SIM_OPTIMIZE_FILE not set")
	}
	src, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	out, errs := run(t, string(src), nil)
	t.Log("\n" + out + errs)
}

// With as many parameters as data points the covariance cannot be
// estimated: pcov is inf and curve_fit warns (SciPy's OptimizeWarning).
func TestCurveFitCovarianceWarning(t *testing.T) {
	_, stderr := run(t, `
from scipy.optimize import curve_fit
import numpy as np
popt, pcov = curve_fit(lambda x, a, b: a * x + b, np.array([0.0, 1.0]), np.array([1.0, 3.0]))
assert_close(popt, [2.0, 1.0], rtol=1e-7)
assert_true(np.all(np.isinf(pcov)))
`, nil)
	if !strings.Contains(stderr, "warning: Covariance of the parameters could not be estimated") {
		t.Errorf("no covariance warning: %q", stderr)
	}
}
