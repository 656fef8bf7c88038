package model

import (
	"github.com/sim-lang/sim/lang"
)

// Derive returns a new set of equations made from e for synaptic code:
// keep decides, for each variable of e, whether it is kept (returned
// unchanged or as a modified copy, such as an event-driven state variable
// seen as a parameter by the clock-driven update) or dropped (nil, such as
// summed variables); extra adds names defined elsewhere that code may read
// and write like parameters (the pre- and postsynaptic variables v_pre,
// v_post and bare postsynaptic names). An extra variable whose name is
// already defined is ignored. Subexpressions keep their dependency order.
func (e *Equations) Derive(keep func(v *Variable) *Variable, extra []*Variable) *Equations {
	out := &Equations{Src: e.Src, byName: map[string]*Variable{}}
	kept := map[string]*Variable{}
	for _, v := range e.Vars {
		w := v
		if keep != nil {
			w = keep(v)
		}
		if w == nil {
			continue
		}
		kept[v.Name] = w
		out.Vars = append(out.Vars, w)
		out.byName[w.Name] = w
	}
	for _, v := range e.subOrder {
		if w, ok := kept[v.Name]; ok && w.Kind == SubExpr {
			out.subOrder = append(out.subOrder, w)
		}
	}
	for _, v := range extra {
		if _, dup := out.byName[v.Name]; dup {
			continue
		}
		out.Vars = append(out.Vars, v)
		out.byName[v.Name] = v
	}
	return out
}

// ExprString prints an expression in Python syntax (with the parentheses
// it needs), for example an argument of a synapse generator expression.
func ExprString(e lang.Expr) string { return exprString(e) }

// Identifiers returns the names an expression uses (functions excluded).
func Identifiers(e lang.Expr) []string { return identNames(e) }

// Substitute returns a copy of e with the identifiers named in repl
// replaced (for example dt by (t - lastupdate) in event-driven updates).
func Substitute(e lang.Expr, repl map[string]lang.Expr) lang.Expr { return substitute(e, repl) }
