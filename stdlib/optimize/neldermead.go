package optimize

import (
	"math"
	"sort"
)

// ScalarFunc is an objective to minimize.
type ScalarFunc func(x []float64) (float64, error)

// MinResult is what the scalar minimizers return.
type MinResult struct {
	X       []float64
	Fun     float64
	Jac     []float64 // gradient at X (nil for Nelder-Mead)
	HessInv []float64 // n×n (nil unless BFGS/L-BFGS-B)
	Nit     int
	Nfev    int
	Njev    int
	Status  int
	Message string
	Simplex [][]float64 // Nelder-Mead's final simplex
	FSim    []float64
}

// NMOptions are Nelder-Mead's settings (zero: SciPy's defaults).
type NMOptions struct {
	Xatol, Fatol    float64
	MaxIter, MaxFev int
	Adaptive        bool
	Lb, Ub          []float64
	InitialSimplex  [][]float64
}

// NelderMead minimizes f from x0 by SciPy's Nelder–Mead simplex
// algorithm (same simplex construction, moves and stopping rules).
func NelderMead(f ScalarFunc, x0 []float64, o NMOptions) (*MinResult, error) {
	n := len(x0)
	rho, chi, psi, sigma := 1.0, 2.0, 0.5, 0.5
	if o.Adaptive {
		dim := float64(n)
		chi = 1 + 2/dim
		psi = 0.75 - 1/(2*dim)
		sigma = 1 - 1/dim
	}
	if o.Xatol == 0 {
		o.Xatol = 1e-4
	}
	if o.Fatol == 0 {
		o.Fatol = 1e-4
	}
	if o.MaxIter == 0 && o.MaxFev == 0 {
		o.MaxIter, o.MaxFev = 200*n, 200*n
	} else if o.MaxIter == 0 {
		o.MaxIter = math.MaxInt32
	} else if o.MaxFev == 0 {
		o.MaxFev = math.MaxInt32
	}
	clip := func(x []float64) {
		if o.Lb == nil {
			return
		}
		for j := range x {
			x[j] = math.Min(math.Max(x[j], o.Lb[j]), o.Ub[j])
		}
	}
	nfev := 0
	eval := func(x []float64) (float64, error) {
		nfev++
		return f(x)
	}
	sim := make([][]float64, n+1)
	if o.InitialSimplex != nil {
		for k := range sim {
			sim[k] = append([]float64(nil), o.InitialSimplex[k]...)
		}
	} else {
		sim[0] = append([]float64(nil), x0...)
		clip(sim[0])
		for k := 0; k < n; k++ {
			y := append([]float64(nil), sim[0]...)
			if y[k] != 0 {
				y[k] *= 1.05
			} else {
				y[k] = 0.00025
			}
			sim[k+1] = y
		}
	}
	for _, s := range sim {
		clip(s)
	}
	fsim := make([]float64, n+1)
	for k := range sim {
		v, err := eval(sim[k])
		if err != nil {
			return nil, err
		}
		fsim[k] = v
	}
	order := func() {
		idx := make([]int, n+1)
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return fsim[idx[a]] < fsim[idx[b]] })
		s2, f2 := make([][]float64, n+1), make([]float64, n+1)
		for i, k := range idx {
			s2[i], f2[i] = sim[k], fsim[k]
		}
		sim, fsim = s2, f2
	}
	order()
	point := func(a float64, xbar []float64, b float64, xw []float64) []float64 {
		out := make([]float64, n)
		for j := range out {
			out[j] = a*xbar[j] + b*xw[j]
		}
		clip(out)
		return out
	}
	iterations := 1
	for nfev < o.MaxFev && iterations < o.MaxIter {
		maxX, maxF := 0.0, 0.0
		for k := 1; k <= n; k++ {
			for j := 0; j < n; j++ {
				maxX = math.Max(maxX, math.Abs(sim[k][j]-sim[0][j]))
			}
			maxF = math.Max(maxF, math.Abs(fsim[0]-fsim[k]))
		}
		if maxX <= o.Xatol && maxF <= o.Fatol {
			break
		}
		xbar := make([]float64, n)
		for k := 0; k < n; k++ {
			for j := 0; j < n; j++ {
				xbar[j] += sim[k][j]
			}
		}
		for j := range xbar {
			xbar[j] /= float64(n)
		}
		worst := sim[n]
		xr := point(1+rho, xbar, -rho, worst)
		fxr, err := eval(xr)
		if err != nil {
			return nil, err
		}
		shrink := false
		if fxr < fsim[0] {
			xe := point(1+rho*chi, xbar, -rho*chi, worst)
			fxe, err := eval(xe)
			if err != nil {
				return nil, err
			}
			if fxe < fxr {
				sim[n], fsim[n] = xe, fxe
			} else {
				sim[n], fsim[n] = xr, fxr
			}
		} else if fxr < fsim[n-1] {
			sim[n], fsim[n] = xr, fxr
		} else if fxr < fsim[n] {
			xc := point(1+psi*rho, xbar, -psi*rho, worst)
			fxc, err := eval(xc)
			if err != nil {
				return nil, err
			}
			if fxc <= fxr {
				sim[n], fsim[n] = xc, fxc
			} else {
				shrink = true
			}
		} else {
			xcc := point(1-psi, xbar, psi, worst)
			fxcc, err := eval(xcc)
			if err != nil {
				return nil, err
			}
			if fxcc < fsim[n] {
				sim[n], fsim[n] = xcc, fxcc
			} else {
				shrink = true
			}
		}
		if shrink {
			for k := 1; k <= n; k++ {
				for j := 0; j < n; j++ {
					sim[k][j] = sim[0][j] + sigma*(sim[k][j]-sim[0][j])
				}
				clip(sim[k])
				if fsim[k], err = eval(sim[k]); err != nil {
					return nil, err
				}
			}
		}
		order()
		iterations++
	}
	res := &MinResult{X: append([]float64(nil), sim[0]...), Fun: fsim[0], Nit: iterations, Nfev: nfev,
		Simplex: sim, FSim: fsim}
	switch {
	case nfev >= o.MaxFev:
		res.Status, res.Message = 1, "Maximum number of function evaluations has been exceeded."
	case iterations >= o.MaxIter:
		res.Status, res.Message = 2, "Maximum number of iterations has been exceeded."
	default:
		res.Message = "Optimization terminated successfully."
	}
	return res, nil
}
