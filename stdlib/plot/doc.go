// Package plot is the `plot` module (answering to matplotlib.pyplot):
// figures, axes and plots saved to PNG, SVG and PDF through gonum/plot.
package plot
