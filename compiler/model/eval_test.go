package model

import (
	"fmt"
	"math"
	"math/rand"

	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
)

// This file is a tiny scalar evaluator of abstract code for one element,
// used to check the integration methods numerically.

type evaluator struct {
	env map[string]float64
	rng *rand.Rand
}

func (ev *evaluator) run(code []vector.Stmt) error {
	for _, s := range code {
		v, err := ev.eval(s.Value)
		if err != nil {
			return err
		}
		switch s.Op {
		case lang.Illegal:
			ev.env[s.Target] = v
		case lang.Plus:
			ev.env[s.Target] += v
		case lang.Minus:
			ev.env[s.Target] -= v
		case lang.Star:
			ev.env[s.Target] *= v
		case lang.Slash:
			ev.env[s.Target] /= v
		default:
			return fmt.Errorf("op %s", s.Op)
		}
	}
	return nil
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func (ev *evaluator) eval(e lang.Expr) (float64, error) {
	switch e := e.(type) {
	case *lang.Literal:
		if v, ok := litValue(e); ok {
			return v, nil
		}
		return b2f(e.Kind == lang.TrueLit), nil
	case *lang.Ident:
		v, ok := ev.env[e.Name]
		if !ok {
			return 0, fmt.Errorf("unbound %s", e.Name)
		}
		return v, nil
	case *lang.Unary:
		x, err := ev.eval(e.X)
		switch e.Op {
		case lang.Minus:
			return -x, err
		case lang.Not:
			return b2f(x == 0), err
		}
		return x, err
	case *lang.Binary:
		x, err := ev.eval(e.X)
		if err != nil {
			return 0, err
		}
		y, err := ev.eval(e.Y)
		switch e.Op {
		case lang.Plus:
			return x + y, err
		case lang.Minus:
			return x - y, err
		case lang.Star:
			return x * y, err
		case lang.Slash:
			return x / y, err
		case lang.StarStar:
			return math.Pow(x, y), err
		case lang.And:
			return b2f(x != 0 && y != 0), err
		case lang.Or:
			return b2f(x != 0 || y != 0), err
		}
	case *lang.Compare:
		x, err := ev.eval(e.Operands[0])
		if err != nil {
			return 0, err
		}
		for i, op := range e.Ops {
			y, err := ev.eval(e.Operands[i+1])
			if err != nil {
				return 0, err
			}
			var ok bool
			switch op {
			case lang.Lt:
				ok = x < y
			case lang.Gt:
				ok = x > y
			case lang.Le:
				ok = x <= y
			case lang.Ge:
				ok = x >= y
			case lang.Eq:
				ok = x == y
			case lang.Ne:
				ok = x != y
			}
			if !ok {
				return 0, nil
			}
			x = y
		}
		return 1, nil
	case *lang.Call:
		name := e.Fn.(*lang.Ident).Name
		var args []float64
		for _, a := range e.Args {
			v, err := ev.eval(a.Value)
			if err != nil {
				return 0, err
			}
			args = append(args, v)
		}
		switch name {
		case "randn":
			return ev.rng.NormFloat64(), nil
		case "rand":
			return ev.rng.Float64(), nil
		}
		if spec := funcs[name]; spec != nil && spec.eval != nil {
			return spec.eval(args), nil
		}
		return 0, fmt.Errorf("function %s", name)
	}
	return 0, fmt.Errorf("cannot evaluate %s", lang.Dump(e))
}
