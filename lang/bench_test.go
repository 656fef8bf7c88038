package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
)

const benchScript = `from brian2 import *
import numpy as np

def lif(v, I, tau=10*ms, *, vr=-70*mV):
    """Leaky integrate-and-fire step."""
    dv = (-(v - vr) + I) / tau
    return v + dv * defaultclock.dt

N = 4000
G = NeuronGroup(N, 'dv/dt = (ge + gi - (v + 49*mV)) / (20*ms) : volt', threshold='v > -50*mV', reset='v = -60*mV')
G.v = -60*mV + rand(N) * 10*mV
rates = [r * Hz for r in range(10) if r % 2 == 0]
stats = {name: np.mean(x[1:-1, ::2]) for name, x in data.items()}
for i, (a, b) in enumerate(zip(rates, rates[1:])):
    if a < b <= 100*Hz and not done:
        total += a ** 2 - b
    elif a is None:
        continue
    else:
        print(f"step {i}: {a:.3f} vs {b!r}")
`

// BenchmarkParseFile measures parsing a typical script of about 20 lines.
func BenchmarkParseFile(b *testing.B) {
	b.SetBytes(int64(len(benchScript)))
	for i := 0; i < b.N; i++ {
		if _, err := ParseFile("bench.sim", benchScript); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseLarge measures parsing a script of a few thousand lines.
func BenchmarkParseLarge(b *testing.B) {
	src := strings.Repeat(benchScript, 100)
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		if _, err := ParseFile("bench.sim", src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLex measures the lexer alone.
func BenchmarkLex(b *testing.B) {
	b.SetBytes(int64(len(benchScript)))
	for i := 0; i < b.N; i++ {
		if _, err := lexSource("bench.sim", benchScript, lexer.Position{Line: 1, Column: 1}, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseScripts parses every script under testdata/ and examples/
// once per iteration: the parser's cost on real code, per source line.
func BenchmarkParseScripts(b *testing.B) {
	var srcs []string
	lines := 0
	for _, pat := range []string{"../testdata/*.sim", "../examples/*.sim"} {
		names, _ := filepath.Glob(pat)
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := ParseFile(name, string(data)); err != nil {
				continue
			}
			srcs = append(srcs, string(data))
			lines += strings.Count(string(data), "\n")
		}
	}
	if len(srcs) == 0 {
		b.Skip("no scripts")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, src := range srcs {
			ParseFile("s.sim", src)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(lines), "ns/line")
}
