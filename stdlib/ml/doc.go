// Package ml is the `ml` module (answering to scikit-learn's names):
// datasets, tables, preprocessing, estimators, networks, model selection
// and metrics.
package ml
