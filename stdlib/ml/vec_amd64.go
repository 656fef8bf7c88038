package ml

//go:noescape
func addMinMax8(x *float64, n int, b float64, lohi *[2]float64)

//go:noescape
func addTo4(dst, src *float64, n int)

//go:noescape
func scaleSum8(x, s *float64, n int) float64

// haveVec reports whether the AVX2 loops of vec.go can run.
var haveVec = haveFMA

//go:noescape
func adam4(p, gr, m, v *float64, n int, c *[8]float64)

//go:noescape
func biasRelu4(x, b *float64, n int)

//go:noescape
func axpy4(a float64, x, y *float64, n int)

//go:noescape
func reluGrad4(d, a *float64, n int)
