package model

import (
	"sort"

	"github.com/sim-lang/sim/lang"
)

// linForm is an expression written as sum(coef[x]*x) + c over a set of
// variables, with coefficients and c free of those variables (nil means
// zero).
type linForm struct {
	coef map[string]lang.Expr
	c    lang.Expr
}

// linearize decomposes e as a linear form in vars; ok is false when e is
// not linear in them (for example v**2, v*w, exp(v)).
func linearize(e lang.Expr, vars map[string]bool) (linForm, bool) {
	if !uses(e, vars) {
		return linForm{c: e}, true
	}
	switch e := e.(type) {
	case *lang.Ident:
		return linForm{coef: map[string]lang.Expr{e.Name: num(1)}}, true
	case *lang.Unary:
		x, ok := linearize(e.X, vars)
		switch {
		case !ok:
			return x, false
		case e.Op == lang.Plus:
			return x, true
		case e.Op == lang.Minus:
			return x.scale(func(a lang.Expr) lang.Expr { return neg(a) }), true
		}
	case *lang.Binary:
		switch e.Op {
		case lang.Plus, lang.Minus:
			x, ok1 := linearize(e.X, vars)
			y, ok2 := linearize(e.Y, vars)
			if !ok1 || !ok2 {
				return x, false
			}
			if e.Op == lang.Minus {
				y = y.scale(func(a lang.Expr) lang.Expr { return neg(a) })
			}
			return x.plus(y), true
		case lang.Star:
			if !uses(e.X, vars) {
				y, ok := linearize(e.Y, vars)
				return y.scale(func(a lang.Expr) lang.Expr { return mul(e.X, a) }), ok
			}
			if !uses(e.Y, vars) {
				x, ok := linearize(e.X, vars)
				return x.scale(func(a lang.Expr) lang.Expr { return mul(a, e.Y) }), ok
			}
		case lang.Slash:
			if !uses(e.Y, vars) {
				x, ok := linearize(e.X, vars)
				return x.scale(func(a lang.Expr) lang.Expr { return div(a, e.Y) }), ok
			}
		}
	}
	return linForm{}, false
}

// scale applies f to every coefficient and to the constant.
func (l linForm) scale(f func(lang.Expr) lang.Expr) linForm {
	out := linForm{coef: map[string]lang.Expr{}}
	for k, v := range l.coef {
		if r := f(v); r != nil {
			out.coef[k] = r
		}
	}
	if l.c != nil {
		out.c = f(l.c)
	}
	return out
}

// plus adds two linear forms.
func (l linForm) plus(m linForm) linForm {
	out := linForm{coef: map[string]lang.Expr{}, c: add(l.c, m.c)}
	for k, v := range l.coef {
		out.coef[k] = v
	}
	for k, v := range m.coef {
		if r := add(out.coef[k], v); r != nil {
			out.coef[k] = r
		} else {
			delete(out.coef, k)
		}
	}
	return out
}

// splitNoise writes e as f + sum(g[xi]*xi) over the noise variables it
// uses; ok is false when the noise does not enter additively.
func splitNoise(e lang.Expr) (f lang.Expr, g map[string]lang.Expr, ok bool) {
	noise := noiseNames(e)
	if len(noise) == 0 {
		return e, nil, true
	}
	l, ok := linearize(e, noise)
	if !ok {
		return nil, nil, false
	}
	return l.c, l.coef, true
}

// sortedKeys returns the keys of m in order.
func sortedKeys[T any](m map[string]T) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
