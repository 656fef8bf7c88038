package model

import (
	"math"

	"github.com/sim-lang/sim/lang"
)

// poly is an expression written as sum(coef[p] * x**p) over the integer
// powers p of one variable x, where x counts only as a direct factor: x
// inside a function call (tanh(x), exp(x)) or inside a sum that divides
// or is raised to a fractional power stays part of a coefficient. This
// is how Brian2 reads equations for exponential Euler (sympy's expand
// followed by collect): dV/dt = -g*m_inf(V)*(V - E) is "conditionally
// linear" with A = -g*m_inf(V) and B = g*m_inf(V)*E.
type poly map[int]lang.Expr

// condLinear splits e as A*x + B, the coefficients possibly using x
// through functions of it. ok is false when a direct power of x other
// than 0 and 1 remains (x**2, 1/x, sqrt(x)) or when e uses x but has no
// term linear in it (exp(x) alone), the cases Brian2 rejects too.
func condLinear(e lang.Expr, x string) (a, b lang.Expr, ok bool) {
	if !uses(e, map[string]bool{x: true}) {
		return nil, e, true
	}
	p, ok := toPoly(e, x)
	if !ok {
		return nil, nil, false
	}
	for k, c := range p {
		if (k != 0 && k != 1) && c != nil {
			return nil, nil, false
		}
	}
	if p[1] == nil {
		return nil, nil, false
	}
	return p[1], p[0], true
}

// toPoly expands e into powers of x; ok is false for a fractional direct
// power of x.
func toPoly(e lang.Expr, x string) (poly, bool) {
	if !uses(e, map[string]bool{x: true}) {
		return poly{0: e}, true
	}
	switch e := e.(type) {
	case *lang.Ident:
		return poly{1: num(1)}, true // e is x
	case *lang.Unary:
		p, ok := toPoly(e.X, x)
		switch {
		case !ok:
			return nil, false
		case e.Op == lang.Plus:
			return p, true
		case e.Op == lang.Minus:
			return p.scale(func(c lang.Expr) lang.Expr { return neg(c) }), true
		}
	case *lang.Binary:
		return binaryPoly(e, x)
	case *lang.Call:
		if id, isId := e.Fn.(*lang.Ident); isId && id.Name == "sqrt" && len(e.Args) == 1 {
			return powPoly(e, e.Args[0].Value, 0.5, x)
		}
		return poly{0: e}, true // a function of x: part of a coefficient
	}
	return poly{0: e}, true
}

// binaryPoly expands sums, products, quotients and powers.
func binaryPoly(e *lang.Binary, x string) (poly, bool) {
	switch e.Op {
	case lang.Plus, lang.Minus:
		l, ok1 := toPoly(e.X, x)
		r, ok2 := toPoly(e.Y, x)
		if !ok1 || !ok2 {
			return nil, false
		}
		if e.Op == lang.Minus {
			r = r.scale(func(c lang.Expr) lang.Expr { return neg(c) })
		}
		return l.plus(r), true
	case lang.Star:
		l, ok1 := toPoly(e.X, x)
		r, ok2 := toPoly(e.Y, x)
		if !ok1 || !ok2 {
			return nil, false
		}
		return l.times(r), true
	case lang.Slash:
		l, ok := toPoly(e.X, x)
		if !ok {
			return nil, false
		}
		r, ok := toPoly(e.Y, x)
		if !ok {
			return nil, false
		}
		if len(r) == 1 {
			for k, c := range r { // a monomial c*x**k: divide by it
				return l.shift(-k, func(a lang.Expr) lang.Expr { return div(a, c) }), true
			}
		}
		// a sum using x divides: it stays in the coefficients
		return l.scale(func(a lang.Expr) lang.Expr { return div(a, e.Y) }), true
	case lang.StarStar:
		if uses(e.Y, map[string]bool{x: true}) {
			return poly{0: e}, true
		}
		k, ok := litValue(e.Y)
		if !ok {
			return poly{0: e}, true
		}
		return powPoly(e, e.X, k, x)
	}
	return poly{0: e}, true
}

// powPoly expands base**k (whole is the expression itself).
func powPoly(whole, base lang.Expr, k float64, x string) (poly, bool) {
	p, ok := toPoly(base, x)
	if !ok {
		return nil, false
	}
	if k >= 0 && k <= 8 && k == math.Trunc(k) {
		out := poly{0: num(1)}
		for range int(k) {
			out = out.times(p)
		}
		return out, true
	}
	if len(p) == 1 && p[0] == nil {
		return nil, false // (c*x)**0.5: a fractional power of x
	}
	return poly{0: whole}, true
}

// scale applies f to every coefficient.
func (p poly) scale(f func(lang.Expr) lang.Expr) poly {
	return p.shift(0, f)
}

// shift moves every power by d and applies f to the coefficients.
func (p poly) shift(d int, f func(lang.Expr) lang.Expr) poly {
	out := poly{}
	for k, c := range p {
		if r := f(c); r != nil {
			out[k+d] = r
		}
	}
	return out
}

// plus adds two polynomials.
func (p poly) plus(q poly) poly {
	out := poly{}
	for k, c := range p {
		out[k] = c
	}
	for k, c := range q {
		if r := add(out[k], c); r != nil {
			out[k] = r
		} else {
			delete(out, k)
		}
	}
	return out
}

// times multiplies two polynomials.
func (p poly) times(q poly) poly {
	out := poly{}
	for _, i := range sortedInts(p) {
		for _, j := range sortedInts(q) {
			if r := add(out[i+j], mul(p[i], q[j])); r != nil {
				out[i+j] = r
			}
		}
	}
	return out
}

// sortedInts returns the powers of p in order, so that the expanded
// expressions do not depend on map order.
func sortedInts(p poly) []int {
	var out []int
	for k := range p {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
