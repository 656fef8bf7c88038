package model

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
)

// exactMethod integrates linear systems dX/dt = M*X + B exactly, as
// Brian2's linear state updater does: X_new = E*X + (E - I)*M^-1*B with
// E = expm(M*dt). M and B must be constant over a time step; M must be
// invertible (Brian2 solves M*X = B). When M is a compile-time constant
// and the namespace gives dt, E and (E - I)*M^-1 are computed numerically
// (coupled systems included); otherwise uncoupled equations get the closed
// form x_new = (x + b/a)*exp(a*dt) - b/a.
func exactMethod(s *system) ([]vector.Stmt, *unsuitable) {
	if u := s.deterministic("exact"); u != nil {
		return nil, u
	}
	n := len(s.vars)
	forms := make([]linForm, n)
	for i, v := range s.vars {
		l, ok := linearize(s.f[i], s.states)
		if !ok {
			return nil, &unsuitable{v: v, msg: fmt.Sprintf("exact needs linear equations, and d%s/dt is not linear in the state variables (in '%s'); use euler, rk4 or exponential_euler", v.Name, exprString(s.f[i]))}
		}
		forms[i] = l
		for _, e := range append(mapValues(l.coef), l.c) {
			if why := notConstantOverDt(e); why != "" {
				return nil, &unsuitable{v: v, msg: fmt.Sprintf("exact needs coefficients constant over a time step, but '%s' %s", exprString(e), why)}
			}
		}
	}
	// Numeric path: every coefficient a compile-time constant, dt known.
	if dtv, ok := s.c.ns("dt"); ok && dtv.Func == nil && dtv.Value > 0 {
		m := mat.NewDense(n, n, nil)
		numeric := true
		for i := range forms {
			for j, w := range s.vars {
				if e := forms[i].coef[w.Name]; e != nil {
					x, ok := s.c.constValue(e)
					if !ok {
						numeric = false
					}
					m.Set(i, j, x)
				}
			}
		}
		if numeric {
			return exactNumeric(s, forms, m, dtv.Value)
		}
	}
	var code []vector.Stmt
	for i, v := range s.vars {
		for w := range forms[i].coef {
			if w != v.Name {
				return nil, &unsuitable{v: v, msg: fmt.Sprintf("exact can solve coupled equations only when their coefficients are constants, but d%s/dt depends on %s through '%s'; use euler or rk4", v.Name, w, exprString(forms[i].coef[w]))}
			}
		}
		a, b := forms[i].coef[v.Name], forms[i].c
		if a == nil {
			return nil, &unsuitable{v: v, msg: fmt.Sprintf("d%s/dt does not depend on %s, so the linear system has no fixed point (as in Brian2, exact needs one); use euler", v.Name, v.Name)}
		}
		x := ident(v.Name)
		e := call("exp", mul(dtExpr(), a))
		if b == nil {
			code = append(code, stmt("_"+v.Name, mul(x, e)))
			continue
		}
		ba := "_BA_" + v.Name
		code = append(code, stmt(ba, div(b, a)))
		code = append(code, stmt("_"+v.Name, sub(mul(add(x, ident(ba)), e), ident(ba))))
	}
	return code, nil
}

// exactNumeric emits X_new = E*X + F*B with E = expm(M*dt) and
// F = (E - I)*M^-1 computed here.
func exactNumeric(s *system, forms []linForm, m *mat.Dense, dt float64) ([]vector.Stmt, *unsuitable) {
	n := len(s.vars)
	var inv mat.Dense
	if err := inv.Inverse(m); err != nil {
		return nil, &unsuitable{msg: "the linear system has no unique fixed point (its coefficient matrix is singular; as in Brian2, exact needs one); use euler"}
	}
	var mdt, e, eMinusI, f mat.Dense
	mdt.Scale(dt, m)
	e.Exp(&mdt)
	eMinusI.Sub(&e, eye(n))
	f.Mul(&eMinusI, &inv)
	var code []vector.Stmt
	for i, v := range s.vars {
		var val lang.Expr
		for j, w := range s.vars {
			if x := e.At(i, j); x != 0 {
				val = add(val, mul(num(x), ident(w.Name)))
			}
		}
		for j := range s.vars {
			if x := f.At(i, j); x != 0 && forms[j].c != nil {
				val = add(val, mul(num(x), forms[j].c))
			}
		}
		code = append(code, stmt("_"+v.Name, val))
	}
	return code, nil
}

func eye(n int) *mat.Dense {
	m := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		m.Set(i, i, 1)
	}
	return m
}

func mapValues(m map[string]lang.Expr) []lang.Expr {
	var out []lang.Expr
	for _, k := range sortedKeys(m) {
		out = append(out, m[k])
	}
	return out
}

// notConstantOverDt says why e may change during a time step ("" if it
// cannot): it uses t (other than inside an external function such as a
// TimedArray, constant over a step) or draws random numbers.
func notConstantOverDt(e lang.Expr) string {
	why := ""
	var visit func(e lang.Expr, inFunc bool)
	visit = func(e lang.Expr, inFunc bool) {
		switch e := e.(type) {
		case *lang.Ident:
			if e.Name == "t" && !inFunc && why == "" {
				why = "depends on t"
			}
		case *lang.Call:
			name := ""
			if id, ok := e.Fn.(*lang.Ident); ok {
				name = id.Name
			}
			if (name == "rand" || name == "randn" || name == "poisson") && why == "" {
				why = "draws random numbers"
			}
			ext := funcs[name] == nil
			for _, a := range e.Args {
				visit(a.Value, inFunc || ext)
			}
		case *lang.Unary:
			visit(e.X, inFunc)
		case *lang.Binary:
			visit(e.X, inFunc)
			visit(e.Y, inFunc)
		case *lang.Compare:
			for _, o := range e.Operands {
				visit(o, inFunc)
			}
		}
	}
	visit(e, false)
	return why
}
