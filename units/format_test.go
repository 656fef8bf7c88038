package units

import (
	"math"
	"strings"
	"testing"
)

func TestDimArithmetic(t *testing.T) {
	sqrtVolt := dVolt.Pow(R(1, 2))
	if got := sqrtVolt.Pow(R(2, 1)); got != dVolt {
		t.Errorf("sqrt(volt)**2 = %v, want volt", got)
	}
	if got := sqrtVolt.Mul(sqrtVolt); got != dVolt {
		t.Errorf("sqrt(volt)*sqrt(volt) = %v", got)
	}
	if got, want := sqrtVolt.String(), "m kg^1/2 s^-3/2 A^-1/2"; got != want {
		t.Errorf("sqrt(volt) = %q, want %q", got, want)
	}
	xi := dSecond.Pow(R(-1, 2))
	if got := xi.String(); got != "s^-1/2" {
		t.Errorf("second**-1/2 = %q", got)
	}
	if got, ok := dSecond.PowFloat(-0.5); !ok || got != xi {
		t.Errorf("PowFloat(-0.5) = %v %v", got, ok)
	}
	if _, ok := dSecond.PowFloat(0.123456); ok {
		t.Error("PowFloat(0.123456) should fail")
	}
	// nS * mV is a current; Hz * second is dimensionless.
	if got := dSiemens.Mul(dVolt); got != dAmp {
		t.Errorf("siemens*volt = %v, want amp", got)
	}
	if got := dim(0, 0, -1).Mul(dSecond); !got.IsDimensionless() {
		t.Errorf("Hz*second = %v", got)
	}
	if got := dVolt.Div(dAmp); got != dim(2, 1, -3, -2) {
		t.Errorf("volt/amp = %v, want ohm", got)
	}
	if got := dFarad.Inv().Inv(); got != dFarad {
		t.Errorf("double inverse = %v", got)
	}
	if got := dVolt.Div(dVolt); got != Dimensionless {
		t.Errorf("volt/volt = %v", got)
	}
}

func TestFormat(t *testing.T) {
	cases := []struct {
		v    float64
		d    Dim
		want string
	}{
		{5e-9 * 10e-3, dAmp, "50 pA"}, // 5*nS*10*mV
		{3e-3, dVolt, "3 mV"},
		{-70e-3, dVolt, "-70 mV"},
		{0.1, dSecond, "100 ms"},
		{1, dim(0, 0, -1), "1 Hz"},
		{2500, dim(0, 0, -1), "2.5 kHz"},
		{1, dSecond, "1 s"},
		{999e-3, dSecond, "999 ms"},
		{1e-3, dSecond, "1 ms"},
		{0.25e-3, dSecond, "250 us"},
		{200e-12, dFarad, "200 pF"},
		{10e-9, dSiemens, "10 nS"},
		{1e8, dim(2, 1, -3, -2), "100 Mohm"},
		{0, dVolt, "0 V"},
		{0, dMass, "0 kg"},
		{2.5, dMass, "2.5 kg"},
		{2.5e-6, dMass, "2.5 mg"},
		{1e-3, dMass, "1 g"},
		{1e-2, dMetre, "10 mm"},
		{1e-4, dim(2), "100 mm^2"},
		{1e-15, dim(3), "1000 um^3"},
		{0.5, dMolar, "500 uM"}, {5, dMolar, "5 mM"}, {2000, dMolar, "2 M"},
		{1e-3, dMolar, "1 uM"},
		{math.Inf(1), dVolt, "inf V"},
		{math.Inf(-1), dAmp, "-inf A"},
		{math.NaN(), dVolt, "nan V"},
		{3, dim(1, 0, -1), "3 m s^-1"},
		{2e-3, dVolt.Pow(R(1, 2)), "0.002 m kg^1/2 s^-3/2 A^-1/2"},
		{1e-30, dMetre, "1e-06 ym"},
		{5e30, dVolt, "5000000 YV"},
		{0.5, Dimensionless, "0.5"},
		{1e-20, Dimensionless, "1e-20"},
		{3, Dimensionless, "3"},
		{0.1 + 0.2, dSecond, "300 ms"},
	}
	for _, c := range cases {
		if got := Format(c.v, c.d); got != c.want {
			t.Errorf("Format(%g, %v) = %q, want %q", c.v, c.d, got, c.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	cases := map[float64]string{50.00000000000001: "50", 0.1: "0.1", 1e-5: "1e-05", 1e20: "1e+20",
		123456: "123456", -2.5: "-2.5", 0: "0", math.Copysign(0, -1): "0"}
	for x, want := range cases {
		if got := FormatNumber(x); got != want {
			t.Errorf("FormatNumber(%v) = %q, want %q", x, got, want)
		}
	}
}

func TestFormatIn(t *testing.T) {
	cases := []struct {
		v    float64
		d    Dim
		unit string
		want string
	}{
		{3e-3, dVolt, "mV", "3 mV"},
		{3e-3, dVolt, "volt", "0.003 volt"},
		{0.05, dMetre, "cm", "5 cm"},
		{2, dim(2, 1, -4, -1), "mV/ms", "2 mV/ms"},
		{1, dim(-4, -1, 3, 2), "mS/cm**2", "0.1 mS/cm**2"},
		{0.1, dSecond, "ms", "100 ms"},
	}
	for _, c := range cases {
		got, err := FormatIn(c.v, c.d, c.unit)
		if err != nil || got != c.want {
			t.Errorf("FormatIn(%g, %v, %q) = %q, %v; want %q", c.v, c.d, c.unit, got, err, c.want)
		}
	}
	if _, err := FormatIn(3e-3, dVolt, "nA"); err == nil || !strings.Contains(err.Error(), "volt vs amp") {
		t.Errorf("FormatIn mV in nA: err = %v", err)
	}
	if _, err := FormatIn(3e-3, dVolt, "mVV"); err == nil || !strings.Contains(err.Error(), "did you mean 'mV'") {
		t.Errorf("FormatIn unknown unit: err = %v", err)
	}
}

func TestDimNameAndRepr(t *testing.T) {
	names := []struct {
		d    Dim
		name string
	}{
		{dVolt, "volt"}, {dAmp, "amp"}, {dSiemens, "siemens"}, {dMass, "kilogram"},
		{dMetre, "metre"}, {dim(0, 0, -1), "hertz"}, {dim(2, 1, -3, -2), "ohm"},
		{Dimensionless, "1"}, {dim(2, 1, -4, -1), "volt/second"}, {dim(-4, -1, 3, 2), "siemens/metre^2"},
		{dim(2, 1, -2, -1), "weber"}, {dim(2, 1, -3, -1, 0, 0, 0), "volt"}, {dim(1, 1, 0, 0, 0, 0, 1), "m kg cd"}, {dMolar, "m^-3 mol"},
	}
	for _, c := range names {
		if got := DimName(c.d); got != c.name {
			t.Errorf("DimName(%v) = %q, want %q", c.d, got, c.name)
		}
	}
	reprs := []struct {
		d    Dim
		repr string
	}{
		{dim(2, 1, -3, -1), "metre ** 2 * kilogram * second ** -3 * amp ** -1"},
		{dSecond.Pow(R(-1, 2)), "second ** -0.5"},
		{dMetre, "metre"},
		{Dimensionless, "Dimension()"},
	}
	for _, c := range reprs {
		if got := DimRepr(c.d); got != c.repr {
			t.Errorf("DimRepr(%v) = %q, want %q", c.d, got, c.repr)
		}
	}
}

func TestUnitName(t *testing.T) {
	cases := []struct {
		scale float64
		d     Dim
		want  string
	}{
		{1e-3, dVolt, "mV"}, {1, dVolt, "V"}, {1e-2, dMetre, "cm"}, {1e-4, dim(2), "cm^2"},
		{1e-18, dim(3), "um^3"}, {1e-3, dim(3), "l"}, {1, dMass, "kg"}, {1e-3, dMass, "g"},
		{1e3, dim(0, 0, -1), "kHz"}, {1, dMolar, "mM"}, {1e6, dim(2, 1, -3, -2), "Mohm"},
		{1e-9, dSiemens, "nS"}, {1e-3, dSecond, "ms"},
	}
	for _, c := range cases {
		if got, ok := UnitName(c.scale, c.d); !ok || got != c.want {
			t.Errorf("UnitName(%g, %v) = %q %v, want %q", c.scale, c.d, got, ok, c.want)
		}
	}
	for _, c := range []struct {
		scale float64
		d     Dim
	}{{5e-3, dVolt}, {1, dim(2, 1, -4, -1)}, {-1, dVolt}, {0, dVolt}} {
		if got, ok := UnitName(c.scale, c.d); ok {
			t.Errorf("UnitName(%g, %v) = %q, want none", c.scale, c.d, got)
		}
	}
}
