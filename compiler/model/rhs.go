package model

import (
	"fmt"

	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/units"
)

// RHS is the right-hand side of a set of differential equations for an
// ODE solver (scipy.integrate.solve_ivp): the state variables in
// definition order, each derivative with subexpressions substituted, and
// the temporaries to compute first ("constant over dt" subexpressions).
type RHS struct {
	Vars  []*Variable
	Exprs []lang.Expr
	Pre   []vector.Stmt
}

// Derivatives checks the equations' dimensions with time measured in
// tDim (dimensionless when an ODE is integrated over plain numbers) and
// returns their right-hand sides. Noise terms (xi) are rejected: an ODE
// solver integrates deterministic equations.
func Derivatives(eqs *Equations, ns Namespace, specials map[string]Special, tDim units.Dim) (*RHS, error) {
	c := newChecker(eqs, ns, specials)
	for _, v := range eqs.Vars {
		if v.Expr == nil {
			continue
		}
		c.file, c.src, c.text, c.at = lang.EqFile, eqs.Src, v.Text, lang.Pos{Line: int32(v.Line), Col: 1}
		x, err := c.check(v.Expr)
		if err != nil {
			return nil, err
		}
		want, what := v.Dim, v.Name
		if v.Kind == StateVar {
			want = v.Dim.Div(tDim)
			what = "d" + v.Name + "/dt"
		}
		if x.dim != want && !x.zero {
			return nil, c.errorf(v.Expr, "the right-hand side has unit %s but %s needs %s (in '%s')", dimText(x.dim), what, dimText(want), exprString(v.Expr))
		}
	}
	c.text = ""
	s, err := buildSystem(c)
	if err != nil {
		return nil, err
	}
	if len(s.noise) > 0 {
		return nil, fmt.Errorf("noise (%s) cannot be integrated by an ODE solver; use a NeuronGroup with a stochastic method", s.noise[0])
	}
	return &RHS{Vars: s.vars, Exprs: s.f, Pre: s.pre}, nil
}
