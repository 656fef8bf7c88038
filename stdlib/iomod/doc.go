// Package iomod is the `io` module: CSV and .npy files, saving monitors,
// and on-disk memoization, every write atomic.
package iomod
