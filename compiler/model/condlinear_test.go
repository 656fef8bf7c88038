package model

import (
	"math"
	"testing"

	"github.com/sim-lang/sim/lang"
)

// TestCondLinear checks which right-hand sides Brian2's exponential Euler
// accepts (the cases were run through brian2 2.5.1's
// get_conditionally_linear_system) and that A*x + B equals the
// expression.
func TestCondLinear(t *testing.T) {
	tests := []struct {
		src string
		ok  bool
	}{
		{"-g*0.5*(1 + tanh((v - a)/b))*(v - e) - k*n*(v - e) + c", true}, // Morris-Lecar style
		{"-v/(v + a)/b", true},
		{"-v*(v + a)**0.5/b", true},
		{"-v/b + sqrt(v + a)/b", true},
		{"-v/b + exp(v)/b", true},
		{"-v*exp(v)/b", true},
		{"-v/b + abs(v)/b", true},
		{"-(v/a)*(2/b)", true},
		{"(c - v)**1*a - n**3*v", true},
		{"a*n + c", true},      // no v: A = 0
		{"1/(v + a)/b", false}, // uses v, no term linear in it
		{"(v + a)**0.5/b", false},
		{"sqrt(v)/b", false},
		{"(a - v)**2/b", false},
		{"-v**2/b", false},
		{"exp(v)/b", false},
		{"-v/b + 1/v/b", false}, // brian2 drops the 1/v term silently
		{"-v/b + v**0.5/b", false},
	}
	env := map[string]float64{"v": 0.3, "a": 1.7, "b": 0.9, "c": -0.4, "e": 2.1, "g": 1.3, "k": 0.6, "n": 0.45}
	for _, tc := range tests {
		e, err := lang.ParseExpr(ExprFile, tc.src)
		if err != nil {
			t.Fatal(err)
		}
		a, b, ok := condLinear(e, "v")
		if ok != tc.ok {
			t.Errorf("%s: ok = %v, want %v", tc.src, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		ev := &evaluator{env: env}
		want, err1 := ev.eval(e)
		av, err2 := ev.eval(orZero(a))
		bv, err3 := ev.eval(orZero(b))
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatalf("%s: %v %v %v", tc.src, err1, err2, err3)
		}
		if got := av*env["v"] + bv; math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
			t.Errorf("%s: A*v + B = %g, want %g", tc.src, got, want)
		}
	}
}
