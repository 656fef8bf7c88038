package units

import (
	"math"
	"sort"
	"testing"
)

var (
	dVolt    = dim(2, 1, -3, -1)
	dAmp     = dim(0, 0, 0, 1)
	dSiemens = dim(-2, -1, 3, 2)
	dFarad   = dim(-2, -1, 4, 2)
	dSecond  = dim(0, 0, 1)
	dMetre   = dim(1)
	dMass    = dim(0, 1)
	dMolar   = dim(-3, 0, 0, 0, 0, 1)
)

func closeRel(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}

func TestLookupTable(t *testing.T) {
	cases := []struct {
		name  string
		scale float64
		d     Dim
	}{
		// base units, both spellings, several prefixes
		{"metre", 1, dMetre}, {"meter", 1, dMetre}, {"m", 1, dMetre},
		{"cmetre", 1e-2, dMetre}, {"umeter", 1e-6, dMetre}, {"kmetre", 1e3, dMetre},
		{"cm", 1e-2, dMetre}, {"mm", 1e-3, dMetre}, {"um", 1e-6, dMetre}, {"nm", 1e-9, dMetre},
		{"dam", 10, dMetre}, {"dametre", 10, dMetre}, {"micrometre", 1e-6, dMetre},
		{"kilogram", 1, dMass}, {"kg", 1, dMass}, {"kgram", 1, dMass}, {"gram", 1e-3, dMass},
		{"g", 1e-3, dMass}, {"mg", 1e-6, dMass}, {"ugram", 1e-9, dMass}, {"gramme", 1e-3, dMass},
		{"mkilogram", 1e-3, dMass}, {"kilogramme", 1, dMass},
		{"second", 1, dSecond}, {"s", 1, dSecond}, {"ms", 1e-3, dSecond}, {"msecond", 1e-3, dSecond},
		{"us", 1e-6, dSecond}, {"usecond", 1e-6, dSecond}, {"ns", 1e-9, dSecond}, {"millisecond", 1e-3, dSecond},
		{"amp", 1, dAmp}, {"ampere", 1, dAmp}, {"A", 1, dAmp}, {"nA", 1e-9, dAmp}, {"pA", 1e-12, dAmp},
		{"namp", 1e-9, dAmp}, {"uampere", 1e-6, dAmp}, {"damp", 0.1, dAmp}, {"daamp", 10, dAmp},
		{"kelvin", 1, dim(0, 0, 0, 0, 1)}, {"K", 1, dim(0, 0, 0, 0, 1)}, {"mK", 1e-3, dim(0, 0, 0, 0, 1)},
		{"mole", 1, dim(0, 0, 0, 0, 0, 1)}, {"mol", 1, dim(0, 0, 0, 0, 0, 1)}, {"mmol", 1e-3, dim(0, 0, 0, 0, 0, 1)},
		{"umole", 1e-6, dim(0, 0, 0, 0, 0, 1)},
		{"candle", 1, dim(0, 0, 0, 0, 0, 0, 1)}, {"candela", 1, dim(0, 0, 0, 0, 0, 0, 1)}, {"cd", 1, dim(0, 0, 0, 0, 0, 0, 1)},
		// derived units
		{"hertz", 1, dim(0, 0, -1)}, {"Hz", 1, dim(0, 0, -1)}, {"kHz", 1e3, dim(0, 0, -1)}, {"MHz", 1e6, dim(0, 0, -1)},
		{"khertz", 1e3, dim(0, 0, -1)},
		{"newton", 1, dim(1, 1, -2)}, {"N", 1, dim(1, 1, -2)}, {"kN", 1e3, dim(1, 1, -2)},
		{"pascal", 1, dim(-1, 1, -2)}, {"Pa", 1, dim(-1, 1, -2)}, {"kPa", 1e3, dim(-1, 1, -2)}, {"hPa", 100, dim(-1, 1, -2)},
		{"joule", 1, dim(2, 1, -2)}, {"J", 1, dim(2, 1, -2)}, {"mJ", 1e-3, dim(2, 1, -2)},
		{"watt", 1, dim(2, 1, -3)}, {"W", 1, dim(2, 1, -3)}, {"mwatt", 1e-3, dim(2, 1, -3)},
		{"coulomb", 1, dim(0, 0, 1, 1)}, {"C", 1, dim(0, 0, 1, 1)}, {"nC", 1e-9, dim(0, 0, 1, 1)},
		{"volt", 1, dVolt}, {"V", 1, dVolt}, {"mV", 1e-3, dVolt}, {"mvolt", 1e-3, dVolt}, {"uV", 1e-6, dVolt},
		{"kvolt", 1e3, dVolt}, {"millivolt", 1e-3, dVolt},
		{"farad", 1, dFarad}, {"F", 1, dFarad}, {"pF", 1e-12, dFarad}, {"pfarad", 1e-12, dFarad}, {"uF", 1e-6, dFarad},
		{"ohm", 1, dim(2, 1, -3, -2)}, {"kohm", 1e3, dim(2, 1, -3, -2)}, {"Mohm", 1e6, dim(2, 1, -3, -2)},
		{"megaohm", 1e6, dim(2, 1, -3, -2)},
		{"siemens", 1, dSiemens}, {"S", 1, dSiemens}, {"nS", 1e-9, dSiemens}, {"nsiemens", 1e-9, dSiemens},
		{"mS", 1e-3, dSiemens}, {"usiemens", 1e-6, dSiemens},
		{"weber", 1, dim(2, 1, -2, -1)}, {"Wb", 1, dim(2, 1, -2, -1)}, {"mWb", 1e-3, dim(2, 1, -2, -1)},
		{"tesla", 1, dim(0, 1, -2, -1)}, {"T", 1, dim(0, 1, -2, -1)}, {"mT", 1e-3, dim(0, 1, -2, -1)},
		{"henry", 1, dim(2, 1, -2, -2)}, {"H", 1, dim(2, 1, -2, -2)}, {"mH", 1e-3, dim(2, 1, -2, -2)},
		{"lumen", 1, dim(0, 0, 0, 0, 0, 0, 1)}, {"lm", 1, dim(0, 0, 0, 0, 0, 0, 1)},
		{"lux", 1, dim(-2, 0, 0, 0, 0, 0, 1)}, {"lx", 1, dim(-2, 0, 0, 0, 0, 0, 1)}, {"klux", 1e3, dim(-2, 0, 0, 0, 0, 0, 1)},
		{"becquerel", 1, dim(0, 0, -1)}, {"Bq", 1, dim(0, 0, -1)}, {"kBq", 1e3, dim(0, 0, -1)},
		{"gray", 1, dim(2, 0, -2)}, {"Gy", 1, dim(2, 0, -2)}, {"mGy", 1e-3, dim(2, 0, -2)},
		{"sievert", 1, dim(2, 0, -2)}, {"Sv", 1, dim(2, 0, -2)}, {"uSv", 1e-6, dim(2, 0, -2)},
		{"katal", 1, dim(0, 0, -1, 0, 0, 1)}, {"kat", 1, dim(0, 0, -1, 0, 0, 1)}, {"nkat", 1e-9, dim(0, 0, -1, 0, 0, 1)},
		{"liter", 1e-3, dim(3)}, {"litre", 1e-3, dim(3)}, {"l", 1e-3, dim(3)}, {"L", 1e-3, dim(3)},
		{"ml", 1e-6, dim(3)}, {"mL", 1e-6, dim(3)}, {"uliter", 1e-9, dim(3)},
		{"molar", 1e3, dMolar}, {"M", 1e3, dMolar}, {"mM", 1, dMolar}, {"uM", 1e-3, dMolar}, {"nM", 1e-6, dMolar},
		{"mmolar", 1, dMolar}, {"umolar", 1e-3, dMolar},
		{"radian", 1, Dim{}}, {"mrad", 1e-3, Dim{}}, {"steradian", 1, Dim{}},
		// extreme prefixes
		{"yV", 1e-24, dVolt}, {"zV", 1e-21, dVolt}, {"aV", 1e-18, dVolt}, {"fV", 1e-15, dVolt},
		{"GV", 1e9, dVolt}, {"TV", 1e12, dVolt}, {"PV", 1e15, dVolt}, {"EV", 1e18, dVolt},
		{"ZV", 1e21, dVolt}, {"YV", 1e24, dVolt}, {"yoctovolt", 1e-24, dVolt}, {"yottavolt", 1e24, dVolt},
		{"cvolt", 1e-2, dVolt}, {"dvolt", 0.1, dVolt}, {"davolt", 10, dVolt}, {"hvolt", 100, dVolt},
		// powers, as Brian2 spells them
		{"metre2", 1, dim(2)}, {"meter3", 1, dim(3)}, {"cm2", 1e-4, dim(2)}, {"cm3", 1e-6, dim(3)},
		{"mm2", 1e-6, dim(2)}, {"um2", 1e-12, dim(2)}, {"um3", 1e-18, dim(3)}, {"umetre2", 1e-12, dim(2)},
		{"msecond3", 1e-9, dim(0, 0, 3)}, {"second2", 1, dim(0, 0, 2)}, {"kohm2", 1e6, dim(4, 2, -6, -4)},
		{"mvolt2", 1e-6, dVolt.Pow(R(2, 1))},
	}
	for _, c := range cases {
		s, d, ok := Lookup(c.name)
		if !ok {
			t.Errorf("Lookup(%q) not found", c.name)
			continue
		}
		if !closeRel(s, c.scale) || d != c.d {
			t.Errorf("Lookup(%q) = %g %v, want %g %v", c.name, s, d, c.scale, c.d)
		}
	}
}

func TestLookupRejects(t *testing.T) {
	for _, n := range []string{"", "x", "volts", "mVV", "kkg", "mkg", "kg2", "mV2", "Hz3", "millimV",
		"pi", "e", "celsius", "mmm", "2", "dada", "ddm", "microm"} {
		if s, d, ok := Lookup(n); ok {
			t.Errorf("Lookup(%q) = %g %v, want not found", n, s, d)
		}
	}
}

func TestNames(t *testing.T) {
	names := Names()
	if !sort.StringsAreSorted(names) {
		t.Fatal("Names() not sorted")
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Errorf("duplicate name %q", n)
		}
		seen[n] = true
		if _, _, ok := Lookup(n); !ok {
			t.Errorf("Names() lists %q but Lookup fails", n)
		}
	}
	// Brian2's allunits + stdunits spellings.
	for _, n := range []string{"mV", "mA", "uA", "nA", "pA", "pF", "uF", "nF", "nS", "uS", "mS", "ms", "us",
		"Hz", "kHz", "MHz", "cm", "cm2", "cm3", "mm", "mm2", "mm3", "um", "um2", "um3", "mM", "uM", "nM",
		"metre", "meter", "kgram", "kgramme", "kilogram", "dametre2", "Ykatal3", "mmolar", "molar2",
		"mol", "namp", "nampere", "Mohm", "klitre", "psiemens", "ufarad", "candle"} {
		if !seen[n] {
			t.Errorf("Names() lacks %q", n)
		}
	}
	if seen["millivolt"] {
		t.Error("Names() should not list long-prefix spellings")
	}
	names[0] = "changed"
	if Names()[0] == "changed" {
		t.Error("Names() returns its internal slice")
	}
}

func TestSuggest(t *testing.T) {
	cases := map[string]string{"mVV": "mV", "mv": "mV", "nsiemen": "nsiemens", "msec": "ms",
		"secnd": "second", "voltt": "volt", "x": "", "mV": ""}
	for in, want := range cases {
		if got := Suggest(in); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}
