// Package optimize is the `optimize` module (answering to scipy.optimize):
// curve_fit, least_squares, minimize, differential_evolution, root, and
// fit_traces for neuron models.
package optimize
