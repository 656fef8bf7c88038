package brian2_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/sim-lang/sim"
)

// BenchmarkCUBA builds the CUBA network of bench/cuba/cuba.sim once and
// times run(0.2*second) (2000 steps, about 4600 spikes) per iteration.
func BenchmarkCUBA(b *testing.B) {
	src, err := os.ReadFile("../../bench/cuba/cuba.sim")
	if err != nil {
		b.Skip(err)
	}
	setup := strings.Split(string(src), "s_mon = SpikeMonitor(P)")[0] + "s_mon = SpikeMonitor(P)\nrun(1*ms)\n"
	var out bytes.Buffer
	in := sim.New(sim.Options{Stdout: &out, Stderr: &out})
	ctx := context.Background()
	if err := in.Exec(ctx, "cuba.sim", setup); err != nil {
		b.Fatalf("%v\n%s", err, out.String())
	}
	b.ResetTimer()
	for k := 0; k < b.N; k++ {
		if err := in.Exec(ctx, "run.sim", "run(0.2*second)"); err != nil {
			b.Fatal(err)
		}
	}
}
