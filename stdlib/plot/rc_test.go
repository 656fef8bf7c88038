package plot

import (
	"testing"

	"github.com/sim-lang/sim/runtime"
)

// TestRCParamsHonoured checks that font.size and axes.grid reach new
// figures and axes, and that rcdefaults restores matplotlib's values.
func TestRCParamsHonoured(t *testing.T) {
	defer rc.reset()
	th := runtime.NewThread("rc")
	st := stateOf(th)
	if err := rc.set("font.size", runtime.MakeInt(14)); err != nil {
		t.Fatal(err)
	}
	if err := rc.set("axes.grid", runtime.MakeStr("yes")); err != nil {
		t.Fatal(err)
	}
	if err := rc.set("axes.grid.axis", runtime.MakeStr("x")); err != nil {
		t.Fatal(err)
	}
	f := st.gcf()
	ax := f.gca()
	if f.style.fontSize != 14 || !ax.grid || ax.gridAxis != "x" {
		t.Errorf("font %v grid %v %q", f.style.fontSize, ax.grid, ax.gridAxis)
	}
	if p := ax.gonumPlot(); p.X.Tick.Label.Font.Size.Points() != 14 {
		t.Errorf("tick labels at %v pt", p.X.Tick.Label.Font.Size.Points())
	}
	rc.reset()
	g := st.newFigure(rc.figureSize())
	if g.style.fontSize != 10 || g.gca().grid || g.w != 6.4 || g.dpi != 100 {
		t.Errorf("defaults not restored: %+v %v", g.style, g.gca().grid)
	}
	if err := rc.set("nope", runtime.None); err == nil {
		t.Error("unknown key accepted")
	}
}
