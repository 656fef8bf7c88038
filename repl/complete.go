package repl

import (
	"sort"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// keywords completed at the start of a name.
var keywords = []string{
	"and", "assert", "break", "continue", "def", "del", "elif", "else", "False",
	"for", "from", "global", "if", "import", "in", "is", "lambda", "None", "not",
	"or", "pass", "return", "True", "while",
}

// Complete returns the completions of the name or dotted path that ends
// at byte offset pos of line, and the length of the text they replace.
// `np.lin` completes module members, `G.v` attributes of a global value,
// and a bare prefix globals, builtins, keywords and unit names.
func Complete(env *runtime.Env, line string, pos int) (candidates []string, replace int) {
	if pos > len(line) {
		pos = len(line)
	}
	start := pos
	for start > 0 && isNameByte(line[start-1]) || start > 0 && line[start-1] == '.' {
		start--
	}
	word := line[start:pos]
	dot := strings.LastIndexByte(word, '.')
	var names []string
	prefix := word
	if dot >= 0 {
		prefix = word[dot+1:]
		if v, ok := lookupPath(env, word[:dot]); ok {
			names = attrNames(v)
		}
	} else {
		names = append(names, env.Names()...)
		names = append(names, runtime.PredeclaredNames()...)
		names = append(names, keywords...)
		if prefix != "" {
			names = append(names, units.Names()...)
		}
	}
	seen := map[string]bool{}
	for _, n := range names {
		if strings.HasPrefix(n, prefix) && !seen[n] && !strings.HasPrefix(n, "_") {
			seen[n] = true
			candidates = append(candidates, n)
		}
	}
	sort.Strings(candidates)
	return candidates, len(prefix)
}

// lookupPath resolves a dotted path of names (`np.linalg`) without
// running any code.
func lookupPath(env *runtime.Env, path string) (runtime.Value, bool) {
	parts := strings.Split(path, ".")
	v, ok := env.Get(parts[0])
	if !ok {
		v, ok = runtime.LookupPredeclared(parts[0])
	}
	if !ok {
		return runtime.Value{}, false
	}
	for _, p := range parts[1:] {
		a, isAttrs := v.Obj().(runtime.HasAttrs)
		if !isAttrs {
			return runtime.Value{}, false
		}
		next, err := a.Attr(p)
		if err != nil || !next.IsValid() {
			return runtime.Value{}, false
		}
		v = next
	}
	return v, true
}

func attrNames(v runtime.Value) []string {
	if a, ok := v.Obj().(runtime.HasAttrs); ok {
		return a.AttrNames()
	}
	return nil
}

func isNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
