package plot

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot"

	"github.com/sim-lang/sim/runtime"
)

// Defaults of matplotlib's rcParams that sim uses.
const (
	defaultW        = 6.4 // figure width, inches
	defaultH        = 4.8
	defaultDPI      = 100
	defaultLW       = 1.5 // line width, points
	defaultMS       = 6   // marker size, points
	defaultFontSize = 10
)

// state is one thread's pyplot state: the open figures and the current
// one (matplotlib's figure manager).
type state struct {
	figs    []*Figure
	cur     *Figure
	nextNum int
}

const stateKey = "plot.state"

// stateOf returns the pyplot state of th, creating it.
func stateOf(th *runtime.Thread) *state {
	if st, ok := th.Local(stateKey).(*state); ok {
		return st
	}
	st := &state{nextNum: 1}
	th.SetLocal(stateKey, st)
	return st
}

// newFigure opens a figure and makes it current.
func (st *state) newFigure(w, h, dpi float64) *Figure {
	f := &Figure{num: st.nextNum, w: w, h: h, dpi: dpi, st: st, open: true, style: rc.figureStyle()}
	st.nextNum++
	st.figs = append(st.figs, f)
	st.cur = f
	return f
}

// gcf returns the current figure, opening one when there is none.
func (st *state) gcf() *Figure {
	if st.cur == nil {
		return st.newFigure(rc.figureSize())
	}
	return st.cur
}

// close forgets a figure.
func (st *state) close(f *Figure) {
	f.open = false
	for k, g := range st.figs {
		if g == f {
			st.figs = append(st.figs[:k], st.figs[k+1:]...)
			break
		}
	}
	if st.cur == f {
		st.cur = nil
		if n := len(st.figs); n > 0 {
			st.cur = st.figs[n-1]
		}
	}
}

// Figure is a figure: a canvas of a size in inches holding axes.
type Figure struct {
	num      int
	w, h     float64 // inches
	dpi      float64
	axes     []*Axes
	cur      *Axes
	suptitle string
	st       *state
	open     bool
	style    figStyle // the rcParams in force when it was made
}

// gridPos places an axes on a grid of nrows × ncols cells, spanning rows
// r0..r1-1 and columns c0..c1-1 (row 0 at the top).
type gridPos struct{ nrows, ncols, r0, r1, c0, c1 int }

// cell returns the position of subplot index idx (1-based, row-major).
func cell(nrows, ncols, idx int) gridPos {
	r, c := (idx-1)/ncols, (idx-1)%ncols
	return gridPos{nrows, ncols, r, r + 1, c, c + 1}
}

// addAxes adds an axes at pos and makes it current.
func (f *Figure) addAxes(pos gridPos) *Axes {
	ax := &Axes{fig: f, pos: pos}
	ax.grid, ax.gridAxis = rc.gridStyle()
	ax.x.unit, ax.y.unit = &axisUnit{}, &axisUnit{}
	f.axes = append(f.axes, ax)
	f.cur = ax
	return ax
}

// gca returns the current axes, adding a full-figure one when there is
// none.
func (f *Figure) gca() *Axes {
	if f.cur == nil {
		return f.addAxes(cell(1, 1, 1))
	}
	return f.cur
}

// Axes is one plotting area: its artists, labels, limits, scales and
// legend.
type Axes struct {
	fig       *Figure
	pos       gridPos
	title     string
	titleSize float64 // points; 0: the default
	x, y      axisState
	artists   []artist
	legend    bool
	legendLoc string
	legendFS  float64
	grid      bool
	gridAxis  string
	ncolor    int
	cbar      *colorbar
	aspect    float64 // 0: auto; otherwise y units per x unit on screen
	// spines are the frame's four lines, nil until ax.spines is used
	spines map[string]*Spine
	off    bool
	// shareX/shareY point to the axes whose limits this one shares.
	shareX, shareY *Axes
	// twins are the axes twinx()/twiny() laid over this one; a twin has
	// twinOf set and twinY true for twinx (its y axis on the right),
	// false for twiny (its x axis at the top). The host draws its twins.
	twins  []*Axes
	twinOf *Axes
	twinY  bool
}

// axisState holds what is set on one axis.
type axisState struct {
	label     string
	labelSize float64 // points; 0: the default
	// labelRot is the label's rotation in degrees, labelPad its distance
	// from the tick labels in points, labelColor its colour; each is used
	// when its flag is set (set_xlabel/set_ylabel), otherwise the default
	labelRot                                float64
	labelPad                                float64
	labelColor                              color.NRGBA
	labelRotSet, labelPadSet, labelColorSet bool
	// tickSize is the tick labels' font size (tick_params labelsize=;
	// 0: the default); sciStyle and sciLimits are ticklabel_format's
	// style ("", "sci" or "plain") and scilimits
	tickSize     float64
	sciStyle     string
	sciLimits    [2]int
	sciLimitsSet bool
	// locator and formatter come from xaxis.set_major_locator /
	// set_major_formatter (nil: the defaults); fmtErr is the first error
	// a formatter gave while drawing
	locator      *Locator
	formatter    *Formatter
	fmtErr       error
	unit         *axisUnit
	lo, hi       float64
	loSet, hiSet bool
	log          bool
	ticks        []float64
	tickLabels   []string
	ticksSet     bool
	hideLabels   bool
}

// colorbar is a colour bar drawn beside an axes.
type colorbar struct {
	cmap     *colormap
	lo, hi   float64
	label    string
	unitName string
	// for contour sets: the levels, and the colours of the bands between
	// them (contourf) or of the level lines (contour)
	bounds     []float64
	bandColors []color.NRGBA
	lineColors []color.NRGBA
}

// nextColor returns the next colour of the cycle.
func (ax *Axes) nextColor() int {
	c := ax.ncolor
	ax.ncolor++
	return c % len(cycle)
}

// add appends an artist.
func (ax *Axes) add(a artist) { ax.artists = append(ax.artists, a) }

// clear removes everything from the axes, keeping its place.
func (ax *Axes) clear() {
	*ax = Axes{fig: ax.fig, pos: ax.pos, shareX: ax.shareX, shareY: ax.shareY, twins: ax.twins, twinOf: ax.twinOf, twinY: ax.twinY}
	ax.grid, ax.gridAxis = rc.gridStyle()
	ax.x.unit, ax.y.unit = &axisUnit{}, &axisUnit{}
	if ax.shareX != nil {
		ax.x.unit = root(ax, false).x.unit
	}
	if ax.shareY != nil {
		ax.y.unit = root(ax, true).y.unit
	}
}

// artist is something drawn in an axes. Plot draws it (data coordinates
// through the gonum plot's transforms); bounds gives the values it
// contributes to the automatic limits, and the sticky values that
// margins must not pass (bar bottoms, image edges).
type artist interface {
	plot.Plotter
	bounds() (xs, ys, stickyX, stickyY []float64)
	legendEntry() (string, plot.Thumbnailer)
}

// Type implements runtime.Object.
func (f *Figure) Type() string { return "Figure" }

// String implements runtime.Object.
func (f *Figure) String() string {
	return fmt.Sprintf("<Figure size %gx%g with %d Axes>", f.w*f.dpi, f.h*f.dpi, len(f.axes))
}

// Truth implements runtime.Object.
func (f *Figure) Truth() (bool, error) { return true, nil }

// Type implements runtime.Object.
func (ax *Axes) Type() string { return "Axes" }

// String implements runtime.Object.
func (ax *Axes) String() string {
	if ax.title != "" {
		return fmt.Sprintf("<Axes: title=%q>", ax.title)
	}
	return "<Axes>"
}

// Truth implements runtime.Object.
func (ax *Axes) Truth() (bool, error) { return true, nil }
