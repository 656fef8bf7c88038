package integrate

import (
	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

// eqRHS is a right-hand side given as model equations
// ('dx/dt = sigma*(y - x) : 1 ...'), compiled once to vector bytecode:
// the state variables and t are per-call scalars, the derivatives are
// scalar outputs, and each evaluation is one vecvm.Run with no
// interpreter work. Programs whose values are all uniform (the usual
// case) run their straight-line prologue directly (see scalarProg).
type eqRHS struct {
	prog  *vector.Program
	fast  *scalarProg // nil: run through vecvm
	ctx   *vecvm.Context
	n     int
	names []string
	dims  []units.Dim
	// seen records every namespace lookup made while compiling, so that
	// a cached program is reused only while those names still resolve
	// to the same values.
	seen map[string]lookup
}

// lookup is one recorded namespace resolution.
type lookup struct {
	x     model.External
	found bool
}

// cacheKey is the thread-local key of compiled equation programs.
const cacheKey = "integrate.equations"

// cachedEquations returns a compiled program for src, reusing one
// compiled earlier on this thread when every name it resolved still has
// the same value (changing a parameter recompiles, as in Brian2).
func cachedEquations(th *runtime.Thread, src string, ns model.Namespace, tDim units.Dim) (*eqRHS, error) {
	key := src + "\x00" + tDim.String()
	var cache map[string][]*eqRHS
	if th != nil {
		cache, _ = th.Local(cacheKey).(map[string][]*eqRHS)
		if cache == nil {
			cache = map[string][]*eqRHS{}
			th.SetLocal(cacheKey, cache)
		}
		for _, e := range cache[key] {
			if e.stillValid(ns) {
				return e, nil
			}
		}
	}
	e, err := compileEquations(src, ns, tDim)
	if err != nil {
		return nil, err
	}
	if cache != nil {
		list := cache[key]
		if len(list) >= 4 {
			list = list[1:]
		}
		cache[key] = append(list, e)
	}
	return e, nil
}

// stillValid reports whether every recorded name resolves as before.
func (e *eqRHS) stillValid(ns model.Namespace) bool {
	for name, old := range e.seen {
		x, found := ns(name)
		if x.Func != nil || old.x.Func != nil {
			return false // functions (TimedArrays) may change content
		}
		if found != old.found || x.Value != old.x.Value || x.Dim != old.x.Dim || x.FuncDim != old.x.FuncDim {
			return false
		}
	}
	return true
}

// derivPrefix names the derivative outputs in the compiled code.
const derivPrefix = "_deriv_"

// compileEquations parses and checks src with time in tDim; names not
// defined by the equations come from ns.
func compileEquations(src string, ns0 model.Namespace, tDim units.Dim) (*eqRHS, error) {
	seen := map[string]lookup{}
	ns := func(name string) (model.External, bool) {
		x, ok := ns0(name)
		seen[name] = lookup{x, ok}
		return x, ok
	}
	eqs, err := model.ParseEquations(src)
	if err != nil {
		return nil, err
	}
	specials := map[string]model.Special{"t": {Dim: tDim}}
	rhs, err := model.Derivatives(eqs, ns, specials, tDim)
	if err != nil {
		return nil, err
	}
	n := len(rhs.Vars)
	if n == 0 {
		return nil, runtime.Errorf("the equations define no differential equation (dx/dt = ...)")
	}
	e := &eqRHS{n: n, seen: seen}
	slots := map[string]int{"t": n}
	for i, v := range rhs.Vars {
		e.names = append(e.names, v.Name)
		e.dims = append(e.dims, v.Dim)
		slots[v.Name] = i
		slots[derivPrefix+v.Name] = n + 1 + i
	}
	res := func(name string) (vector.Symbol, bool) {
		if s, ok := slots[name]; ok {
			return vector.Symbol{Kind: vector.Scalar, Slot: s, ReadOnly: s <= n}, true
		}
		if v, ok := eqs.Lookup(name); ok && v.Kind == model.SubExpr {
			return vector.Symbol{}, false
		}
		if x, ok := ns(name); ok && x.Func == nil {
			return vector.Symbol{Kind: vector.Constant, Value: x.Value, ReadOnly: true}, true
		}
		return vector.Symbol{}, false
	}
	funcs := func(name string) (vector.Func, bool) {
		if x, ok := ns(name); ok && x.Func != nil {
			return x.Func, true
		}
		return nil, false
	}
	stmts := append([]vector.Stmt(nil), rhs.Pre...)
	for i, v := range rhs.Vars {
		stmts = append(stmts, vector.Stmt{Target: derivPrefix + v.Name, Value: rhs.Exprs[i]})
	}
	prog, err := vector.Compile(stmts, res, vector.Options{Funcs: funcs, File: "<equations>", Src: src})
	if err != nil {
		return nil, err
	}
	e.prog = prog
	e.fast = newScalarProg(prog, n)
	e.ctx = &vecvm.Context{Scalars: make([]float64, 2*n+1), Threads: 1}
	return e, nil
}

// eval implements rhsFunc.
func (e *eqRHS) eval(t float64, y, out []float64) error {
	if e.fast != nil {
		e.fast.eval(t, y, out)
		return nil
	}
	s := e.ctx.Scalars
	copy(s, y)
	s[e.n] = t
	if err := vecvm.Run(e.prog, e.ctx, 1); err != nil {
		return err
	}
	copy(out, s[e.n+1:])
	return nil
}

// external converts a script value to a model external (number,
// quantity or one-element array).
func external(v runtime.Value) (model.External, bool) {
	if x, d, ok := scalarOf(v); ok {
		return model.External{Value: x, Dim: d}, true
	}
	if f, ok := v.Obj().(vector.Func); ok {
		return model.External{Func: f}, true
	}
	return model.External{}, false
}

// namespaceOf resolves equation names from a dict (namespace=/params=)
// or, without one, from the calling script's variables; units and
// predeclared constants are always visible.
func namespaceOf(th *runtime.Thread, d runtime.Value) (model.Namespace, error) {
	if d.IsValid() && !d.IsNone() {
		dict, ok := d.Obj().(*runtime.Dict)
		if !ok {
			return nil, runtime.Errorf("solve_ivp: namespace must be a dict, not %s", runtime.TypeName(d))
		}
		m := map[string]model.External{}
		for _, k := range dict.Keys() {
			name, ok := runtime.AsString(k)
			if !ok {
				return nil, runtime.Errorf("solve_ivp: namespace keys must be strings, not %s", runtime.TypeName(k))
			}
			v, _, _ := dict.Get(k)
			x, ok := external(v)
			if !ok {
				return nil, runtime.Errorf("solve_ivp: namespace entry '%s' must be a number or a quantity, not %s", name, runtime.TypeName(v))
			}
			m[name] = x
		}
		return func(name string) (model.External, bool) {
			if x, ok := m[name]; ok {
				return x, true
			}
			if v, ok := runtime.LookupPredeclared(name); ok {
				return external(v)
			}
			return model.External{}, false
		}, nil
	}
	return func(name string) (model.External, bool) {
		v, ok := runtime.CallerLookup(th, name)
		if !ok {
			return model.External{}, false
		}
		return external(v)
	}, nil
}

// eqState reads y0 for equations: a dict by variable name, or a
// sequence in the order the equations define the variables; units must
// match the equations'.
func (e *eqRHS) eqState(v runtime.Value) ([]float64, error) {
	y := make([]float64, e.n)
	if dict, ok := v.Obj().(*runtime.Dict); ok {
		for i, name := range e.names {
			x, found, _ := dict.Get(runtime.MakeStr(name))
			if !found {
				return nil, runtime.Errorf("solve_ivp: y0 has no initial value for '%s'", name)
			}
			f, d, ok := scalarOf(x)
			if !ok {
				return nil, runtime.Errorf("solve_ivp: y0['%s'] must be a number, not %s", name, runtime.TypeName(x))
			}
			if d != e.dims[i] && !(d.IsDimensionless() && f == 0) {
				return nil, runtime.Errorf("solve_ivp: y0['%s'] has units of %s, but %s is in %s", name, array.DimName(d), name, array.DimName(e.dims[i]))
			}
			y[i] = f
		}
		if dict.Len() != e.n {
			for _, k := range dict.Keys() {
				s, _ := runtime.AsString(k)
				known := false
				for _, name := range e.names {
					known = known || name == s
				}
				if !known {
					return nil, runtime.Errorf("solve_ivp: y0 names '%s', which is not a state variable of the equations%s", s, runtime.Suggest(s, e.names))
				}
			}
		}
		return y, nil
	}
	xs, ds, err := readState("solve_ivp", v)
	if err != nil {
		return nil, err
	}
	if len(xs) != e.n {
		return nil, runtime.Errorf("solve_ivp: y0 has %d values, but the equations define %d state variables (%v)", len(xs), e.n, e.names)
	}
	for i := range xs {
		if ds[i] != e.dims[i] && !(ds[i].IsDimensionless() && (xs[i] == 0 || e.dims[i].IsDimensionless())) {
			return nil, runtime.Errorf("solve_ivp: y0[%d] has units of %s, but %s is in %s", i, array.DimName(ds[i]), e.names[i], array.DimName(e.dims[i]))
		}
	}
	return xs, nil
}
