// Package iomod is the `io` module: CSV and .npy files, saving monitors,
// and on-disk memoization, every write atomic.
//
// Text files: savetxt/loadtxt (numpy's arguments and output format) and
// read_csv/write_csv with a small Table of named columns (missing values
// read as NaN). Binary arrays: save/load in numpy's .npy format (versions
// 1.0 and 2.0; <f8, <i8 and |b1 written byte for byte as numpy writes
// them; other numeric descriptors, big-endian data and Fortran order read).
// savez/savez_compressed write .npz archives (a zip of .npy members,
// stored or deflated, laid out as numpy writes them) and load opens them as
// an NpzFile mapping (files, f['name'], in, iteration). These numpy names
// are also members of the numpy module (np.save, np.load, np.savez,
// np.savez_compressed, np.savetxt, np.loadtxt). save_monitor writes the recordings of
// State, Spike and PopulationRate monitors as CSV or .npy by extension.
// cache(f, dir) memoizes a function on disk keyed on its code and
// arguments. Every file is written to a temporary file in the destination
// directory and renamed over the target, so a failed or interrupted write
// leaves the previous file intact and no partial file behind.
//
// Arrays with units are written in SI base units, as numpy writes Brian2
// quantities; only cache() keeps units.
package iomod
