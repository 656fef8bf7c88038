package repl_test

import (
	"strings"
	"testing"

	"github.com/sim-lang/sim/repl"
)

// braille counts the braille characters of s.
func braille(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2800 && r <= 0x28ff {
			n++
		}
	}
	return n
}

func TestShowDrawsTextPreview(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("SIM_PLOT_DIR", dir)
	t.Setenv("COLUMNS", "94")
	out, errs := session(t, "import matplotlib.pyplot as plt\nplt.plot([0, 1, 4, 9, 16])\nplt.title('squares')\nplt.show()\n")
	if errs != "" {
		t.Fatalf("unexpected errors: %s", errs)
	}
	if !strings.Contains(out, "Figure 1 saved to "+dir) {
		t.Errorf("show() did not say where the file is:\n%s", out)
	}
	if !strings.Contains(out, "squares") {
		t.Errorf("the preview lacks the title:\n%s", out)
	}
	// 94 columns leave a plot area of 80 × 20 characters
	size := repl.TextPlotSize(94)
	if size.Width != 80 || size.Height != 20 {
		t.Fatalf("TextPlotSize(94) = %+v", size)
	}
	if n := braille(out); n != size.Width*size.Height {
		t.Errorf("preview has %d braille cells, want %d:\n%s", n, size.Width*size.Height, out)
	}
	// the y range is labelled: 16 at the top, 0 at the bottom
	lines := strings.Split(out, "\n")
	var top, bottom string
	for _, l := range lines {
		if strings.Contains(l, "┤") {
			if top == "" {
				top = l
			}
			bottom = l
		}
	}
	if !strings.HasPrefix(strings.TrimSpace(top), "16 ┤") || !strings.HasPrefix(strings.TrimSpace(bottom), "0 ┤") {
		t.Errorf("y labels: top %q, bottom %q", top, bottom)
	}
}

func TestTextplotUsesTerminalWidth(t *testing.T) {
	t.Setenv("COLUMNS", "54")
	out, errs := session(t, "textplot([1, 2, 3]*mV)\n")
	if errs != "" {
		t.Fatalf("unexpected errors: %s", errs)
	}
	size := repl.TextPlotSize(54)
	if n := braille(out); n != size.Width*size.Height {
		t.Errorf("textplot drew %d cells, want %d:\n%s", n, size.Width*size.Height, out)
	}
	if !strings.Contains(out, "mV") {
		t.Errorf("the unit is not shown:\n%s", out)
	}
}

func TestTextPlotSizeBounds(t *testing.T) {
	for cols, want := range map[int][2]int{10: {20, 8}, 80: {66, 16}, 400: {160, 24}} {
		got := repl.TextPlotSize(cols)
		if got.Width != want[0] || got.Height != want[1] {
			t.Errorf("TextPlotSize(%d) = %+v, want %v", cols, got, want)
		}
	}
}
