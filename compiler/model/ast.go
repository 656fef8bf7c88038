package model

import (
	suggestpkg "github.com/sim-lang/sim/internal/suggest"
	"sort"
	"strconv"
	"strings"

	"github.com/sim-lang/sim/lang"
)

// This file holds small helpers to build, rewrite and print expression
// trees. Built nodes carry no position (positions matter only for errors,
// which are reported on the user's own expressions).

func num(x float64) lang.Expr  { return &lang.Literal{Kind: lang.FloatLit, Value: x} }
func ident(n string) lang.Expr { return &lang.Ident{Name: n} }
func call(fn string, args ...lang.Expr) lang.Expr {
	c := &lang.Call{Fn: ident(fn)}
	for _, a := range args {
		c.Args = append(c.Args, lang.Arg{Value: a})
	}
	return c
}

// litValue returns the value of a numeric literal (possibly negated).
func litValue(e lang.Expr) (float64, bool) {
	switch e := e.(type) {
	case *lang.Literal:
		switch e.Kind {
		case lang.IntLit:
			return float64(e.Value.(int64)), true
		case lang.FloatLit:
			return e.Value.(float64), true
		}
	case *lang.Unary:
		if e.Op == lang.Minus {
			if v, ok := litValue(e.X); ok {
				return -v, true
			}
		}
	}
	return 0, false
}

func isZero(e lang.Expr) bool { v, ok := litValue(e); return e == nil || (ok && v == 0) }
func isOne(e lang.Expr) bool  { v, ok := litValue(e); return ok && v == 1 }

// add, sub, mul, div and neg build arithmetic, dropping zeros and ones;
// nil stands for 0.
func add(a, b lang.Expr) lang.Expr {
	switch {
	case isZero(a):
		if b == nil {
			return nil
		}
		return b
	case isZero(b):
		return a
	}
	return &lang.Binary{Op: lang.Plus, X: a, Y: b}
}

func sub(a, b lang.Expr) lang.Expr {
	switch {
	case isZero(b):
		return a
	case isZero(a):
		return neg(b)
	}
	return &lang.Binary{Op: lang.Minus, X: a, Y: b}
}

func mul(a, b lang.Expr) lang.Expr {
	switch {
	case isZero(a) || isZero(b):
		return nil
	case isOne(a):
		return b
	case isOne(b):
		return a
	}
	return &lang.Binary{Op: lang.Star, X: a, Y: b}
}

func div(a, b lang.Expr) lang.Expr {
	if isZero(a) {
		return nil
	}
	if isOne(b) {
		return a
	}
	return &lang.Binary{Op: lang.Slash, X: a, Y: b}
}

func neg(a lang.Expr) lang.Expr {
	if isZero(a) {
		return nil
	}
	if u, ok := a.(*lang.Unary); ok && u.Op == lang.Minus {
		return u.X
	}
	return &lang.Unary{Op: lang.Minus, X: a}
}

// orZero turns nil (zero) into a literal 0.
func orZero(e lang.Expr) lang.Expr {
	if e == nil {
		return num(0)
	}
	return e
}

// walk calls f on every node of e, parents first.
func walk(e lang.Expr, f func(lang.Expr)) {
	if e == nil {
		return
	}
	f(e)
	switch e := e.(type) {
	case *lang.Unary:
		walk(e.X, f)
	case *lang.Binary:
		walk(e.X, f)
		walk(e.Y, f)
	case *lang.Compare:
		for _, o := range e.Operands {
			walk(o, f)
		}
	case *lang.Cond:
		walk(e.Cond, f)
		walk(e.True, f)
		walk(e.False, f)
	case *lang.Call:
		walk(e.Fn, f)
		for _, a := range e.Args {
			walk(a.Value, f)
		}
	}
}

// identNames lists the names used in e (not counting called function
// names), sorted and without repetition.
func identNames(e lang.Expr) []string {
	seen := map[string]bool{}
	var fnIdents = map[*lang.Ident]bool{}
	walk(e, func(n lang.Expr) {
		if c, ok := n.(*lang.Call); ok {
			if id, ok := c.Fn.(*lang.Ident); ok {
				fnIdents[id] = true
			}
		}
		if id, ok := n.(*lang.Ident); ok && !fnIdents[id] {
			seen[id.Name] = true
		}
	})
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// uses reports whether e refers to any of the names (outside function
// names).
func uses(e lang.Expr, names map[string]bool) bool {
	for _, n := range identNames(e) {
		if names[n] {
			return true
		}
	}
	return false
}

// rewrite returns a copy of e in which every identifier for which f
// returns a replacement is replaced (function names are kept).
func rewrite(e lang.Expr, f func(id *lang.Ident) lang.Expr) lang.Expr {
	switch e := e.(type) {
	case nil:
		return nil
	case *lang.Ident:
		if r := f(e); r != nil {
			return r
		}
		return e
	case *lang.Unary:
		return &lang.Unary{Pos: e.Pos, Op: e.Op, X: rewrite(e.X, f)}
	case *lang.Binary:
		return &lang.Binary{Pos: e.Pos, Op: e.Op, X: rewrite(e.X, f), Y: rewrite(e.Y, f)}
	case *lang.Compare:
		c := &lang.Compare{Pos: e.Pos, Ops: e.Ops}
		for _, o := range e.Operands {
			c.Operands = append(c.Operands, rewrite(o, f))
		}
		return c
	case *lang.Cond:
		return &lang.Cond{Pos: e.Pos, Cond: rewrite(e.Cond, f), True: rewrite(e.True, f), False: rewrite(e.False, f)}
	case *lang.Call:
		c := &lang.Call{Pos: e.Pos, Fn: e.Fn}
		for _, a := range e.Args {
			a.Value = rewrite(a.Value, f)
			c.Args = append(c.Args, a)
		}
		return c
	}
	return e
}

// substitute replaces names by expressions.
func substitute(e lang.Expr, repl map[string]lang.Expr) lang.Expr {
	if len(repl) == 0 {
		return e
	}
	return rewrite(e, func(id *lang.Ident) lang.Expr { return repl[id.Name] })
}

// precedence of operators for printing.
func precedence(e lang.Expr) int {
	switch e := e.(type) {
	case *lang.Cond:
		return 1
	case *lang.Binary:
		switch e.Op {
		case lang.Or:
			return 2
		case lang.And:
			return 3
		case lang.Plus, lang.Minus:
			return 6
		case lang.Star, lang.Slash, lang.SlashSlash, lang.Percent:
			return 7
		case lang.StarStar:
			return 9
		}
		return 5
	case *lang.Unary:
		if e.Op == lang.Not {
			return 4
		}
		return 8
	case *lang.Compare:
		return 5
	case *lang.Literal:
		if v, ok := litValue(e); ok && v < 0 {
			return 8
		}
	}
	return 10
}

// exprString prints e in Python syntax with the parentheses it needs.
func exprString(e lang.Expr) string {
	var b strings.Builder
	printExpr(&b, e)
	return b.String()
}

func printSub(b *strings.Builder, e lang.Expr, min int) {
	if precedence(e) < min {
		b.WriteByte('(')
		printExpr(b, e)
		b.WriteByte(')')
		return
	}
	printExpr(b, e)
}

func printExpr(b *strings.Builder, e lang.Expr) {
	switch e := e.(type) {
	case nil:
		b.WriteString("0")
	case *lang.Ident:
		b.WriteString(e.Name)
	case *lang.Literal:
		switch e.Kind {
		case lang.IntLit:
			b.WriteString(strconv.FormatInt(e.Value.(int64), 10))
		case lang.FloatLit:
			s := strconv.FormatFloat(e.Value.(float64), 'g', -1, 64)
			if !strings.ContainsAny(s, ".eIN") {
				s += ".0"
			}
			b.WriteString(s)
		case lang.TrueLit:
			b.WriteString("True")
		case lang.FalseLit:
			b.WriteString("False")
		default:
			b.WriteString(lang.Dump(e))
		}
	case *lang.Unary:
		if e.Op == lang.Not {
			b.WriteString("not ")
		} else {
			b.WriteString(e.Op.String())
		}
		printSub(b, e.X, precedence(e))
	case *lang.Binary:
		p := precedence(e)
		if e.Op == lang.StarStar { // right associative
			printSub(b, e.X, p+1)
			b.WriteString("**")
			printSub(b, e.Y, p)
			return
		}
		printSub(b, e.X, p)
		switch e.Op {
		case lang.Star, lang.Slash, lang.SlashSlash, lang.Percent:
			b.WriteString(e.Op.String())
		default:
			b.WriteString(" " + e.Op.String() + " ")
		}
		printSub(b, e.Y, p+1)
	case *lang.Compare:
		for i, o := range e.Operands {
			if i > 0 {
				b.WriteString(" " + e.Ops[i-1].String() + " ")
			}
			printSub(b, o, 6)
		}
	case *lang.Cond:
		printSub(b, e.True, 2)
		b.WriteString(" if ")
		printSub(b, e.Cond, 2)
		b.WriteString(" else ")
		printSub(b, e.False, 1)
	case *lang.Call:
		printExpr(b, e.Fn)
		b.WriteByte('(')
		for i, a := range e.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			if a.Name != "" {
				b.WriteString(a.Name + "=")
			}
			printExpr(b, a.Value)
		}
		b.WriteByte(')')
	default:
		b.WriteString(lang.Dump(e))
	}
}

// suggest returns the candidate closest to name (for "did you mean"), or
// "" when none is close, by the rule the script errors use.
func suggest(name string, candidates []string) string { return suggestpkg.Closest(name, candidates) }
