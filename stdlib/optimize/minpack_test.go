package optimize

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"
)

// readXY reads a two-column CSV with a header from the repository's testdata.
func readXY(t testing.TB, name string) (x, y []float64) {
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

func expModel(x, y []float64) ResidualFunc {
	return func(p, f []float64) error {
		for i := range x {
			f[i] = p[1]*math.Exp(-x[i]/p[0]) - y[i]
		}
		return nil
	}
}

func relClose(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol*math.Abs(want) {
		t.Errorf("%s = %.12g, want %.12g (rel tol %g)", what, got, want, tol)
	}
}

// SciPy 1.10.1 curve_fit (lm) reference numbers, see
// /work/shared/reference/scipy_curve_fit.json.
func TestLevmarDecayMatchesSciPy(t *testing.T) {
	x, y := readXY(t, "optimize_decay.csv")
	r, err := Levmar(expModel(x, y), nil, []float64{1, 1}, len(x), LMSettings{})
	if err != nil {
		t.Fatal(err)
	}
	relClose(t, "tau", r.X[0], 30.607195771089508, 1e-8)
	relClose(t, "init", r.X[1], 245.0282082990477, 1e-8)
	if r.Nfev != 25 {
		t.Errorf("nfev = %d, want SciPy's 25", r.Nfev)
	}
	cov, ok := r.Covariance()
	if !ok {
		t.Fatal("no covariance")
	}
	cost := 0.0
	for _, f := range r.Fvec {
		cost += f * f
	}
	s2 := cost / float64(len(x)-2)
	relClose(t, "pcov[0,0]", cov[0]*s2, 1.1889510504907914, 1e-6)
	relClose(t, "pcov[1,1]", cov[3]*s2, 36.4286287042112, 1e-6)
}

func TestLevmarGrowthMatchesSciPy(t *testing.T) {
	x, y := readXY(t, "optimize_growth.csv")
	r, err := Levmar(expModel(x, y), nil, []float64{-5, 1}, len(x), LMSettings{})
	if err != nil {
		t.Fatal(err)
	}
	relClose(t, "tau", r.X[0], -30.35348312415035, 1e-7)
	relClose(t, "init", r.X[1], 20.559882373233833, 1e-7)
	t.Logf("growth nfev %d (SciPy 86)", r.Nfev)
	r, err = Levmar(expModel(x, y), nil, []float64{1, 1}, len(x), LMSettings{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("growth default p0: %v nfev %d info %d (SciPy 1287559230.165902, 162.36127351713944, 146)", r.X, r.Nfev, r.Info)
}
