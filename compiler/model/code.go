package model

import (
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/units"
)

// File names used in errors about conditions and expressions.
const (
	CondFile = "<condition>"
	ExprFile = "<expression>"
)

// CompileCode checks a code string (reset, on_pre, run_regularly, or the
// right-hand side of `G.v = 'expr'` written as `v = expr`): statements
// `x = expr` and `x op= expr` separated by newlines or ';'. Targets must be
// state variables or non-constant parameters; each statement is
// dimension-checked. Subexpressions are substituted and unit names become
// numbers in the result.
func CompileCode(eqs *Equations, code string, ns Namespace, specials map[string]Special) ([]vector.Stmt, error) {
	c := newChecker(eqs, ns, specials)
	if err := c.checkEquations(); err != nil {
		return nil, err
	}
	lines, err := lang.ParseCodeString(code)
	if err != nil {
		return nil, err
	}
	c.file, c.src = lang.CodeFile, code
	var out []vector.Stmt
	for _, l := range lines {
		c.text, c.at = l.Text, l.Pos
		target := &lang.Ident{Pos: l.Pos, Name: l.Target}
		v, ok := c.eqs.byName[l.Target]
		if !ok {
			if _, special := c.specials[l.Target]; special {
				return nil, c.errorf(target, "cannot assign to '%s': it is provided by the group and read-only", l.Target)
			}
			return nil, c.errorf(target, "cannot assign to unknown variable '%s'%s", l.Target, c.didYouMean(l.Target, false))
		}
		switch {
		case v.Kind == SubExpr:
			return nil, c.errorf(target, "cannot assign to '%s': it is a subexpression (%s)", l.Target, v.Text)
		case v.HasFlag("constant"):
			return nil, c.errorf(target, "cannot assign to '%s': it is a constant (%s)", l.Target, v.Text)
		}
		x, err := c.check(l.Value)
		if err != nil {
			return nil, err
		}
		switch l.Op {
		case lang.Illegal, lang.Plus, lang.Minus, lang.Percent:
			if x.dim != v.Dim && !x.zero {
				return nil, c.errorf(l.Value, "cannot assign a value in %s to '%s', which is in %s (in '%s')", dimText(x.dim), l.Target, dimText(v.Dim), exprString(l.Value))
			}
		case lang.Star, lang.Slash, lang.SlashSlash, lang.StarStar:
			if !x.dim.IsDimensionless() {
				return nil, c.errorf(l.Value, "'%s %s= ...' needs a dimensionless value, not %s (in '%s')", l.Target, l.Op, dimText(x.dim), exprString(l.Value))
			}
		default:
			return nil, c.errorf(target, "operator '%s=' is not supported in model code", l.Op)
		}
		out = append(out, vector.Stmt{Pos: l.Pos, Target: l.Target, Op: l.Op, Value: c.resolve(l.Value, nil)})
	}
	return out, nil
}

// CompileCondition checks a threshold, refractoriness or event condition,
// which must be boolean, and returns it resolved (subexpressions
// substituted, unit names turned into numbers).
func CompileCondition(eqs *Equations, cond string, ns Namespace, specials map[string]Special) (lang.Expr, error) {
	c := newChecker(eqs, ns, specials)
	if err := c.checkEquations(); err != nil {
		return nil, err
	}
	e, err := lang.ParseExpr(CondFile, cond)
	if err != nil {
		return nil, err
	}
	c.file, c.src, c.at = CondFile, cond, lang.Pos{Line: 1, Col: 1}
	x, err := c.check(e)
	if err != nil {
		return nil, err
	}
	if x.typ != vector.Bool {
		what := "a number"
		if !x.dim.IsDimensionless() {
			what = "a value in " + dimText(x.dim)
		}
		return nil, c.errorf(e, "the condition '%s' must be boolean (a comparison such as 'v > vt'), but it gives %s", cond, what)
	}
	return c.resolve(e, nil), nil
}

// ExprDim parses and checks an expression string (for example
// 'Vr + rand()*(Vt - Vr)' assigned to a variable) and returns it resolved,
// with its dimension.
func ExprDim(eqs *Equations, expr string, ns Namespace, specials map[string]Special) (lang.Expr, units.Dim, error) {
	c := newChecker(eqs, ns, specials)
	if err := c.checkEquations(); err != nil {
		return nil, units.Dim{}, err
	}
	e, err := lang.ParseExpr(ExprFile, expr)
	if err != nil {
		return nil, units.Dim{}, err
	}
	c.file, c.src, c.at = ExprFile, expr, lang.Pos{Line: 1, Col: 1}
	x, err := c.check(e)
	if err != nil {
		return nil, units.Dim{}, err
	}
	return c.resolve(e, nil), x.dim, nil
}
