package integrate

import (
	"math"
	"testing"
)

// lorenz is the Lorenz system with sigma 10, rho 28, beta 8/3.
func lorenz(t float64, y, out []float64) error {
	out[0] = 10 * (y[1] - y[0])
	out[1] = y[0]*(28-y[2]) - y[1]
	out[2] = y[0]*y[1] - 8.0/3*y[2]
	return nil
}

// robertson is the stiff chemical kinetics problem.
func robertson(t float64, y, out []float64) error {
	out[0] = -0.04*y[0] + 1e4*y[1]*y[2]
	out[1] = 0.04*y[0] - 1e4*y[1]*y[2] - 3e7*y[1]*y[1]
	out[2] = 3e7 * y[1] * y[1]
	return nil
}

func newProblem(f rhsFunc, n int, t0, t1, rtol, atol float64) *problem {
	p := &problem{fun: f, n: n, rtol: rtol, t0: t0, tBound: t1, dir: 1, maxStep: math.Inf(1)}
	if t1 < t0 {
		p.dir = -1
	}
	p.atol = make([]float64, n)
	for i := range p.atol {
		p.atol[i] = atol
	}
	return p
}

// SciPy 1.10.1 reference counts (../shared/reference/scipy_ode.json).
func TestLorenzCounts(t *testing.T) {
	cases := []struct {
		method     string
		rtol, atol float64
		nfev, lenT int
	}{
		{"RK45", 1e-3, 1e-6, 3728, 467},
		{"RK23", 1e-3, 1e-6, 3608, 972},
		{"DOP853", 1e-9, 1e-9, 18386, 1276},
	}
	for _, c := range cases {
		p := newProblem(lorenz, 3, 0, 40, c.rtol, c.atol)
		res, err := solveIVP(p, []float64{1, 1, 1}, ivpOptions{method: c.method})
		if err != nil {
			t.Fatal(err)
		}
		if res.nfev != c.nfev || len(res.t) != c.lenT {
			t.Errorf("%s: nfev %d len(t) %d, want %d %d", c.method, res.nfev, len(res.t), c.nfev, c.lenT)
		}
	}
}

// SciPy 1.10.1 counts for Robertson (rtol 1e-6, atol 1e-10, t to 1e5);
// LSODA is a different (Adams/BDF) implementation there: ours must stay
// within 1.2x of its 1008 evaluations.
func TestRobertsonStiff(t *testing.T) {
	truth := []float64{0.01786592114232253, 7.274751468528771e-08, 0.9821340061101638}
	want := map[string][4]int{"BDF": {895, 9, 68, 328}, "Radau": {1483, 41, 206, 189}}
	for _, m := range []string{"BDF", "Radau", "LSODA"} {
		p := newProblem(robertson, 3, 0, 1e5, 1e-6, 1e-10)
		res, err := solveIVP(p, []float64{1, 0, 0}, ivpOptions{method: m})
		if err != nil {
			t.Fatal(err)
		}
		got := [4]int{res.nfev, res.njev, res.nlu, len(res.t)}
		if w, ok := want[m]; ok && got != w {
			t.Errorf("%s: (nfev, njev, nlu, len t) = %v, SciPy %v", m, got, w)
		}
		if m == "LSODA" && float64(res.nfev) > 1.2*1008 {
			t.Errorf("LSODA: %d evaluations, more than 1.2x SciPy's 1008", res.nfev)
		}
		y := res.y[len(res.y)-1]
		for i := range y {
			if math.Abs(y[i]-truth[i]) > 1e-5*math.Abs(truth[i]) {
				t.Errorf("%s: y[%d] = %g, want %g", m, i, y[i], truth[i])
			}
		}
	}
}

// Van der Pol with mu = 1000 on (0, 3000), rtol 1e-6, atol 1e-8: SciPy
// 1.10.1's counts for the implicit methods; LSODA must succeed.
func TestVanDerPol(t *testing.T) {
	vdp := func(t float64, y, out []float64) error {
		out[0] = y[1]
		out[1] = 1000*(1-y[0]*y[0])*y[1] - y[0]
		return nil
	}
	want := map[string][4]int{"Radau": {9920, 273, 792, 1188}, "BDF": {5107, 109, 374, 1648}}
	for _, m := range []string{"Radau", "BDF", "LSODA"} {
		p := newProblem(vdp, 2, 0, 3000, 1e-6, 1e-8)
		res, err := solveIVP(p, []float64{2, 0}, ivpOptions{method: m})
		if err != nil {
			t.Fatal(err)
		}
		got := [4]int{res.nfev, res.njev, res.nlu, len(res.t)}
		if w, ok := want[m]; ok && got != w {
			t.Errorf("%s: (nfev, njev, nlu, len t) = %v, SciPy %v", m, got, w)
		}
		y := res.y[len(res.y)-1]
		if res.status != 0 || math.Abs(y[0]+1.5105) > 1e-3 {
			t.Errorf("%s: status %d, y = %v", m, res.status, y)
		}
	}
}
