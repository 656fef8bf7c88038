// Package array implements sim's n-dimensional arrays with numpy semantics
// and one physical unit per array.
//
// An Array holds float64, int64 or bool elements in a backing slice and
// describes them by a shape, strides (in elements) and an offset, so that
// basic slicing returns views that share memory exactly like numpy, while
// fancy and boolean indexing return copies. Arithmetic follows numpy's
// broadcasting and dtype promotion; units follow Brian2 (adding different
// dimensions is an error, products combine dimensions).
//
// Go packages (simulation engine, solvers, ML) build arrays with New,
// FromFloats, FromInts, FromBools or Zeros, read them with Shape,
// Float64s, Dim and DType, and hand them to scripts with Value. The
// package sets runtime.ToArray so that the core operators can build arrays
// from lists without importing it.
package array
