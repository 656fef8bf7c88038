// Package units implements physical dimensions and quantities: seven SI base
// exponents with rational values, the table of named units with every SI
// prefix, and the best-unit display that Brian2 users expect.
//
// The package depends on nothing else in sim.
package units

import (
	"fmt"
	"strings"
)

// Base indexes the seven SI base dimensions inside a Dim.
type Base int

// The SI base dimensions, in Brian2's order.
const (
	Length Base = iota
	Mass
	Time
	Current
	Temperature
	Amount
	Luminosity
	NumBase
)

var baseSymbols = [NumBase]string{"m", "kg", "s", "A", "K", "mol", "cd"}

// Rat is a small normalized rational exponent Num/Den with Den > 0.
type Rat struct{ Num, Den int8 }

// R makes the normalized rational n/d.
func R(n, d int) Rat {
	if d == 0 {
		panic("units: zero denominator")
	}
	if n == 0 {
		return Rat{}
	}
	if d < 0 {
		n, d = -n, -d
	}
	g := gcd(abs(n), d)
	if g > 1 {
		n, d = n/g, d/g
	}
	return Rat{int8(n), int8(d)}
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return 1
	}
	return a
}

func abs(a int) int {
	if a < 0 {
		return -a
	}
	return a
}

// IsZero reports whether r is 0.
func (r Rat) IsZero() bool { return r.Num == 0 }

// Float returns r as a float64.
func (r Rat) Float() float64 {
	if r.Den == 0 {
		return 0
	}
	return float64(r.Num) / float64(r.Den)
}

func (r Rat) den() int {
	if r.Den == 0 {
		return 1
	}
	return int(r.Den)
}

// Add returns r+s.
func (r Rat) Add(s Rat) Rat {
	return R(int(r.Num)*s.den()+int(s.Num)*r.den(), r.den()*s.den())
}

// Mul returns r*s.
func (r Rat) Mul(s Rat) Rat { return R(int(r.Num)*int(s.Num), r.den()*s.den()) }

// String formats r as "2" or "1/2".
func (r Rat) String() string {
	if r.den() == 1 {
		return fmt.Sprint(r.Num)
	}
	return fmt.Sprintf("%d/%d", r.Num, r.Den)
}

// Dim is a physical dimension: the exponents of the seven SI base units.
// The zero Dim is dimensionless. Dims are comparable with ==; a zero
// exponent is always stored as Rat{0, 0} so that equal dimensions are
// equal values.
type Dim [NumBase]Rat

// Dimensionless is the dimension of plain numbers.
var Dimensionless Dim

func norm(r Rat) Rat {
	if r.Num == 0 {
		return Rat{}
	}
	return r
}

// BaseDim returns the dimension of one base unit raised to the power 1.
func BaseDim(b Base) Dim {
	var d Dim
	d[b] = Rat{1, 1}
	return d
}

// IsDimensionless reports whether d has all exponents zero.
func (d Dim) IsDimensionless() bool {
	// seven small compares: d == Dimensionless calls memequal (14 bytes)
	for _, r := range d {
		if r != (Rat{}) {
			return false
		}
	}
	return true
}

// Mul returns the dimension of a product.
func (d Dim) Mul(e Dim) Dim {
	var out Dim
	for i := range d {
		out[i] = norm(d[i].Add(e[i]))
	}
	return out
}

// Div returns the dimension of a quotient.
func (d Dim) Div(e Dim) Dim { return d.Mul(e.Inv()) }

// Inv returns the reciprocal dimension.
func (d Dim) Inv() Dim {
	var out Dim
	for i := range d {
		out[i] = norm(Rat{-d[i].Num, d[i].Den})
	}
	return out
}

// Pow returns d raised to the rational power p.
func (d Dim) Pow(p Rat) Dim {
	var out Dim
	for i := range d {
		out[i] = norm(d[i].Mul(p))
	}
	return out
}

// PowFloat returns d raised to a float power, which must be (close to) a
// rational with a small denominator; ok is false otherwise.
func (d Dim) PowFloat(p float64) (Dim, bool) {
	if d.IsDimensionless() {
		return d, true
	}
	for den := 1; den <= 12; den++ {
		n := p * float64(den)
		rn := float64(int(n + 0.5*sign(n)))
		if abs64(n-rn) < 1e-9 && abs64(rn) < 127 {
			return d.Pow(R(int(rn), den)), true
		}
	}
	return Dim{}, false
}

func sign(x float64) float64 {
	if x < 0 {
		return -1
	}
	return 1
}

func abs64(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// String writes d in SI base units, for example "m^2 kg s^-3 A^-1"; the
// dimensionless Dim is "1".
func (d Dim) String() string {
	var parts []string
	for i, r := range d {
		if r.IsZero() {
			continue
		}
		if r.Num == 1 && r.den() == 1 {
			parts = append(parts, baseSymbols[i])
		} else {
			parts = append(parts, baseSymbols[i]+"^"+r.String())
		}
	}
	if len(parts) == 0 {
		return "1"
	}
	return strings.Join(parts, " ")
}
