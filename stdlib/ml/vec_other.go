//go:build !amd64

package ml

// haveVec is false where there are no assembly loops.
const haveVec = false

func addMinMax8(x *float64, n int, b float64, lohi *[2]float64) {
	panic("addMinMax8: no kernel on this architecture")
}

func addTo4(dst, src *float64, n int) { panic("addTo4: no kernel on this architecture") }

func scaleSum8(x, s *float64, n int) float64 { panic("scaleSum8: no kernel on this architecture") }

func adam4(p, gr, m, v *float64, n int, c *[8]float64) {
	panic("adam4: no kernel on this architecture")
}

func biasRelu4(x, b *float64, n int) { panic("biasRelu4: no kernel on this architecture") }

func axpy4(a float64, x, y *float64, n int) { panic("axpy4: no kernel on this architecture") }

func reluGrad4(d, a *float64, n int) { panic("reluGrad4: no kernel on this architecture") }
