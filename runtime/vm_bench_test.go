package runtime

import (
	"io"
	"testing"
)

// benchProgram compiles src once and runs it b.N times.
func benchProgram(b *testing.B, src string) {
	b.Helper()
	th := NewThread("bench")
	th.Stdout = io.Discard
	env := NewEnv()
	p, err := env.Compile("bench.sim", src)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := env.Run(th, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFib25 is recursive fib(25): ~250k script calls.
func BenchmarkFib25(b *testing.B) {
	benchProgram(b, "def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)\nfib(25)\n")
}

// BenchmarkLoop1e6 is a million-iteration arithmetic loop at module level.
func BenchmarkLoop1e6(b *testing.B) {
	benchProgram(b, "s = 0\nfor i in range(1000000):\n    s = s + i*2 - 1\n")
}

// BenchmarkLoop1e6Func is the same loop inside a function (local slots).
func BenchmarkLoop1e6Func(b *testing.B) {
	benchProgram(b, "def f():\n    s = 0\n    for i in range(1000000):\n        s = s + i*2 - 1\n    return s\nf()\n")
}

// BenchmarkCallFromGo calls a small script function from Go, as an ODE
// solver calls a right-hand side.
func BenchmarkCallFromGo(b *testing.B) {
	th := NewThread("bench")
	env := NewEnv()
	if err := env.Exec(th, "rhs.sim", "def rhs(t, y):\n    return -0.5 * y + t\n"); err != nil {
		b.Fatal(err)
	}
	fn, _ := env.Get("rhs")
	args := []Value{MakeFloat(0), MakeFloat(1)}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		args[0] = MakeFloat(float64(i))
		if _, err := Call(th, fn, args, nil); err != nil {
			b.Fatal(err)
		}
	}
}
