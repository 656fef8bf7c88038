package lang

import "github.com/alecthomas/participle/v2/lexer"

// This file is the participle grammar: a parse tree close to the source,
// turned into the AST of ast.go by convert.go. Binary operators of one
// family are parsed flat (operand, op, operand, ...) and grouped by
// precedence during conversion, which keeps the grammar shallow and fast.
//
// participle reads the tags of the statement types only. gTestList, gTest
// and gExprList implement participle.Parseable (exprparse.go), so the
// expression types from there down are filled by a hand-written parser;
// their tags stay as the exact grammar that parser implements, decision
// for decision, and are not read by participle. Change both together.

// gRoot is the start symbol: a file, or a lone expression when the lexer
// was started in expression mode.
type gRoot struct {
	Expr  *gTestList `parser:"  ExprMode @@"`
	Stmts []*gStmt   `parser:"| @@+"`
}

// gStmt and gSmall try the most common statement first: every other
// alternative starts with its own keyword, and only the expression
// statement reports an error when nothing matches, so the order changes
// neither results nor messages, but each alternative tried costs a
// participle branch.
type gStmt struct {
	Simple *gSimple    `parser:"  @@"`
	If     *gIf        `parser:"| @@"`
	For    *gFor       `parser:"| @@"`
	While  *gWhile     `parser:"| @@"`
	Def    *gDef       `parser:"| @@"`
	Deco   *gDecorated `parser:"| @@"`
}

// gSimple is one logical line of `;`-separated simple statements.
type gSimple struct {
	First *gSmall      `parser:"@@"`
	Rest  []*gSmallOpt `parser:"( ';' @@ )* Newline"`
}

// gSmallOpt is a statement after ';', empty for a trailing ';'.
type gSmallOpt struct {
	Pos lexer.Position
	S   *gSmall `parser:"@@?"`
}

type gSuite struct {
	Block []*gStmt `parser:"  Newline Indent @@+ Dedent"`
	Line  *gSimple `parser:"| @@"`
}

type gIf struct {
	Pos   lexer.Position
	Cond  *gTest   `parser:"'if' @@ ':'"`
	Body  *gSuite  `parser:"@@"`
	Elifs []*gElif `parser:"@@*"`
	Else  *gSuite  `parser:"( 'else' ':' @@ )?"`
}

type gElif struct {
	Pos  lexer.Position
	Cond *gTest  `parser:"'elif' @@ ':'"`
	Body *gSuite `parser:"@@"`
}

type gFor struct {
	Pos  lexer.Position
	Vars *gExprList `parser:"'for' @@ 'in'"`
	Iter *gTestList `parser:"@@ ':'"`
	Body *gSuite    `parser:"@@"`
}

type gWhile struct {
	Pos  lexer.Position
	Cond *gTest  `parser:"'while' @@ ':'"`
	Body *gSuite `parser:"@@"`
}

type gDef struct {
	Pos    lexer.Position
	Name   *gName     `parser:"'def' @@"`
	Params []*gDParam `parser:"'(' @@ ( ',' @@ )* ')'"`
	Ret    *gTest     `parser:"( '->' @@ )?"`
	Body   *gSuite    `parser:"':' @@"`
}

// gDecorated is a def preceded by decorator lines. A decorator line
// starting a statement that is not a def is reported by translateError
// (the grammar wanted a gDef there).
type gDecorated struct {
	Decos []*gDecorator `parser:"@@+"`
	Def   *gDef         `parser:"@@"`
}

// gDecorator is one `@expression` line.
type gDecorator struct {
	Pos lexer.Position
	X   *gTest `parser:"'@' @@ Newline"`
}

// gDParam is a def parameter; annotations are parsed and ignored. It may
// be empty (no parameters, or after a trailing comma); convert checks.
type gDParam struct {
	Pos     lexer.Position
	Star    string `parser:"@( '*' | '**' )?"`
	Name    string `parser:"@Name?"`
	Ann     *gTest `parser:"( ':' @@ )?"`
	Default *gTest `parser:"( '=' @@ )?"`
}

type gSmall struct {
	Expr   *gExprStmt `parser:"  @@"`
	Branch *gBranch   `parser:"| @@"`
	Return *gReturn   `parser:"| @@"`
	Assert *gAssert   `parser:"| @@"`
	Del    *gDel      `parser:"| @@"`
	Global *gGlobal   `parser:"| @@"`
	Import *gImport   `parser:"| @@"`
	From   *gFrom     `parser:"| @@"`
}

type gBranch struct {
	Pos  lexer.Position
	Kind string `parser:"@( 'pass' | 'break' | 'continue' )"`
}

type gReturn struct {
	Pos   lexer.Position
	Value *gTestList `parser:"'return' @@?"`
}

type gAssert struct {
	Pos  lexer.Position
	Cond *gTest `parser:"'assert' @@"`
	Msg  *gTest `parser:"( ',' @@ )?"`
}

type gDel struct {
	Pos     lexer.Position
	Targets *gExprList `parser:"'del' @@"`
}

type gGlobal struct {
	Pos   lexer.Position
	Names []string `parser:"'global' @Name ( ',' @Name )*"`
}

type gImport struct {
	Pos   lexer.Position
	Names []*gImportName `parser:"'import' @@ ( ',' @@ )*"`
}

type gImportName struct {
	Pos    lexer.Position
	Path   *string  `parser:"(  @String"`
	Dotted []string `parser:" | @Name ( '.' @Name )* )"`
	Alias  string   `parser:"( 'as' @Name )?"`
}

type gFrom struct {
	Pos    lexer.Position
	Path   *string       `parser:"'from' (  @String"`
	Dotted []string      `parser:"       | @Name ( '.' @Name )* )"`
	Star   bool          `parser:"'import' (  @'*'"`
	Paren  []*gImportOpt `parser:"          | '(' @@ ( ',' @@ )* ')'"`
	Names  []*gImportAs  `parser:"          | @@ ( ',' @@ )* )"`
}

type gImportAs struct {
	Pos   lexer.Position
	Name  string `parser:"@Name"`
	Alias string `parser:"( 'as' @Name )?"`
}

// gImportOpt is a name in a parenthesized import list, possibly empty
// (after a trailing comma); convert checks.
type gImportOpt struct {
	Pos   lexer.Position
	Name  string `parser:"@Name?"`
	Alias string `parser:"( 'as' @Name )?"`
}

// gExprStmt is an expression statement, an assignment (possibly chained)
// or an augmented assignment. Plain assignment, the most common, is tried
// first.
type gExprStmt struct {
	Pos    lexer.Position
	First  *gTestList   `parser:"@@"`
	Rest   []*gTestList `parser:"(  ( '=' @@ )+"`
	AugOp  *gAugOp      `parser:" | @@"`
	AugVal *gTestList   `parser:"   @@ )?"`
}

type gAugOp struct {
	Pos lexer.Position
	Op  string `parser:"@( '+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '**=' | '@=' | '&=' | '|=' | '^=' | '<<=' | '>>=' )"`
}

// gTestList is a comma-separated list of expressions: a bare tuple when
// it has a comma.
type gTestList struct {
	Pos   lexer.Position
	First *gTest      `parser:"@@"`
	Rest  []*gOptTest `parser:"( ',' @@ )*"`
}

// gOptTest is an expression that may be absent (after a trailing comma).
type gOptTest struct {
	Pos lexer.Position
	X   *gTest `parser:"@@?"`
}

// gExprList is a list of targets (for loops, del, comprehensions), parsed
// at the bitwise-or level so that `in` ends it.
type gExprList struct {
	Pos   lexer.Position
	First *gTarget      `parser:"@@"`
	Rest  []*gOptTarget `parser:"( ',' @@ )*"`
}

// gOptTarget is a target that may be absent (after a trailing comma).
type gOptTarget struct {
	Pos lexer.Position
	X   *gTarget `parser:"@@?"`
}

type gTest struct {
	Lambda *gLambda `parser:"  @@"`
	Cond   *gCond   `parser:"| @@"`
}

type gCond struct {
	X  *gOps    `parser:"@@"`
	If *gIfElse `parser:"@@?"`
}

type gIfElse struct {
	Pos  lexer.Position
	Cond *gOps  `parser:"'if' @@"`
	Else *gTest `parser:"'else' @@"`
}

type gLambda struct {
	Pos    lexer.Position
	Params []*gLParam `parser:"'lambda' @@ ( ',' @@ )* ':'"`
	Body   *gTest     `parser:"@@"`
}

// gLParam is a lambda parameter, possibly empty; convert checks.
type gLParam struct {
	Pos     lexer.Position
	Star    string `parser:"@( '*' | '**' )?"`
	Name    string `parser:"@Name?"`
	Default *gTest `parser:"( '=' @@ )?"`
}

// gOps is an operand followed by binary operators and operands, from `or`
// down to `*`, parsed flat and grouped by precedence in convert (pratt.go).
// Keeping the chain flat makes the grammar shallow, which matters for
// participle's speed.
type gOps struct {
	X    *gUnary    `parser:"@@"`
	Rest []*gOpTail `parser:"@@*"`
}

type gOpTail struct {
	Pos lexer.Position
	Op  []string `parser:"( @( 'and' | 'or' | '==' | '!=' | '<' | '>' | '<=' | '>=' | 'in' | '|' | '^' | '&' | '<<' | '>>' | '+' | '-' | '*' | '/' | '//' | '%' | '@' ) | @'not' @'in' | @'is' @'not'? )"`
	Y   *gUnary  `parser:"@@"`
}

// gTarget is a for/del/comprehension target: like gOps but only with the
// operators above comparisons, so that `in` ends it.
type gTarget struct {
	X    *gUnary        `parser:"@@"`
	Rest []*gTargetTail `parser:"@@*"`
}

type gTargetTail struct {
	Pos lexer.Position
	Op  []string `parser:"@( '|' | '^' | '&' | '<<' | '>>' | '+' | '-' | '*' | '/' | '//' | '%' | '@' )"`
	Y   *gUnary  `parser:"@@"`
}

// gUnary is an operand with its prefix operators (not, -, +, ~).
type gUnary struct {
	Prefix []*gPrefix `parser:"@@*"`
	Pow    *gPower    `parser:"@@"`
}

type gPrefix struct {
	Pos lexer.Position
	Op  string `parser:"@( 'not' | '-' | '+' | '~' )"`
}

type gPower struct {
	X   *gPrimary `parser:"@@"`
	Exp *gPowTail `parser:"@@?"`
}

type gPowTail struct {
	Pos lexer.Position
	Y   *gUnary `parser:"'**' @@"`
}

type gPrimary struct {
	Atom     *gAtom      `parser:"@@"`
	Trailers []*gTrailer `parser:"@@*"`
}

type gTrailer struct {
	Pos   lexer.Position
	Call  *gArgs `parser:"  '(' @@ ')'"`
	Index *gSubs `parser:"| '[' @@ ']'"`
	Attr  *gName `parser:"| '.' @@"`
}

type gName struct {
	Pos  lexer.Position
	Name string `parser:"@Name"`
}

type gArgs struct {
	Args []*gArg `parser:"@@ ( ',' @@ )*"`
}

// gArg is an argument, possibly empty (no arguments, or after a trailing
// comma). `name=value` parses as Value '=' Kw; convert checks that Value
// is a plain name.
type gArg struct {
	Pos   lexer.Position
	Star  string      `parser:"@( '*' | '**' )?"`
	Value *gTest      `parser:"( @@"`
	Kw    *gTest      `parser:"  ( '=' @@ )?"`
	Comp  []*gCompFor `parser:"  @@* )?"`
}

type gSubs struct {
	Items []*gSub `parser:"@@ ( ',' @@ )*"`
}

type gSub struct {
	Pos   lexer.Position
	Lo    *gTest      `parser:"@@?"`
	Slice *gSliceRest `parser:"@@?"`
}

type gSliceRest struct {
	Hi   *gTest `parser:"':' @@?"`
	Step *gStep `parser:"@@?"`
}

type gStep struct {
	X *gTest `parser:"':' @@?"`
}

type gAtom struct {
	Pos   lexer.Position
	Name  *string `parser:"  @Name"`
	Int   *string `parser:"| @Int"`
	Float *string `parser:"| @Float"`
	Strs  []*gStr `parser:"| @@+"`
	Const *string `parser:"| @( 'True' | 'False' | 'None' | '...' )"`
	Paren *gSeq   `parser:"| '(' @@ ')'"`
	List  *gSeq   `parser:"| '[' @@ ']'"`
	Dict  *gDict  `parser:"| '{' @@ '}'"`
}

type gStr struct {
	Pos lexer.Position
	S   *string `parser:"  @String"`
	F   *string `parser:"| @FString"`
}

// gSeq is the inside of () or []: items (each possibly empty, checked in
// convert) and comprehension clauses.
type gSeq struct {
	Items []*gOptTest `parser:"@@ ( ',' @@ )*"`
	Comp  []*gCompFor `parser:"@@*"`
}

type gDict struct {
	Entries []*gDictEntry `parser:"@@ ( ',' @@ )*"`
	Comp    []*gCompFor   `parser:"@@*"`
}

// gDictEntry is `key: value`, possibly incomplete; convert checks.
type gDictEntry struct {
	Pos   lexer.Position
	Key   *gTest `parser:"@@?"`
	Colon bool   `parser:"@':'?"`
	Value *gTest `parser:"@@?"`
}

type gCompFor struct {
	Pos  lexer.Position
	Vars *gExprList `parser:"'for' @@"`
	Iter *gOps      `parser:"'in' @@"`
	Ifs  []*gCompIf `parser:"@@*"`
}

type gCompIf struct {
	Pos  lexer.Position
	Cond *gOps `parser:"'if' @@"`
}
