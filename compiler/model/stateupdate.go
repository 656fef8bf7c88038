package model

import (
	"fmt"
	"strings"

	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
)

// system is the set of differential equations to integrate, with
// subexpressions substituted and noise split off: dx/dt = f + sum(g[xi]*xi).
type system struct {
	c      *checker
	vars   []*Variable
	f      []lang.Expr
	g      []map[string]lang.Expr
	noise  []string        // noise variables used, sorted
	refr   []bool          // (unless refractory) applies
	states map[string]bool // names of the state variables
	pre    []vector.Stmt   // temporaries computed before the update (constant over dt subexpressions)
}

// unsuitable says why a method cannot integrate the equations.
type unsuitable struct {
	v   *Variable // the equation concerned, or nil
	msg string
}

// multiplicative returns the first equation whose noise factor depends on
// a state variable or on t, or nil for additive noise.
func (s *system) multiplicative() *Variable {
	dep := map[string]bool{"t": true}
	for k := range s.states {
		dep[k] = true
	}
	for i, g := range s.g {
		for _, e := range g {
			if uses(e, dep) {
				return s.vars[i]
			}
		}
	}
	return nil
}

// methodFunc integrates a system, returning the update statements that
// precede the final assignments (which assign _x to x).
type methodFunc func(s *system) ([]vector.Stmt, *unsuitable)

// methods are the integration methods by name. Explicit methods see the
// derivatives of (unless refractory) variables multiplied by
// not_refractory (Brian2 writes int(not_refractory); the flag is 0 or 1
// already); the others mask the final write.
var methods map[string]methodFunc

// maskedMethods clamp refractory variables in the final assignment rather
// than through the derivative.
var maskedMethods = map[string]bool{"exact": true, "exponential_euler": true}

func init() {
	methods = map[string]methodFunc{
		"exact": exactMethod, "euler": eulerMethod, "rk2": rk2Method, "rk4": rk4Method,
		"heun": heunMethod, "milstein": milsteinMethod, "exponential_euler": expEulerMethod,
	}
}

// MethodNames lists the integration methods StateUpdate accepts ("linear"
// is another name for "exact").
func MethodNames() []string {
	return []string{"exact", "linear", "euler", "rk2", "rk4", "heun", "milstein", "exponential_euler"}
}

// StateUpdate checks the dimensions of every equation and integrates the
// differential equations with method ("" chooses: exact, then euler, then
// heun, as Brian2 does; "linear" is "exact"). It returns abstract code
// that computes temporaries (named with a leading underscore) from the
// old values and assigns the state variables last, and the method used.
// Variables flagged (unless refractory) do not change while the special
// not_refractory is false (when the group provides it). The namespace may
// give "dt" (the time step in seconds), which lets exact integration of
// coupled systems compute the matrix exponential once.
func StateUpdate(eqs *Equations, method string, ns Namespace, specials map[string]Special) ([]vector.Stmt, string, error) {
	c := newChecker(eqs, ns, specials)
	if err := c.checkEquations(); err != nil {
		return nil, "", err
	}
	if method == "linear" {
		method = "exact"
	}
	if method != "" && methods[method] == nil {
		hint := ""
		if s := suggest(method, MethodNames()); s != "" {
			hint = fmt.Sprintf(" (did you mean '%s'?)", s)
		}
		return nil, "", fmt.Errorf("unknown integration method '%s'%s; choose one of %s", method, hint, strings.Join(MethodNames(), ", "))
	}
	s, err := buildSystem(c)
	if err != nil {
		return nil, "", err
	}
	if len(s.vars) == 0 {
		if method == "" {
			method = "exact"
		}
		return s.pre, method, nil
	}
	if method != "" {
		code, u := apply(s, method)
		if u != nil {
			return nil, "", s.unsuitableError(method, u)
		}
		return code, method, nil
	}
	var reasons []string
	for _, m := range []string{"exact", "euler", "heun"} {
		code, u := apply(s, m)
		if u == nil {
			return code, m, nil
		}
		reasons = append(reasons, m+": "+u.msg)
	}
	return nil, "", fmt.Errorf("no integration method can integrate these equations (%s)", strings.Join(reasons, "; "))
}

// apply runs a method and adds the final assignments.
func apply(s *system, method string) ([]vector.Stmt, *unsuitable) {
	masked := maskedMethods[method]
	work := *s
	if !masked {
		work.f = make([]lang.Expr, len(s.f))
		work.g = make([]map[string]lang.Expr, len(s.g))
		for i := range s.f {
			work.f[i], work.g[i] = s.f[i], s.g[i]
			if s.refr[i] {
				m := ident("not_refractory") // 0 or 1, as int(not_refractory) in Brian2
				work.f[i] = mul(m, s.f[i])
				work.g[i] = map[string]lang.Expr{}
				for k, e := range s.g[i] {
					work.g[i][k] = mul(m, e)
				}
			}
		}
	}
	body, u := methods[method](&work)
	if u != nil {
		return nil, u
	}
	code := append(append([]vector.Stmt{}, s.pre...), body...)
	for i, v := range s.vars {
		var val lang.Expr = ident("_" + v.Name)
		if masked && s.refr[i] {
			m := ident("not_refractory") // 0 or 1, as int(not_refractory) in Brian2
			val = &lang.Binary{Op: lang.Plus, X: &lang.Binary{Op: lang.Star, X: val, Y: m},
				Y: &lang.Binary{Op: lang.Star, X: ident(v.Name), Y: &lang.Binary{Op: lang.Minus, X: num(1), Y: m}}}
		}
		code = append(code, vector.Stmt{Target: v.Name, Value: val})
	}
	return code, nil
}

// unsuitableError formats why method cannot be used.
func (s *system) unsuitableError(method string, u *unsuitable) error {
	if u.v == nil {
		return fmt.Errorf("cannot integrate these equations with method '%s': %s", method, u.msg)
	}
	return lang.Errorf(lang.EqFile, s.c.eqs.Src, lang.Pos{Line: int32(u.v.Line), Col: 1},
		"cannot integrate %s with method '%s': %s", u.v.Text, method, u.msg)
}

// buildSystem substitutes subexpressions into the differential equations
// and splits off their noise terms.
func buildSystem(c *checker) (*system, error) {
	s := &system{c: c, states: map[string]bool{}}
	keep := map[string]lang.Expr{}
	for _, v := range c.eqs.subOrder {
		if v.HasFlag("constant over dt") {
			tmp := "_" + v.Name
			s.pre = append(s.pre, vector.Stmt{Target: tmp, Value: c.resolve(v.Expr, keep)})
			keep[v.Name] = ident(tmp)
		}
	}
	_, hasRefr := c.specials["not_refractory"]
	noise := map[string]bool{}
	for _, v := range c.eqs.Vars {
		if v.Kind != StateVar {
			continue
		}
		rhs := c.resolve(v.Expr, keep)
		f, g, ok := splitNoise(rhs)
		if !ok {
			return nil, lang.Errorf(lang.EqFile, c.eqs.Src, lang.Pos{Line: int32(v.Line), Col: 1},
				"%s: noise must enter the equation additively, as f + g*xi, with g free of xi", v.Text)
		}
		for k := range g {
			noise[k] = true
		}
		s.vars = append(s.vars, v)
		s.f = append(s.f, f)
		s.g = append(s.g, g)
		s.refr = append(s.refr, hasRefr && v.HasFlag("unless refractory"))
		s.states[v.Name] = true
	}
	s.noise = sortedKeys(noise)
	return s, nil
}

// replaceStates substitutes state variables (by a per-variable
// expression) and t in e.
func (s *system) replaceStates(e lang.Expr, x func(name string) lang.Expr, t lang.Expr) lang.Expr {
	repl := map[string]lang.Expr{}
	for name := range s.states {
		repl[name] = x(name)
	}
	if t != nil {
		repl["t"] = t
	}
	return substitute(e, repl)
}

// shifted returns x -> x + factor*_<prefix>_x.
func shifted(prefix string, factor float64) func(string) lang.Expr {
	return func(n string) lang.Expr {
		return add(ident(n), mul(num(factor), ident("_"+prefix+"_"+n)))
	}
}

func dtExpr() lang.Expr { return ident("dt") }

// tPlus returns t + factor*dt.
func tPlus(factor float64) lang.Expr { return add(ident("t"), mul(num(factor), dtExpr())) }

func stmt(target string, value lang.Expr) vector.Stmt {
	return vector.Stmt{Target: target, Value: orZero(value)}
}

// noiseStmts draws the Wiener increments: _xi = sqrt(dt)*randn().
func (s *system) noiseStmts() []vector.Stmt {
	var out []vector.Stmt
	for _, n := range s.noise {
		out = append(out, stmt("_"+n, mul(call("sqrt", dtExpr()), call("randn"))))
	}
	return out
}

// noiseSum is sum(g[xi]*_xi) for equation i, with g transformed by f.
func (s *system) noiseSum(i int, f func(xi string, g lang.Expr) lang.Expr) lang.Expr {
	var sum lang.Expr
	for _, xi := range sortedKeys(s.g[i]) {
		sum = add(sum, f(xi, s.g[i][xi]))
	}
	return sum
}

func (s *system) deterministic(method string) *unsuitable {
	if len(s.noise) > 0 {
		return &unsuitable{msg: fmt.Sprintf("%s cannot integrate stochastic equations (they use %s); use euler, heun or milstein", method, strings.Join(s.noise, ", "))}
	}
	return nil
}

// eulerMethod: x_new = x + dt*f + g*dW (Euler-Maruyama for additive noise).
func eulerMethod(s *system) ([]vector.Stmt, *unsuitable) {
	if v := s.multiplicative(); v != nil && len(s.noise) > 0 {
		return nil, &unsuitable{v: v, msg: "euler cannot integrate equations with multiplicative noise (the noise factor depends on a state variable or on t); use heun or milstein"}
	}
	code := s.noiseStmts()
	for i, v := range s.vars {
		val := add(add(ident(v.Name), mul(dtExpr(), s.f[i])),
			s.noiseSum(i, func(xi string, g lang.Expr) lang.Expr { return mul(g, ident("_"+xi)) }))
		code = append(code, stmt("_"+v.Name, val))
	}
	return code, nil
}

// rk2Method is the midpoint method.
func rk2Method(s *system) ([]vector.Stmt, *unsuitable) {
	if u := s.deterministic("rk2"); u != nil {
		return nil, u
	}
	var code []vector.Stmt
	for i, v := range s.vars {
		code = append(code, stmt("_k_"+v.Name, mul(dtExpr(), s.f[i])))
	}
	for i, v := range s.vars {
		f := s.replaceStates(s.f[i], shifted("k", 0.5), tPlus(0.5))
		code = append(code, stmt("_"+v.Name, add(ident(v.Name), mul(dtExpr(), f))))
	}
	return code, nil
}

// rk4Method is the classical fourth-order Runge-Kutta method.
func rk4Method(s *system) ([]vector.Stmt, *unsuitable) {
	if u := s.deterministic("rk4"); u != nil {
		return nil, u
	}
	var code []vector.Stmt
	stages := []struct {
		prev   string
		factor float64
	}{{"", 0}, {"k_1", 0.5}, {"k_2", 0.5}, {"k_3", 1}}
	for k, st := range stages {
		for i, v := range s.vars {
			f := s.f[i]
			if st.prev != "" {
				f = s.replaceStates(f, shifted(st.prev, st.factor), tPlus(st.factor))
			}
			code = append(code, stmt(fmt.Sprintf("_k_%d_%s", k+1, v.Name), mul(dtExpr(), f)))
		}
	}
	for _, v := range s.vars {
		k := func(j int) lang.Expr { return ident(fmt.Sprintf("_k_%d_%s", j, v.Name)) }
		sum := add(add(add(k(1), mul(num(2), k(2))), mul(num(2), k(3))), k(4))
		code = append(code, stmt("_"+v.Name, add(ident(v.Name), div(sum, num(6)))))
	}
	return code, nil
}

// heunMethod is Brian2's stochastic Heun method (Stratonovich):
// x_support = x + g*dW; g_support = g(x_support, t+dt);
// x_new = x + dt*f + dW*(g + g_support)/2. Without noise it is Euler's
// method, as in Brian2.
func heunMethod(s *system) ([]vector.Stmt, *unsuitable) {
	code := s.noiseStmts()
	for _, xi := range s.noise {
		for i, v := range s.vars {
			val := add(ident(v.Name), mul(s.g[i][xi], ident("_"+xi)))
			code = append(code, stmt(fmt.Sprintf("_x_support_%s_%s", v.Name, xi), val))
		}
		for i, v := range s.vars {
			if s.g[i][xi] == nil {
				continue
			}
			gs := s.replaceStates(s.g[i][xi], func(n string) lang.Expr {
				return ident(fmt.Sprintf("_x_support_%s_%s", n, xi))
			}, tPlus(1))
			code = append(code, stmt(fmt.Sprintf("_g_support_%s_%s", v.Name, xi), gs))
		}
	}
	for i, v := range s.vars {
		val := add(add(ident(v.Name), mul(dtExpr(), s.f[i])),
			s.noiseSum(i, func(xi string, g lang.Expr) lang.Expr {
				return mul(mul(num(0.5), ident("_"+xi)), add(g, ident(fmt.Sprintf("_g_support_%s_%s", v.Name, xi))))
			}))
		code = append(code, stmt("_"+v.Name, val))
	}
	return code, nil
}

// milsteinMethod is Brian2's derivative-free Milstein method, for
// diagonal noise (each equation uses at most one noise variable, each
// noise variable appears in one equation):
// x_support = x + dt*f + sqrt(dt)*g; g_support = g(x_support, t);
// k = (g_support - g)*dW**2/(2*sqrt(dt)); x_new = x + dt*f + g*dW + k.
func milsteinMethod(s *system) ([]vector.Stmt, *unsuitable) {
	owner := map[string]*Variable{}
	for i, v := range s.vars {
		if len(s.g[i]) > 1 {
			return nil, &unsuitable{v: v, msg: "milstein needs diagonal noise: each equation may use only one noise variable; use heun"}
		}
		for xi := range s.g[i] {
			if owner[xi] != nil {
				return nil, &unsuitable{v: v, msg: fmt.Sprintf("milstein needs diagonal noise, but %s also appears in %s; use heun", xi, owner[xi].Text)}
			}
			owner[xi] = v
		}
	}
	code := s.noiseStmts()
	sqdt := call("sqrt", dtExpr())
	gOf := func(i int) (string, lang.Expr) {
		for xi, g := range s.g[i] {
			return xi, g
		}
		return "", nil
	}
	for i, v := range s.vars {
		_, g := gOf(i)
		if len(s.noise) == 0 {
			break // no noise: the supports are unused
		}
		code = append(code, stmt("_x_support_"+v.Name, add(add(ident(v.Name), mul(dtExpr(), s.f[i])), mul(sqdt, g))))
	}
	for i, v := range s.vars {
		xi, g := gOf(i)
		if g == nil {
			continue
		}
		gs := s.replaceStates(g, func(n string) lang.Expr { return ident("_x_support_" + n) }, nil)
		code = append(code, stmt("_g_support_"+v.Name, gs))
		dw := ident("_" + xi)
		k := div(mul(sub(ident("_g_support_"+v.Name), g), mul(dw, dw)), mul(num(2), sqdt))
		code = append(code, stmt("_k_"+v.Name, k))
	}
	for i, v := range s.vars {
		xi, g := gOf(i)
		val := add(ident(v.Name), mul(dtExpr(), s.f[i]))
		if g != nil {
			val = add(add(val, mul(g, ident("_"+xi))), ident("_k_"+v.Name))
		}
		code = append(code, stmt("_"+v.Name, val))
	}
	return code, nil
}

// expEulerMethod is the exponential Euler method for conditionally linear
// equations (each dx/dt = A*x + B, A and B evaluated at the current state;
// see condLinear for which equations qualify).
func expEulerMethod(s *system) ([]vector.Stmt, *unsuitable) {
	if u := s.deterministic("exponential_euler"); u != nil {
		return nil, u
	}
	var code []vector.Stmt
	for i, v := range s.vars {
		a, b, ok := condLinear(s.f[i], v.Name)
		if !ok {
			return nil, &unsuitable{v: v, msg: fmt.Sprintf("exponential_euler needs equations conditionally linear in their own variable (dx/dt = A*x + B, where A and B may use x only inside functions such as exp or tanh); d%s/dt is not linear in %s (a term in %s**2, 1/%s or a fractional power of it, or none linear in it)", v.Name, v.Name, v.Name, v.Name)}
		}
		x := ident(v.Name)
		switch {
		case a == nil:
			code = append(code, stmt("_"+v.Name, add(x, mul(dtExpr(), b))))
		case b == nil:
			code = append(code, stmt("_"+v.Name, mul(x, call("exp", mul(a, dtExpr())))))
		default:
			ba := "_BA_" + v.Name
			code = append(code, stmt(ba, div(b, a)))
			code = append(code, stmt("_"+v.Name, sub(mul(add(x, ident(ba)), call("exp", mul(a, dtExpr()))), ident(ba))))
		}
	}
	return code, nil
}
