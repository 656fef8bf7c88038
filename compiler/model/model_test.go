package model

import (
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/units"
)

var (
	volt   = mustDim("volt")
	amp    = mustDim("amp")
	second = mustDim("second")
)

func mustDim(u string) units.Dim {
	_, d, err := units.ParseUnit(u)
	if err != nil {
		panic(err)
	}
	return d
}

// testSpecials are the names a NeuronGroup provides.
func testSpecials(refractory bool) map[string]Special {
	s := map[string]Special{
		"t": {Dim: second}, "dt": {Dim: second}, "i": {Type: vector.Int}, "N": {Type: vector.Int},
	}
	if refractory {
		s["lastspike"] = Special{Dim: second}
		s["not_refractory"] = Special{Type: vector.Bool}
	}
	return s
}

// nsOf makes a namespace of constants (value, dim).
func nsOf(vals map[string]External) Namespace {
	return func(n string) (External, bool) { x, ok := vals[n]; return x, ok }
}

func mustParse(t *testing.T, src string) *Equations {
	t.Helper()
	eqs, err := ParseEquations(src)
	if err != nil {
		t.Fatal(err)
	}
	return eqs
}

func wantErr(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one containing %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not contain %q", err.Error(), p)
		}
	}
}

func TestParseEquations(t *testing.T) {
	eqs := mustParse(t, `
		dv/dt = (I - v)/tau + w : volt (unless refractory)
		w = 2*u : volt/second
		u = v/tau : volt/second (constant over dt)
		I : volt (constant)
		flag : boolean
		count : integer (shared)
	`)
	names := []string{}
	for _, v := range eqs.Vars {
		names = append(names, v.Name)
	}
	if strings.Join(names, ",") != "v,w,u,I,flag,count" {
		t.Errorf("order %v", names)
	}
	v, _ := eqs.Lookup("v")
	if v.Kind != StateVar || v.Dim != volt || !v.HasFlag("unless refractory") || v.Line != 2 {
		t.Errorf("v = %+v", v)
	}
	if u, _ := eqs.Lookup("u"); u.Kind != SubExpr || !u.HasFlag("constant over dt") || u.Dim != volt.Div(second) {
		t.Errorf("u = %+v", u)
	}
	if f, _ := eqs.Lookup("flag"); f.Type != vector.Bool || f.Kind != Parameter {
		t.Errorf("flag = %+v", f)
	}
	if c, _ := eqs.Lookup("count"); c.Type != vector.Int || !c.HasFlag("shared") {
		t.Errorf("count = %+v", c)
	}
	if len(eqs.subOrder) != 2 || eqs.subOrder[0].Name != "u" || eqs.subOrder[1].Name != "w" {
		t.Errorf("subexpression order %v", eqs.subOrder)
	}
	if _, ok := eqs.Lookup("nope"); ok {
		t.Error("Lookup of an unknown name")
	}
}

func TestParseEquationsErrors(t *testing.T) {
	tests := []struct {
		src   string
		parts []string
	}{
		{"v : volt\nv : amp", []string{"duplicate definition of variable 'v'", "line 1"}},
		{"dt : second", []string{"'dt' has a special meaning"}},
		{"xi_1 : 1", []string{"'xi_1' has a special meaning"}},
		{"_x : 1", []string{"underscore"}},
		{"exp : 1", []string{"name of a function"}},
		{"mV : 1", []string{"name of a unit"}},
		{"v : volt (constnt)", []string{"flag 'constnt' is not allowed", "did you mean 'constant'"}},
		{"dv/dt = -v/tau : volt (constant)", []string{"flag 'constant' is not allowed for differential equations"}},
		{"v : voltt", []string{"invalid unit 'voltt'"}},
		{"v : mV", []string{"must be a base unit", "'volt'"}},
		{"n : bool", []string{"use 'boolean'"}},
		{"dn/dt = 1/second : integer", []string{"only define floating point"}},
		{"a = b : 1\nb = c : 1\nc = a : 1", []string{"cycle: a -> b -> c -> a"}},
		{"dv/dt = : volt", []string{"1:9", "unexpected ':'"}},
	}
	for _, tc := range tests {
		_, err := ParseEquations(tc.src)
		wantErr(t, err, tc.parts...)
	}
}

func TestDimensionErrors(t *testing.T) {
	ns := nsOf(map[string]External{
		"tau": {Value: 0.01, Dim: second}, "v0": {Value: 0.01, Dim: volt}, "I": {Value: 1e-9, Dim: amp},
		"k": {Value: 2},
	})
	tests := []struct {
		src   string
		parts []string
	}{
		{"dv/dt = (v0 - v)/tau + I : volt", []string{"dv/dt = (v0 - v)/tau + I : volt: cannot add volt/second and amp (in '(v0 - v)/tau + I')", "1:22"}},
		{"dv/dt = (v0 - v) : volt", []string{"right-hand side has unit volt but dv/dt needs volt/second"}},
		{"dv/dt = -vv/tau : volt", []string{"unknown name 'vv'", "did you mean 'v'"}},
		{"dv/dt = -v/tau*exp(v) : volt", []string{"exp() needs a dimensionless argument, not volt"}},
		{"dv/dt = -v/tau*expp(v/v0) : volt", []string{"unknown function 'expp'", "did you mean 'exp'"}},
		{"dv/dt = v**tau/tau : 1", []string{"the exponent must be dimensionless, not second"}},
		{"dv/dt = v0**k/tau/v0 : volt", []string{}},
		{"dv/dt = v0**(v/v0)/tau : volt", []string{"only be raised to a constant power"}},
		{"dv/dt = (v > 0.5)/tau : 1", []string{}},
		{"dv/dt = int(v > 1*mV)*v0/tau : volt", []string{}},
		{"dv/dt = (v > 1)/tau : volt", []string{"cannot compare volt and 1"}},
		{"dv/dt = sqrt(v*v0)/tau + 0 : volt", []string{}},
		{"dv/dt = clip(v, 0, v0)/tau : volt", []string{}},
		{"dv/dt = clip(v, 0, I)/tau : volt", []string{"clip() bounds"}},
		{"dv/dt = -v/tau + v0*xi/sqrt(tau) : volt", []string{}},
		{"dv/dt = -v/tau + v0*xi : volt", []string{"cannot add volt/second and"}},
		{"x = v + 1 : volt\ndv/dt = -v/tau : volt", []string{"x = v + 1 : volt: cannot add volt and 1"}},
		{"dv/dt = rand(1)/tau : 1", []string{"rand() takes 0 arguments, got 1"}},
		{"dv/dt = (v if v > 0 else 0)/tau : 1", []string{"not supported"}},
	}
	for _, tc := range tests {
		eqs := mustParse(t, tc.src)
		_, _, err := StateUpdate(eqs, "euler", ns, testSpecials(false))
		if len(tc.parts) == 0 {
			if err != nil {
				t.Errorf("%s: %v", tc.src, err)
			}
			continue
		}
		wantErr(t, err, tc.parts...)
	}
}

func TestMethodChoice(t *testing.T) {
	ns := nsOf(map[string]External{
		"tau": {Value: 0.01, Dim: second}, "sigma": {Value: 1}, "dt": {Value: 1e-4, Dim: second},
	})
	tests := []struct {
		src, method, chosen string
		parts               []string
	}{
		{"dv/dt = -v/tau : 1", "", "exact", nil},
		{"dv/dt = -v**2/tau : 1", "", "euler", nil},
		{"dv/dt = -v/tau + sigma*xi/sqrt(tau) : 1", "", "euler", nil},
		{"dv/dt = -v/tau + v*xi/sqrt(tau) : 1", "", "heun", nil},
		{"dv/dt = 1/tau : 1", "", "euler", nil},
		{"dv/dt = -v/tau : 1", "linear", "exact", nil},
		{"dv/dt = -v**2/tau : 1", "exact", "", []string{"cannot integrate dv/dt = -v**2/tau : 1 with method 'exact'", "not linear"}},
		{"dv/dt = -v/tau + sigma*xi/sqrt(tau) : 1", "exact", "", []string{"exact cannot integrate stochastic equations"}},
		{"dv/dt = -v/tau + v*xi/sqrt(tau) : 1", "euler", "", []string{"euler cannot integrate equations with multiplicative noise"}},
		{"dv/dt = -v/tau + v*xi/sqrt(tau) : 1", "milstein", "milstein", nil},
		{"dv/dt = -v/tau + sigma*xi/sqrt(tau) : 1", "rk4", "", []string{"rk4 cannot integrate stochastic"}},
		{"dv/dt = -v/tau*(1 + t/tau) : 1", "exact", "", []string{"constant over a time step", "depends on t"}},
		{"dv/dt = -v/tau + sigma*xi_a/sqrt(tau) + sigma*xi_b/sqrt(tau) : 1", "milstein", "", []string{"diagonal noise"}},
		{"dv/dt = -v/tau + sigma*xi_a/sqrt(tau) + sigma*xi_b/sqrt(tau) : 1", "heun", "heun", nil},
		{"dv/dt = -v**2/tau : 1", "exponential_euler", "", []string{"not linear in v"}},
		{"dv/dt = (w - v)/tau : 1\ndw/dt = -v**3/tau : 1", "exponential_euler", "exponential_euler", nil},
		{"dv/dt = -v/tau : 1", "rk5", "", []string{"unknown integration method 'rk5'", "did you mean 'rk"}},
		{"dv/dt = (xi*v)**2 : 1", "heun", "", []string{"noise must enter the equation additively"}},
		{"v : 1", "", "exact", nil},
	}
	for _, tc := range tests {
		eqs := mustParse(t, tc.src)
		_, chosen, err := StateUpdate(eqs, tc.method, ns, testSpecials(false))
		if tc.parts != nil {
			wantErr(t, err, tc.parts...)
			continue
		}
		if err != nil || chosen != tc.chosen {
			t.Errorf("%s (%q): chose %q, err %v; want %q", tc.src, tc.method, chosen, err, tc.chosen)
		}
	}
}

// simulate integrates from env for steps steps of dt and returns the state.
func simulate(t *testing.T, src, method string, consts map[string]float64, init map[string]float64, dt float64, steps int, withDt bool) map[string]float64 {
	t.Helper()
	ext := map[string]External{}
	for k, v := range consts {
		ext[k] = External{Value: v}
		if strings.HasPrefix(k, "tau") {
			ext[k] = External{Value: v, Dim: second}
		}
	}
	if withDt {
		ext["dt"] = External{Value: dt, Dim: second}
	}
	specials := testSpecials(true)
	for k := range specials {
		if k != "t" && k != "dt" && k != "not_refractory" {
			delete(specials, k)
		}
	}
	eqs := mustParse(t, src)
	code, _, err := StateUpdate(eqs, method, nsOf(ext), specials)
	if err != nil {
		t.Fatal(err)
	}
	ev := &evaluator{env: map[string]float64{"dt": dt, "t": 0, "not_refractory": 1}, rng: rand.New(rand.NewSource(1))}
	for k, v := range consts {
		ev.env[k] = v
	}
	for k, v := range init {
		ev.env[k] = v
	}
	for i := 0; i < steps; i++ {
		if err := ev.run(code); err != nil {
			t.Fatal(err)
		}
		ev.env["t"] = float64(i+1) * dt
	}
	return ev.env
}

func TestExactDecay(t *testing.T) {
	for _, withDt := range []bool{true, false} {
		env := simulate(t, "dv/dt = -v/tau : 1", "exact", map[string]float64{"tau": 0.01}, map[string]float64{"v": 1}, 1e-4, 1000, withDt)
		if want := math.Exp(-0.1 / 0.01); math.Abs(env["v"]-want) > 1e-12 {
			t.Errorf("withDt=%v: v = %.17g, want %.17g", withDt, env["v"], want)
		}
	}
}

// TestOrders checks each method's order on dv/dt = -v/tau + sin(t/tau)/tau
// (time-dependent, so the t substitutions matter), whose solution from
// v(0) = 0 is known in closed form.
func TestOrders(t *testing.T) {
	src := "dv/dt = -v/tau + sin(t/tau)/tau : 1"
	tau, T := 0.01, 0.02
	exact := func(t float64) float64 {
		x := t / tau
		return (math.Sin(x) - math.Cos(x) + math.Exp(-x)) / 2
	}
	tests := []struct {
		method string
		order  float64
	}{{"euler", 1}, {"rk2", 2}, {"rk4", 4}, {"heun", 1}, {"milstein", 1}, {"exponential_euler", 1}}
	for _, tc := range tests {
		var errs []float64
		for _, steps := range []int{200, 400} {
			env := simulate(t, src, tc.method, map[string]float64{"tau": tau}, map[string]float64{"v": 0}, T/float64(steps), steps, true)
			errs = append(errs, math.Abs(env["v"]-exact(T)))
		}
		ratio := math.Log2(errs[0] / errs[1])
		if math.Abs(ratio-tc.order) > 0.15 {
			t.Errorf("%s: observed order %.3f (errors %g, %g), want %g", tc.method, ratio, errs[0], errs[1], tc.order)
		}
	}
}

// TestCoupledExact integrates a CUBA-like system exactly and compares
// with its analytic solution.
func TestCoupledExact(t *testing.T) {
	src := `
		dv/dt = (ge + gi - (v - El))/taum : 1
		dge/dt = -ge/taue : 1
		dgi/dt = -gi/taui : 1
	`
	c := map[string]float64{"taum": 0.02, "taue": 0.005, "taui": 0.01, "El": -0.06}
	init := map[string]float64{"v": -0.05, "ge": 0.01, "gi": -0.02}
	T := 0.03
	env := simulate(t, src, "exact", c, init, 1e-4, 300, true)
	// v = El + A e^{-t/tm} + sum_k g_k tk/(tk - tm) (e^{-t/tk} - e^{-t/tm})
	tm := c["taum"]
	v := c["El"] + (init["v"]-c["El"])*math.Exp(-T/tm)
	for _, g := range []struct{ g0, tk float64 }{{init["ge"], c["taue"]}, {init["gi"], c["taui"]}} {
		v += g.g0 * g.tk / (g.tk - tm) * (math.Exp(-T/g.tk) - math.Exp(-T/tm))
	}
	if math.Abs(env["v"]-v) > 1e-12 || math.Abs(env["ge"]-init["ge"]*math.Exp(-T/c["taue"])) > 1e-14 {
		t.Errorf("v = %.15g want %.15g; ge = %g", env["v"], v, env["ge"])
	}
	// Without dt in the namespace the coupled system cannot be solved
	// numerically, but its coefficients are constants: it needs dt.
	eqs := mustParse(t, "dv/dt = (w - v)/tau : 1\ndw/dt = -w/tau2 : 1\ntau : second\ntau2 : second")
	_, _, err := StateUpdate(eqs, "exact", nil, testSpecials(false))
	wantErr(t, err, "coupled equations only when their coefficients are constants")
}

// TestLIFExact reproduces Brian2's spike times for the LIF model
// (threshold v > 1, reset v = 0, refractory 3 ms, dt 0.1 ms).
func TestLIFExact(t *testing.T) {
	eqs := mustParse(t, "dv/dt = (2 - v)/(10*ms) : 1 (unless refractory)")
	ns := nsOf(map[string]External{"dt": {Value: 1e-4, Dim: second}})
	code, chosen, err := StateUpdate(eqs, "", ns, testSpecials(true))
	if err != nil || chosen != "exact" {
		t.Fatal(chosen, err)
	}
	reset, err := CompileCode(eqs, "v = 0", ns, testSpecials(true))
	if err != nil {
		t.Fatal(err)
	}
	cond, err := CompileCondition(eqs, "v > 1", ns, testSpecials(true))
	if err != nil {
		t.Fatal(err)
	}
	ev := &evaluator{env: map[string]float64{"v": 0, "dt": 1e-4, "not_refractory": 1, "lastspike": -1}}
	var spikes []int
	for step := 0; step < 500; step++ {
		tnow := float64(step) * 1e-4
		// Brian2 order: refractoriness, state update, threshold, reset.
		ev.env["not_refractory"] = b2f(step-int(math.Round(ev.env["lastspike"]/1e-4)) >= 30)
		if err := ev.run(code); err != nil {
			t.Fatal(err)
		}
		if x, _ := ev.eval(cond); x != 0 && ev.env["not_refractory"] != 0 {
			spikes = append(spikes, step)
			ev.env["lastspike"] = tnow
			ev.env["not_refractory"] = 0
			if err := ev.run(reset); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := []int{69, 168, 267, 366, 465}
	if len(spikes) != len(want) {
		t.Fatalf("spikes at steps %v, want %v", spikes, want)
	}
	for i := range want {
		if spikes[i] != want[i] {
			t.Errorf("spikes at steps %v, want %v", spikes, want)
		}
	}
}

// TestRefractoryClamp checks that (unless refractory) variables do not
// change while not_refractory is false, for every method, and that other
// variables do.
func TestRefractoryClamp(t *testing.T) {
	src := "dv/dt = (1 - v)/tau : 1 (unless refractory)\ndw/dt = -w/tau : 1"
	for _, m := range []string{"exact", "euler", "rk2", "rk4", "heun", "milstein", "exponential_euler"} {
		eqs := mustParse(t, src)
		code, _, err := StateUpdate(eqs, m, nsOf(map[string]External{"tau": {Value: 0.01, Dim: second}, "dt": {Value: 1e-4, Dim: second}}), testSpecials(true))
		if err != nil {
			t.Fatal(m, err)
		}
		ev := &evaluator{env: map[string]float64{"v": 0.25, "w": 1, "dt": 1e-4, "t": 0, "tau": 0.01, "not_refractory": 0}}
		if err := ev.run(code); err != nil {
			t.Fatal(m, err)
		}
		if ev.env["v"] != 0.25 || ev.env["w"] >= 1 {
			t.Errorf("%s: refractory step gave v = %g, w = %g", m, ev.env["v"], ev.env["w"])
		}
		ev.env["not_refractory"] = 1
		if err := ev.run(code); err != nil || ev.env["v"] <= 0.25 {
			t.Errorf("%s: active step gave v = %g (%v)", m, ev.env["v"], err)
		}
	}
}

// TestOrnsteinUhlenbeck checks the stationary variance of an OU process
// integrated with euler, heun and milstein.
func TestOrnsteinUhlenbeck(t *testing.T) {
	src := "dx/dt = -x/tau + sigma*sqrt(2/tau)*xi : 1"
	for _, m := range []string{"euler", "heun", "milstein"} {
		eqs := mustParse(t, src)
		code, _, err := StateUpdate(eqs, m, nsOf(map[string]External{"tau": {Value: 0.01, Dim: second}, "sigma": {Value: 1}}), testSpecials(false))
		if err != nil {
			t.Fatal(m, err)
		}
		ev := &evaluator{env: map[string]float64{"x": 0, "dt": 1e-4, "t": 0, "tau": 0.01, "sigma": 1}, rng: rand.New(rand.NewSource(7))}
		var sum, sum2 float64
		n := 0
		for step := 0; step < 400000; step++ {
			if err := ev.run(code); err != nil {
				t.Fatal(err)
			}
			if step > 1000 && step%10 == 0 {
				x := ev.env["x"]
				sum += x
				sum2 += x * x
				n++
			}
		}
		mean := sum / float64(n)
		if v := sum2/float64(n) - mean*mean; math.Abs(v-1) > 0.1 {
			t.Errorf("%s: stationary variance %g, want 1", m, v)
		}
	}
}

func TestSubexpressions(t *testing.T) {
	// w is substituted; u (constant over dt) is computed first, from the
	// old v, and used in every stage.
	src := `
		dv/dt = w/tau : 1
		w = 2*u - v : 1
		u = k*v : 1 (constant over dt)
	`
	eqs := mustParse(t, src)
	ns := nsOf(map[string]External{"tau": {Value: 0.01, Dim: second}, "k": {Value: 0.5}})
	code, _, err := StateUpdate(eqs, "rk2", ns, testSpecials(false))
	if err != nil {
		t.Fatal(err)
	}
	if code[0].Target != "_u" || exprString(code[0].Value) != "k*v" {
		t.Errorf("first statement %s = %s", code[0].Target, exprString(code[0].Value))
	}
	got := []string{}
	for _, s := range code {
		got = append(got, s.Target+" = "+exprString(s.Value))
	}
	want := "_u = k*v; _k_v = dt*((2*_u - v)/tau); _v = v + dt*((2*_u - (v + 0.5*_k_v))/tau); v = _v"
	if strings.Join(got, "; ") != want {
		t.Errorf("code:\n%s\nwant:\n%s", strings.Join(got, "; "), want)
	}
}

func TestCompileCode(t *testing.T) {
	eqs := mustParse(t, "dv/dt = -v/tau : volt\nw : amp\nc : volt (constant)\ny = 2*v : volt")
	ns := nsOf(map[string]External{"tau": {Value: 0.01, Dim: second}, "vr": {Value: -0.07, Dim: volt}})
	code, err := CompileCode(eqs, "v = vr; w += 1*nA\nv = y + 1*mV", ns, testSpecials(false))
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, s := range code {
		got = append(got, s.Target+" "+s.Op.String()+" "+exprString(s.Value))
	}
	if strings.Join(got, "; ") != "v ? vr; w + 1*1e-09; v ? 2*v + 1*0.001" {
		t.Errorf("got %q", strings.Join(got, "; "))
	}
	tests := []struct {
		code  string
		parts []string
	}{
		{"v = 1*nA", []string{"v = 1*nA: cannot assign a value in amp to 'v', which is in volt"}},
		{"v *= 2*mV", []string{"needs a dimensionless value"}},
		{"c = 0*mV", []string{"'c': it is a constant"}},
		{"y = 0*mV", []string{"subexpression"}},
		{"vv = 0*mV", []string{"unknown variable 'vv'", "did you mean 'v'"}},
		{"t = 0*ms", []string{"read-only"}},
		{"v = vrr", []string{"unknown name 'vrr'"}},
		{"v = ", []string{"incomplete statement"}},
	}
	for _, tc := range tests {
		_, err := CompileCode(eqs, tc.code, ns, testSpecials(false))
		wantErr(t, err, tc.parts...)
	}
}

func TestConditionAndExprDim(t *testing.T) {
	eqs := mustParse(t, "dv/dt = -v/tau : volt")
	ns := nsOf(map[string]External{"tau": {Value: 0.01, Dim: second}, "Vr": {Value: -0.07, Dim: volt}, "Vt": {Value: -0.05, Dim: volt}})
	if _, err := CompileCondition(eqs, "v > Vt and not_refractory", ns, testSpecials(true)); err != nil {
		t.Error(err)
	}
	_, err := CompileCondition(eqs, "v - Vt", ns, testSpecials(false))
	wantErr(t, err, "must be boolean", "volt")
	_, err = CompileCondition(eqs, "v > 1", ns, testSpecials(false))
	wantErr(t, err, "cannot compare volt and 1")
	e, d, err := ExprDim(eqs, "Vr + rand()*(Vt - Vr)", ns, testSpecials(false))
	if err != nil || d != volt || exprString(e) != "Vr + rand()*(Vt - Vr)" {
		t.Errorf("%v %v %v", e, d, err)
	}
	_, d, err = ExprDim(eqs, "timestep(t, dt) + i", ns, testSpecials(false))
	if err != nil || !d.IsDimensionless() {
		t.Errorf("%v %v", d, err)
	}
}

func TestEventDrivenDependencies(t *testing.T) {
	cases := []struct{ src, err string }{
		{"dx/dt = -x/(5*ms) : 1 (clock-driven)\ndy/dt = (x - y)/(5*ms) : 1 (event-driven)",
			"the event-driven 'y' should not depend on the clock-driven variable 'x'"},
		{"dx/dt = (y - x)/(5*ms) : 1 (clock-driven)\ndy/dt = -y/(5*ms) : 1 (event-driven)",
			"the clock-driven 'x' should not depend on the event-driven variable 'y'"},
		{"dx/dt = (s - x)/(5*ms) : 1 (clock-driven)\ns = 2*r : 1\nr = y + 1 : 1\ndy/dt = -y/(5*ms) : 1 (event-driven)",
			"the clock-driven 'x' should not depend on the event-driven variable 'y' (via 's', 'r')"},
		{"I_post = y : 1 (summed)\ndy/dt = -y/(5*ms) : 1 (event-driven)",
			"the summed 'I_post' should not depend on the event-driven variable 'y'"},
		{"dx/dt = -x/(5*ms) : 1\ndy/dt = (x - y)/(5*ms) : 1 (event-driven)",
			"the event-driven 'y' should not depend on the clock-driven variable 'x'"},
		// Brian2 reports z: x is checked before z's dependencies are known
		{"dx/dt = (z - x)/(5*ms) : 1 (clock-driven)\ndz/dt = (y-z)/(5*ms) : 1 (clock-driven)\ndy/dt = -y/(5*ms) : 1 (event-driven)",
			"the clock-driven 'z' should not depend on the event-driven variable 'y'"},
		{"dx/dt = (I_post - x)/(5*ms) : 1 (clock-driven)\nI_post = y : 1 (summed)\ndy/dt = -y/(5*ms) : 1 (event-driven)",
			"the summed 'I_post' should not depend on the event-driven variable 'y'"},
		{"dy/dt = (I_post-y)/(5*ms) : 1 (event-driven)\nI_post = w : 1 (summed)\nw : 1", ""},
		{"dapre/dt = -apre/taupre : 1 (event-driven)\ndapost/dt = -apost/taupost : 1 (event-driven)\nw : 1\ndg/dt = -g/taug : 1 (clock-driven)", ""},
		{"u = v*2 : 1\ndv/dt = -u/ms : 1 (event-driven)\ndx/dt = (w - x)/ms : 1 (clock-driven)\nw = 3 : 1", ""},
	}
	for _, c := range cases {
		eqs, err := ParseEquations(c.src)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		err = eqs.CheckEventDriven()
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%q: unexpected error %v", c.src, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: got %v, want %q", c.src, err, c.err)
		}
	}
	eqs, _ := ParseEquations("dx/dt = (s - x)/(5*ms) : 1\ns = 2*r + w : 1\nr = y + 1 : 1\ndy/dt = -y/(5*ms) : 1\nw : 1")
	if got := describeDeps(eqs.dependencies()["x"]); got != "r(via s) s w(via s) x y(via s,r)" {
		t.Errorf("dependencies of x: %s", got)
	}
}
