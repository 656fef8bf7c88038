package engine

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

// generator is a parsed synapse generator expression
// `element for inner in iter(low, high, step, p=..., size=...) if cond`.
type generator struct {
	element, inner, iter string
	low, high, step      string
	p, size              string // sample's keyword ("" when absent)
	cond                 string // "" for none
}

// parseGenerator parses generator syntax as Brian2 does; an expression
// without `for` means one value ("i" is "i for _ in range(1)").
func parseGenerator(src string) (*generator, error) {
	text := strings.TrimSpace(src)
	bad := func(why string) error {
		return fmt.Errorf("error parsing expression '%s': expression must have generator syntax, for example 'k for k in range(i-10, i+10)'%s", src, why)
	}
	if !strings.Contains(" "+text+" ", " for ") {
		parts := strings.Split(text, " if ")
		switch len(parts) {
		case 1:
			text += " for _ in range(1)"
		case 2:
			text = parts[0] + " for _ in range(1) if " + parts[1]
		default:
			return nil, bad("")
		}
	}
	e, err := lang.ParseExpr("<generator>", "["+text+"]")
	if err != nil {
		return nil, bad(": " + err.Error())
	}
	comp, ok := e.(*lang.Comprehension)
	if !ok || comp.Kind != lang.ListComp {
		return nil, bad(" (it is not a generator expression)")
	}
	g := &generator{element: model.ExprString(comp.Body)}
	var fors int
	for _, cl := range comp.Clauses {
		if cl.If != nil {
			if g.cond != "" {
				g.cond = "(" + g.cond + ") and (" + model.ExprString(cl.If) + ")"
			} else {
				g.cond = model.ExprString(cl.If)
			}
			continue
		}
		fors++
		id, ok := cl.Vars.(*lang.Ident)
		if !ok {
			return nil, bad(" (the generator must iterate over a single variable)")
		}
		g.inner = id.Name
		call, ok := cl.Iter.(*lang.Call)
		fn, ok2 := callName(call)
		if !ok || !ok2 || fn != "range" && fn != "sample" {
			return nil, bad(" (the iterator must be range(...) or sample(...))")
		}
		g.iter = fn
		var pos []string
		kw := map[string]string{}
		for _, a := range call.Args {
			if a.Star != 0 {
				return nil, bad(" (star arguments are not supported)")
			}
			if a.Name != "" {
				kw[a.Name] = model.ExprString(a.Value)
			} else {
				pos = append(pos, model.ExprString(a.Value))
			}
		}
		if len(pos) == 0 || len(pos) > 3 {
			return nil, bad(fmt.Sprintf(" (%s takes 1-3 positional arguments)", fn))
		}
		g.low, g.step = "0", "1"
		switch len(pos) {
		case 1:
			g.high = pos[0]
		case 2:
			g.low, g.high = pos[0], pos[1]
		case 3:
			g.low, g.high, g.step = pos[0], pos[1], pos[2]
		}
		if fn == "range" && len(kw) > 0 {
			return nil, bad(" (range doesn't accept keyword arguments)")
		}
		if fn == "sample" {
			p, hasP := kw["p"]
			size, hasSize := kw["size"]
			if len(kw) != 1 || !hasP && !hasSize {
				return nil, bad(" (sample accepts one keyword argument, either 'p' or 'size')")
			}
			g.p, g.size = p, size
		}
	}
	if fors != 1 {
		return nil, bad(" (the generator expression must involve only one iterator)")
	}
	return g, nil
}

func callName(c *lang.Call) (string, bool) {
	if c == nil {
		return "", false
	}
	id, ok := c.Fn.(*lang.Ident)
	if !ok {
		return "", false
	}
	return id.Name, true
}

// exprIdents returns the names used by an expression string.
func exprIdents(expr string) (map[string]bool, error) {
	e, err := lang.ParseExpr("<expression>", expr)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, n := range model.Identifiers(e) {
		out[n] = true
	}
	return out, nil
}

func usesRandom(expr string) bool {
	return strings.Contains(expr, "rand(") || strings.Contains(expr, "randn(") || strings.Contains(expr, "poisson(")
}

// connectGenerator connects with generator syntax for j (overPre) or i.
func (s *Synapses) connectGenerator(src string, a ConnectArgs, ns model.Namespace, overPre bool) error {
	g, err := parseGenerator(src)
	if err != nil {
		return err
	}
	return s.runGenerator(g, a, ns, overPre)
}

// Array slots of the candidate context.
const (
	candPre = iota
	candPost
	candInner
	candFixed
)

// connEval evaluates connect expressions over candidate pairs: i and j
// (relative indices), the generator's inner variable and the pre- and
// postsynaptic variables.
type connEval struct {
	s       *Synapses
	eqs     *model.Equations
	sp      map[string]model.Special
	ns      model.Namespace
	inner   string
	ctx     vecvm.Context
	srcBase int
	tgtBase int
	// absRange is the slot of k for every neuron k (a group's own i)
	absRange int
	batch    int64
}

// newConnEval prepares the evaluation of connect expressions (texts:
// the groups' subexpressions they use become available).
func (s *Synapses) newConnEval(ns model.Namespace, inner string, texts []string) *connEval {
	c := &connEval{s: s, ns: ns, inner: inner}
	c.eqs = s.Eqs.Derive(func(*model.Variable) *model.Variable { return nil }, append(s.refVars(), s.usedSubRefs(texts, true)...))
	c.sp = map[string]model.Special{
		"t": {Dim: secondDim}, "dt": {Dim: secondDim},
		"i": {Type: vector.Int}, "j": {Type: vector.Int}, "N": {Type: vector.Int},
		"N_pre": {Type: vector.Int}, "N_post": {Type: vector.Int},
		groupI + "_pre": {Type: vector.Int}, groupI + "_post": {Type: vector.Int},
		groupN + "_pre": {Type: vector.Int}, groupN + "_post": {Type: vector.Int},
	}
	if inner != "" {
		c.sp[inner] = model.Special{Type: vector.Int}
	}
	c.ctx = vecvm.Context{Seed: mix(s.Seed, uint64(s.connects)<<32), Threads: 1}
	c.ctx.Arrays = make([][]float64, candFixed)
	c.srcBase = len(c.ctx.Arrays)
	for _, name := range s.Source.G.varOrder {
		c.ctx.Arrays = append(c.ctx.Arrays, s.Source.G.vars[name].Data)
	}
	c.tgtBase = len(c.ctx.Arrays)
	for _, name := range s.Target.G.varOrder {
		c.ctx.Arrays = append(c.ctx.Arrays, s.Target.G.vars[name].Data)
	}
	c.absRange = len(c.ctx.Arrays)
	c.ctx.Arrays = append(c.ctx.Arrays, relRange(Whole(biggest(s.Source.G, s.Target.G))))
	c.ctx.Indices = make([][]int32, numSynIndices)
	c.ctx.Scalars = []float64{s.Clock.T(), s.Clock.Dt(), float64(len(s.I))}
	return c
}

func (c *connEval) resolver() vector.Resolver {
	s := c.s
	return func(name string) (vector.Symbol, bool) {
		if r, ok := s.refs[name]; ok {
			g, base, idx := s.Source.G, c.srcBase, idxPre
			if r.post {
				g, base, idx = s.Target.G, c.tgtBase, idxPost
			}
			v := g.vars[r.name]
			if v.Shared {
				idx = idxZero
			}
			return vector.Symbol{Kind: vector.IndexedArray, Type: v.Type, Slot: base + v.slot, Index: idx, ReadOnly: true}, true
		}
		switch name {
		case c.inner:
			return vector.Symbol{Kind: vector.Array, Type: vector.Int, Slot: candInner, ReadOnly: true}, true
		case "i":
			return vector.Symbol{Kind: vector.Array, Type: vector.Int, Slot: candPre, ReadOnly: true}, true
		case "j":
			return vector.Symbol{Kind: vector.Array, Type: vector.Int, Slot: candPost, ReadOnly: true}, true
		case "t":
			return vector.Symbol{Kind: vector.Scalar, Slot: 0, ReadOnly: true}, true
		case "dt":
			return vector.Symbol{Kind: vector.Scalar, Slot: 1, ReadOnly: true}, true
		case "N":
			return vector.Symbol{Kind: vector.Scalar, Type: vector.Int, Slot: 2, ReadOnly: true}, true
		case "N_pre":
			return vector.Symbol{Kind: vector.Constant, Type: vector.Int, Value: float64(s.Source.Len()), ReadOnly: true}, true
		case "N_post":
			return vector.Symbol{Kind: vector.Constant, Type: vector.Int, Value: float64(s.Target.Len()), ReadOnly: true}, true
		case groupI + "_pre":
			return vector.Symbol{Kind: vector.IndexedArray, Type: vector.Int, Slot: c.absRange, Index: idxPre, ReadOnly: true}, true
		case groupI + "_post":
			return vector.Symbol{Kind: vector.IndexedArray, Type: vector.Int, Slot: c.absRange, Index: idxPost, ReadOnly: true}, true
		case groupN + "_pre":
			return vector.Symbol{Kind: vector.Constant, Type: vector.Int, Value: float64(s.Source.G.N), ReadOnly: true}, true
		case groupN + "_post":
			return vector.Symbol{Kind: vector.Constant, Type: vector.Int, Value: float64(s.Target.G.N), ReadOnly: true}, true
		}
		if c.ns != nil {
			if x, ok := c.ns(name); ok && x.Func == nil {
				return vector.Symbol{Kind: vector.Constant, Value: x.Value, ReadOnly: true}, true
			}
		}
		return vector.Symbol{}, false
	}
}

// compile checks and compiles an expression (a condition when cond).
func (c *connEval) compile(expr string, cond bool) (*vector.Program, error) {
	var x lang.Expr
	var err error
	if cond {
		x, err = model.CompileCondition(c.eqs, expr, c.ns, c.sp)
	} else {
		var dim units.Dim
		x, dim, err = model.ExprDim(c.eqs, expr, c.ns, c.sp)
		if err == nil && !dim.IsDimensionless() {
			return nil, fmt.Errorf("the expression '%s' has to be dimensionless", expr)
		}
	}
	if err != nil {
		return nil, err
	}
	return vector.CompileExpr(x, c.resolver(), options(c.ns))
}

// eval evaluates prog over candidates (pre, post, inner relative
// indices; post entries outside the target are only read by expressions
// that do not use postsynaptic variables).
func (c *connEval) eval(prog *vector.Program, pre, post, inner []float64) ([]float64, error) {
	n := len(pre)
	c.ctx.Arrays[candPre], c.ctx.Arrays[candPost], c.ctx.Arrays[candInner] = pre, post, inner
	c.ctx.Indices[idxPre] = absIndex(pre, c.s.Source)
	c.ctx.Indices[idxPost] = absIndex(post, c.s.Target)
	c.ctx.Indices[idxZero] = make([]int32, n)
	c.batch++
	c.ctx.Step = c.batch
	out := make([]float64, n)
	if n == 0 {
		return out, nil
	}
	err := vecvm.Eval(prog, &c.ctx, n, out)
	return out, err
}

// absIndex converts relative indices to absolute ones (0 for indices
// outside the source, which valid code never reads).
func absIndex(rel []float64, src Source) []int32 {
	out := make([]int32, len(rel))
	for k, x := range rel {
		if x >= 0 && int(x) < src.Len() {
			out[k] = int32(int(x) + src.Start)
		}
	}
	return out
}

// runGenerator creates the synapses of a generator: for each outer
// neuron (presynaptic when overPre), the inner variable runs over
// range(...) or sample(...), the element gives the result neuron, the
// condition filters, and n synapses are made per pair.
func (s *Synapses) runGenerator(g *generator, a ConnectArgs, ns model.Namespace, overPre bool) error {
	resultName := "j"
	outerN, resultN := s.Source.Len(), s.Target.Len()
	resultWord := "postsynaptic"
	if !overPre {
		resultName = "i"
		outerN, resultN = resultN, outerN
		resultWord = "presynaptic"
	}
	ce := s.newConnEval(ns, g.inner, []string{g.element, g.cond, g.low, g.high, g.step, g.p, g.size, a.NExpr})
	for _, n := range []string{"N_incoming", "N_outgoing"} {
		for _, e := range []string{g.element, g.cond, a.NExpr} {
			if ids, _ := exprIdents(e); e != "" && ids[n] {
				return fmt.Errorf("the connect statement cannot refer to '%s'", n)
			}
		}
	}
	// which side's variables an expression uses
	resultSide := func(ids map[string]bool) bool {
		for n := range ids {
			if post, ok := s.refSide(n); ok && post == overPre {
				return true
			}
		}
		return false
	}
	// per outer neuron: iterator arguments and outer-only conditions
	outerIdx := make([]float64, outerN)
	for k := range outerIdx {
		outerIdx[k] = float64(k)
	}
	zeros := make([]float64, outerN)
	preOf := func(outer, result []float64) ([]float64, []float64) {
		if overPre {
			return outer, result
		}
		return result, outer
	}
	perOuter := func(expr, what string, cond bool) ([]float64, error) {
		ids, err := exprIdents(expr)
		if err != nil {
			return nil, err
		}
		if ids[resultName] || ids[g.inner] || resultSide(ids) {
			return nil, fmt.Errorf("expression \"%s\" depends on %s index or iterator", expr, resultWord)
		}
		prog, err := ce.compile(expr, cond)
		if err != nil {
			return nil, err
		}
		pre, post := preOf(outerIdx, zeros)
		return ce.eval(prog, pre, post, zeros)
	}
	intArg := func(expr, what string) ([]float64, error) {
		vals, err := perOuter(expr, what, false)
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			if v != math.Trunc(v) {
				return nil, fmt.Errorf("the '%s' argument of the %s function was '%s', but it needs to be an integer", what, g.iter, expr)
			}
		}
		return vals, nil
	}
	lows, err := intArg(g.low, "low")
	if err != nil {
		return err
	}
	highs, err := intArg(g.high, "high")
	if err != nil {
		return err
	}
	steps, err := intArg(g.step, "step")
	if err != nil {
		return err
	}
	var ps, sizes []float64
	if g.p != "" {
		if ps, err = perOuter(g.p, "p", false); err != nil {
			return err
		}
	}
	if g.size != "" {
		if sizes, err = intArg(g.size, "size"); err != nil {
			return err
		}
	}
	// the condition, when it depends only on the outer neuron
	var outerOK []float64
	condPerPair := false
	var condProg *vector.Program
	condUsesResult := false
	if g.cond != "" {
		ids, err := exprIdents(g.cond)
		if err != nil {
			return err
		}
		condUsesResult = resultSide(ids)
		if ids[resultName] || ids[g.inner] || condUsesResult || usesRandom(g.cond) {
			condPerPair = true
			if condProg, err = ce.compile(g.cond, true); err != nil {
				return err
			}
		} else if outerOK, err = perOuter(g.cond, "condition", true); err != nil {
			return err
		}
	}
	var elemProg *vector.Program
	if strings.TrimSpace(g.element) != g.inner {
		ids, err := exprIdents(g.element)
		if err != nil {
			return err
		}
		if ids[resultName] || resultSide(ids) {
			return fmt.Errorf("the generator's element '%s' cannot depend on the %s index it defines", g.element, resultWord)
		}
		if elemProg, err = ce.compile(g.element, false); err != nil {
			return err
		}
	}
	var nProg *vector.Program
	if a.NExpr != "" {
		if nProg, err = ce.compile(a.NExpr, false); err != nil {
			return err
		}
	}
	seed := mix(s.Seed, uint64(s.connects))
	var bOuter, bInner []float64
	flush := func() error {
		if len(bOuter) == 0 {
			return nil
		}
		defer func() { bOuter, bInner = bOuter[:0], bInner[:0] }()
		res := bInner
		if elemProg != nil {
			pre, post := preOf(bOuter, bInner)
			r, err := ce.eval(elemProg, pre, post, bInner)
			if err != nil {
				return err
			}
			res = r
		} else {
			res = append([]float64(nil), bInner...)
		}
		outer, inner := bOuter, bInner
		valid := func(x float64) bool { return x >= 0 && x < float64(resultN) }
		keep := func(ok func(k int) bool) {
			no, ni, nr := outer[:0:0], inner[:0:0], res[:0:0]
			for k := range res {
				if ok(k) {
					no, ni, nr = append(no, outer[k]), append(ni, inner[k]), append(nr, res[k])
				}
			}
			outer, inner, res = no, ni, nr
		}
		firstInvalid := func() (float64, bool) {
			for _, x := range res {
				if !valid(x) {
					return x, true
				}
			}
			return 0, false
		}
		if condPerPair {
			if a.SkipIfInvalid {
				keep(func(k int) bool { return valid(res[k]) })
			} else if condUsesResult {
				if x, bad := firstInvalid(); bad {
					return fmt.Errorf("tried to create synapse indices outside valid range: index %s=%d outside allowed range from 0 to %d, and the condition refers to a %s variable", resultName, int64(x), resultN-1, resultWord)
				}
			}
			pre, post := preOf(outer, res)
			ok, err := ce.eval(condProg, pre, post, inner)
			if err != nil {
				return err
			}
			keep(func(k int) bool { return ok[k] != 0 })
		}
		if a.SkipIfInvalid {
			keep(func(k int) bool { return valid(res[k]) })
		} else if x, bad := firstInvalid(); bad {
			return fmt.Errorf("tried to create synapse indices outside valid range: index %s=%d outside allowed range from 0 to %d", resultName, int64(x), resultN-1)
		}
		var nvals []float64
		if nProg != nil {
			pre, post := preOf(outer, res)
			v, err := ce.eval(nProg, pre, post, inner)
			if err != nil {
				return err
			}
			nvals = v
		}
		for k := range res {
			n := a.N
			if nvals != nil {
				n = int64(nvals[k])
			}
			pi, pj := int32(outer[k]), int32(res[k])
			if !overPre {
				pi, pj = pj, pi
			}
			for r := int64(0); r < n; r++ {
				s.I = append(s.I, pi)
				s.J = append(s.J, pj)
			}
		}
		return nil
	}
	const batchSize = 1 << 16
	var sample []int64
	for o := 0; o < outerN; o++ {
		if outerOK != nil && outerOK[o] == 0 {
			continue
		}
		low, high, step := int64(lows[o]), int64(highs[o]), int64(steps[o])
		if step == 0 {
			return fmt.Errorf("the step of range/sample cannot be zero")
		}
		var count int64
		if step > 0 && high > low {
			count = (high-low-1)/step + 1
		} else if step < 0 && low > high {
			count = (low-high-1)/-step + 1
		}
		of := float64(o)
		switch {
		case g.iter == "range":
			for m := int64(0); m < count; m++ {
				bOuter = append(bOuter, of)
				bInner = append(bInner, float64(low+m*step))
			}
		case sizes != nil:
			size := int64(sizes[o])
			if size < 0 {
				if a.SkipIfInvalid {
					continue
				}
				return fmt.Errorf("tried to create synapse indices outside valid range: requested sample size %d is negative", size)
			}
			if size > count {
				if !a.SkipIfInvalid {
					return fmt.Errorf("tried to create synapse indices outside valid range: requested sample size %d is bigger than the population size %d", size, count)
				}
				size = count
			}
			sample = sampleFixed(newSplitRand(seed, uint64(o)+1), count, size, sample[:0])
			for _, m := range sample {
				bOuter = append(bOuter, of)
				bInner = append(bInner, float64(low+m*step))
			}
		default:
			sample = sampleBernoulli(newSplitRand(seed, uint64(o)+1), count, ps[o], sample[:0])
			for _, m := range sample {
				bOuter = append(bOuter, of)
				bInner = append(bInner, float64(low+m*step))
			}
		}
		if len(bOuter) >= batchSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// sampleBernoulli returns the m in 0..n-1 each chosen with probability
// p, ascending, by geometric jumps between hits.
func sampleBernoulli(r *splitRand, n int64, p float64, out []int64) []int64 {
	switch {
	case !(p > 0) || n <= 0:
		return out
	case p >= 1:
		for m := int64(0); m < n; m++ {
			out = append(out, m)
		}
		return out
	}
	if p > 0.25 {
		for m := int64(0); m < n; m++ {
			if r.float() < p {
				out = append(out, m)
			}
		}
		return out
	}
	c := 1 / math.Log1p(-p)
	m := int64(-1)
	for {
		u := 1 - r.float() // (0, 1]
		jump := math.Floor(math.Log(u)*c) + 1
		if jump > float64(n) {
			return out
		}
		m += int64(jump)
		if m >= n {
			return out
		}
		out = append(out, m)
	}
}

// sampleFixed returns size distinct values of 0..n-1, ascending
// (Floyd's algorithm).
func sampleFixed(r *splitRand, n, size int64, out []int64) []int64 {
	if size >= n {
		for m := int64(0); m < n; m++ {
			out = append(out, m)
		}
		return out
	}
	chosen := make(map[int64]bool, size)
	for k := n - size; k < n; k++ {
		x := r.intn(k + 1)
		if chosen[x] {
			x = k
		}
		chosen[x] = true
	}
	for x := range chosen {
		out = append(out, x)
	}
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	return out
}
