package engine

import (
	"fmt"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

// scriptContext returns a context for code run from a script (between
// runs), with the clock's current time and a random stream of its own.
func (g *NeuronGroup) scriptContext() vecvm.Context {
	ctx := g.newContext()
	g.assignments++
	ctx.Seed = mix(g.Seed, uint64(g.assignments))
	return ctx
}

// mix combines two seeds (splitmix64 finaliser).
func mix(a, b uint64) uint64 {
	z := a ^ (b+0x9e3779b97f4a7c15)*0xbf58476d1ce4e5b9
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// ExecCode runs statements ("v = vr + rand()*(vt - vr)") on the elements
// idx (all elements when idx is nil) with external names from ns.
// start is the first element of the subgroup the code runs for (its `i`
// counts from there).
func (g *NeuronGroup) ExecCode(code string, ns model.Namespace, idx []int32, start int) error {
	ns = Layered(g.namespace, ns)
	stmts, err := model.CompileAssign(g.Eqs, code, ns, Specials())
	if err != nil {
		return err
	}
	ctx := g.scriptContext()
	prog, err := vector.Compile(stmts, writable(g.resolver(ns, -start), g.vars), options(ns))
	if err != nil {
		return err
	}
	if idx == nil {
		err = vecvm.Run(prog, &ctx, g.N)
	} else if len(idx) > 0 {
		err = vecvm.RunIndices(prog, &ctx, idx)
	}
	g.storeScalars(&ctx)
	return err
}

// EvalExpr evaluates an expression for the elements start..stop-1 and
// returns the values (SI) and the expression's dimension.
func (g *NeuronGroup) EvalExpr(expr string, ns model.Namespace, start, stop int) ([]float64, units.Dim, error) {
	ns = Layered(g.namespace, ns)
	x, dim, err := model.ExprDim(g.Eqs, expr, ns, Specials())
	if err != nil {
		return nil, dim, err
	}
	out, err := g.evalCompiled(x, ns, start, stop)
	return out, dim, err
}

// WhereCond returns the elements in start..stop-1 where the boolean
// condition holds, ascending.
func (g *NeuronGroup) WhereCond(cond string, ns model.Namespace, start, stop int) ([]int32, error) {
	ns = Layered(g.namespace, ns)
	x, err := model.CompileCondition(g.Eqs, cond, ns, Specials())
	if err != nil {
		return nil, err
	}
	vals, err := g.evalCompiled(x, ns, start, stop)
	if err != nil {
		return nil, err
	}
	var idx []int32
	for k, v := range vals {
		if v != 0 {
			idx = append(idx, int32(start+k))
		}
	}
	return idx, nil
}

func (g *NeuronGroup) evalCompiled(x exprNode, ns model.Namespace, start, stop int) ([]float64, error) {
	if start < 0 || stop > g.N || start > stop {
		return nil, fmt.Errorf("element range %d:%d out of bounds for a group of %d", start, stop, g.N)
	}
	ctx := g.scriptContext() // before compiling: it sets the symbols of linked variables
	prog, err := vector.CompileExpr(x, g.resolver(ns, -start), options(ns))
	if err != nil {
		return nil, err
	}
	out := make([]float64, g.N)
	if err := vecvm.Eval(prog, &ctx, g.N, out); err != nil {
		return nil, err
	}
	return out[start:stop], nil
}

// writable lets script code (between runs) write variables flagged
// (constant): the flag only forbids changes during a run.
func writable(res vector.Resolver, vars map[string]*Var) vector.Resolver {
	return func(name string) (vector.Symbol, bool) {
		sym, ok := res(name)
		if v, own := vars[name]; ok && own && v.Constant {
			sym.ReadOnly = false
		}
		return sym, ok
	}
}
