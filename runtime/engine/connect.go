package engine

import (
	"fmt"
	"math"
	"strings"

	"github.com/sim-lang/sim/compiler/model"
)

// ConnectArgs are the arguments of Synapses.connect. Exactly one way of
// connecting is used: arrays I and J (HasArrays), a generator
// expression for j (JGen, over presynaptic neurons) or for i (IGen, over
// postsynaptic neurons), or a condition (Condition; "" with nothing else
// given means all-to-all).
type ConnectArgs struct {
	Condition string
	HasArrays bool
	I, J      []int64
	IGen      string
	JGen      string
	// P is the connection probability (PExpr, when not empty, an
	// expression for it).
	P     float64
	PExpr string
	// N is the number of synapses per pair: NArr (one per pair, for
	// arrays), NExpr (an expression) or N.
	N             int64
	NArr          []int64
	NExpr         string
	SkipIfInvalid bool
}

// Connect creates synapses, as Brian2's Synapses.connect does. Random
// choices come from streams derived from the synapses' seed and the
// number of earlier connect calls.
func (s *Synapses) Connect(a ConnectArgs, ns model.Namespace) error {
	ns = Layered(s.namespace, ns)
	s.connects++
	s.connected = true
	old := len(s.I)
	var err error
	switch {
	case a.HasArrays:
		if a.SkipIfInvalid {
			return fmt.Errorf("can only use skip_if_invalid with string syntax")
		}
		err = s.connectArrays(a)
	case a.JGen != "":
		if a.PExpr != "" || a.P != 1 {
			return fmt.Errorf("generator syntax cannot be combined with p argument")
		}
		err = s.connectGenerator(a.JGen, a, ns, true)
	case a.IGen != "":
		if a.PExpr != "" || a.P != 1 {
			return fmt.Errorf("generator syntax cannot be combined with p argument")
		}
		err = s.connectGenerator(a.IGen, a, ns, false)
	default:
		cond := strings.TrimSpace(a.Condition)
		if cond == "" {
			cond = "True"
		}
		if cond == "False" {
			return nil
		}
		err = s.connectCondition(cond, a, ns)
	}
	if err != nil {
		// keep the synapses as they were
		s.I, s.J = s.I[:old], s.J[:old]
		s.resize(old)
		return err
	}
	s.resize(len(s.I))
	s.updateCounts()
	return nil
}

// connectArrays connects pairs (I[k], J[k]) with N (or NArr[k]) synapses
// each, keeping each pair with probability P.
func (s *Synapses) connectArrays(a ConnectArgs) error {
	is, js := a.I, a.J
	if len(is) == 1 && len(js) > 1 {
		is = repeatInt(is[0], len(js))
	}
	if len(js) == 1 && len(is) > 1 {
		js = repeatInt(js[0], len(is))
	}
	if len(is) != len(js) {
		return fmt.Errorf("shape mismatch: i has %d elements but j has %d", len(a.I), len(a.J))
	}
	if a.NExpr != "" {
		return fmt.Errorf("indices cannot be combined with a string expression for n: either use an array/scalar for n, or a string expression for the connections")
	}
	ns := a.NArr
	if ns != nil && len(ns) != len(is) {
		if len(ns) != 1 {
			return fmt.Errorf("shape mismatch: n has %d elements but i has %d", len(ns), len(is))
		}
		ns = repeatInt(ns[0], len(is))
	}
	for _, c := range []struct {
		idx  []int64
		what string
		src  Source
	}{{is, "source", s.Source}, {js, "target", s.Target}} {
		for _, x := range c.idx {
			if x < 0 || x >= int64(c.src.Len()) {
				return fmt.Errorf("the given %s indices contain values outside of the range [0, %d] allowed for the %s group \"%s\"", c.what, c.src.Len()-1, c.what, c.src.G.name)
			}
		}
	}
	var rng *splitRand
	if a.PExpr != "" {
		return fmt.Errorf("a string expression for p cannot be combined with i and j arrays")
	}
	if a.P != 1 {
		rng = newSplitRand(mix(s.Seed, uint64(s.connects)), 0)
	}
	for k := range is {
		if rng != nil && !(rng.float() < a.P) {
			continue
		}
		n := a.N
		if ns != nil {
			n = ns[k]
		}
		for r := int64(0); r < n; r++ {
			s.I = append(s.I, int32(is[k]))
			s.J = append(s.J, int32(js[k]))
		}
	}
	return nil
}

func repeatInt(x int64, n int) []int64 {
	out := make([]int64, n)
	for k := range out {
		out[k] = x
	}
	return out
}

// connectCondition turns a condition and p into a generator over the
// postsynaptic neurons, as Brian2 does: range(N_post) when p is 1 or
// depends on j, else sample(N_post, p=p).
func (s *Synapses) connectCondition(cond string, a ConnectArgs, ns model.Namespace) error {
	if strings.Contains(" "+cond+" ", " for ") {
		return fmt.Errorf("generator expression given for condition, write connect(j='%s'...) instead of connect('%s'...)", cond, cond)
	}
	g := &generator{element: "_k", inner: "_k", iter: "range", low: "0", high: "N_post", step: "1", cond: renameJ(cond)}
	switch {
	case a.PExpr != "":
		ids, err := exprIdents(a.PExpr)
		if err != nil {
			return err
		}
		if ids["j"] || s.usesPost(ids) {
			g.cond = "(" + g.cond + ") and rand() < (" + renameJ(a.PExpr) + ")"
		} else {
			g.iter, g.p = "sample", a.PExpr
		}
	case a.P != 1:
		g.iter, g.p = "sample", formatFloat(a.P)
	}
	if g.cond == "True" {
		g.cond = ""
	}
	return s.runGenerator(g, a, ns, true)
}

// renameJ replaces the name j by _k (the candidate postsynaptic neuron).
func renameJ(expr string) string {
	var b strings.Builder
	for k := 0; k < len(expr); k++ {
		c := expr[k]
		if c == 'j' && (k == 0 || !isIdentByte(expr[k-1])) && (k+1 == len(expr) || !isIdentByte(expr[k+1])) {
			b.WriteString("_k")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
}

func formatFloat(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return fmt.Sprintf("%.1f", x)
	}
	return fmt.Sprintf("%.17g", x)
}

// usesPost reports whether names include postsynaptic variables.
func (s *Synapses) usesPost(ids map[string]bool) bool {
	for n := range ids {
		if post, ok := s.refSide(n); ok && post {
			return true
		}
	}
	return false
}

// splitRand is a small deterministic generator (SplitMix64) for the
// random choices of connect.
type splitRand struct{ state uint64 }

func newSplitRand(seed uint64, stream uint64) *splitRand {
	return &splitRand{state: mix(seed, stream)}
}

func (r *splitRand) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// float returns a uniform number in [0, 1).
func (r *splitRand) float() float64 { return float64(r.next()>>11) * 0x1p-53 }

// intn returns a uniform integer in [0, n).
func (r *splitRand) intn(n int64) int64 {
	return int64(r.float() * float64(n))
}
