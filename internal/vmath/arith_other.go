//go:build !amd64 || purego

package vmath

// Without vector kernels, the Go loops of the callers do every element.

func divScalarAsm(dst, src []float64, s float64) int           { return 0 }
func scalarDivAsm(dst []float64, s float64, src []float64) int { return 0 }
func divAsm(dst, a, b []float64) int                           { return 0 }
func sumSquaresAsm(p *[16]float64, x []float64) (int, float64) { return 0, 0 }
func dotAsm(p *[16]float64, a, b []float64) int                { return 0 }
