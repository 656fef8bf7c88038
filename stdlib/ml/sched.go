package ml

import (
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// Learning-rate schedules are plain functions of the step (PyTorch's
// formulas): calling one with a step (or an array of steps) returns the
// learning rate; OneCycle also has .momentum(step).

var (
	_ = def("StepLR", newStepLR, "optim")
	_ = def("CosineAnnealing", newCosine, "optim")
	_ = def("CosineAnnealingLR", newCosine, "optim")
	_ = def("OneCycle", newOneCycle, "optim")
	_ = def("OneCycleLR", newOneCycle, "optim")
)

// Schedule is a learning-rate schedule: a callable of the step.
type Schedule struct {
	name string
	lr   func(t float64) float64
	mom  func(t float64) float64
}

// Type implements runtime.Object.
func (s *Schedule) Type() string { return "Schedule" }

// String implements runtime.Object.
func (s *Schedule) String() string { return "<schedule " + s.name + ">" }

// Truth implements runtime.Object.
func (s *Schedule) Truth() (bool, error) { return true, nil }

// Name implements runtime.Callable.
func (s *Schedule) Name() string { return s.name }

// Call implements runtime.Callable: the learning rate at a step.
func (s *Schedule) Call(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var t runtime.Value
	if err := runtime.UnpackArgs(s.name, args, kwargs, "step", &t); err != nil {
		return runtime.Value{}, err
	}
	return mapSteps(s.name, t, s.lr)
}

func mapSteps(name string, t runtime.Value, f func(float64) float64) (runtime.Value, error) {
	if x, ok := t.ToFloat(); ok && t.Kind() != runtime.ObjKind {
		return runtime.MakeFloat(f(x)), nil
	}
	a, err := array.From(t)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%s: step must be a number or an array of numbers", name)
	}
	return array.Value(array.MapFloat(a, f, units.Dim{})), nil
}

// Attr implements runtime.HasAttrs: momentum(step) where the schedule
// cycles momentum.
func (s *Schedule) Attr(name string) (runtime.Value, error) {
	if name == "momentum" && s.mom != nil {
		return runtime.NewBuiltin("momentum", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			var t runtime.Value
			if err := runtime.UnpackArgs("momentum", args, kwargs, "step", &t); err != nil {
				return runtime.Value{}, err
			}
			return mapSteps("momentum", t, s.mom)
		}), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (s *Schedule) AttrNames() []string {
	if s.mom != nil {
		return []string{"momentum"}
	}
	return nil
}

func newStepLR(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var lr, gamma float64 = 0, 0.1
	var size int
	if err := runtime.UnpackArgs("StepLR", args, kwargs, "lr", &lr, "step_size", &size, "gamma?", &gamma); err != nil {
		return runtime.Value{}, err
	}
	if size < 1 {
		return runtime.Value{}, runtime.Errorf("StepLR: step_size must be >= 1, got %d", size)
	}
	return runtime.MakeObj(&Schedule{name: "StepLR", lr: func(t float64) float64 {
		return lr * math.Pow(gamma, math.Floor(t/float64(size)))
	}}), nil
}

func newCosine(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var lr, T, etaMin float64
	if err := runtime.UnpackArgs("CosineAnnealing", args, kwargs, "lr", &lr, "T_max", &T, "eta_min?", &etaMin); err != nil {
		return runtime.Value{}, err
	}
	if T <= 0 {
		return runtime.Value{}, runtime.Errorf("CosineAnnealing: T_max must be positive, got %g", T)
	}
	return runtime.MakeObj(&Schedule{name: "CosineAnnealing", lr: func(t float64) float64 {
		return etaMin + 0.5*(lr-etaMin)*(1+math.Cos(math.Pi*t/T))
	}}), nil
}

func newOneCycle(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var maxLR float64
	var total int
	pct, div, finalDiv, baseM, maxM := 0.3, 25.0, 1e4, 0.85, 0.95
	strategy := "cos"
	threePhase := false
	if err := runtime.UnpackArgs("OneCycle", args, kwargs, "max_lr", &maxLR, "total_steps", &total,
		"pct_start?", &pct, "anneal_strategy?", &strategy, "div_factor?", &div, "final_div_factor?", &finalDiv,
		"base_momentum?", &baseM, "max_momentum?", &maxM, "three_phase?", &threePhase); err != nil {
		return runtime.Value{}, err
	}
	if total < 2 || pct <= 0 || pct >= 1 {
		return runtime.Value{}, runtime.Errorf("OneCycle: total_steps must be >= 2 and pct_start in (0, 1)")
	}
	anneal := func(a, b, p float64) float64 { return b + (a-b)/2*(math.Cos(math.Pi*p)+1) }
	switch strategy {
	case "cos":
	case "linear":
		anneal = func(a, b, p float64) float64 { return (b-a)*p + a }
	default:
		return runtime.Value{}, runtime.Errorf("OneCycle: anneal_strategy must be 'cos' or 'linear', got '%s'", strategy)
	}
	initLR := maxLR / div
	minLR := initLR / finalDiv
	type phase struct{ end, lr0, lr1, m0, m1 float64 }
	T := float64(total)
	phases := []phase{{pct*T - 1, initLR, maxLR, maxM, baseM}, {T - 1, maxLR, minLR, baseM, maxM}}
	if threePhase {
		phases = []phase{{pct*T - 1, initLR, maxLR, maxM, baseM}, {2*pct*T - 2, maxLR, initLR, baseM, maxM}, {T - 1, initLR, minLR, maxM, maxM}}
	}
	at := func(t float64, mom bool) float64 {
		start := 0.0
		for i, ph := range phases {
			if t <= ph.end || i == len(phases)-1 {
				p := (t - start) / (ph.end - start)
				if mom {
					return anneal(ph.m0, ph.m1, p)
				}
				return anneal(ph.lr0, ph.lr1, p)
			}
			start = ph.end
		}
		return 0
	}
	return runtime.MakeObj(&Schedule{name: "OneCycle",
		lr:  func(t float64) float64 { return at(t, false) },
		mom: func(t float64) float64 { return at(t, true) }}), nil
}
