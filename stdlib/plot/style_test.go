package plot

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

func TestParseFmt(t *testing.T) {
	red, black, c2 := baseColors['r'], baseColors['k'], cycle[2]
	cases := []struct {
		in            string
		color         *color.NRGBA
		marker, line  string
		hasLine, fail bool
	}{
		{in: "r--", color: &red, line: "--", hasLine: true},
		{in: "o", marker: "o"},
		{in: "k.", color: &black, marker: "."},
		{in: "C2-.", color: &c2, line: "-.", hasLine: true},
		{in: "^:", marker: "^", line: ":", hasLine: true},
		{in: "-ok", color: &black, marker: "o", line: "-", hasLine: true},
		{in: "red", color: &red},
		{in: "", line: ""},
		{in: "rr", fail: true},
		{in: "o^", fail: true},
		{in: "--:", fail: true},
		{in: "q", fail: true},
	}
	for _, c := range cases {
		got, err := parseFmt(c.in)
		if c.fail {
			if err == nil {
				t.Errorf("parseFmt(%q) = %+v, want an error", c.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseFmt(%q): %v", c.in, err)
			continue
		}
		if (c.color != nil) != got.hasColor || c.color != nil && *c.color != got.color {
			t.Errorf("parseFmt(%q) colour = %v (%v), want %v", c.in, got.color, got.hasColor, c.color)
		}
		if got.marker != c.marker || got.line != c.line || got.hasLine != c.hasLine {
			t.Errorf("parseFmt(%q) = marker %q line %q (%v), want %q %q (%v)", c.in, got.marker, got.line, got.hasLine, c.marker, c.line, c.hasLine)
		}
	}
}

func TestParseColor(t *testing.T) {
	cases := []struct {
		in   runtime.Value
		want color.NRGBA
	}{
		{runtime.MakeStr("red"), color.NRGBA{255, 0, 0, 255}},
		{runtime.MakeStr("r"), color.NRGBA{255, 0, 0, 255}},
		{runtime.MakeStr("g"), color.NRGBA{0, 128, 0, 255}},
		{runtime.MakeStr("C0"), color.NRGBA{0x1f, 0x77, 0xb4, 255}},
		{runtime.MakeStr("C9"), color.NRGBA{0x17, 0xbe, 0xcf, 255}},
		{runtime.MakeStr("tab:orange"), color.NRGBA{0xff, 0x7f, 0x0e, 255}},
		{runtime.MakeStr("#abc"), color.NRGBA{0xaa, 0xbb, 0xcc, 255}},
		{runtime.MakeStr("#11223344"), color.NRGBA{0x11, 0x22, 0x33, 0x44}},
		{runtime.MakeStr("0.5"), color.NRGBA{128, 128, 128, 255}},
		{runtime.MakeStr("DarkGreen"), color.NRGBA{0, 100, 0, 255}},
		{runtime.MakeStr("steelblue"), color.NRGBA{70, 130, 180, 255}},
		{runtime.MakeStr("none"), color.NRGBA{}},
		{runtime.MakeTuple(runtime.MakeFloat(1), runtime.MakeInt(0), runtime.MakeFloat(0.5)), color.NRGBA{255, 0, 128, 255}},
		{runtime.MakeTuple(runtime.MakeFloat(0), runtime.MakeFloat(0), runtime.MakeFloat(1), runtime.MakeFloat(0.5)), color.NRGBA{0, 0, 255, 128}},
	}
	for _, c := range cases {
		got, err := parseColor("t", c.in)
		if err != nil || got != c.want {
			t.Errorf("parseColor(%s) = %v, %v; want %v", runtime.Repr(c.in), got, err, c.want)
		}
	}
	for _, bad := range []runtime.Value{runtime.MakeStr("nope"), runtime.MakeStr("#12"), runtime.MakeStr("1.5"), runtime.MakeInt(3), runtime.MakeTuple(runtime.MakeInt(2), runtime.MakeInt(0), runtime.MakeInt(0))} {
		if _, err := parseColor("t", bad); err == nil {
			t.Errorf("parseColor(%s) gave no error", runtime.Repr(bad))
		}
	}
}

func TestLineStyles(t *testing.T) {
	for in, want := range map[string]string{"--": "--", "dashed": "--", "dotted": ":", "-.": "-.", "solid": "-", "None": ""} {
		got, _, err := parseLineStyle("t", runtime.MakeStr(in))
		if err != nil || got != want {
			t.Errorf("parseLineStyle(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, _, err := parseLineStyle("t", runtime.MakeStr("wavy")); err == nil {
		t.Error("unknown line style accepted")
	}
	// dashes scale with the line width, as in matplotlib
	d := dashes("--", nil, 2)
	if len(d) != 2 || math.Abs(float64(d[0])-7.4) > 1e-9 || math.Abs(float64(d[1])-3.2) > 1e-9 {
		t.Errorf("dashes('--', width 2) = %v, want [7.4 3.2]", d)
	}
	if dashes("-", nil, 1) != nil {
		t.Error("a solid line has dashes")
	}
	if _, err := parseMarker("t", runtime.MakeStr("Q")); err == nil {
		t.Error("unknown marker accepted")
	}
}

func TestAxisUnits(t *testing.T) {
	volt := units.BaseDim(units.Mass).Mul(units.BaseDim(units.Length).Pow(units.R(2, 1))).Div(units.BaseDim(units.Time).Pow(units.R(3, 1))).Div(units.BaseDim(units.Current))
	var u axisUnit
	if err := u.adopt("plot", "y", []float64{-0.07, -0.05}, volt); err != nil {
		t.Fatal(err)
	}
	if u.name != "mV" || u.scale != 1e-3 {
		t.Fatalf("unit = %q scale %g, want mV 1e-3", u.name, u.scale)
	}
	for in, want := range map[string]string{"v": "v (mV)", "": "mV", "v (mV)": "v (mV)", "v [mV]": "v [mV]"} {
		if got := u.label(in); got != want {
			t.Errorf("label(%q) = %q, want %q", in, got, want)
		}
	}
	second := units.BaseDim(units.Time)
	if err := u.adopt("plot", "y", []float64{1}, second); err == nil || !strings.Contains(err.Error(), "mV") {
		t.Errorf("a time on a voltage axis: %v", err)
	}
	if err := u.adopt("plot", "y", []float64{1}, units.Dim{}); err == nil {
		t.Error("plain numbers accepted on a unit axis")
	}
	// a quantity scalar converts to display units; a number is taken as one
	f, err := u.scalar("set_ylim", "y", runtime.MakeQuantity(-0.08, volt))
	if err != nil || math.Abs(f+80) > 1e-9 {
		t.Errorf("scalar(-80 mV) = %g, %v", f, err)
	}
	if f, err := u.scalar("set_ylim", "y", runtime.MakeFloat(-40)); err != nil || f != -40 {
		t.Errorf("scalar(-40) = %g, %v", f, err)
	}
	var plain axisUnit
	if err := plain.adopt("plot", "x", []float64{1, 2}, units.Dim{}); err != nil {
		t.Fatal(err)
	}
	if err := plain.adopt("plot", "x", []float64{1}, second); err == nil {
		t.Error("a quantity accepted on an axis of plain numbers")
	}
	if plain.label("x") != "x" {
		t.Error("a plain axis label changed")
	}
}

func TestColormaps(t *testing.T) {
	v, _ := lookupCmap("viridis")
	if got := v.at(0); got != (color.NRGBA{0x44, 0x01, 0x54, 255}) {
		t.Errorf("viridis(0) = %v", got)
	}
	if got := v.at(1); got != (color.NRGBA{0xfd, 0xe7, 0x25, 255}) {
		t.Errorf("viridis(1) = %v", got)
	}
	g, _ := lookupCmap("gray")
	if got := g.at(0.5); got.R != 128 || got.G != 128 || got.B != 128 {
		t.Errorf("gray(0.5) = %v", got)
	}
	r, _ := lookupCmap("gray_r")
	if got := r.at(0); got.R != 255 {
		t.Errorf("gray_r(0) = %v", got)
	}
	if _, ok := lookupCmap("nosuch"); ok {
		t.Error("unknown colour map found")
	}
}

func TestTicks(t *testing.T) {
	var got []string
	for _, tk := range (majorTicks{}).Ticks(-0.05, 1.05) {
		got = append(got, tk.Label)
	}
	if strings.Join(got, " ") != "0.0 0.2 0.4 0.6 0.8 1.0" {
		t.Errorf("ticks of [-0.05, 1.05] = %v", got)
	}
	got = got[:0]
	for _, tk := range (majorTicks{}).Ticks(-82, -38) {
		got = append(got, tk.Label)
	}
	if strings.Join(got, " ") != "-80 -70 -60 -50 -40" {
		t.Errorf("ticks of [-82, -38] = %v", got)
	}
}
