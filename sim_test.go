package sim_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sim-lang/sim"
	"github.com/sim-lang/sim/units"
)

func TestSetGetRoundTrip(t *testing.T) {
	in := sim.New(sim.Options{})
	values := map[string]any{
		"f": 1.5, "i": int64(7), "b": true, "s": "text", "n": nil,
		"l": []any{int64(1), "two", 3.0},
		"d": map[string]any{"a": int64(1)},
		"q": sim.Q(3, "mV"),
	}
	for name, v := range values {
		if err := in.Set(name, v); err != nil {
			t.Fatalf("Set(%s): %v", name, err)
		}
	}
	for name, want := range values {
		got, err := in.Get(name)
		if err != nil {
			t.Fatalf("Get(%s): %v", name, err)
		}
		if gs, ws := fmtAny(got), fmtAny(want); gs != ws {
			t.Errorf("%s: got %s, want %s", name, gs, ws)
		}
	}
	arr := sim.Array{Shape: []int{2, 2}, Data: []float64{1, 2, 3, 4}, Dim: units.BaseDim(units.Time)}
	if err := in.Set("a", arr); err != nil {
		t.Fatal(err)
	}
	got, err := in.Eval(context.Background(), "a.sum()")
	if err != nil {
		t.Fatal(err)
	}
	if q, ok := got.(sim.Quantity); !ok || q.Value != 10 || q.Dim != units.BaseDim(units.Time) {
		t.Errorf("a.sum() = %#v, want 10 s", got)
	}
	back, _ := in.Get("a")
	if a, ok := back.(sim.Array); !ok || len(a.Shape) != 2 || a.Data[3] != 4 {
		t.Errorf("Get(a) = %#v", back)
	}
}

func fmtAny(v any) string {
	switch v := v.(type) {
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = fmtAny(e)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case map[string]any:
		var parts []string
		for k, e := range v {
			parts = append(parts, k+":"+fmtAny(e))
		}
		return "{" + strings.Join(parts, " ") + "}"
	case sim.Quantity:
		return v.String()
	}
	return strings.TrimSpace(strings.ReplaceAll(fmtSprint(v), "\n", " "))
}

func TestQuantityIn(t *testing.T) {
	q := sim.Q(3, "mV")
	if v, err := q.In("volt"); err != nil || v != 0.003 {
		t.Errorf("In(volt) = %v, %v", v, err)
	}
	if _, err := q.In("nA"); err == nil || !strings.Contains(err.Error(), "volt vs amp") {
		t.Errorf("In(nA) error = %v", err)
	}
}

func TestGetUnknownSuggests(t *testing.T) {
	in := sim.New(sim.Options{})
	in.Set("membrane", 1.0)
	_, err := in.Get("membrne")
	if err == nil || !strings.Contains(err.Error(), "did you mean 'membrane'") {
		t.Errorf("err = %v", err)
	}
}

func TestRegisterErrors(t *testing.T) {
	in := sim.New(sim.Options{})
	if err := in.Register("bad", 42); err == nil {
		t.Error("registering a non-function should fail")
	}
	in.Register("div", func(a, b float64) (float64, error) {
		if b == 0 {
			return 0, errors.New("divide by zero")
		}
		return a / b, nil
	}, "a", "b")
	_, err := in.Eval(context.Background(), "div(1, 0)")
	if err == nil || !strings.Contains(err.Error(), "div(): divide by zero") {
		t.Errorf("error = %v", err)
	}
	_, err = in.Eval(context.Background(), "div(1)")
	if err == nil || !strings.Contains(err.Error(), "missing required argument 'b'") {
		t.Errorf("error = %v", err)
	}
	v, err := in.Eval(context.Background(), "div(b=4, a=2)")
	if err != nil || v != 0.5 {
		t.Errorf("div(b=4, a=2) = %v, %v", v, err)
	}
}

func TestPanicsBecomeErrors(t *testing.T) {
	in := sim.New(sim.Options{})
	in.Register("boom", func() { panic("kaboom") })
	err := in.Exec(context.Background(), "p.sim", "boom()\n")
	if err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Errorf("err = %v", err)
	}
	// The interpreter stays usable.
	if v, err := in.Eval(context.Background(), "1 + 1"); err != nil || v != int64(2) {
		t.Errorf("after panic: %v, %v", v, err)
	}
}

func TestMaxSteps(t *testing.T) {
	in := sim.New(sim.Options{MaxSteps: 1000})
	err := in.Exec(context.Background(), "s.sim", "n = 0\nwhile True:\n    n += 1\n")
	if err == nil || !strings.Contains(err.Error(), "step") {
		t.Errorf("err = %v", err)
	}
}

func TestArgv(t *testing.T) {
	in := sim.New(sim.Options{Args: []string{"script.sim", "--fast"}})
	v, err := in.Eval(context.Background(), "argv[1]")
	if err != nil || v != "--fast" {
		t.Errorf("argv[1] = %v, %v", v, err)
	}
}
