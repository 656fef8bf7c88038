// Package plot is the `plot` module, answering to `import
// matplotlib.pyplot as plt` (also `pyplot`, `plot`, `matplotlib` and
// `brian2tools`): figures, axes and plots written to PNG, SVG, PDF, JPEG,
// TIFF and EPS through gonum/plot.
//
// The pyplot state (open figures, the current figure and axes) belongs to
// the calling thread. Figures hold axes placed on grids (figure, subplots,
// subplot, add_subplot); axes hold artists: lines with matplotlib format
// strings ('r--', 'ko'), scatter points with colour maps, histograms,
// images, bars, error bars, filled areas, horizontal and vertical lines
// and text, box plots (matplotlib's statistics), contour lines and filled
// contours (matplotlib's automatic levels), with legends, grids, log
// scales, limits, ticks and colour bars. twinx()/twiny() lay a second
// axes over one, sharing x (y) and showing its own y (x) axis on the right
// (at the top). GridSpec (fig.add_gridspec, gs[0, :]) and subplot2grid
// place axes over blocks of cells; ax.spines hide, colour and move the
// frame's sides; ax.xaxis/ax.yaxis take matplotlib.ticker locators and
// formatters (MaxNLocator, MultipleLocator, FixedLocator,
// FormatStrFormatter, StrMethodFormatter, FuncFormatter) and
// ticklabel_format(style='sci') writes labels over a power of ten.
// Labels take rotation=, labelpad=, color= and fontsize=. Colours are matplotlib's one-letter and 'C0'..'C9' colours, the
// tab10 and CSS names, hex strings, grey levels and RGB tuples.
//
// Plotting quantities puts units on the axes: the first quantity on an
// axis chooses Brian2's display unit for its values (ms, mV, Hz), later
// data must have the same dimension, and the unit is appended to the axis
// label ("time (ms)"). Limits and positions accept quantities, or plain
// numbers in the display unit.
//
// rcParams is matplotlib's settings table (every 3.6 key with its
// default; unknown keys raise KeyError). New figures honour figure.figsize,
// figure.dpi and font.size, new axes axes.grid and axes.grid.axis, new
// lines lines.linewidth and lines.markersize, savefig savefig.dpi; rc()
// and rcdefaults() work as in matplotlib. Like matplotlib's, the table is
// shared by the whole process.
//
// savefig writes atomically (a temporary file, then a rename); show()
// writes each open figure to a PNG file in $SIM_PLOT_DIR or the system's
// temporary directory, prints the path and closes the figures. The
// brian2tools helpers plot_raster, plot_state, plot_rate and brian_plot
// take monitors; they are also members of the brian2 module and
// predeclared. textplot draws series in the terminal with braille
// characters; inside the REPL, show() also previews figures that way
// (see TextPreviewKey). tempdir() gives scripts a fresh directory for
// output files and imread() reads PNG files back.
package plot
