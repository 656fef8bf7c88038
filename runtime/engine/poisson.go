package engine

import (
	"fmt"
	"math"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

// PoissonInput is Brian2's PoissonInput: every time step, each neuron of
// the target receives a binomial number of events from N independent
// Poisson inputs of the given rate, each adding weight to a variable.
// As in Brian2, the binomial is approximated by a normal distribution
// when N*p > 5 and N*(1-p) > 5 (p = rate*dt), and drawn by inversion
// otherwise.
type PoissonInput struct {
	name   string
	Target Source
	Var    string
	N      int64
	Rate   float64
	// Weight is a string expression evaluated for the target, or empty
	// when WeightValue is used.
	Weight      string
	WeightValue float64
	When        string
	Order       int
	// Seed is the base of the input's random streams.
	Seed uint64

	dt      float64
	prog    *vector.Program
	wbuf    []float64
	storeDt float64
}

// NewPoissonInput checks the target variable and the weight's unit
// (weightDim is the unit of WeightValue; ignored for expressions, checked
// at run time).
func NewPoissonInput(name string, target Source, varName string, n int64, rate float64, weight string, weightValue float64, weightDim units.Dim) (*PoissonInput, error) {
	if n < 1 {
		return nil, fmt.Errorf("N has to be an integer >= 1, got %d", n)
	}
	if rate < 0 {
		return nil, fmt.Errorf("the rate cannot be negative, got %s", units.Format(rate, secondDim.Inv()))
	}
	v, ok := target.G.vars[varName]
	if !ok {
		return nil, fmt.Errorf("%s is not a variable of %s", varName, target.G.name)
	}
	if weight == "" && v.Dim != weightDim && weightValue != 0 {
		return nil, fmt.Errorf("the provided weight does not have the same unit as the target variable '%s' (%s vs %s)", varName, units.DimName(weightDim), units.DimName(v.Dim))
	}
	return &PoissonInput{name: name, Target: target, Var: varName, N: n, Rate: rate, Weight: weight,
		WeightValue: weightValue, When: "synapses", storeDt: target.G.Clock.Dt()}, nil
}

// Name returns the input's name.
func (p *PoissonInput) Name() string { return p.name }

// Prepare compiles a weight expression.
func (p *PoissonInput) Prepare(rc *RunContext) error {
	g := p.Target.G
	if g.Clock.Dt() != p.storeDt {
		return fmt.Errorf("the dt used for simulating %s changed after the PoissonInput source was created", g.name)
	}
	p.dt = g.Clock.Dt()
	p.prog = nil
	if p.Weight == "" {
		return nil
	}
	ns := Layered(g.namespace, rc.Namespace)
	x, dim, err := model.ExprDim(g.Eqs, p.Weight, ns, Specials())
	if err != nil {
		return err
	}
	if v := g.vars[p.Var]; dim != v.Dim {
		return fmt.Errorf("the weight '%s' of %s has units of %s, but the target variable '%s' has units of %s", p.Weight, p.name, units.DimName(dim), p.Var, units.DimName(v.Dim))
	}
	if p.prog, err = vector.CompileExpr(x, g.resolver(ns, 0), options(ns)); err != nil {
		return err
	}
	if len(p.wbuf) != g.N {
		p.wbuf = make([]float64, g.N)
	}
	return nil
}

// Ops returns the input's operation (synapses slot by default).
func (p *PoissonInput) Ops() []*Op {
	return []*Op{{Name: p.name, When: p.When, Order: p.Order, Clock: p.Target.G.Clock, Run: p.step, Active: true}}
}

func (p *PoissonInput) step() error {
	g := p.Target.G
	data := g.vars[p.Var].Data
	if p.prog != nil {
		g.setTime(&g.ctx)
		if err := vecvm.Eval(p.prog, &g.ctx, g.N, p.wbuf); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	b := newBinomial(p.N, p.Rate*p.dt)
	key := mix(p.Seed, uint64(g.Clock.Step))
	for k := p.Target.Start; k < p.Target.Stop; k++ {
		r := splitRand{state: mix(key, uint64(k))}
		c := b.draw(&r)
		if c == 0 {
			continue
		}
		w := p.WeightValue
		if p.prog != nil {
			w = p.wbuf[k]
		}
		data[k] += c * w
	}
	return nil
}

// binomial draws Binomial(n, p) numbers as Brian2's BinomialFunction.
type binomial struct {
	n                int64
	normal           bool
	loc, scale       float64
	reverse          bool
	q, pp, qn, bound float64
}

func newBinomial(n int64, p float64) binomial {
	b := binomial{n: n}
	if p <= 0 {
		b.qn = 1
		return b
	}
	nf := float64(n)
	if nf*p > 5 && nf*(1-p) > 5 {
		b.normal = true
		b.loc, b.scale = nf*p, math.Sqrt(nf*p*(1-p))
		return b
	}
	b.reverse = p > 0.5
	b.pp = p
	if b.reverse {
		b.pp = 1 - p
	}
	b.q = 1 - b.pp
	b.qn = math.Exp(nf * math.Log(b.q))
	b.bound = math.Min(nf, nf*b.pp+10*math.Sqrt(nf*b.pp*b.q+1))
	return b
}

// draw returns one number (a float: the normal approximation is not
// rounded, as in Brian2).
func (b *binomial) draw(r *splitRand) float64 {
	if b.normal {
		u1 := 1 - r.float()
		u2 := r.float()
		return math.Sqrt(-2*math.Log(u1))*math.Cos(2*math.Pi*u2)*b.scale + b.loc
	}
	if b.pp == 0 {
		return 0
	}
	x := 0.0
	px := b.qn
	u := r.float()
	for u > px {
		x++
		if x > b.bound {
			x = 0
			px = b.qn
			u = r.float()
		} else {
			u -= px
			px = (float64(b.n) - x + 1) * b.pp * px / (x * b.q)
		}
	}
	if b.reverse {
		return float64(b.n) - x
	}
	return x
}
