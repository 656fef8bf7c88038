package vmath

import (
	"math"
	"math/big"
	"sync"
)

// refPrec is the working precision of the reference exp.
const refPrec = 200

var refLn2 = sync.OnceValue(func() *big.Float {
	// ln 2 = Σ 1/(k·2^k)
	s := new(big.Float).SetPrec(refPrec + 20)
	for k := 1; k <= refPrec+30; k++ {
		term := new(big.Float).SetPrec(refPrec + 20).SetInt64(int64(k))
		term.SetMantExp(term, k)
		s.Add(s, term.Quo(big.NewFloat(1).SetPrec(refPrec+20), term))
	}
	return s
})

// refExp returns exp(x) to about refPrec bits: x = k·ln2 + r, exp(r/2^10)
// by its Taylor series, squared ten times, times 2^k.
func refExp(x float64) *big.Float {
	ln2 := refLn2()
	k := math.Round(x / math.Ln2)
	r := new(big.Float).SetPrec(refPrec).SetFloat64(x)
	kl := new(big.Float).SetPrec(refPrec).SetFloat64(k)
	r.Sub(r, kl.Mul(kl, ln2))
	r.SetMantExp(r, -10)
	sum := new(big.Float).SetPrec(refPrec).SetInt64(1)
	term := new(big.Float).SetPrec(refPrec).SetInt64(1)
	for n := 1; n < 40; n++ {
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetPrec(refPrec).SetInt64(int64(n)))
		sum.Add(sum, term)
	}
	for i := 0; i < 10; i++ {
		sum.Mul(sum, sum)
	}
	return sum.SetMantExp(sum, int(k))
}

// ulpError returns |got - exp(x)| in units of the last place of the exact
// value (for results in the normal range).
func ulpError(got, x float64) float64 {
	ref := refExp(x)
	d := new(big.Float).SetPrec(refPrec).SetFloat64(got)
	d.Sub(d, ref).Abs(d)
	e := ref.MantExp(nil) // ref = m·2^e, 0.5 ≤ m < 1
	d.SetMantExp(d, 53-e)
	f, _ := d.Float64()
	return f
}
