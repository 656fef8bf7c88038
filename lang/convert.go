package lang

import (
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// converter turns the participle parse tree into the AST, validating what
// the grammar accepts loosely (assignment targets, parameter and argument
// order). It records the first error and keeps going with placeholders.
type converter struct {
	file, src string
	err       *Error
}

func pos(p lexer.Position) Pos { return Pos{Line: int32(p.Line), Col: int32(p.Column)} }

func (c *converter) fail(p Pos, format string, args ...any) {
	if c.err == nil {
		c.err = Errorf(c.file, c.src, p, format, args...)
	}
}

// ---- statements ----

func (c *converter) stmts(gs []*gStmt) []Stmt {
	out := make([]Stmt, 0, len(gs))
	for _, g := range gs {
		out = c.stmt(g, out)
	}
	return out
}

func (c *converter) stmt(g *gStmt, out []Stmt) []Stmt {
	switch {
	case g.If != nil:
		return append(out, c.ifStmt(g.If))
	case g.For != nil:
		f := g.For
		vars := c.exprList(f.Vars)
		c.checkTarget(vars, "assign to")
		return append(out, &For{Pos: pos(f.Pos), Vars: vars, Iter: c.testList(f.Iter), Body: c.suite(f.Body)})
	case g.While != nil:
		w := g.While
		return append(out, &While{Pos: pos(w.Pos), Cond: c.test(w.Cond), Body: c.suite(w.Body)})
	case g.Def != nil:
		return append(out, c.def(g.Def))
	case g.Deco != nil:
		decos := make([]Decorator, len(g.Deco.Decos))
		for i, x := range g.Deco.Decos { // first, so errors come in source order
			decos[i] = Decorator{Pos: pos(x.Pos), X: c.test(x.X)}
		}
		d := c.def(g.Deco.Def)
		d.Decorators = decos
		return append(out, d)
	case g.Simple != nil:
		out = append(out, c.small(g.Simple.First))
		for i, s := range g.Simple.Rest {
			if s.S == nil {
				if i != len(g.Simple.Rest)-1 {
					c.fail(pos(s.Pos), "invalid syntax: empty statement between ';'")
				}
				continue
			}
			out = append(out, c.small(s.S))
		}
	}
	return out
}

// def converts a function definition (without its decorators).
func (c *converter) def(d *gDef) *Def {
	params := make([]Param, 0, len(d.Params))
	for i, p := range d.Params {
		if p.Star == "" && p.Name == "" && p.Ann == nil && p.Default == nil {
			c.emptyItem(i, len(d.Params), pos(p.Pos), true)
			continue
		}
		params = append(params, Param{Pos: pos(p.Pos), Name: p.Name, Star: starCount(p.Star), Default: c.optTest(p.Default)})
	}
	c.checkParams(params)
	return &Def{Pos: pos(d.Pos), Name: d.Name.Name, Params: params, Body: c.suite(d.Body)}
}

func (c *converter) ifStmt(g *gIf) *If {
	top := &If{Pos: pos(g.Pos), Cond: c.test(g.Cond), Body: c.suite(g.Body)}
	cur := top
	for _, e := range g.Elifs {
		n := &If{Pos: pos(e.Pos), Cond: c.test(e.Cond), Body: c.suite(e.Body)}
		cur.Else = []Stmt{n}
		cur = n
	}
	if g.Else != nil {
		cur.Else = c.suite(g.Else)
	}
	return top
}

func (c *converter) suite(g *gSuite) []Stmt {
	if g.Line != nil {
		return c.stmt(&gStmt{Simple: g.Line}, nil)
	}
	return c.stmts(g.Block)
}

var branchKinds = map[string]BranchKind{"break": Break, "continue": Continue, "pass": Pass}

func (c *converter) small(g *gSmall) Stmt {
	switch {
	case g.Branch != nil:
		return &Branch{Pos: pos(g.Branch.Pos), Kind: branchKinds[g.Branch.Kind]}
	case g.Return != nil:
		r := &Return{Pos: pos(g.Return.Pos)}
		if g.Return.Value != nil {
			r.Value = c.testList(g.Return.Value)
		}
		return r
	case g.Assert != nil:
		return &Assert{Pos: pos(g.Assert.Pos), Cond: c.test(g.Assert.Cond), Msg: c.optTest(g.Assert.Msg)}
	case g.Del != nil:
		d := &Del{Pos: pos(g.Del.Pos)}
		t := c.exprList(g.Del.Targets)
		if tu, ok := t.(*Tuple); ok && tu.Pos == pos(g.Del.Targets.Pos) {
			d.Targets = tu.Elts
		} else {
			d.Targets = []Expr{t}
		}
		for _, t := range d.Targets {
			c.checkTarget(t, "delete")
		}
		return d
	case g.Global != nil:
		return &Global{Pos: pos(g.Global.Pos), Names: g.Global.Names}
	case g.Import != nil:
		im := &Import{Pos: pos(g.Import.Pos)}
		for _, n := range g.Import.Names {
			name := strings.Join(n.Dotted, ".")
			if n.Path != nil {
				name = c.pathString(*n.Path, pos(n.Pos))
			}
			im.Names = append(im.Names, ImportName{Pos: pos(n.Pos), Name: name, Alias: n.Alias})
		}
		return im
	case g.From != nil:
		f := g.From
		fi := &FromImport{Pos: pos(f.Pos), Module: strings.Join(f.Dotted, "."), Star: f.Star}
		if f.Path != nil {
			fi.IsPath = true
			fi.Module = c.pathString(*f.Path, pos(f.Pos))
		}
		for i, n := range f.Paren {
			if n.Name == "" {
				if i == 0 || i != len(f.Paren)-1 || n.Alias != "" {
					c.fail(pos(n.Pos), "expected a name to import")
				}
				continue
			}
			fi.Names = append(fi.Names, ImportName{Pos: pos(n.Pos), Name: n.Name, Alias: n.Alias})
		}
		for _, n := range f.Names {
			fi.Names = append(fi.Names, ImportName{Pos: pos(n.Pos), Name: n.Name, Alias: n.Alias})
		}
		return fi
	}
	return c.exprStmt(g.Expr)
}

func (c *converter) pathString(raw string, p Pos) string {
	body, _, isRaw, _ := splitStringLit(raw)
	if isRaw {
		return body
	}
	v, _, _ := decodeEscapes(body)
	return v
}

var augOps = map[string]Op{
	"+=": Plus, "-=": Minus, "*=": Star, "/=": Slash, "//=": SlashSlash, "%=": Percent,
	"**=": StarStar, "@=": At, "&=": Amp, "|=": Pipe, "^=": Hat, "<<=": LShift, ">>=": RShift,
}

func (c *converter) exprStmt(g *gExprStmt) Stmt {
	first := c.testList(g.First)
	if g.AugOp != nil {
		p := pos(g.AugOp.Pos)
		switch first.(type) {
		case *Tuple, *List:
			c.fail(first.Start(), "'%s' is an illegal expression for augmented assignment", exprKind(first))
		default:
			c.checkTarget(first, "assign to")
		}
		return &AugAssign{Pos: p, Op: augOps[g.AugOp.Op], Target: first, Value: c.testList(g.AugVal)}
	}
	if len(g.Rest) == 0 {
		return &ExprStmt{X: first}
	}
	targets := []Expr{first}
	for _, r := range g.Rest[:len(g.Rest)-1] {
		targets = append(targets, c.testList(r))
	}
	for _, t := range targets {
		c.checkTarget(t, "assign to")
	}
	return &Assign{Pos: pos(g.Pos), Targets: targets, Value: c.testList(g.Rest[len(g.Rest)-1])}
}

// checkTarget reports an error unless e can be assigned to (or deleted).
func (c *converter) checkTarget(e Expr, verb string) {
	switch t := e.(type) {
	case *Ident, *Attr, *Index:
		return
	case *Tuple:
		for _, x := range t.Elts {
			c.checkTarget(x, verb)
		}
		return
	case *List:
		for _, x := range t.Elts {
			c.checkTarget(x, verb)
		}
		return
	case *Literal:
		switch t.Kind {
		case TrueLit:
			c.fail(t.Pos, "cannot %s True", verb)
		case FalseLit:
			c.fail(t.Pos, "cannot %s False", verb)
		case NoneLit:
			c.fail(t.Pos, "cannot %s None", verb)
		case EllipsisLit:
			c.fail(t.Pos, "cannot %s ellipsis", verb)
		default:
			c.fail(t.Pos, "cannot %s literal", verb)
		}
		return
	}
	c.fail(targetPos(e), "cannot %s %s", verb, exprKind(e))
}

// targetPos is where an error about an invalid target points: its first
// character rather than its operator.
func targetPos(e Expr) Pos {
	switch t := e.(type) {
	case *Binary:
		return targetPos(t.X)
	case *Compare:
		return targetPos(t.Operands[0])
	case *Call:
		return targetPos(t.Fn)
	case *Cond:
		return targetPos(t.True)
	case *Attr:
		return targetPos(t.X)
	case *Index:
		return targetPos(t.X)
	}
	return e.Start()
}

// exprKind names an expression the way Python's error messages do.
func exprKind(e Expr) string {
	switch t := e.(type) {
	case *Call:
		return "function call"
	case *Literal:
		return "literal"
	case *FString:
		return "f-string expression"
	case *Compare:
		return "comparison"
	case *Cond:
		return "conditional expression"
	case *Lambda:
		return "lambda"
	case *Dict:
		return "dict literal"
	case *Comprehension:
		if t.Kind == DictComp {
			return "dict comprehension"
		}
		return "list comprehension"
	case *Tuple:
		return "tuple"
	case *List:
		return "list"
	case *Slice:
		return "slice"
	}
	return "expression"
}

func starCount(s string) int { return len(s) }

// checkParams validates the order and names of def/lambda parameters.
func (c *converter) checkParams(ps []Param) {
	seen := map[string]bool{}
	sawDefault, sawStar, sawKw := false, false, false
	for i, p := range ps {
		if p.Name != "" {
			if seen[p.Name] {
				c.fail(p.Pos, "duplicate argument '%s' in function definition", p.Name)
			}
			seen[p.Name] = true
		}
		if sawKw {
			c.fail(p.Pos, "arguments cannot follow var-keyword argument")
		}
		switch p.Star {
		case 1:
			if sawStar {
				c.fail(p.Pos, "* argument may appear only once")
			}
			sawStar = true
			if p.Name == "" && (i+1 == len(ps) || ps[i+1].Star != 0) {
				c.fail(p.Pos, "named arguments must follow bare *")
			}
			if p.Default != nil {
				c.fail(p.Pos, "var-positional argument cannot have default value")
			}
		case 2:
			sawKw = true
			if p.Default != nil {
				c.fail(p.Pos, "var-keyword argument cannot have default value")
			}
		default:
			if p.Default != nil {
				sawDefault = true
			} else if sawDefault && !sawStar {
				c.fail(p.Pos, "parameter without a default follows parameter with a default")
			}
		}
	}
}

// ---- expressions ----

func (c *converter) optTest(g *gTest) Expr {
	if g == nil {
		return nil
	}
	return c.test(g)
}

// emptyItem reports an empty item i of n in a comma-separated list at p,
// unless it is allowed: the only item of an empty list (when allowNone),
// or the last one after a trailing comma.
func (c *converter) emptyItem(i, n int, p Pos, allowNone bool) {
	if (n == 1 && allowNone) || (i == n-1 && i > 0) {
		return
	}
	c.fail(p, "expected an expression before ','")
}

// optTests converts list items that may be empty; it reports whether the
// list had a trailing comma.
func (c *converter) optTests(items []*gOptTest, allowNone bool) ([]Expr, bool) {
	elts := make([]Expr, 0, len(items))
	for i, it := range items {
		if it.X == nil {
			c.emptyItem(i, len(items), pos(it.Pos), allowNone)
			continue
		}
		elts = append(elts, c.test(it.X))
	}
	return elts, len(items) > 1 && items[len(items)-1].X == nil
}

func (c *converter) testList(g *gTestList) Expr {
	first := c.test(g.First)
	if len(g.Rest) == 0 {
		return first
	}
	t := &Tuple{Pos: pos(g.Pos), Elts: []Expr{first}}
	for i, it := range g.Rest {
		if it.X == nil {
			c.emptyItem(i+1, len(g.Rest)+1, pos(it.Pos), false)
			continue
		}
		t.Elts = append(t.Elts, c.test(it.X))
	}
	return t
}

func (c *converter) exprList(g *gExprList) Expr {
	first := c.target(g.First)
	if len(g.Rest) == 0 {
		return first
	}
	t := &Tuple{Pos: pos(g.Pos), Elts: []Expr{first}}
	for i, it := range g.Rest {
		if it.X == nil {
			c.emptyItem(i+1, len(g.Rest)+1, pos(it.Pos), false)
			continue
		}
		t.Elts = append(t.Elts, c.target(it.X))
	}
	return t
}

func (c *converter) test(g *gTest) Expr {
	if g.Lambda != nil {
		l := g.Lambda
		params := make([]Param, 0, len(l.Params))
		for i, p := range l.Params {
			if p.Star == "" && p.Name == "" && p.Default == nil {
				c.emptyItem(i, len(l.Params), pos(p.Pos), true)
				continue
			}
			params = append(params, Param{Pos: pos(p.Pos), Name: p.Name, Star: starCount(p.Star), Default: c.optTest(p.Default)})
		}
		c.checkParams(params)
		return &Lambda{Pos: pos(l.Pos), Params: params, Body: c.test(l.Body)}
	}
	x := c.ops(g.Cond.X)
	if ie := g.Cond.If; ie != nil {
		return &Cond{Pos: pos(ie.Pos), Cond: c.ops(ie.Cond), True: x, False: c.test(ie.Else)}
	}
	return x
}

func (c *converter) primary(g *gPrimary) Expr {
	x := c.atom(g.Atom)
	for _, t := range g.Trailers {
		p := pos(t.Pos)
		switch {
		case t.Call != nil:
			x = &Call{Pos: p, Fn: x, Args: c.args(t.Call.Args)}
		case t.Index != nil:
			x = &Index{Pos: p, X: x, Index: c.subs(t.Index)}
		default:
			x = &Attr{Pos: pos(t.Attr.Pos), X: x, Name: t.Attr.Name}
		}
	}
	return x
}

func (c *converter) args(gs []*gArg) []Arg {
	args := make([]Arg, 0, len(gs))
	seen := map[string]bool{}
	sawKw, sawKwargs := false, false
	for i, g := range gs {
		if g.Value == nil {
			if g.Star != "" {
				c.fail(pos(g.Pos), "expected an expression after '%s'", g.Star)
			}
			c.emptyItem(i, len(gs), pos(g.Pos), true)
			continue
		}
		a := Arg{Pos: pos(g.Pos), Star: starCount(g.Star), Value: c.test(g.Value)}
		if g.Kw != nil {
			id, ok := a.Value.(*Ident)
			if !ok {
				c.fail(targetPos(a.Value), "expression cannot contain assignment, perhaps you meant \"==\"?")
			} else {
				a.Name, a.Value = id.Name, c.test(g.Kw)
			}
		}
		if len(g.Comp) > 0 {
			if len(gs) > 2 || (len(gs) == 2 && gs[1].Value != nil) || a.Name != "" || a.Star != 0 {
				c.fail(a.Pos, "generator expression must be parenthesized")
			}
			a.Value = &Comprehension{Pos: a.Pos, Kind: ListComp, Body: a.Value, Clauses: c.clauses(g.Comp)}
		}
		switch {
		case a.Name != "" && a.Star != 0:
			c.fail(a.Pos, "invalid syntax: keyword argument cannot be starred")
		case a.Name != "":
			if seen[a.Name] {
				c.fail(a.Pos, "keyword argument repeated: %s", a.Name)
			}
			seen[a.Name] = true
			sawKw = true
		case a.Star == 2:
			sawKwargs = true
		case a.Star == 1:
			if sawKwargs {
				c.fail(a.Pos, "iterable argument unpacking follows keyword argument unpacking")
			}
		default:
			if sawKwargs {
				c.fail(a.Pos, "positional argument follows keyword argument unpacking")
			} else if sawKw {
				c.fail(a.Pos, "positional argument follows keyword argument")
			}
		}
		args = append(args, a)
	}
	return args
}

func (c *converter) subs(g *gSubs) Expr {
	if len(g.Items) == 1 {
		return c.sub(g.Items[0])
	}
	t := &Tuple{Pos: pos(g.Items[0].Pos), Elts: make([]Expr, 0, len(g.Items))}
	for i, s := range g.Items {
		if s.Lo == nil && s.Slice == nil && i == len(g.Items)-1 {
			break // trailing comma
		}
		t.Elts = append(t.Elts, c.sub(s))
	}
	return t
}

func (c *converter) sub(g *gSub) Expr {
	if g.Slice == nil {
		if g.Lo == nil {
			c.fail(pos(g.Pos), "expected an index or slice")
			return &Literal{Pos: pos(g.Pos), Kind: NoneLit}
		}
		return c.test(g.Lo)
	}
	s := &Slice{Pos: pos(g.Pos), Lo: c.optTest(g.Lo), Hi: c.optTest(g.Slice.Hi)}
	if g.Slice.Step != nil {
		s.Step = c.optTest(g.Slice.Step.X)
	}
	return s
}

func (c *converter) clauses(gs []*gCompFor) []CompClause {
	var out []CompClause
	for _, g := range gs {
		vars := c.exprList(g.Vars)
		c.checkTarget(vars, "assign to")
		out = append(out, CompClause{Pos: pos(g.Pos), Vars: vars, Iter: c.ops(g.Iter)})
		for _, i := range g.Ifs {
			out = append(out, CompClause{Pos: pos(i.Pos), If: c.ops(i.Cond)})
		}
	}
	return out
}

var constKinds = map[string]LitKind{"True": TrueLit, "False": FalseLit, "None": NoneLit, "...": EllipsisLit}

func (c *converter) atom(g *gAtom) Expr {
	p := pos(g.Pos)
	switch {
	case g.Name != nil:
		return &Ident{Pos: p, Name: *g.Name}
	case g.Int != nil:
		s := strings.ReplaceAll(*g.Int, "_", "")
		v, err := strconv.ParseInt(s, 0, 64)
		if err != nil {
			c.fail(p, "integer literal too large: %s", *g.Int)
		}
		return &Literal{Pos: p, Kind: IntLit, Value: v}
	case g.Float != nil:
		s := strings.ReplaceAll(*g.Float, "_", "")
		v, _ := strconv.ParseFloat(s, 64) // out of range gives ±Inf or 0, as in Python
		return &Literal{Pos: p, Kind: FloatLit, Value: v}
	case len(g.Strs) > 0:
		return c.strings(g.Strs)
	case g.Const != nil:
		return &Literal{Pos: p, Kind: constKinds[*g.Const]}
	case g.Paren != nil:
		elts, trailing := c.optTests(g.Paren.Items, true)
		if comp := c.comp(p, elts, trailing, g.Paren.Comp); comp != nil {
			return comp
		}
		if len(elts) == 1 && !trailing {
			return elts[0]
		}
		return &Tuple{Pos: p, Elts: elts}
	case g.List != nil:
		elts, trailing := c.optTests(g.List.Items, true)
		if comp := c.comp(p, elts, trailing, g.List.Comp); comp != nil {
			return comp
		}
		return &List{Pos: p, Elts: elts}
	case g.Dict != nil:
		return c.dict(p, g.Dict)
	}
	c.fail(p, "invalid syntax")
	return &Literal{Pos: p, Kind: NoneLit}
}

// comp builds a list comprehension from the items and clauses of a
// bracketed display, or returns nil if there are no clauses.
func (c *converter) comp(p Pos, elts []Expr, trailing bool, clauses []*gCompFor) Expr {
	if len(clauses) == 0 {
		return nil
	}
	if len(elts) != 1 || trailing {
		c.fail(pos(clauses[0].Pos), "did you forget parentheses around the comprehension target?")
		return &List{Pos: p}
	}
	return &Comprehension{Pos: p, Kind: ListComp, Body: elts[0], Clauses: c.clauses(clauses)}
}

func (c *converter) dict(p Pos, g *gDict) Expr {
	d := &Dict{Pos: p}
	n := len(g.Entries)
	for i, e := range g.Entries {
		switch {
		case e.Key == nil && !e.Colon && e.Value == nil:
			c.emptyItem(i, n, pos(e.Pos), true)
		case e.Key == nil:
			c.fail(pos(e.Pos), "expected a key before ':' in dict literal")
		case !e.Colon:
			c.fail(p, "set literals are not supported in sim (use a list, or a dict)")
		case e.Value == nil:
			c.fail(pos(e.Pos), "expected an expression after ':' in dict literal")
		default:
			d.Entries = append(d.Entries, DictEntry{Key: c.test(e.Key), Value: c.test(e.Value)})
		}
	}
	if len(g.Comp) > 0 {
		if len(d.Entries) != 1 || n != 1 {
			c.fail(pos(g.Comp[0].Pos), "invalid syntax: a dict comprehension has one key: value pair")
			return d
		}
		return &Comprehension{Pos: p, Kind: DictComp, Key: d.Entries[0].Key, Body: d.Entries[0].Value, Clauses: c.clauses(g.Comp)}
	}
	return d
}

// strings converts adjacent string literals, concatenated; any f-string
// among them makes the result an FString.
func (c *converter) strings(parts []*gStr) Expr {
	p := pos(parts[0].Pos)
	isF := false
	for _, s := range parts {
		if s.F != nil {
			isF = true
		}
	}
	if !isF {
		var b strings.Builder
		for _, s := range parts {
			b.WriteString(stringValue(*s.S))
		}
		return &Literal{Pos: p, Kind: StringLit, Value: b.String()}
	}
	fs := &FString{Pos: p}
	for _, s := range parts {
		if s.S != nil {
			fs.Parts = appendText(fs.Parts, stringValue(*s.S))
			continue
		}
		fs.Parts = c.fstring(fs.Parts, *s.F, pos(s.Pos))
	}
	return fs
}

// stringValue decodes an already validated string token.
func stringValue(raw string) string {
	i := strings.IndexAny(raw, `"'`)
	_, _, isRaw, _ := splitStringLit(raw)
	v, _, _ := decodeStringLit(raw[i:], isRaw)
	return v
}

// appendText adds literal text to f-string parts, merging with a preceding
// text part.
func appendText(parts []FStringPart, text string) []FStringPart {
	if text == "" {
		return parts
	}
	if n := len(parts); n > 0 && parts[n-1].Expr == nil {
		parts[n-1].Text += text
		return parts
	}
	return append(parts, FStringPart{Text: text})
}
