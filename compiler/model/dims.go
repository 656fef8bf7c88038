package model

import (
	"fmt"
	"math"
	"strings"

	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/units"
)

// xiDim is the dimension of the noise variables xi and xi_*: second^-1/2.
var xiDim = units.BaseDim(units.Time).Pow(units.R(-1, 2))

var secondDim = units.BaseDim(units.Time)

// isNoise reports whether name is a noise variable (xi, xi_*).
func isNoise(name string) bool { return name == "xi" || strings.HasPrefix(name, "xi_") }

// info is what dimension checking learns about an expression.
type info struct {
	dim  units.Dim
	typ  vector.Type
	zero bool // a literal 0: compatible with any dimension in + - and comparisons
}

// checker checks dimensions and resolves names in one context.
type checker struct {
	eqs      *Equations
	ns       Namespace
	specials map[string]Special
	file     string // lang.EqFile, lang.CodeFile, ...
	src      string // source the positions refer to
	text     string // the equation or statement as written, prefixing messages
	at       lang.Pos
	resolved map[string]lang.Expr // resolved subexpressions
	locals   map[string]info      // local variables defined by earlier statements of code
}

func newChecker(eqs *Equations, ns Namespace, specials map[string]Special) *checker {
	if eqs == nil {
		eqs = &Equations{byName: map[string]*Variable{}}
	}
	if ns == nil {
		ns = func(string) (External, bool) { return External{}, false }
	}
	return &checker{eqs: eqs, ns: ns, specials: specials, resolved: map[string]lang.Expr{}}
}

// errorf reports an error at e (or at the current statement).
func (c *checker) errorf(e lang.Expr, format string, args ...any) error {
	p := c.at
	if e != nil && e.Start().IsValid() {
		p = e.Start()
	}
	msg := fmt.Sprintf(format, args...)
	if c.text != "" {
		msg = c.text + ": " + msg
	}
	return lang.Errorf(c.file, c.src, p, "%s", msg)
}

// dimText names a dimension for messages, preferring "volt/second" to
// base units.
func dimText(d units.Dim) string {
	n := units.DimName(d)
	if !strings.ContainsAny(n, " ^") {
		return n
	}
	if m := units.DimName(d.Mul(secondDim)); !strings.ContainsAny(m, " ^") && m != "1" {
		return m + "/second"
	}
	if m := units.DimName(d.Div(secondDim)); !strings.ContainsAny(m, " ^") && m != "1" {
		return m + "*second"
	}
	return n
}

// lookupName resolves a name's dimension and type.
func (c *checker) lookupName(id *lang.Ident) (info, error) {
	n := id.Name
	if v, ok := c.eqs.byName[n]; ok {
		return info{dim: v.Dim, typ: v.Type}, nil
	}
	if x, ok := c.locals[n]; ok {
		return x, nil
	}
	if s, ok := c.specials[n]; ok {
		return info{dim: s.Dim, typ: s.Type}, nil
	}
	if isNoise(n) {
		return info{dim: xiDim}, nil
	}
	if x, ok := c.ns(n); ok {
		if x.Func != nil {
			return info{}, c.errorf(id, "'%s' is a function; call it as %s(...)", n, n)
		}
		return info{dim: x.Dim}, nil
	}
	if _, ok := constants[n]; ok {
		return info{}, nil
	}
	if isUnitName(n) {
		_, d, _ := units.Lookup(n)
		return info{dim: d}, nil
	}
	if _, ok := funcs[n]; ok {
		return info{}, c.errorf(id, "'%s' is a function; call it as %s(...)", n, n)
	}
	return info{}, c.errorf(id, "unknown name '%s'%s", n, c.didYouMean(n, false))
}

// didYouMean suggests a known name close to n.
func (c *checker) didYouMean(n string, function bool) string {
	var cands []string
	if function {
		cands = funcNames()
	} else {
		for _, v := range c.eqs.Vars {
			cands = append(cands, v.Name)
		}
		for s := range c.specials {
			cands = append(cands, s)
		}
		for k := range constants {
			cands = append(cands, k)
		}
		cands = append(cands, namespaceNames(c.ns)...)
	}
	if s := suggest(n, cands); s != "" {
		return fmt.Sprintf(" (did you mean '%s'?)", s)
	}
	return ""
}

// check returns the dimension and type of e.
func (c *checker) check(e lang.Expr) (info, error) {
	switch e := e.(type) {
	case *lang.Literal:
		switch e.Kind {
		case lang.IntLit:
			return info{typ: vector.Int, zero: e.Value.(int64) == 0}, nil
		case lang.FloatLit:
			return info{zero: e.Value.(float64) == 0}, nil
		case lang.TrueLit, lang.FalseLit:
			return info{typ: vector.Bool}, nil
		}
		return info{}, c.errorf(e, "%s literals are not allowed in model code", litKindName(e.Kind))
	case *lang.Ident:
		return c.lookupName(e)
	case *lang.Unary:
		x, err := c.check(e.X)
		if err != nil {
			return x, err
		}
		if e.Op == lang.Not {
			if x.typ != vector.Bool && !x.dim.IsDimensionless() {
				return x, c.errorf(e, "'not' needs a boolean operand, not %s (in '%s')", dimText(x.dim), exprString(e))
			}
			return info{typ: vector.Bool}, nil
		}
		if e.Op == lang.Tilde {
			return x, c.errorf(e, "operator '~' is not supported in model code (use 'not')")
		}
		if x.typ == vector.Bool {
			x.typ = vector.Int
		}
		return x, nil
	case *lang.Binary:
		return c.binary(e)
	case *lang.Compare:
		var first info
		for i, o := range e.Operands {
			x, err := c.check(o)
			if err != nil {
				return x, err
			}
			if i > 0 {
				op := e.Ops[i-1]
				if op > lang.Ge {
					return x, c.errorf(e, "operator '%s' is not supported in model code", op)
				}
				if x.dim != first.dim && !x.zero && !first.zero {
					return x, c.errorf(e, "cannot compare %s and %s (in '%s')", dimText(first.dim), dimText(x.dim), exprString(e))
				}
			}
			if !x.zero {
				first = x
			} else if i == 0 {
				first = x
			}
		}
		return info{typ: vector.Bool}, nil
	case *lang.Call:
		return c.call(e)
	case *lang.Cond:
		return info{}, c.errorf(e, "conditional expressions ('x if c else y') are not supported in model code")
	}
	return info{}, c.errorf(e, "this kind of expression is not supported in model code")
}

func litKindName(k lang.LitKind) string {
	switch k {
	case lang.StringLit:
		return "string"
	case lang.NoneLit:
		return "None"
	}
	return "these"
}

// binary checks arithmetic and boolean operators.
func (c *checker) binary(e *lang.Binary) (info, error) {
	x, err := c.check(e.X)
	if err != nil {
		return x, err
	}
	y, err := c.check(e.Y)
	if err != nil {
		return y, err
	}
	numType := vector.Float
	if (x.typ == vector.Int || x.typ == vector.Bool) && (y.typ == vector.Int || y.typ == vector.Bool) {
		numType = vector.Int
	}
	switch e.Op {
	case lang.Plus, lang.Minus, lang.Percent:
		if x.dim != y.dim && !x.zero && !y.zero {
			verb := map[lang.Op]string{lang.Plus: "add", lang.Minus: "subtract", lang.Percent: "take the remainder of"}[e.Op]
			return x, c.errorf(e, "cannot %s %s and %s (in '%s')", verb, dimText(x.dim), dimText(y.dim), exprString(e))
		}
		d := x.dim
		if x.zero {
			d = y.dim
		}
		return info{dim: d, typ: numType, zero: x.zero && y.zero}, nil
	case lang.Star:
		return info{dim: x.dim.Mul(y.dim), typ: numType, zero: x.zero || y.zero}, nil
	case lang.Slash:
		return info{dim: x.dim.Div(y.dim), zero: x.zero}, nil
	case lang.SlashSlash:
		return info{dim: x.dim.Div(y.dim), typ: numType, zero: x.zero}, nil
	case lang.StarStar:
		if !y.dim.IsDimensionless() {
			return x, c.errorf(e, "the exponent must be dimensionless, not %s (in '%s')", dimText(y.dim), exprString(e))
		}
		if x.dim.IsDimensionless() {
			return info{typ: numType}, nil
		}
		p, ok := c.constValue(e.Y)
		if !ok {
			return x, c.errorf(e, "a quantity with units (%s) can only be raised to a constant power (in '%s')", dimText(x.dim), exprString(e))
		}
		d, ok := x.dim.PowFloat(p)
		if !ok {
			return x, c.errorf(e, "cannot raise %s to the power %g (in '%s')", dimText(x.dim), p, exprString(e))
		}
		return info{dim: d}, nil
	case lang.And, lang.Or:
		for _, o := range []struct {
			i info
			e lang.Expr
		}{{x, e.X}, {y, e.Y}} {
			if o.i.typ != vector.Bool && !o.i.dim.IsDimensionless() {
				return x, c.errorf(o.e, "'%s' needs boolean operands, not %s (in '%s')", e.Op, dimText(o.i.dim), exprString(e))
			}
		}
		return info{typ: vector.Bool}, nil
	}
	return x, c.errorf(e, "operator '%s' is not supported in model code", e.Op)
}

// call checks a function call.
func (c *checker) call(e *lang.Call) (info, error) {
	id, ok := e.Fn.(*lang.Ident)
	if !ok {
		return info{}, c.errorf(e, "only named functions can be called in model code")
	}
	var args []info
	for _, a := range e.Args {
		if a.Name != "" || a.Star != 0 {
			return info{}, c.errorf(e, "%s(): keyword and starred arguments are not supported in model code", id.Name)
		}
		x, err := c.check(a.Value)
		if err != nil {
			return x, err
		}
		args = append(args, x)
	}
	if x, ok := c.ns(id.Name); ok && x.Func != nil {
		if n := x.Func.NumArgs(); n != len(args) {
			return info{}, c.errorf(e, "%s() takes %d argument%s, got %d", id.Name, n, plural(n), len(args))
		}
		return info{dim: x.FuncDim}, nil
	}
	spec, ok := funcs[id.Name]
	if !ok {
		if _, isVar := c.eqs.byName[id.Name]; isVar {
			return info{}, c.errorf(e, "'%s' is a variable, not a function", id.Name)
		}
		return info{}, c.errorf(e, "unknown function '%s'%s", id.Name, c.didYouMean(id.Name, true))
	}
	if spec.nargs != len(args) {
		return info{}, c.errorf(e, "%s() takes %d argument%s, got %d", id.Name, spec.nargs, plural(spec.nargs), len(args))
	}
	needDimless := func(i int) error {
		if !args[i].dim.IsDimensionless() {
			return c.errorf(e, "%s() needs a dimensionless argument, not %s (in '%s')", id.Name, dimText(args[i].dim), exprString(e))
		}
		return nil
	}
	switch spec.rule {
	case ruleDimless:
		return info{}, needDimless(0)
	case ruleSqrt:
		return info{dim: args[0].dim.Pow(units.R(1, 2))}, nil
	case ruleKeep:
		return info{dim: args[0].dim, typ: args[0].typ}, nil
	case ruleSign:
		return info{}, nil
	case ruleClip:
		for i := 1; i < 3; i++ {
			if args[i].dim != args[0].dim && !args[i].zero && !isInf(e.Args[i].Value) {
				return info{}, c.errorf(e, "clip() bounds must have the unit of its first argument: %s vs %s (in '%s')", dimText(args[0].dim), dimText(args[i].dim), exprString(e))
			}
		}
		return info{dim: args[0].dim, typ: args[0].typ}, nil
	case ruleInt:
		return info{typ: vector.Int}, needDimless(0)
	case ruleRand:
		return info{}, nil
	case rulePoisson:
		return info{typ: vector.Int}, needDimless(0)
	case ruleTimestep:
		for i := range args {
			if args[i].dim != secondDim && !args[i].zero {
				return info{}, c.errorf(e, "timestep() needs times (second), not %s (in '%s')", dimText(args[i].dim), exprString(e))
			}
		}
		return info{typ: vector.Int}, nil
	}
	return info{}, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// isInf reports whether e is the constant inf or -inf.
func isInf(e lang.Expr) bool {
	if u, ok := e.(*lang.Unary); ok && u.Op == lang.Minus {
		e = u.X
	}
	id, ok := e.(*lang.Ident)
	return ok && id.Name == "inf"
}

// constValue evaluates e if it only involves literals, constants, units
// and external constants (and dt when the namespace gives it).
func (c *checker) constValue(e lang.Expr) (float64, bool) {
	switch e := e.(type) {
	case *lang.Literal:
		return litValue(e)
	case *lang.Ident:
		if _, ok := c.eqs.byName[e.Name]; ok {
			return 0, false
		}
		if _, ok := c.locals[e.Name]; ok {
			return 0, false
		}
		if _, ok := c.specials[e.Name]; ok && e.Name != "dt" {
			return 0, false
		}
		if x, ok := c.ns(e.Name); ok && x.Func == nil {
			return x.Value, true
		}
		if _, ok := c.specials[e.Name]; ok {
			return 0, false
		}
		if v, ok := constants[e.Name]; ok {
			return v, true
		}
		if isUnitName(e.Name) {
			s, _, _ := units.Lookup(e.Name)
			return s, true
		}
		return 0, false
	case *lang.Unary:
		x, ok := c.constValue(e.X)
		switch {
		case !ok:
			return 0, false
		case e.Op == lang.Minus:
			return -x, true
		case e.Op == lang.Plus:
			return x, true
		}
		return 0, false
	case *lang.Binary:
		x, ok1 := c.constValue(e.X)
		y, ok2 := c.constValue(e.Y)
		if !ok1 || !ok2 {
			return 0, false
		}
		switch e.Op {
		case lang.Plus:
			return x + y, true
		case lang.Minus:
			return x - y, true
		case lang.Star:
			return x * y, true
		case lang.Slash:
			return x / y, true
		case lang.StarStar:
			return math.Pow(x, y), true
		}
		return 0, false
	case *lang.Call:
		id, ok := e.Fn.(*lang.Ident)
		if !ok {
			return 0, false
		}
		spec := funcs[id.Name]
		if spec == nil || spec.eval == nil || len(e.Args) != spec.nargs {
			return 0, false
		}
		if x, ok := c.ns(id.Name); ok && x.Func != nil {
			return 0, false
		}
		var args []float64
		for _, a := range e.Args {
			v, ok := c.constValue(a.Value)
			if !ok {
				return 0, false
			}
			args = append(args, v)
		}
		return spec.eval(args), true
	}
	return 0, false
}

// resolve rewrites a checked expression for the vector compiler:
// subexpressions are substituted (except those in keep), unit names and
// constants become numbers.
func (c *checker) resolve(e lang.Expr, keep map[string]lang.Expr) lang.Expr {
	return rewrite(e, func(id *lang.Ident) lang.Expr {
		n := id.Name
		if r, ok := keep[n]; ok {
			return r
		}
		if v, ok := c.eqs.byName[n]; ok {
			if v.Kind != SubExpr {
				return nil
			}
			if r, ok := c.resolved[n]; ok {
				return r
			}
			r := c.resolve(v.Expr, keep)
			c.resolved[n] = r
			return r
		}
		if _, ok := c.specials[n]; ok || isNoise(n) {
			return nil
		}
		if _, ok := c.locals[n]; ok {
			return nil
		}
		if _, ok := c.ns(n); ok {
			return nil
		}
		if v, ok := constants[n]; ok {
			return num(v)
		}
		if isUnitName(n) {
			s, _, _ := units.Lookup(n)
			return num(s)
		}
		return nil
	})
}

// checkEquations checks the dimensions of every equation's right-hand
// side.
func (c *checker) checkEquations() error {
	for _, v := range c.eqs.Vars {
		if v.Expr == nil {
			continue
		}
		src := c.eqs.Src
		if v.Src != "" {
			src = v.Src
		}
		c.file, c.src, c.text, c.at = lang.EqFile, src, v.Text, lang.Pos{Line: int32(v.Line), Col: 1}
		x, err := c.check(v.Expr)
		if err != nil {
			return err
		}
		want := v.Dim
		what := v.Name
		if v.Kind == StateVar {
			want = v.Dim.Div(secondDim)
			what = "d" + v.Name + "/dt"
		}
		if x.dim != want && !x.zero {
			return c.errorf(v.Expr, "the right-hand side has unit %s but %s needs %s (in '%s')", dimText(x.dim), what, dimText(want), exprString(v.Expr))
		}
		if v.Kind == SubExpr && uses(v.Expr, noiseNames(v.Expr)) {
			return c.errorf(v.Expr, "noise (xi) can only appear in differential equations")
		}
	}
	c.text = ""
	return nil
}

// noiseNames returns the noise variables used in e.
func noiseNames(e lang.Expr) map[string]bool {
	out := map[string]bool{}
	for _, n := range identNames(e) {
		if isNoise(n) {
			out[n] = true
		}
	}
	return out
}
