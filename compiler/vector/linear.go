package vector

// Linear-combination superinstructions. The exact integrator of a linear
// system emits, per state variable, x_new = m0*x0 + m1*x1 + ... + c with
// per-run constant coefficients, and, for `(unless refractory)`
// variables, the masking form x = _x*not_refractory + x*(1 -
// not_refractory). fuseLinear turns such a tree into one instruction:
//
//	lin  c0, x0, c1, x1, ...            acc = c0*x0 + c1*x1 + ... (left to right)
//	linm a, nr, v, c0, x0, c1, x1, ...  (a - nr)*v + acc*nr
//
// Every coefficient ck is uniform. A bare term x is 1*x, a uniform term c
// is c*1, and a subtracted term c*x is (-c)*x: all exactly the same
// values, and the terms are added in the order the tree adds them, so
// results are bit-identical to the unfused code.

// maxLinTerms bounds the terms of one instruction (MaxArgs operands).
const (
	maxLinTerms  = MaxArgs / 2
	maxLinMTerms = (MaxArgs - 3) / 2
)

// fuseLinear rewrites node id (a root of fusion: not dead, varying) into
// a lin or linm instruction when that replaces at least three
// operations, or is a product of a uniform and a varying value, and
// reports whether it did.
func (b *builder) fuseLinear(id int32) bool {
	nd := &b.nodes[id]
	if nd.op == OpMul && b.nodes[nd.args[0]].uniform != b.nodes[nd.args[1]].uniform {
		// a scaling by a uniform value: one term (the vector loop)
		c, x := nd.args[0], nd.args[1]
		if !b.nodes[c].uniform {
			c, x = x, c
		}
		nd.op, nd.n = OpLin, 2
		nd.args = [MaxArgs]int32{c, x}
		return true
	}
	if nd.op != OpAdd && nd.op != OpSub {
		return false
	}
	if nd.op == OpAdd && b.fuseMasked(id) {
		return true
	}
	var inner []int32
	terms, muls := b.linTerms(id, true, maxLinTerms, &inner)
	if len(terms) < 2 || len(terms)-1+muls < 3 {
		return false
	}
	for _, in := range inner {
		b.nodes[in].dead = true
	}
	nd = &b.nodes[id]
	nd.op, nd.n = OpLin, uint8(2*len(terms))
	nd.args = [MaxArgs]int32{}
	for k, t := range terms {
		nd.args[2*k], nd.args[2*k+1] = t[0], t[1]
	}
	return true
}

// inner reports whether node id may be folded into its consumer: a
// varying, live, single-use node.
func (b *builder) inner(id int32) bool {
	nd := &b.nodes[id]
	return !nd.uniform && !nd.dead && nd.uses == 1
}

// fuseMasked matches add(mul(sub(a, nr), v), mul(L, nr)) (operands of
// the commutative add and muls in either order) with a uniform.
func (b *builder) fuseMasked(id int32) bool {
	nd := b.nodes[id]
	for swap := 0; swap < 2; swap++ {
		p, q := nd.args[swap], nd.args[1-swap]
		if !b.inner(p) || !b.inner(q) || b.nodes[p].op != OpMul || b.nodes[q].op != OpMul {
			continue
		}
		pn, qn := b.nodes[p], b.nodes[q]
		for ps := 0; ps < 2; ps++ {
			s, v := pn.args[ps], pn.args[1-ps]
			sn := b.nodes[s]
			if sn.op != OpSub || !b.inner(s) || !b.nodes[sn.args[0]].uniform {
				continue
			}
			a, nr := sn.args[0], sn.args[1]
			for qs := 0; qs < 2; qs++ {
				l, nr2 := qn.args[qs], qn.args[1-qs]
				if nr2 != nr {
					continue
				}
				inner := []int32{p, q, s}
				var terms [][2]int32
				if b.inner(l) {
					terms, _ = b.linTerms(l, false, maxLinMTerms, &inner)
				}
				if len(terms) == 0 {
					terms = [][2]int32{b.linTerm(l, false, true, &inner)}
				}
				for _, in := range inner {
					b.nodes[in].dead = true
				}
				out := &b.nodes[id]
				out.op, out.n = OpLinM, uint8(3+2*len(terms))
				out.args = [MaxArgs]int32{a, nr, v}
				for k, t := range terms {
					out.args[3+2*k], out.args[4+2*k] = t[0], t[1]
				}
				return true
			}
		}
	}
	return false
}

// linTerms decomposes the sum tree at id into at most max (coefficient,
// operand) terms in evaluation order, appending the folded nodes to
// inner; muls counts the products folded. The left-most part of a tree
// with more terms stays one operand.
func (b *builder) linTerms(id int32, root bool, max int, inner *[]int32) (terms [][2]int32, muls int) {
	// walk down the spine of additions, collecting right-hand terms
	type rhs struct {
		id  int32
		neg bool
	}
	var right []rhs
	cur := id
	for len(right) < max-1 {
		nd := &b.nodes[cur]
		if !(cur == id && root || b.inner(cur)) || (nd.op != OpAdd && nd.op != OpSub) {
			break
		}
		l, r := nd.args[0], nd.args[1]
		if nd.op == OpAdd && !b.isSum(l) && b.isSum(r) {
			l, r = r, l
		}
		if cur != id || !root {
			*inner = append(*inner, cur)
		}
		right = append(right, rhs{r, nd.op == OpSub})
		cur = l
	}
	if len(right) == 0 {
		return nil, 0
	}
	first := b.linTerm(cur, false, true, inner)
	terms = append(terms, first)
	if b.nodes[cur].op == OpMul && b.inner(cur) {
		muls++
	}
	for k := len(right) - 1; k >= 0; k-- {
		r := right[k]
		if b.nodes[r.id].op == OpMul && b.inner(r.id) {
			muls++
		}
		terms = append(terms, b.linTerm(r.id, r.neg, true, inner))
	}
	return terms, muls
}

// isSum reports whether id is a foldable addition or subtraction.
func (b *builder) isSum(id int32) bool {
	op := b.nodes[id].op
	return (op == OpAdd || op == OpSub) && b.inner(id)
}

// linTerm returns the (coefficient, operand) pair of one term, negated
// for a subtracted term; a foldable product of a uniform and another
// value is split (when fold is set), anything else is 1*x or c*1.
func (b *builder) linTerm(id int32, neg, fold bool, inner *[]int32) [2]int32 {
	nd := b.nodes[id]
	coef := func(c int32) int32 {
		if neg {
			return b.op(OpNeg, c)
		}
		return c
	}
	if fold && nd.op == OpMul && b.inner(id) {
		for j := 0; j < 2; j++ {
			if b.nodes[nd.args[j]].uniform {
				*inner = append(*inner, id)
				return [2]int32{coef(nd.args[j]), nd.args[1-j]}
			}
		}
	}
	if nd.uniform {
		return [2]int32{coef(id), b.constant(1)}
	}
	return [2]int32{coef(b.constant(1)), id}
}

// sLin is the scalar form of lin.
func sLin(x []float64) float64 {
	acc := float64(x[0] * x[1])
	for k := 2; k+1 < len(x); k += 2 {
		acc = acc + float64(x[k]*x[k+1])
	}
	return acc
}

// sLinM is the scalar form of linm.
func sLinM(x []float64) float64 {
	return float64((x[0]-x[1])*x[2]) + float64(sLin(x[3:])*x[1])
}

// uniformCoefs reports whether every coefficient operand (every other
// one from first) is uniform in mode m.
func uniformCoefs(m uint16, first, n int) bool {
	for j := first; j < n; j += 2 {
		if m&(1<<j) == 0 {
			return false
		}
	}
	return true
}

// wLin is the block kernel of lin.
func wLin(d []float64, x [][]float64, m uint16) {
	linBlock(d, x, m, false)
}

// wLinM is the block kernel of linm.
func wLinM(d []float64, x [][]float64, m uint16) {
	linBlock(d, x, m, true)
}

// fLin is wLin that also reports whether every value written is finite.
func fLin(d []float64, x [][]float64, m uint16) bool {
	return linBlock(d, x, m, false)
}

// fLinM is wLinM that also reports whether every value written is
// finite.
func fLinM(d []float64, x [][]float64, m uint16) bool {
	return linBlock(d, x, m, true)
}

// finiteFrom reports whether d[from:] holds no NaN or Inf.
func finiteFrom(d []float64, from int) bool {
	var a float64
	for _, x := range d[from:] {
		a += x * 0
	}
	return a == 0
}

// linBlock computes lin or linm over a block and reports whether the
// results are all finite.
func linBlock(d []float64, x [][]float64, m uint16, masked bool) bool {
	first := 0
	if masked {
		first = 3
	}
	t := (len(x) - first) / 2
	if len(d) == 0 {
		return true
	}
	if !uniformCoefs(m, first, len(x)) || (masked && m&1 == 0) || t > 8 {
		linGeneric(d, x, 0, masked)
		return finiteFrom(d, 0)
	}
	var xs [8]*float64
	var cs [8]float64
	for k := 0; k < t; k++ {
		cs[k] = x[first+2*k][0]
		xs[k] = &x[first+2*k+1][0]
	}
	var a float64
	var nr, v []float64
	if masked {
		a, nr, v = x[0][0], x[1], x[2]
	}
	done, ok := linFast(d, &xs, &cs, t, masked, a, nr, v)
	if done == len(d) {
		return ok
	}
	switch {
	case !masked && t == 1:
		c0, x0 := cs[0], x[1][:len(d)]
		for i := done; i < len(d); i++ {
			d[i] = c0 * x0[i]
		}
	case !masked && t == 3:
		c0, c1, c2 := cs[0], cs[1], cs[2]
		x0, x1, x2 := x[1][:len(d)], x[3][:len(d)], x[5][:len(d)]
		for i := done; i < len(d); i++ {
			d[i] = float64(c0*x0[i]) + float64(c1*x1[i]) + float64(c2*x2[i])
		}
	case masked && t == 4:
		c0, c1, c2, c3 := cs[0], cs[1], cs[2], cs[3]
		x0, x1, x2, x3 := x[4][:len(d)], x[6][:len(d)], x[8][:len(d)], x[10][:len(d)]
		nr, v := nr[:len(d)], v[:len(d)]
		for i := done; i < len(d); i++ {
			acc := float64(c0*x0[i]) + float64(c1*x1[i]) + float64(c2*x2[i]) + float64(c3*x3[i])
			n := nr[i]
			d[i] = float64((a-n)*v[i]) + float64(acc*n)
		}
	default:
		linGeneric(d, x, done, masked)
	}
	return ok && finiteFrom(d, done)
}

// linGeneric computes elements from..len(d)-1 of lin or linm, one
// element at a time (d may be one of the operands).
func linGeneric(d []float64, x [][]float64, from int, masked bool) {
	var buf [MaxArgs]float64
	e := buf[:len(x)]
	for i := from; i < len(d); i++ {
		for j := range x {
			if len(x[j]) == 1 {
				e[j] = x[j][0]
			} else {
				e[j] = x[j][i]
			}
		}
		if masked {
			d[i] = sLinM(e)
		} else {
			d[i] = sLin(e)
		}
	}
}
