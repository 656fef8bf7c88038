package model

import (
	_ "embed"
	"strings"
	"sync"
)

// brian2UnitsText lists the unit names Brian2 2.5.1 reserves in equations
// (brian2.core.namespace.DEFAULT_UNITS), one a line. Other unit spellings
// sim knows, such as El (exalitre), ml or mS, stay free for variables, so
// that Brian2 models with `El : volt` parse here too.
//
//go:embed brian2_default_units.txt
var brian2UnitsText string

var brian2Units = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, n := range strings.Fields(brian2UnitsText) {
		out[n] = true
	}
	return out
})
