// Package lang turns sim source text into syntax trees: an indentation-aware
// lexer (INDENT/DEDENT tokens, newlines ignored inside brackets), a
// participle/v2 grammar for the script language's statements with a
// hand-written parser for its expressions, the AST the compiler consumes,
// and positioned syntax errors ("file:line:col: message" with the source
// line and a caret).
package lang
