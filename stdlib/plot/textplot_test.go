package plot

import (
	"math"
	"strings"
	"testing"
)

func TestTextPlotDiagonal(t *testing.T) {
	got := TextPlot([]Series{{X: []float64{0, 1}, Y: []float64{0, 1}}}, 8, 2, "diag", "s", "V")
	want := "   diag\n" +
		"V\n" +
		"1 ┤⠀⠀⠀⠀⣀⠤⠒⠉\n" +
		"0 ┤⣀⠤⠒⠉⠀⠀⠀⠀\n" +
		"  └────────\n" +
		"  0     1 s\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTextPlotDotsAndGaps(t *testing.T) {
	// dots only: one dot per point; a NaN breaks a line
	got := TextPlot([]Series{{X: []float64{0, 1, 2, 3}, Y: []float64{0, 3, 1, 2}, Dots: true}}, 8, 2, "", "", "")
	n := 0
	for _, r := range got {
		if r > 0x2800 && r <= 0x28ff {
			for b := r - 0x2800; b != 0; b &= b - 1 {
				n++
			}
		}
	}
	if n != 4 {
		t.Errorf("%d dots for 4 points:\n%s", n, got)
	}
	gap := TextPlot([]Series{{X: []float64{0, 1, 2, 3}, Y: []float64{0, 1, math.NaN(), 3}}}, 8, 2, "", "", "")
	full := TextPlot([]Series{{X: []float64{0, 1, 2, 3}, Y: []float64{0, 1, 2, 3}}}, 8, 2, "", "", "")
	if gap == full {
		t.Error("a NaN did not break the line")
	}
	if s := TextPlot(nil, 8, 2, "", "", ""); !strings.Contains(s, "nothing to plot") {
		t.Errorf("empty plot: %q", s)
	}
	// a constant series still draws
	if s := TextPlot([]Series{{X: []float64{0, 1}, Y: []float64{5, 5}}}, 8, 2, "", "", ""); !strings.ContainsAny(s, "⠉⠒⠤⣀") {
		t.Errorf("constant series: %q", s)
	}
}
