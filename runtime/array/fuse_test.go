package array_test

import (
	"io"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/sim-lang/sim/compiler"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	_ "github.com/sim-lang/sim/stdlib/np"
	_ "github.com/sim-lang/sim/stdlib/simtest"
)

// countFused wraps runtime.Fuse to count the expressions it evaluated.
func countFused(t *testing.T) *atomic.Int64 {
	var n atomic.Int64
	inner := runtime.Fuse
	runtime.Fuse = func(f *compiler.Fused, leaves []runtime.Value) (runtime.Value, bool) {
		v, ok := inner(f, leaves)
		if ok {
			n.Add(1)
		}
		return v, ok
	}
	t.Cleanup(func() { runtime.Fuse = inner })
	return &n
}

func exec(t *testing.T, src string) error {
	t.Helper()
	th := runtime.NewThread("t")
	th.Stdout, th.Stderr = io.Discard, io.Discard
	return runtime.NewEnv().Exec(th, "fuse.sim", src)
}

func TestFusedExpressionsMatchOrdinaryOperators(t *testing.T) {
	n := countFused(t)
	err := exec(t, `
import numpy as np
a = np.linspace(0.0, 1.0, 10000)
b = np.linspace(1.0, 3.0, 10000)
c = np.linspace(-2.0, 5.0, 10000)
d = a*b + c
assert_eq(d.tolist(), [a[k]*b[k] + c[k] for k in range(len(a))])
e = -a/b - 2*c + 0.5
assert_eq(e.tolist(), [-a[k]/b[k] - 2*c[k] + 0.5 for k in range(len(a))])
def f(x, y):
    return (x - y)*(x + y)/3
r = f(a, b)
assert_eq(r.tolist(), [(a[k] - b[k])*(a[k] + b[k])/3 for k in range(len(a))])
v = a*mV + b*mV
assert_close(v[-1], 4*mV)
g = a*nS*(v - 3*mV)
assert_close(g[-1], 1*nS*(4*mV - 3*mV))
assert_raises(lambda: g + 1*mV, "units do not match")
`)
	if err != nil {
		t.Fatal(err)
	}
	if got := n.Load(); got < 5 {
		t.Errorf("fused path taken %d times, want at least 5", got)
	}
}

func TestFusionDeclinesWhenSemanticsDiffer(t *testing.T) {
	n := countFused(t)
	err := exec(t, `
import numpy as np
a = np.arange(10000)              # int array: ordinary path
r = a*2 + 1
assert_eq(r.dtype, np.int64)
x = np.ones((100, 100))
y = np.ones(100)
s = x*y + y                       # broadcasting: ordinary path
assert_eq(s.shape, (100, 100))
w = x[:, ::2]
q = w*w + w                       # non-contiguous view: ordinary path
assert_eq(q.shape, (100, 50))
small = np.ones(10)
z = small*small + small           # too small to pay
assert_eq(z.tolist(), [2.0]*10)
`)
	if err != nil {
		t.Fatal(err)
	}
	if got := n.Load(); got != 0 {
		t.Errorf("fused path taken %d times, want 0", got)
	}
}

func TestFusedErrorsComeFromTheOrdinaryCode(t *testing.T) {
	err := exec(t, `
import numpy as np
v = np.ones(10000)*mV
i = np.ones(10000)*nA
w = v*2 + i*3
`)
	if err == nil || !strings.Contains(err.Error(), "fuse.sim:5:9: cannot add") || !strings.Contains(err.Error(), "units do not match (volt vs amp)") {
		t.Errorf("err = %v", err)
	}
	_ = array.New
}
