package lang

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// This file parses expressions by hand. participle keeps the statement
// grammar of grammar.go, but its generic machinery (a branch and
// reflection for every alternative tried) made walking the deep
// expression grammar cost ~650 allocations per source line. gTestList,
// gTest and gExprList therefore implement participle.Parseable with a
// recursive-descent parser that fills the same g* structs the grammar
// tags describe, token for token: the grammar is LL(1) under
// UseLookahead(0), so each decision below is the one participle made, and
// convert.go turns the structs into the AST unchanged.
//
// Errors mirror participle's too: a required part that is missing is an
// *participle.UnexpectedTokenError at the same token, whose Expect starts
// with what the grammar expected there (a quoted literal, or "" where the
// grammar failed inside a nested rule), and the lexer is left at that
// token so that participle commits to it. translateError then words it as
// before. A part that cannot start at all fails without consuming
// anything rather than returning participle.NextMatch, because that is
// what the rules did: participle remembers such an error in a disjunction
// (`if x: :` reports "unexpected ':'", not "expected ':' and a block")
// and skips the part where it is optional.

// exprError unwinds the hand parser to its Parse method.
type exprError struct {
	err *participle.UnexpectedTokenError
}

// exprParser is the state of one hand parse: the token stream, shared
// with participle.
type exprParser struct {
	lex *lexer.PeekingLexer
}

// Parse implements participle.Parseable.
func (g *gTestList) Parse(lex *lexer.PeekingLexer) (err error) {
	if !startsOperand(*lex.Peek()) {
		return noStart(lex)
	}
	p := exprParser{lex}
	defer p.recoverErr(&err)
	p.testList(g)
	return nil
}

// Parse implements participle.Parseable.
func (g *gTest) Parse(lex *lexer.PeekingLexer) (err error) {
	if !startsOperand(*lex.Peek()) {
		return noStart(lex)
	}
	p := exprParser{lex}
	defer p.recoverErr(&err)
	p.test(g)
	return nil
}

// Parse implements participle.Parseable.
func (g *gExprList) Parse(lex *lexer.PeekingLexer) (err error) {
	if !startsUnary(lex.Peek()) {
		return noStart(lex)
	}
	p := exprParser{lex}
	defer p.recoverErr(&err)
	p.exprList(g)
	return nil
}

// noStart is the error of a rule that cannot start at the next token.
func noStart(lex *lexer.PeekingLexer) error {
	return &participle.UnexpectedTokenError{Unexpected: *lex.Peek()}
}

func (p *exprParser) recoverErr(err *error) {
	if r := recover(); r != nil {
		e, ok := r.(exprError)
		if !ok {
			panic(r)
		}
		*err = e.err
	}
}

// fail reports that the next token is not what the grammar expects;
// expect is participle's description ("" when a nested rule failed).
func (p *exprParser) fail(expect string) {
	panic(exprError{&participle.UnexpectedTokenError{Unexpected: *p.lex.Peek(), Expect: expect}})
}

// ---- token tests ----

func (p *exprParser) peek() *lexer.Token { return p.lex.Peek() }

func isPunct(t *lexer.Token, v string) bool { return t.Type == tPunct && t.Value == v }

func isKeyword(t *lexer.Token, v string) bool { return t.Type == tKeyword && t.Value == v }

// accept consumes the next token if it is the punctuation or keyword v.
func (p *exprParser) accept(v string) (*lexer.Token, bool) {
	t := p.lex.Peek()
	if (t.Type == tPunct || t.Type == tKeyword) && t.Value == v {
		return p.lex.Next(), true
	}
	return t, false
}

// expect consumes the punctuation or keyword v, or fails.
func (p *exprParser) expect(v string) {
	if _, ok := p.accept(v); !ok {
		p.fail(`"` + v + `"`)
	}
}

// startsAtom reports whether t can begin a gAtom.
func startsAtom(t *lexer.Token) bool {
	switch t.Type {
	case tName, tInt, tFloat, tString, tFString:
		return true
	case tKeyword:
		return t.Value == "True" || t.Value == "False" || t.Value == "None"
	case tPunct:
		switch t.Value {
		case "(", "[", "{", "...":
			return true
		}
	}
	return false
}

// isPrefix reports whether t is a prefix operator of gPrefix.
func isPrefix(t *lexer.Token) bool {
	switch t.Type {
	case tKeyword:
		return t.Value == "not"
	case tPunct:
		return t.Value == "-" || t.Value == "+" || t.Value == "~"
	}
	return false
}

// startsUnary reports whether t can begin a gUnary (a target).
func startsUnary(t *lexer.Token) bool { return isPrefix(t) || startsAtom(t) }

// arithOp reports whether t is a binary operator above comparisons (the
// operators of gTargetTail).
func arithOp(t *lexer.Token) bool {
	if t.Type != tPunct {
		return false
	}
	switch t.Value {
	case "|", "^", "&", "<<", ">>", "+", "-", "*", "/", "//", "%", "@":
		return true
	}
	return false
}

// chainOp reports whether t is a one-token operator of gOpTail.
func chainOp(t *lexer.Token) bool {
	switch t.Type {
	case tKeyword:
		return t.Value == "and" || t.Value == "or" || t.Value == "in"
	case tPunct:
		switch t.Value {
		case "==", "!=", "<", ">", "<=", ">=":
			return true
		}
		return arithOp(t)
	}
	return false
}

// ---- lists ----

func (p *exprParser) testList(g *gTestList) {
	g.Pos = p.peek().Pos
	g.First = p.newTest()
	for {
		if _, ok := p.accept(","); !ok {
			return
		}
		g.Rest = append(g.Rest, p.optTest())
	}
}

// optTest parses a gOptTest: an expression, or nothing.
func (p *exprParser) optTest() *gOptTest {
	o := &gOptTest{Pos: p.peek().Pos}
	if startsOperand(*p.peek()) {
		o.X = p.newTest()
	}
	return o
}

func (p *exprParser) exprList(g *gExprList) {
	g.Pos = p.peek().Pos
	g.First = p.target()
	for {
		if _, ok := p.accept(","); !ok {
			return
		}
		o := &gOptTarget{Pos: p.peek().Pos}
		if startsUnary(p.peek()) {
			o.X = p.target()
		}
		g.Rest = append(g.Rest, o)
	}
}

// ---- expressions ----

// testBox allocates a gTest with the gCond and gOps it usually holds.
type testBox struct {
	t gTest
	c gCond
	o gOps
}

// newTest parses a required gTest; the next token starts one.
func (p *exprParser) newTest() *gTest {
	b := &testBox{}
	p.fillTest(&b.t, &b.c, &b.o)
	return &b.t
}

// test parses a gTest into g, which participle allocated.
func (p *exprParser) test(g *gTest) {
	b := &struct {
		c gCond
		o gOps
	}{}
	p.fillTest(g, &b.c, &b.o)
}

// fillTest parses a lambda, or a conditional expression into c and o.
func (p *exprParser) fillTest(g *gTest, c *gCond, o *gOps) {
	if isKeyword(p.peek(), "lambda") {
		g.Lambda = p.lambda()
		return
	}
	g.Cond = c
	c.X = o
	p.ops(o)
	c.If = p.ifElse()
}

// optTestPtr parses an optional gTest.
func (p *exprParser) optTestPtr() *gTest {
	if !startsOperand(*p.peek()) {
		return nil
	}
	return p.newTest()
}

// ifElse parses an optional `if cond else value` tail.
func (p *exprParser) ifElse() *gIfElse {
	t, ok := p.accept("if")
	if !ok {
		return nil
	}
	ie := &gIfElse{Pos: t.Pos}
	ie.Cond = p.newOps()
	p.expect("else")
	ie.Else = p.reqTest()
	return ie
}

// reqTest parses a required gTest, failing as a nested rule would.
func (p *exprParser) reqTest() *gTest {
	if !startsOperand(*p.peek()) {
		p.fail("")
	}
	return p.newTest()
}

func (p *exprParser) lambda() *gLambda {
	l := &gLambda{Pos: p.lex.Next().Pos}
	for {
		lp := &gLParam{Pos: p.peek().Pos}
		if t := p.peek(); isPunct(t, "*") || isPunct(t, "**") {
			lp.Star = p.lex.Next().Value
		}
		if t := p.peek(); t.Type == tName {
			lp.Name = p.lex.Next().Value
		}
		if _, ok := p.accept("="); ok {
			lp.Default = p.reqTest()
		}
		l.Params = append(l.Params, lp)
		if _, ok := p.accept(","); !ok {
			break
		}
	}
	p.expect(":")
	l.Body = p.reqTest()
	return l
}

// newOps parses a required gOps.
func (p *exprParser) newOps() *gOps {
	g := &gOps{}
	p.ops(g)
	return g
}

// ops parses an operand and its chain of binary operators.
func (p *exprParser) ops(g *gOps) {
	g.X = p.unary()
	for {
		t := p.peek()
		var op []string
		switch {
		case chainOp(t):
			op = opWords[t.Value]
			p.lex.Next()
		case isKeyword(t, "not"):
			p.lex.Next()
			p.expect("in")
			op = opWords["not in"]
		case isKeyword(t, "is"):
			p.lex.Next()
			op = opWords["is"]
			if _, ok := p.accept("not"); ok {
				op = opWords["is not"]
			}
		default:
			return
		}
		g.Rest = append(g.Rest, &gOpTail{Pos: t.Pos, Op: op, Y: p.unary()})
	}
}

// opWords holds the Op slices of gOpTail and gTargetTail, shared rather
// than allocated per operator (convert only reads them).
var opWords = func() map[string][]string {
	m := map[string][]string{"not in": {"not", "in"}, "is": {"is"}, "is not": {"is", "not"}}
	for _, o := range []string{"and", "or", "in", "==", "!=", "<", ">", "<=", ">=",
		"|", "^", "&", "<<", ">>", "+", "-", "*", "/", "//", "%", "@"} {
		m[o] = []string{o}
	}
	return m
}()

// target parses a gTarget: an operand with operators above comparisons.
func (p *exprParser) target() *gTarget {
	g := &gTarget{X: p.unary()}
	for {
		t := p.peek()
		if !arithOp(t) {
			return g
		}
		p.lex.Next()
		g.Rest = append(g.Rest, &gTargetTail{Pos: t.Pos, Op: opWords[t.Value], Y: p.unary()})
	}
}

// operandBox allocates the usual chain from gUnary down to gAtom at once.
type operandBox struct {
	u  gUnary
	pw gPower
	pr gPrimary
	a  gAtom
	s  string
}

// unary parses a required gUnary: prefix operators, then a power.
func (p *exprParser) unary() *gUnary {
	b := &operandBox{}
	for isPrefix(p.peek()) {
		t := p.lex.Next()
		b.u.Prefix = append(b.u.Prefix, &gPrefix{Pos: t.Pos, Op: t.Value})
	}
	if !startsAtom(p.peek()) {
		p.fail("")
	}
	b.u.Pow = &b.pw
	b.pw.X = &b.pr
	b.pr.Atom = &b.a
	p.atom(b)
	p.trailers(&b.pr)
	if t, ok := p.accept("**"); ok {
		b.pw.Exp = &gPowTail{Pos: t.Pos, Y: p.unary()}
	}
	return &b.u
}

func (p *exprParser) trailers(g *gPrimary) {
	for {
		t := p.peek()
		if t.Type != tPunct {
			return
		}
		switch t.Value {
		case "(":
			p.lex.Next()
			tr := &gTrailer{Pos: t.Pos, Call: p.args()}
			p.expect(")")
			g.Trailers = append(g.Trailers, tr)
		case "[":
			p.lex.Next()
			tr := &gTrailer{Pos: t.Pos, Index: p.subs()}
			p.expect("]")
			g.Trailers = append(g.Trailers, tr)
		case ".":
			p.lex.Next()
			n := p.peek()
			if n.Type != tName {
				p.fail("GName")
			}
			p.lex.Next()
			g.Trailers = append(g.Trailers, &gTrailer{Pos: t.Pos, Attr: &gName{Pos: n.Pos, Name: n.Value}})
		default:
			return
		}
	}
}

func (p *exprParser) args() *gArgs {
	g := &gArgs{}
	for {
		a := &gArg{Pos: p.peek().Pos}
		if t := p.peek(); isPunct(t, "*") || isPunct(t, "**") {
			a.Star = p.lex.Next().Value
		}
		if startsOperand(*p.peek()) {
			a.Value = p.newTest()
			if _, ok := p.accept("="); ok {
				a.Kw = p.reqTest()
			}
			a.Comp = p.compFors()
		}
		g.Args = append(g.Args, a)
		if _, ok := p.accept(","); !ok {
			return g
		}
	}
}

func (p *exprParser) subs() *gSubs {
	g := &gSubs{}
	for {
		s := &gSub{Pos: p.peek().Pos}
		s.Lo = p.optTestPtr()
		if _, ok := p.accept(":"); ok {
			s.Slice = &gSliceRest{Hi: p.optTestPtr()}
			if _, ok := p.accept(":"); ok {
				s.Slice.Step = &gStep{X: p.optTestPtr()}
			}
		}
		g.Items = append(g.Items, s)
		if _, ok := p.accept(","); !ok {
			return g
		}
	}
}

// atom parses the gAtom of b; the next token starts one.
func (p *exprParser) atom(b *operandBox) {
	a := &b.a
	t := p.lex.Next()
	a.Pos = t.Pos
	switch t.Type {
	case tName:
		b.s = t.Value
		a.Name = &b.s
	case tInt:
		b.s = t.Value
		a.Int = &b.s
	case tFloat:
		b.s = t.Value
		a.Float = &b.s
	case tString, tFString:
		a.Strs = append(a.Strs, strPart(t))
		for n := p.peek(); n.Type == tString || n.Type == tFString; n = p.peek() {
			a.Strs = append(a.Strs, strPart(p.lex.Next()))
		}
	case tKeyword:
		b.s = t.Value
		a.Const = &b.s
	default:
		switch t.Value {
		case "...":
			b.s = t.Value
			a.Const = &b.s
		case "(":
			a.Paren = p.seq()
			p.expect(")")
		case "[":
			a.List = p.seq()
			p.expect("]")
		default: // "{"
			a.Dict = p.dict()
			p.expect("}")
		}
	}
}

// strPart makes the gStr of a string or f-string token.
func strPart(t *lexer.Token) *gStr {
	b := &struct {
		g gStr
		s string
	}{s: t.Value}
	b.g.Pos = t.Pos
	if t.Type == tString {
		b.g.S = &b.s
	} else {
		b.g.F = &b.s
	}
	return &b.g
}

// seq parses the inside of () or [].
func (p *exprParser) seq() *gSeq {
	g := &gSeq{}
	for {
		g.Items = append(g.Items, p.optTest())
		if _, ok := p.accept(","); !ok {
			break
		}
	}
	g.Comp = p.compFors()
	return g
}

// dict parses the inside of {}.
func (p *exprParser) dict() *gDict {
	g := &gDict{}
	for {
		e := &gDictEntry{Pos: p.peek().Pos}
		e.Key = p.optTestPtr()
		if _, ok := p.accept(":"); ok {
			e.Colon = true
		}
		e.Value = p.optTestPtr()
		g.Entries = append(g.Entries, e)
		if _, ok := p.accept(","); !ok {
			break
		}
	}
	g.Comp = p.compFors()
	return g
}

// compFors parses comprehension clauses, if any.
func (p *exprParser) compFors() []*gCompFor {
	var out []*gCompFor
	for {
		t, ok := p.accept("for")
		if !ok {
			return out
		}
		c := &gCompFor{Pos: t.Pos}
		if !startsUnary(p.peek()) {
			p.fail("")
		}
		c.Vars = &gExprList{}
		p.exprList(c.Vars)
		p.expect("in")
		c.Iter = p.newOps()
		for {
			t, ok := p.accept("if")
			if !ok {
				break
			}
			c.Ifs = append(c.Ifs, &gCompIf{Pos: t.Pos, Cond: p.newOps()})
		}
		out = append(out, c)
	}
}
