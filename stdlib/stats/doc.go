// Package stats is the `stats` module: Metropolis-Hastings sampling,
// hypothesis tests and descriptive statistics.
package stats
