package array

import (
	"math"

	"github.com/sim-lang/sim/lang"
)

type num interface{ ~float64 | ~int64 }

// kern computes one row: o[k] = f(a[ai+k*as], b[bi+k*bs]).
type kern[T, R any] func(o []R, a []T, ai, as int, b []T, bi, bs int)

// loop builds a kernel from an element function.
func loop[T, R any](f func(T, T) R) kern[T, R] {
	return func(o []R, a []T, ai, as int, b []T, bi, bs int) {
		for k := range o {
			o[k] = f(a[ai], b[bi])
			ai += as
			bi += bs
		}
	}
}

func cmpKernels[T int64 | float64]() map[lang.Op]kern[T, bool] {
	return map[lang.Op]kern[T, bool]{
		lang.Eq: loop(func(x, y T) bool { return x == y }),
		lang.Ne: loop(func(x, y T) bool { return x != y }),
		lang.Lt: loop(func(x, y T) bool { return x < y }),
		lang.Le: loop(func(x, y T) bool { return x <= y }),
		lang.Gt: loop(func(x, y T) bool { return x > y }),
		lang.Ge: loop(func(x, y T) bool { return x >= y }),
	}
}

var floatKernels = map[lang.Op]kern[float64, float64]{
	lang.Plus:       addK[float64],
	lang.Minus:      subK[float64],
	lang.Star:       mulK[float64],
	lang.Slash:      divK,
	lang.SlashSlash: loop(floorDiv),
	lang.Percent:    loop(floorMod),
	lang.StarStar:   loop(math.Pow),
}

var intKernels = map[lang.Op]kern[int64, int64]{
	lang.Plus:       addK[int64],
	lang.Minus:      subK[int64],
	lang.Star:       mulK[int64],
	lang.SlashSlash: loop(intFloorDiv),
	lang.Percent:    loop(intFloorMod),
	lang.StarStar:   loop(intPow),
	lang.Amp:        loop(func(x, y int64) int64 { return x & y }),
	lang.Pipe:       loop(func(x, y int64) int64 { return x | y }),
	lang.Hat:        loop(func(x, y int64) int64 { return x ^ y }),
	lang.LShift: loop(func(x, y int64) int64 {
		if y < 0 || y >= 64 {
			return 0
		}
		return x << uint(y)
	}),
	lang.RShift: loop(func(x, y int64) int64 {
		if y < 0 {
			return 0
		}
		if y >= 64 {
			y = 63
		}
		return x >> uint(y)
	}),
}

var boolKernels = map[lang.Op]kern[bool, bool]{
	lang.Amp:  loop(func(x, y bool) bool { return x && y }),
	lang.Star: loop(func(x, y bool) bool { return x && y }),
	lang.Pipe: loop(func(x, y bool) bool { return x || y }),
	lang.Plus: loop(func(x, y bool) bool { return x || y }),
	lang.Hat:  loop(func(x, y bool) bool { return x != y }),
	lang.Eq:   loop(func(x, y bool) bool { return x == y }),
	lang.Ne:   loop(func(x, y bool) bool { return x != y }),
	lang.Lt:   loop(func(x, y bool) bool { return !x && y }),
	lang.Le:   loop(func(x, y bool) bool { return !x || y }),
	lang.Gt:   loop(func(x, y bool) bool { return x && !y }),
	lang.Ge:   loop(func(x, y bool) bool { return x || !y }),
}

var (
	floatCmp = cmpKernels[float64]()
	intCmp   = cmpKernels[int64]()
)

// floorDiv and floorMod follow Python's float // and % (numpy's too).
func floorDiv(x, y float64) float64 {
	d, _ := divmod(x, y)
	return d
}

func floorMod(x, y float64) float64 {
	_, m := divmod(x, y)
	return m
}

func divmod(x, y float64) (float64, float64) {
	if y == 0 {
		return x / y, math.NaN()
	}
	mod := math.Mod(x, y)
	div := (x - mod) / y
	if mod != 0 {
		if (y < 0) != (mod < 0) {
			mod += y
			div--
		}
	} else {
		mod = math.Copysign(0, y)
	}
	if div != 0 {
		fd := math.Floor(div)
		if div-fd > 0.5 {
			fd++
		}
		div = fd
	} else {
		div = math.Copysign(0, x/y)
	}
	return div, mod
}

// intFloorDiv and intFloorMod give numpy's results, 0 for a zero divisor.
func intFloorDiv(x, y int64) int64 {
	if y == 0 {
		return 0
	}
	if y == -1 {
		return -x
	}
	q := x / y
	if (x%y != 0) && ((x < 0) != (y < 0)) {
		q--
	}
	return q
}

func intFloorMod(x, y int64) int64 {
	if y == 0 || y == -1 {
		return 0
	}
	m := x % y
	if m != 0 && ((m < 0) != (y < 0)) {
		m += y
	}
	return m
}

func intPow(x, y int64) int64 {
	r := int64(1)
	for y > 0 {
		if y&1 == 1 {
			r *= x
		}
		x *= x
		y >>= 1
	}
	return r
}
