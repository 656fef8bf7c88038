// Package integrate is the `integrate` module (answering to
// scipy.integrate): solve_ivp, odeint, quad, dblquad, tplquad and
// nquad, with units.
//
// solve_ivp ports SciPy's solvers step for step, so that the same problem
// takes the same steps and the same number of right-hand-side
// evaluations: RK23, RK45 and DOP853 (embedded Runge–Kutta pairs with
// SciPy's error norms, step-size controller and initial step), Radau
// (implicit Radau IIA of order 5, simplified Newton on the complex/real
// split, LU reuse) and BDF (variable-order NDF, quasi-constant step
// size). Step-size formulas use correctly rounded roots and fused
// norms, as C's pow and the BLAS under numpy compute them. LSODA is an
// automatic stiff/non-stiff switch: an explicit method with Hairer's
// stiffness test hands over to BDF when stability limits the step and
// takes over again when it no longer does (SciPy's LSODA is Fortran
// ODEPACK; counts differ from it, results agree to the tolerance).
// t_eval, dense output (sol), events (terminal, direction, located with
// Brent's method on the interpolant), args, per-component atol,
// max_step, first_step and jac behave as in SciPy; max_steps bounds the
// work of one call.
//
// The right-hand side is a script function f(t, y) (called through
// runtime.Call with a y array reused between calls) or a string of model
// equations ('dx/dt = sigma*(y - x) : 1 ...') compiled once by
// compiler/model and compiler/vector, with parameters from namespace= or
// the caller's variables. Units on y0 and t_span are checked against the
// derivatives and carried into the result.
//
// With vectorized=True a script right-hand side takes y of shape (n, k)
// and returns (n, k), as in SciPy: single evaluations pass (n, 1) and the
// finite-difference Jacobian of Radau, BDF and LSODA's stiff side is one
// call on the (n, n) matrix of perturbed states.
//
// odeint integrates func(y, t) with the switching method on a time grid.
// quad is QUADPACK as SciPy runs it: qags (21-point Gauss–Kronrod,
// global bisection, Wynn's epsilon algorithm extrapolating over end-point
// singularities), qagi (15-point rule after x = a + (1-t)/t for infinite
// ranges) and qagp (break points), with the same evaluation order and
// tests, so values, error estimates, neval and warnings match SciPy's.
//
// dblquad, tplquad and nquad are nested quads, as SciPy builds them on
// nquad: the innermost variable (func's first argument) is integrated
// first, limits and per-level options (epsabs, epsrel, limit, points)
// may be functions of the outer variables, and abserr is the largest
// estimate of any quad call; the total number of func evaluations
// matches SciPy's. Each variable takes its limits' unit (a plain 0 or
// infinity fits any), and the value carries func's unit times all of
// them; epsabs, as in quad, is in the result's SI unit.
package integrate
