package compiler

import "github.com/sim-lang/sim/lang"

func (f *fcomp) stmts(stmts []lang.Stmt) {
	for _, s := range stmts {
		f.stmt(s)
	}
}

func (f *fcomp) stmt(st lang.Stmt) {
	f.pos = st.Start()
	switch s := st.(type) {
	case *lang.ExprStmt:
		f.expr(s.X)
		f.emit(POP, 0)
	case *lang.Assign:
		f.expr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				f.emit(DUP, 0)
			}
			f.pos = s.Pos
			f.store(t)
		}
	case *lang.AugAssign:
		f.augAssign(s)
	case *lang.If:
		f.expr(s.Cond)
		jf := f.jumpIfFalse()
		f.stmts(s.Body)
		if len(s.Else) > 0 {
			j := f.emit(JUMP, 0)
			f.patch(jf)
			f.stmts(s.Else)
			f.patch(j)
		} else {
			f.patch(jf)
		}
	case *lang.While:
		l := &loop{top: f.here()}
		f.loops = append(f.loops, l)
		f.expr(s.Cond)
		jf := f.jumpIfFalse()
		f.stmts(s.Body)
		f.emit(JUMP, l.top)
		f.patch(jf)
		f.endLoop(l)
	case *lang.For:
		f.expr(s.Iter)
		f.pos = s.Pos
		f.emit(ITER, 0)
		l := &loop{isFor: true, top: f.here()}
		f.loops = append(f.loops, l)
		fi := f.emit(FORITER, 0)
		f.store(s.Vars)
		f.stmts(s.Body)
		f.emit(JUMP, l.top)
		f.patch(fi)
		f.adjust(-1) // FORITER pops the iterator on exit
		f.endLoop(l)
	case *lang.Branch:
		f.branch(s)
	case *lang.Def:
		f.def(s)
	case *lang.Return:
		if f.fn.module {
			f.c.errorf(s.Pos, "'return' outside function")
		}
		if s.Value != nil {
			f.expr(s.Value)
		} else {
			f.emit(NONE, 0)
		}
		f.emit(RETURN, 0)
		f.adjust(1) // unreachable code after keeps a consistent depth
		f.adjust(-1)
	case *lang.Assert:
		f.expr(s.Cond)
		j := f.emit(JTRUE, 0)
		n := 0
		if s.Msg != nil {
			f.expr(s.Msg)
			n = 1
		}
		f.pos = s.Pos
		f.emit(ASSERTFAIL, n)
		f.patch(j)
	case *lang.Del:
		for _, t := range s.Targets {
			f.del(t)
		}
	case *lang.Global:
		// resolved statically
	case *lang.Import:
		for _, n := range s.Names {
			f.pos = n.Pos
			switch {
			case isPathImport(n.Name):
				f.emit(IMPORTFILE, f.c.constant(n.Name))
			case n.Alias == "" && importBinding(n) != n.Name:
				f.emit(IMPORTPKG, f.c.constant(n.Name))
			default:
				f.emit(IMPORT, f.c.constant(n.Name))
			}
			f.storeName(importBinding(n))
		}
	case *lang.FromImport:
		if s.IsPath || isPathImport(s.Module) {
			f.emit(IMPORTFILE, f.c.constant(s.Module))
		} else {
			f.emit(IMPORT, f.c.constant(s.Module))
		}
		if s.Star {
			if !f.fn.module {
				f.c.errorf(s.Pos, "'import *' only allowed at module level")
			}
			f.emit(IMPORTSTAR, 0)
			return
		}
		for _, n := range s.Names {
			f.pos = n.Pos
			f.emit(IMPORTFROM, f.c.constant(n.Name))
			if n.Alias != "" {
				f.storeName(n.Alias)
			} else {
				f.storeName(n.Name)
			}
		}
		f.emit(POP, 0)
	default:
		f.c.errorf(st.Start(), "unsupported statement")
	}
}

// def makes the function and binds its name. Decorators are evaluated
// top-down before the function is made (defaults included), then called
// bottom-up on it, each call positioned at its '@' line so that a
// traceback through it points there; the name is bound once, to the
// final result.
func (f *fcomp) def(s *lang.Def) {
	for _, d := range s.Decorators {
		f.pos = d.Pos
		f.expr(d.X)
	}
	f.function(s, s.Name, s.Params, s.Body, nil)
	for i := len(s.Decorators) - 1; i >= 0; i-- {
		f.pos = s.Decorators[i].Pos
		f.emit(CALL, 1)
	}
	f.pos = s.Pos
	f.storeName(s.Name)
}

func (f *fcomp) endLoop(l *loop) {
	for _, b := range l.breaks {
		f.patch(b)
	}
	f.loops = f.loops[:len(f.loops)-1]
}

func (f *fcomp) branch(s *lang.Branch) {
	if s.Kind == lang.Pass {
		return
	}
	if len(f.loops) == 0 {
		if s.Kind == lang.Break {
			f.c.errorf(s.Pos, "'break' outside loop")
		} else {
			f.c.errorf(s.Pos, "'continue' not properly in loop")
		}
		return
	}
	l := f.loops[len(f.loops)-1]
	if s.Kind == lang.Continue {
		f.emit(JUMP, l.top)
		return
	}
	if l.isFor {
		f.emit(POP, 0) // the iterator
		l.breaks = append(l.breaks, f.emit(JUMP, 0))
		f.adjust(1)
		return
	}
	l.breaks = append(l.breaks, f.emit(JUMP, 0))
}

// nameBinding returns the binding of a name bound by a statement.
func (f *fcomp) nameBinding(name string) *binding {
	if b, ok := f.fn.locals[name]; ok && !f.fn.module && !f.fn.globals[name] {
		return b
	}
	return &binding{kind: bindGlobal, name: name}
}

func (f *fcomp) storeName(name string) { f.storeBinding(f.nameBinding(name)) }

func (f *fcomp) storeBinding(b *binding) {
	switch b.kind {
	case bindLocal:
		f.emit(SETLOCAL, b.index)
	case bindCell:
		f.emit(SETCELL, b.index)
	case bindFree:
		f.emit(SETFREE, b.index)
	default:
		f.emit(SETGLOBAL, f.c.prog.Globals.Add(b.name))
	}
}

func (f *fcomp) loadBinding(b *binding) {
	switch b.kind {
	case bindLocal:
		f.emit(LOCAL, b.index)
	case bindCell:
		f.emit(CELL, b.index)
	case bindFree:
		f.emit(FREE, b.index)
	default:
		f.emit(GLOBAL, f.c.prog.Globals.Add(b.name))
	}
}

// store assigns the value on top of the stack to the target t.
func (f *fcomp) store(t lang.Expr) {
	switch t := t.(type) {
	case *lang.Ident:
		f.storeBinding(f.c.res.idents[t])
	case *lang.Attr:
		f.expr(t.X)
		f.pos = t.Pos
		f.emit(SETATTR, f.c.constant(t.Name))
	case *lang.Index:
		f.expr(t.X)
		f.expr(t.Index)
		f.pos = t.Pos
		f.emit(SETINDEX, 0)
	case *lang.Tuple:
		f.unpack(t.Pos, t.Elts)
	case *lang.List:
		f.unpack(t.Pos, t.Elts)
	default:
		f.c.errorf(t.Start(), "cannot assign to %s", describe(t))
		f.emit(POP, 0)
	}
}

func (f *fcomp) unpack(pos lang.Pos, elts []lang.Expr) {
	f.pos = pos
	f.emit(UNPACK, len(elts))
	for _, e := range elts {
		f.store(e)
	}
}

// describe names an expression kind for "cannot assign to" errors.
func describe(e lang.Expr) string {
	switch e := e.(type) {
	case *lang.Literal:
		return "literal"
	case *lang.FString:
		return "f-string expression"
	case *lang.Call:
		return "function call"
	case *lang.Compare:
		return "comparison"
	case *lang.Lambda:
		return "lambda"
	case *lang.Cond:
		return "conditional expression"
	case *lang.Comprehension:
		return "comprehension"
	case *lang.Dict:
		return "dict literal"
	case *lang.Binary:
		if e.Op == lang.And || e.Op == lang.Or {
			return "expression"
		}
		return "expression"
	}
	return "expression"
}

func (f *fcomp) augAssign(s *lang.AugAssign) {
	op := s.Op
	switch t := s.Target.(type) {
	case *lang.Ident:
		f.loadBinding(f.c.res.idents[t])
		f.expr(s.Value)
		f.pos = s.Pos
		f.binop(op, InplaceFlag)
		f.storeBinding(f.c.res.idents[t])
	case *lang.Attr:
		f.expr(t.X)
		f.emit(DUP, 0)
		f.pos = t.Pos
		f.emit(GETATTR, f.c.constant(t.Name))
		f.expr(s.Value)
		f.pos = s.Pos
		f.binop(op, InplaceFlag)
		f.emit(ROT2, 0)
		f.pos = t.Pos
		f.emit(SETATTR, f.c.constant(t.Name))
	case *lang.Index:
		f.expr(t.X)
		f.expr(t.Index)
		f.emit(DUP2, 0)
		f.pos = t.Pos
		f.emit(GETINDEX, 0)
		f.expr(s.Value)
		f.pos = s.Pos
		f.binop(op, InplaceFlag)
		f.emit(ROT3, 0)
		f.pos = t.Pos
		f.emit(SETINDEX, 0)
	default:
		f.c.errorf(s.Target.Start(), "'%s' is an illegal expression for augmented assignment", describe(s.Target))
	}
}

func (f *fcomp) del(t lang.Expr) {
	f.pos = t.Start()
	switch t := t.(type) {
	case *lang.Ident:
		b := f.c.res.idents[t]
		switch b.kind {
		case bindLocal:
			f.emit(DELLOCAL, b.index)
		case bindGlobal:
			f.emit(DELGLOBAL, f.c.prog.Globals.Add(b.name))
		default:
			f.c.errorf(t.Pos, "cannot delete variable '%s' used by a nested function", t.Name)
		}
	case *lang.Index:
		f.expr(t.X)
		f.expr(t.Index)
		f.pos = t.Pos
		f.emit(DELINDEX, 0)
	case *lang.Tuple:
		for _, e := range t.Elts {
			f.del(e)
		}
	case *lang.List:
		for _, e := range t.Elts {
			f.del(e)
		}
	default:
		f.c.errorf(t.Start(), "cannot delete %s", describe(t))
	}
}
