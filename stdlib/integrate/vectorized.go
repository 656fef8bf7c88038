package integrate

import (
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// SciPy's vectorized=True: the right-hand side takes y of shape (n, k),
// one state per column, and returns (n, k). Every evaluation then passes
// a column (n, 1), as SciPy's fun_single does, and the finite-difference
// Jacobian of Radau, BDF and LSODA's stiff side perturbs all n states in
// one call on an (n, n) matrix.

// evalCols evaluates the function once on the n×k states Y (row-major,
// column j is one state) into out (n×k).
func (s *scriptRHS) evalCols(t float64, Y []float64, k int, out []float64) error {
	yv := array.Value(array.New([]int{s.n, k}, append([]float64(nil), Y...), s.lay.dim()))
	s.args[0], s.args[1] = runtime.MakeQuantity(t, s.lay.tDim), yv
	v, err := runtime.Call(s.th, s.fn, s.args, nil)
	if err != nil {
		return err
	}
	a, err := array.From(v)
	if err != nil {
		return runtime.Errorf("%s: with vectorized=True the right-hand side must return an array of shape (%d, %d): %v", s.caller, s.n, k, err)
	}
	sh := a.Shape()
	ok := len(sh) == 2 && sh[0] == s.n && sh[1] == k || k == 1 && len(sh) == 1 && sh[0] == s.n
	if !ok {
		return runtime.Errorf("%s: with vectorized=True the right-hand side must return shape (%d, %d) for y of shape (%d, %d), not %s", s.caller, s.n, k, s.n, k, array.ShapeString(sh))
	}
	if a.Dim() != s.want[0] && !(a.Dim().IsDimensionless() && allZero(a)) {
		return s.unitError(-1, a.Dim())
	}
	copy(out, a.Float64s())
	return nil
}

// evalColumn is the vectorized function's single evaluation: y as (n, 1).
func (s *scriptRHS) evalColumn(t float64, y, out []float64) error {
	return s.evalCols(t, y, 1, out)
}

// useVectorized switches p to the vectorized function, which needs y in
// one unit (an (n, k) array has one).
func useVectorized(p *problem, s *scriptRHS) error {
	if !s.lay.homogeneous {
		return runtime.Errorf("%s: vectorized=True needs all components of y0 in one unit", s.caller)
	}
	p.fun = s.evalColumn
	p.funCols = s.evalCols
	return nil
}
