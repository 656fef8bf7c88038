package sidebyside

import (
	"strings"
	"testing"
)

func TestTableRatiosAndChecks(t *testing.T) {
	rs := []Runner{
		{Name: "peer", Bin: "sh", Args: []string{"-c", "echo check 42; echo elapsed 0.5"}},
		{Name: "sim", Bin: "sh", Args: []string{"-c", "echo noise; echo check 42; echo elapsed 0.25"}},
		{Name: "broken", Bin: "sh", Args: []string{"-c", "echo no timing here"}},
	}
	opt := Options{Reps: 2, CheckPrefixes: []string{"check "}}
	res := make([]Result, len(rs))
	for k, ru := range rs {
		res[k], res[k].Err = Run(ru, opt)
	}
	if res[0].Best != 0.5 || res[1].Best != 0.25 || res[1].Check != "check 42" {
		t.Fatalf("results = %+v", res)
	}
	if res[2].Err == nil || !strings.Contains(res[2].Err.Error(), "no elapsed line") {
		t.Errorf("broken runner: %v", res[2].Err)
	}
	out := Format("title", rs, res, opt)
	for _, want := range []string{"title\n", "peer/sim = 2.00x", "500.00 ms", "check 42", "broken          failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "sim/sim") {
		t.Errorf("sim must not get a ratio of its own:\n%s", out)
	}
}

func TestWallTimesAndUsage(t *testing.T) {
	r, err := Run(Runner{Name: "sim", Bin: "sh", Args: []string{"-c", "sleep 0.05"}}, Options{Wall: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Best < 0.04 || r.RSSMiB <= 0 {
		t.Errorf("wall run = %+v", r)
	}
	if _, err := Run(Runner{Bin: "sh", Args: []string{"-c", "echo bad >&2; exit 3"}}, Options{Wall: true}); err == nil || !strings.Contains(err.Error(), "bad") {
		t.Errorf("failing run: %v", err)
	}
}

func TestSeconds(t *testing.T) {
	for s, want := range map[float64]string{2.5e-5: "25.0 µs", 0.0123: "12.30 ms", 4.5: "4.500 s"} {
		if got := Seconds(s); got != want {
			t.Errorf("Seconds(%v) = %q, want %q", s, got, want)
		}
	}
}
