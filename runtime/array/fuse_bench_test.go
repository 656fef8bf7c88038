package array_test

import (
	"io"
	"testing"

	"github.com/sim-lang/sim/runtime"
)

// BenchmarkMulAddScript runs d = a*b + c on 10^6-element arrays through
// the script VM, where the fused path applies.
func BenchmarkMulAddScript(b *testing.B) {
	env := runtime.NewEnv()
	th := runtime.NewThread("b")
	th.Stdout = io.Discard
	err := env.Exec(th, "m.sim", "import numpy as np\nn = 1000000\na = np.linspace(0.0, 1.0, n)\nb = np.linspace(1.0, 2.0, n)\nc = np.linspace(2.0, 3.0, n)\ndef f(a, b, c):\n    return a*b + c\n")
	if err != nil {
		b.Fatal(err)
	}
	f, _ := env.Get("f")
	args := make([]runtime.Value, 3)
	for k, name := range []string{"a", "b", "c"} {
		args[k], _ = env.Get(name)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := runtime.Call(th, f, args, nil); err != nil {
			b.Fatal(err)
		}
	}
}
