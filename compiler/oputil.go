package compiler

import "github.com/sim-lang/sim/lang"

// opString names a lang.Op stored in an instruction argument.
func opString(arg int) string { return lang.Op(arg).String() }
