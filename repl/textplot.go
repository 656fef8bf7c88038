package repl

import (
	"os"
	"strconv"

	"github.com/chzyer/readline"

	"github.com/sim-lang/sim/stdlib/plot"
)

// The REPL's quick terminal plots. In a session, plt.show() writes each
// figure to a PNG file as everywhere, and then also draws the figure's
// lines, markers and bars in Unicode braille characters right in the
// terminal, so a result can be seen without opening the file; textplot(y)
// and textplot(x, y) draw a series at the terminal's width.

// TerminalColumns returns the width of the terminal in characters: the
// COLUMNS variable when set, else the size of the terminal on standard
// output, else 80.
var TerminalColumns = func() int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if w := readline.GetScreenWidth(); w > 0 {
		return w
	}
	return 80
}

// TextPlotSize returns the plot area, in characters, of the text plots
// for a terminal cols wide: room for the y labels, and a height that
// keeps the plot about twice as wide as tall on screen.
func TextPlotSize(cols int) plot.Preview {
	w := min(max(cols-14, 20), 160)
	h := min(max(w/4, 8), 24)
	return plot.Preview{Width: w, Height: h}
}

// enableTextPlots turns on the terminal previews of figures for the
// session's thread, sized to the terminal (once per session).
func (s *Session) enableTextPlots() {
	if _, done := s.Thread.Local(plot.TextPreviewKey).(plot.Preview); done {
		return
	}
	s.Thread.SetLocal(plot.TextPreviewKey, TextPlotSize(TerminalColumns()))
}
