package vecvm

import (
	"testing"

	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
)

// parseStmts turns "a = x; b += y" lines into vector statements.
func parseStmts(t testing.TB, src string) []vector.Stmt {
	t.Helper()
	f, err := lang.ParseFile("code", src)
	if err != nil {
		t.Fatal(err)
	}
	var out []vector.Stmt
	for _, s := range f.Stmts {
		switch s := s.(type) {
		case *lang.Assign:
			out = append(out, vector.Stmt{Pos: s.Pos, Target: s.Targets[0].(*lang.Ident).Name, Op: lang.Illegal, Value: s.Value})
		case *lang.AugAssign:
			out = append(out, vector.Stmt{Pos: s.Pos, Target: s.Target.(*lang.Ident).Name, Op: s.Op, Value: s.Value})
		default:
			t.Fatalf("unsupported statement %T", s)
		}
	}
	return out
}

func resolver(m map[string]vector.Symbol) vector.Resolver {
	return func(name string) (vector.Symbol, bool) {
		s, ok := m[name]
		return s, ok
	}
}

func compile(t testing.TB, src string, syms map[string]vector.Symbol) *vector.Program {
	t.Helper()
	p, err := vector.Compile(parseStmts(t, src), resolver(syms), vector.Options{File: "code", Src: src})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func compileExpr(t testing.TB, src string, syms map[string]vector.Symbol) *vector.Program {
	t.Helper()
	e, err := lang.ParseExpr("expr", src)
	if err != nil {
		t.Fatal(err)
	}
	p, err := vector.CompileExpr(e, resolver(syms), vector.Options{File: "expr", Src: src})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The conductance-based LIF of the seed network, Euler abstract code.
const lifCode = `_v = v + dt*(-(gl*(v - vl) + ge*(v - ve) + gi*(v - vi) - I)/c)
_ge = ge + dt*(-ge/ge_tau)
_gi = gi + dt*(-gi/gi_tau)
v = _v
ge = _ge
gi = _gi
`

const (
	lifC     = 100e-12
	lifVl    = -70e-3
	lifGl    = 5e-9
	lifGeTau = 20e-3
	lifVe    = 0.0
	lifGiTau = 100e-3
	lifVi    = -80e-3
	lifDt    = 0.1e-3
)

func lifSyms() map[string]vector.Symbol {
	return map[string]vector.Symbol{
		"v": {Kind: vector.Array, Slot: 0}, "ge": {Kind: vector.Array, Slot: 1},
		"gi": {Kind: vector.Array, Slot: 2}, "I": {Kind: vector.Array, Slot: 3},
		"dt": {Kind: vector.Scalar, Slot: 0, ReadOnly: true},
		"c":  {Kind: vector.Constant, Value: lifC}, "vl": {Kind: vector.Constant, Value: lifVl},
		"gl": {Kind: vector.Constant, Value: lifGl}, "ge_tau": {Kind: vector.Constant, Value: lifGeTau},
		"ve": {Kind: vector.Constant, Value: lifVe}, "gi_tau": {Kind: vector.Constant, Value: lifGiTau},
		"vi": {Kind: vector.Constant, Value: lifVi},
	}
}

// lifHand is the same update hand-written in Go, one fused loop.
func lifHand(v, ge, gi, I []float64, dt float64) {
	ge, gi, I = ge[:len(v)], gi[:len(v)], I[:len(v)]
	for k := range v {
		vk, gek, gik := v[k], ge[k], gi[k]
		nv := vk + float64(dt*(-(float64(lifGl*(vk-lifVl))+float64(gek*(vk-lifVe))+float64(gik*(vk-lifVi))-I[k])/lifC))
		nge := gek + float64(dt*(-gek/lifGeTau))
		ngi := gik + float64(dt*(-gik/lifGiTau))
		v[k], ge[k], gi[k] = nv, nge, ngi
	}
}

func lifState(n int) (v, ge, gi, I []float64) {
	v, ge, gi, I = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for k := range v {
		v[k] = -60e-3 + 1e-3*float64(k%17)
		ge[k] = 1e-9 * float64(k%5)
		gi[k] = 2e-9 * float64(k%7)
		I[k] = 1e-11 * float64(k%3)
	}
	return
}
