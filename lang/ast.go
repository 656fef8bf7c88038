package lang

// This file defines the abstract syntax tree produced by the parser and
// consumed by the compiler. Every node records the position of its first
// token (for binary operators and calls, the position of the operator or
// the opening parenthesis, where errors are reported).

// Node is any syntax tree node.
type Node interface {
	// Start returns the position where errors about the node point.
	Start() Pos
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// File is a parsed script.
type File struct {
	Name  string // file name used in error messages
	Src   string // the whole source text
	Stmts []Stmt
}

// ---- expressions ----

// Ident is a name.
type Ident struct {
	Pos  Pos
	Name string
}

// LitKind says which kind of constant a Literal holds.
type LitKind uint8

// Literal kinds.
const (
	IntLit      LitKind = iota // Value is int64
	FloatLit                   // Value is float64
	StringLit                  // Value is string (escapes already decoded)
	TrueLit                    // Value is nil
	FalseLit                   // Value is nil
	NoneLit                    // Value is nil
	EllipsisLit                // `...`, Value is nil
)

// Literal is a constant: number, string, True, False, None or `...`.
type Literal struct {
	Pos   Pos
	Kind  LitKind
	Value any
}

// FString is an f-string: literal text interleaved with formatted
// expressions. `f"v = {v:.3f} and {w!r}"`.
type FString struct {
	Pos   Pos
	Parts []FStringPart
}

// FStringPart is either literal text (Expr == nil) or a replacement field.
type FStringPart struct {
	Text   string // literal text when Expr is nil
	Expr   Expr   // the expression of a replacement field
	Conv   byte   // 0, 'r', 's' or 'a' (from `!r` etc.)
	Format string // the format spec after ':' (may be empty)
}

// Unary is `-x`, `+x`, `not x` or `~x`.
type Unary struct {
	Pos Pos
	Op  Op // Plus, Minus, Not, Tilde
	X   Expr
}

// Binary is `x op y` for arithmetic, bitwise, and the short-circuit
// operators `and`/`or` (Op And, Or). Pos is the operator's position.
type Binary struct {
	Pos  Pos
	Op   Op
	X, Y Expr
}

// Compare is a possibly chained comparison `a < b <= c`: Ops[i] compares
// Operands[i] with Operands[i+1]. Pos is the first operator's position.
type Compare struct {
	Pos      Pos
	Ops      []Op
	Operands []Expr
}

// Cond is `True if Cond else False`.
type Cond struct {
	Pos               Pos
	Cond, True, False Expr
}

// Arg is one argument of a call: positional, `name=value`, `*value` or
// `**value`.
type Arg struct {
	Pos   Pos
	Name  string // keyword name, or ""
	Star  int    // 0, 1 for *args, 2 for **kwargs
	Value Expr
}

// Call is `Fn(args...)`. Pos is the opening parenthesis.
type Call struct {
	Pos  Pos
	Fn   Expr
	Args []Arg
}

// Attr is `X.Name`. Pos is the position of Name.
type Attr struct {
	Pos  Pos
	X    Expr
	Name string
}

// Index is `X[Index]`. Several comma-separated subscripts make Index a
// *Tuple; subscripts may be *Slice nodes. Pos is the opening bracket.
type Index struct {
	Pos   Pos
	X     Expr
	Index Expr
}

// Slice is `Lo:Hi:Step` inside a subscript; absent parts are nil.
type Slice struct {
	Pos          Pos
	Lo, Hi, Step Expr
}

// List is `[a, b, ...]`.
type List struct {
	Pos  Pos
	Elts []Expr
}

// Tuple is `(a, b, ...)` or a bare `a, b`.
type Tuple struct {
	Pos  Pos
	Elts []Expr
}

// DictEntry is `Key: Value` in a dict literal.
type DictEntry struct {
	Key, Value Expr
}

// Dict is `{k: v, ...}`.
type Dict struct {
	Pos     Pos
	Entries []DictEntry
}

// Param is a parameter of a def or lambda: `x`, `x=default`, `*args`,
// `**kwargs`. Parameters after `*args` (or a bare `*`, which has Name "")
// are keyword-only.
type Param struct {
	Pos     Pos
	Name    string
	Default Expr // nil if none
	Star    int  // 0, 1 for *args, 2 for **kwargs
}

// Lambda is `lambda params: Body`.
type Lambda struct {
	Pos    Pos
	Params []Param
	Body   Expr
}

// CompKind says which collection a comprehension builds.
type CompKind uint8

// Comprehension kinds.
const (
	ListComp CompKind = iota
	DictComp
)

// CompClause is one `for Vars in Iter` clause (If == nil) or one `if Cond`
// clause (Vars == nil) of a comprehension.
type CompClause struct {
	Pos  Pos
	Vars Expr // target: *Ident, or *Tuple/*List of targets
	Iter Expr
	If   Expr
}

// Comprehension is `[Body for ... if ...]` or `{Key: Body for ...}`.
type Comprehension struct {
	Pos     Pos
	Kind    CompKind
	Key     Expr // dict comprehensions only
	Body    Expr
	Clauses []CompClause
}

func (e *Ident) Start() Pos         { return e.Pos }
func (e *Literal) Start() Pos       { return e.Pos }
func (e *FString) Start() Pos       { return e.Pos }
func (e *Unary) Start() Pos         { return e.Pos }
func (e *Binary) Start() Pos        { return e.Pos }
func (e *Compare) Start() Pos       { return e.Pos }
func (e *Cond) Start() Pos          { return e.Pos }
func (e *Call) Start() Pos          { return e.Pos }
func (e *Attr) Start() Pos          { return e.Pos }
func (e *Index) Start() Pos         { return e.Pos }
func (e *Slice) Start() Pos         { return e.Pos }
func (e *List) Start() Pos          { return e.Pos }
func (e *Tuple) Start() Pos         { return e.Pos }
func (e *Dict) Start() Pos          { return e.Pos }
func (e *Lambda) Start() Pos        { return e.Pos }
func (e *Comprehension) Start() Pos { return e.Pos }

func (*Ident) exprNode()         {}
func (*Literal) exprNode()       {}
func (*FString) exprNode()       {}
func (*Unary) exprNode()         {}
func (*Binary) exprNode()        {}
func (*Compare) exprNode()       {}
func (*Cond) exprNode()          {}
func (*Call) exprNode()          {}
func (*Attr) exprNode()          {}
func (*Index) exprNode()         {}
func (*Slice) exprNode()         {}
func (*List) exprNode()          {}
func (*Tuple) exprNode()         {}
func (*Dict) exprNode()          {}
func (*Lambda) exprNode()        {}
func (*Comprehension) exprNode() {}

// ---- statements ----

// ExprStmt is an expression evaluated for its effect (or, in the REPL, its
// value).
type ExprStmt struct {
	X Expr
}

// Assign is `Target = Value`; chained `a = b = v` gives several Targets,
// assigned left to right. A target is *Ident, *Attr, *Index, or a
// *Tuple/*List of targets (unpacking).
type Assign struct {
	Pos     Pos
	Targets []Expr
	Value   Expr
}

// AugAssign is `Target op= Value`, for example `x += 1`.
type AugAssign struct {
	Pos    Pos
	Op     Op
	Target Expr
	Value  Expr
}

// If is `if Cond: Body else: Else`; `elif` is an If alone in Else.
type If struct {
	Pos  Pos
	Cond Expr
	Body []Stmt
	Else []Stmt
}

// For is `for Vars in Iter: Body`.
type For struct {
	Pos  Pos
	Vars Expr
	Iter Expr
	Body []Stmt
}

// While is `while Cond: Body`.
type While struct {
	Pos  Pos
	Cond Expr
	Body []Stmt
}

// BranchKind distinguishes break, continue and pass.
type BranchKind uint8

// Branch kinds.
const (
	Break BranchKind = iota
	Continue
	Pass
)

// Branch is `break`, `continue` or `pass`.
type Branch struct {
	Pos  Pos
	Kind BranchKind
}

// Def is a function definition. Pos is the position of `def`.
type Def struct {
	Pos    Pos
	Name   string
	Params []Param
	Body   []Stmt
	// Decorators are the `@expression` lines before the def, top first.
	// They are evaluated top-down before the def runs, then applied to
	// the function bottom-up; Name is bound to the result.
	Decorators []Decorator
}

// Decorator is one `@X` line before a def; Pos is the position of '@'.
type Decorator struct {
	Pos Pos
	X   Expr
}

// Return is `return` or `return Value`.
type Return struct {
	Pos   Pos
	Value Expr // nil for a bare return
}

// Assert is `assert Cond` or `assert Cond, Msg`.
type Assert struct {
	Pos  Pos
	Cond Expr
	Msg  Expr // nil if absent
}

// Del is `del a, b[0], c.x`.
type Del struct {
	Pos     Pos
	Targets []Expr
}

// Global is `global a, b`.
type Global struct {
	Pos   Pos
	Names []string
}

// ImportName is one `Name as Alias` of an import statement.
type ImportName struct {
	Pos   Pos
	Name  string // dotted module name for Import, member name for FromImport
	Alias string // "" if no `as`
}

// Import is `import numpy as np, math`. A quoted name (`import "lib/x.sim"
// as x`) is a path to a .sim file; Name then holds the path.
type Import struct {
	Pos   Pos
	Names []ImportName
}

// FromImport is `from Module import a, b as c` or `from Module import *`.
// Module is dotted (`scipy.integrate`) or, when IsPath, a quoted file path.
type FromImport struct {
	Pos    Pos
	Module string
	IsPath bool
	Names  []ImportName // empty when Star
	Star   bool
}

func (s *ExprStmt) Start() Pos   { return s.X.Start() }
func (s *Assign) Start() Pos     { return s.Pos }
func (s *AugAssign) Start() Pos  { return s.Pos }
func (s *If) Start() Pos         { return s.Pos }
func (s *For) Start() Pos        { return s.Pos }
func (s *While) Start() Pos      { return s.Pos }
func (s *Branch) Start() Pos     { return s.Pos }
func (s *Def) Start() Pos        { return s.Pos }
func (s *Return) Start() Pos     { return s.Pos }
func (s *Assert) Start() Pos     { return s.Pos }
func (s *Del) Start() Pos        { return s.Pos }
func (s *Global) Start() Pos     { return s.Pos }
func (s *Import) Start() Pos     { return s.Pos }
func (s *FromImport) Start() Pos { return s.Pos }

func (*ExprStmt) stmtNode()   {}
func (*Assign) stmtNode()     {}
func (*AugAssign) stmtNode()  {}
func (*If) stmtNode()         {}
func (*For) stmtNode()        {}
func (*While) stmtNode()      {}
func (*Branch) stmtNode()     {}
func (*Def) stmtNode()        {}
func (*Return) stmtNode()     {}
func (*Assert) stmtNode()     {}
func (*Del) stmtNode()        {}
func (*Global) stmtNode()     {}
func (*Import) stmtNode()     {}
func (*FromImport) stmtNode() {}
