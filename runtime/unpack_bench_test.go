package runtime_test

import (
	"testing"

	"github.com/sim-lang/sim/runtime"
	_ "github.com/sim-lang/sim/runtime/array"
	_ "github.com/sim-lang/sim/stdlib/np"
)

// BenchmarkUnpackArray measures `x, y, z = s` on a 3-element array, the
// first line of a typical ODE right-hand side.
func BenchmarkUnpackArray(b *testing.B) {
	env := runtime.NewEnv()
	th := runtime.NewThread("b")
	if err := env.Exec(th, "u.sim", "import numpy as np\ns = np.array([1.0, 2.0, 3.0])\ndef f(s):\n    x, y, z = s\n    return x\n"); err != nil {
		b.Fatal(err)
	}
	f, _ := env.Get("f")
	s, _ := env.Get("s")
	args := []runtime.Value{s}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := runtime.Call(th, f, args, nil); err != nil {
			b.Fatal(err)
		}
	}
}
