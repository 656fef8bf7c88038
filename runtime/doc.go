// Package runtime holds sim's values, the script VM that runs compiled
// bytecode, the operator dispatch shared by every value type, the builtin
// functions, and the module registry that stdlib packages fill.
package runtime
