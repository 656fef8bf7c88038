package units

import (
	"strings"
	"testing"
)

func TestParseUnit(t *testing.T) {
	cases := []struct {
		expr  string
		scale float64
		d     Dim
	}{
		{"mV", 1e-3, dVolt},
		{"1", 1, Dimensionless},
		{"volt/second", 1, dim(2, 1, -4, -1)},
		{"siemens/meter**2", 1, dim(-4, -1, 3, 2)},
		{"mV*ms**-1", 1, dim(2, 1, -4, -1)},
		{"(nS*mV)", 1e-12, dAmp},
		{"Hz", 1, dim(0, 0, -1)},
		{"second**-0.5", 1, dSecond.Pow(R(-1, 2))},
		{"second ** (-1/2)", 1, dSecond.Pow(R(-1, 2))},
		{"1/second", 1, dim(0, 0, -1)},
		{"uF/cm**2", 1e-2, dim(-4, -1, 4, 2)},
		{"mS/cm2", 10, dim(-4, -1, 3, 2)},
		{"mM", 1, dMolar},
		{"metre^2", 1, dim(2)},
		{"volt**0.5", 1, dVolt.Pow(R(1, 2))},
		{"1/(mV*ms)", 1e6, dim(-2, -1, 2, 1)},
		{"  ms  ", 1e-3, dSecond},
		{"2*ms", 2e-3, dSecond},
		{"amp/meter**2/second", 1, dim(-2, 0, -1, 1)},
		{"ms**(2)", 1e-6, dim(0, 0, 2)},
	}
	for _, c := range cases {
		s, d, err := ParseUnit(c.expr)
		if err != nil {
			t.Errorf("ParseUnit(%q): %v", c.expr, err)
			continue
		}
		if !closeRel(s, c.scale) || d != c.d {
			t.Errorf("ParseUnit(%q) = %g %v, want %g %v", c.expr, s, d, c.scale, c.d)
		}
	}
	// the scale is free of floating noise
	if s, _, _ := ParseUnit("nS*mV"); s != 1e-12 {
		t.Errorf("nS*mV scale = %v, want exactly 1e-12", s)
	}
}

func TestParseUnitErrors(t *testing.T) {
	cases := []struct{ expr, want string }{
		{"", "empty unit expression"},
		{"mVV", "unknown unit 'mVV' (did you mean 'mV'?)"},
		{"volt/secnd", "unknown unit 'secnd' in 'volt/secnd' (did you mean 'second'?)"},
		{"mV*", "expected a unit, found end of expression"},
		{"(mV", "expected ')'"},
		{"mV)", "unexpected ')'"},
		{"mV ms", "unexpected 'ms'"},
		{"mV**x", "expected a number"},
		{"mV**(1/0)", "division by zero"},
		{"second**0.123456", "not a simple fraction"},
		{"mV$", "unexpected character '$'"},
		{"qq", "unknown unit 'qq'"},
	}
	for _, c := range cases {
		_, _, err := ParseUnit(c.expr)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseUnit(%q) error = %v, want containing %q", c.expr, err, c.want)
		}
	}
}
