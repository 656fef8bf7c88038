package iomod_test

import (
	"testing"

	"github.com/sim-lang/sim/runtime"
)

// codeHash compiles src and returns the CodeHash of its function f.
func codeHash(t *testing.T, file, src string) [32]byte {
	t.Helper()
	env := runtime.NewEnv()
	if err := env.Exec(runtime.NewThread("test"), file, src); err != nil {
		t.Fatal(err)
	}
	v, ok := env.Get("f")
	if !ok {
		t.Fatal("no f")
	}
	return v.Obj().(*runtime.Function).CodeHash()
}

// TestCodeHash checks what invalidates cache entries: the body, the
// constants, the defaults and the globals used, but not the position of
// the function, comments or other code.
func TestCodeHash(t *testing.T) {
	base := codeHash(t, "a.sim", "def f(x, n=2):\n    return g(x) * 1.5 + n\n")
	same := map[string]string{
		"moved":     "y = 1\n\n\n# comment\ndef f(x, n=2):\n    # inside\n    return g(x) * 1.5 + n\nz = [1, 2]\n",
		"otherfile": "def f(x, n=2):\n    return g(x) * 1.5 + n\n",
	}
	for name, src := range same {
		if codeHash(t, name+".sim", src) != base {
			t.Errorf("%s: hash changed", name)
		}
	}
	differ := map[string]string{
		"constant": "def f(x, n=2):\n    return g(x) * 1.25 + n\n",
		"default":  "def f(x, n=3):\n    return g(x) * 1.5 + n\n",
		"global":   "def f(x, n=2):\n    return h(x) * 1.5 + n\n",
		"param":    "def f(y, n=2):\n    return g(y) * 1.5 + n\n",
		"operator": "def f(x, n=2):\n    return g(x) * 1.5 - n\n",
		"nested":   "def f(x, n=2):\n    k = lambda: 2\n    return g(x) * 1.5 + n\n",
	}
	for name, src := range differ {
		if codeHash(t, name+".sim", src) == base {
			t.Errorf("%s: hash unchanged", name)
		}
	}
	// nested functions' constants count too
	a := codeHash(t, "n1.sim", "def f(x):\n    k = lambda: 2\n    return k() + x\n")
	b := codeHash(t, "n2.sim", "def f(x):\n    k = lambda: 3\n    return k() + x\n")
	if a == b {
		t.Error("nested constant: hash unchanged")
	}
}
