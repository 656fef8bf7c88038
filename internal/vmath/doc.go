// Package vmath holds vectorised elementwise math kernels on float64
// slices, used by the numpy-style array functions.
//
// Exp(dst, src) stores exp(src[i]) in dst[i]. On amd64 with AVX-512 it runs
// eight lanes at a time with its 32-entry table in registers; with AVX2
// and FMA four lanes, gathering from the table (x = k·ln2/32 + r, a
// degree-7 polynomial for exp(r), 2^k put into the exponent bits);
// elsewhere, and under the purego build tag, the same operations in Go
// (math.FMA for the fused steps), so every path gives the same bits.
// Results are within 0.52 ulp of exact (math.Exp's own worst case is
// above 1 ulp); inputs with |x| ≥ 700, NaNs and infinities are handed to
// math.Exp, so special values, overflow and subnormal results are
// exactly math.Exp's.
//
// DivScalar, ScalarDiv and Div divide four lanes at a time (the quotients
// are the Go operator's, bit for bit); SumSquares and Dot accumulate in 16
// partial sums, the same on every architecture (arith.go).
package vmath
