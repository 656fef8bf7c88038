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

// CompileCode checks model code (reset, on_pre, run_regularly, event
// code): statements `x = expr` and `x op= expr` separated by newlines or
// ';'. Targets must be state variables or non-constant parameters, or new
// names, which become local variables of the code (as in Brian2's abstract
// code) when later statements read them; each statement is
// dimension-checked. Subexpressions are substituted and unit names become
// numbers in the result.
func CompileCode(eqs *Equations, code string, ns Namespace, specials map[string]Special) ([]vector.Stmt, error) {
	return compileCode(eqs, code, ns, specials, false)
}

// CompileAssign checks code run from a script between runs (`G.v =
// 'expr'` compiled as `v = expr`). Unlike model code it may write
// variables flagged (constant): that flag only forbids changes during a
// run, as in Brian2.
func CompileAssign(eqs *Equations, code string, ns Namespace, specials map[string]Special) ([]vector.Stmt, error) {
	return compileCode(eqs, code, ns, specials, true)
}

func compileCode(eqs *Equations, code string, ns Namespace, specials map[string]Special, script bool) ([]vector.Stmt, error) {
	c := newChecker(eqs, ns, specials)
	if err := c.checkEquations(); err != nil {
		return nil, err
	}
	lines, err := lang.ParseCodeString(code)
	if err != nil {
		return nil, err
	}
	c.file, c.src = lang.CodeFile, code
	c.locals = map[string]info{}
	var out []vector.Stmt
	for k, l := range lines {
		c.text, c.at = l.Text, l.Pos
		target := &lang.Ident{Pos: l.Pos, Name: l.Target}
		dim, local := units.Dim{}, false
		if v, ok := c.eqs.byName[l.Target]; ok {
			switch {
			case v.Kind == SubExpr:
				return nil, c.errorf(target, "cannot assign to '%s': it is a subexpression (%s)", l.Target, v.Text)
			case v.HasFlag("constant") && !script:
				return nil, c.errorf(target, "cannot assign to '%s': it is a constant (%s); constants may only be set from the script between runs", l.Target, v.Text)
			}
			dim = v.Dim
		} else if x, ok := c.locals[l.Target]; ok {
			dim, local = x.dim, true
		} else if _, special := c.specials[l.Target]; special {
			return nil, c.errorf(target, "cannot assign to '%s': it is provided by the group and read-only", l.Target)
		} else if l.Op != lang.Illegal || !readLater(lines[k+1:], l.Target) {
			return nil, c.errorf(target, "cannot assign to unknown variable '%s'%s (a new name is a local variable only when later statements read it)", l.Target, c.didYouMean(l.Target, false))
		}
		x, err := c.check(l.Value)
		if err != nil {
			return nil, err
		}
		if _, known := c.eqs.byName[l.Target]; !known && !local {
			x.zero = false
			c.locals[l.Target] = x // a new local takes the value's unit
			dim = x.dim
		}
		switch l.Op {
		case lang.Illegal, lang.Plus, lang.Minus, lang.Percent:
			if x.dim != dim && !x.zero {
				return nil, c.errorf(l.Value, "cannot assign a value in %s to '%s', which is in %s (in '%s')", dimText(x.dim), l.Target, dimText(dim), exprString(l.Value))
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

// readLater reports whether a statement in lines reads name.
func readLater(lines []lang.CodeLine, name string) bool {
	for _, l := range lines {
		used := false
		rewrite(l.Value, func(id *lang.Ident) lang.Expr {
			if id.Name == name {
				used = true
			}
			return nil
		})
		if used || (l.Target == name && l.Op != lang.Illegal) {
			return true
		}
	}
	return false
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
