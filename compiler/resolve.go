package compiler

import "github.com/sim-lang/sim/lang"

// bindKind says where a name lives.
type bindKind uint8

const (
	bindLocal  bindKind = iota // a local slot
	bindCell                   // a local slot holding a cell (captured)
	bindFree                   // a free variable of the function
	bindGlobal                 // a global slot (or a predeclared name)
)

// binding is the resolution of a name in one scope.
type binding struct {
	kind  bindKind
	index int // local slot or free index; unused for globals
	name  string
	outer *binding // for free variables: the binding in the enclosing function
	comp  bool     // a comprehension variable
}

// funcInfo is the resolver's view of one function (or the module body).
type funcInfo struct {
	module      bool
	parentScope *scope
	locals      map[string]*binding
	globals     map[string]bool
	slots       []string
	free        []*binding
	freeIndex   map[string]*binding
}

// scope is a lexical scope: a function body or a comprehension inside it.
type scope struct {
	fn     *funcInfo
	names  map[string]*binding // comprehension variables; nil for a function scope
	parent *scope
}

// resolver resolves every name of a file before code generation.
type resolver struct {
	c      *compiler
	idents map[*lang.Ident]*binding
	funcs  map[lang.Node]*funcInfo // Def, Lambda and File bodies
	comps  map[*lang.Comprehension]*scope
}

func (f *funcInfo) newSlot(name string) int {
	f.slots = append(f.slots, name)
	return len(f.slots) - 1
}

func (f *funcInfo) addLocal(name string) {
	if f.module || f.globals[name] {
		return
	}
	if _, ok := f.locals[name]; ok {
		return
	}
	f.locals[name] = &binding{kind: bindLocal, index: f.newSlot(name), name: name}
}

// lookup resolves name as seen from scope s.
func (r *resolver) lookup(s *scope, name string) *binding {
	for ; s != nil && s.names != nil; s = s.parent {
		if b, ok := s.names[name]; ok {
			return b
		}
	}
	if s == nil {
		return &binding{kind: bindGlobal, name: name}
	}
	f := s.fn
	if f.module || f.globals[name] {
		return &binding{kind: bindGlobal, name: name}
	}
	if b, ok := f.locals[name]; ok {
		return b
	}
	if b, ok := f.freeIndex[name]; ok {
		return b
	}
	outer := r.lookup(f.parentScope, name)
	switch outer.kind {
	case bindGlobal:
		return outer
	case bindLocal:
		outer.kind = bindCell
	}
	b := &binding{kind: bindFree, index: len(f.free), name: name, outer: outer}
	f.free = append(f.free, b)
	f.freeIndex[name] = b
	return b
}

// collect records the names a function body binds.
func (r *resolver) collect(f *funcInfo, stmts []lang.Stmt) {
	for _, st := range stmts {
		switch s := st.(type) {
		case *lang.Assign:
			for _, t := range s.Targets {
				r.collectTarget(f, t)
			}
		case *lang.AugAssign:
			r.collectTarget(f, s.Target)
		case *lang.For:
			r.collectTarget(f, s.Vars)
			r.collect(f, s.Body)
		case *lang.While:
			r.collect(f, s.Body)
		case *lang.If:
			r.collect(f, s.Body)
			r.collect(f, s.Else)
		case *lang.Def:
			f.addLocal(s.Name)
		case *lang.Del:
			for _, t := range s.Targets {
				r.collectTarget(f, t)
			}
		case *lang.Global:
			// handled before collection
		case *lang.Import:
			for _, n := range s.Names {
				f.addLocal(importBinding(n))
			}
		case *lang.FromImport:
			for _, n := range s.Names {
				if n.Alias != "" {
					f.addLocal(n.Alias)
				} else {
					f.addLocal(n.Name)
				}
			}
		}
	}
}

func (r *resolver) collectTarget(f *funcInfo, t lang.Expr) {
	switch t := t.(type) {
	case *lang.Ident:
		f.addLocal(t.Name)
	case *lang.Tuple:
		for _, e := range t.Elts {
			r.collectTarget(f, e)
		}
	case *lang.List:
		for _, e := range t.Elts {
			r.collectTarget(f, e)
		}
	}
}

// collectGlobals records `global` declarations anywhere in the body.
func (r *resolver) collectGlobals(f *funcInfo, stmts []lang.Stmt) {
	for _, st := range stmts {
		switch s := st.(type) {
		case *lang.Global:
			for _, n := range s.Names {
				f.globals[n] = true
			}
		case *lang.For:
			r.collectGlobals(f, s.Body)
		case *lang.While:
			r.collectGlobals(f, s.Body)
		case *lang.If:
			r.collectGlobals(f, s.Body)
			r.collectGlobals(f, s.Else)
		}
	}
}

// importBinding returns the name an `import` binds.
func importBinding(n lang.ImportName) string {
	if n.Alias != "" {
		return n.Alias
	}
	if isPathImport(n.Name) {
		return pathModuleName(n.Name)
	}
	for i := 0; i < len(n.Name); i++ {
		if n.Name[i] == '.' {
			return n.Name[:i]
		}
	}
	return n.Name
}

func newFunc(module bool, parent *scope) *funcInfo {
	return &funcInfo{module: module, parentScope: parent, locals: map[string]*binding{},
		globals: map[string]bool{}, freeIndex: map[string]*binding{}}
}

// function resolves a def or lambda: its parameters, then its body.
func (r *resolver) function(node lang.Node, parent *scope, params []lang.Param, body []lang.Stmt, expr lang.Expr) {
	f := newFunc(false, parent)
	r.funcs[node] = f
	r.collectGlobals(f, body)
	pos, kwonly, varargs, kwargs := r.c.canonical(params)
	ordered := append(pos, kwonly...)
	if varargs != nil {
		ordered = append(ordered, *varargs)
	}
	if kwargs != nil {
		ordered = append(ordered, *kwargs)
	}
	for _, p := range ordered {
		if f.globals[p.Name] {
			r.c.errorf(p.Pos, "name '%s' is parameter and global", p.Name)
		}
		if _, dup := f.locals[p.Name]; dup {
			r.c.errorf(p.Pos, "duplicate argument '%s' in function definition", p.Name)
			continue
		}
		f.locals[p.Name] = &binding{kind: bindLocal, index: f.newSlot(p.Name), name: p.Name}
	}
	r.collect(f, body)
	s := &scope{fn: f}
	if expr != nil {
		r.expr(s, expr)
	}
	r.stmts(s, body)
}

func (r *resolver) stmts(s *scope, stmts []lang.Stmt) {
	for _, st := range stmts {
		r.stmt(s, st)
	}
}

func (r *resolver) stmt(s *scope, st lang.Stmt) {
	switch st := st.(type) {
	case *lang.ExprStmt:
		r.expr(s, st.X)
	case *lang.Assign:
		r.expr(s, st.Value)
		for _, t := range st.Targets {
			r.expr(s, t)
		}
	case *lang.AugAssign:
		r.expr(s, st.Target)
		r.expr(s, st.Value)
	case *lang.If:
		r.expr(s, st.Cond)
		r.stmts(s, st.Body)
		r.stmts(s, st.Else)
	case *lang.For:
		r.expr(s, st.Iter)
		r.expr(s, st.Vars)
		r.stmts(s, st.Body)
	case *lang.While:
		r.expr(s, st.Cond)
		r.stmts(s, st.Body)
	case *lang.Def:
		for _, d := range st.Decorators {
			r.expr(s, d.X)
		}
		for _, p := range st.Params {
			if p.Default != nil {
				r.expr(s, p.Default)
			}
		}
		r.function(st, s, st.Params, st.Body, nil)
	case *lang.Return:
		if st.Value != nil {
			r.expr(s, st.Value)
		}
	case *lang.Assert:
		r.expr(s, st.Cond)
		if st.Msg != nil {
			r.expr(s, st.Msg)
		}
	case *lang.Del:
		for _, t := range st.Targets {
			r.expr(s, t)
		}
	}
}

func (r *resolver) exprs(s *scope, es []lang.Expr) {
	for _, e := range es {
		r.expr(s, e)
	}
}

func (r *resolver) expr(s *scope, e lang.Expr) {
	switch e := e.(type) {
	case nil:
	case *lang.Ident:
		r.idents[e] = r.lookup(s, e.Name)
	case *lang.Literal:
	case *lang.FString:
		for _, p := range e.Parts {
			if p.Expr != nil {
				r.expr(s, p.Expr)
			}
		}
	case *lang.Unary:
		r.expr(s, e.X)
	case *lang.Binary:
		r.expr(s, e.X)
		r.expr(s, e.Y)
	case *lang.Compare:
		r.exprs(s, e.Operands)
	case *lang.Cond:
		r.expr(s, e.Cond)
		r.expr(s, e.True)
		r.expr(s, e.False)
	case *lang.Call:
		r.expr(s, e.Fn)
		for _, a := range e.Args {
			r.expr(s, a.Value)
		}
	case *lang.Attr:
		r.expr(s, e.X)
	case *lang.Index:
		r.expr(s, e.X)
		r.expr(s, e.Index)
	case *lang.Slice:
		r.expr(s, e.Lo)
		r.expr(s, e.Hi)
		r.expr(s, e.Step)
	case *lang.List:
		r.exprs(s, e.Elts)
	case *lang.Tuple:
		r.exprs(s, e.Elts)
	case *lang.Dict:
		for _, en := range e.Entries {
			r.expr(s, en.Key)
			r.expr(s, en.Value)
		}
	case *lang.Lambda:
		for _, p := range e.Params {
			if p.Default != nil {
				r.expr(s, p.Default)
			}
		}
		r.function(e, s, e.Params, nil, e.Body)
	case *lang.Comprehension:
		r.comprehension(s, e)
	}
}

// comprehension gives the comprehension its own scope whose variables are
// fresh local slots of the enclosing function. The first iterable is
// evaluated in the enclosing scope.
func (r *resolver) comprehension(s *scope, e *lang.Comprehension) {
	cs := &scope{fn: s.fn, names: map[string]*binding{}, parent: s}
	r.comps[e] = cs
	var addVars func(t lang.Expr)
	addVars = func(t lang.Expr) {
		switch t := t.(type) {
		case *lang.Ident:
			if _, ok := cs.names[t.Name]; !ok {
				cs.names[t.Name] = &binding{kind: bindLocal, index: s.fn.newSlot(t.Name), name: t.Name, comp: true}
			}
		case *lang.Tuple:
			for _, x := range t.Elts {
				addVars(x)
			}
		case *lang.List:
			for _, x := range t.Elts {
				addVars(x)
			}
		}
	}
	for _, cl := range e.Clauses {
		if cl.Vars != nil {
			addVars(cl.Vars)
		}
	}
	for i, cl := range e.Clauses {
		if cl.Vars != nil {
			if i == 0 {
				r.expr(s, cl.Iter)
			} else {
				r.expr(cs, cl.Iter)
			}
			r.expr(cs, cl.Vars)
		} else {
			r.expr(cs, cl.If)
		}
	}
	r.expr(cs, e.Key)
	r.expr(cs, e.Body)
}
