package sim_test

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/sim-lang/sim"
)

// FuzzExec runs arbitrary source through the whole interpreter. Errors are
// expected; an internal error (a recovered Go panic) or a hang is a bug.
func FuzzExec(f *testing.F) {
	seeds := []string{
		"x = 1 + 2\nprint(x)",
		"def f(a, *b, c=1, **d):\n    return a + len(b) + c\nf(1, 2, c=3)",
		"import numpy as np\na = np.arange(6).reshape(2, 3)\nb = a[:, 1:] * 2*mV\nprint(b.sum(axis=0))",
		"d = {'a': [1, 2]}\nd['a'] += [3]\nprint(f\"{d!r:>20} {3*mV:.2f}\")",
		"l = [i*i for i in range(10) if i % 2]\nl[1:3] = []\nprint(sorted(l, reverse=True))",
		"import numpy as np\nm = np.eye(3)\nm[m > 0] = -1\nprint(np.linalg.inv(m) @ m)",
		"s = 'abc'\nprint(s[::-1], s.upper(), '%05.1f' % 3.14159)",
		"x = sqrt(4*mV**2)\nprint(x, exp(0), in_unit(x, uV))",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		in := sim.New(sim.Options{Stdout: io.Discard, Stderr: io.Discard, MaxSteps: 100_000})
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		err := in.Exec(ctx, "fuzz.sim", src)
		if err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("internal error for %q:\n%v", src, err)
		}
	})
}
