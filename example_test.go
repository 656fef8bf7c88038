package sim_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/sim-lang/sim"
)

// A script runs in an interpreter; its globals are read back as Go values.
func Example() {
	in := sim.New(sim.Options{Stdout: os.Stdout})
	err := in.Exec(context.Background(), "demo.sim", `
tau = (200*pF)/(10*nS)
print("tau is", tau)
squares = [n*n for n in range(5)]
`)
	if err != nil {
		fmt.Println(err)
		return
	}
	tau, _ := in.Get("tau")
	squares, _ := in.Get("squares")
	fmt.Println(tau, squares)
	// Output:
	// tau is 20 ms
	// 20 ms [0 1 4 9 16]
}

// Go values go in with Set, quantities with their units.
func ExampleInterp_Set() {
	in := sim.New(sim.Options{})
	in.Set("gain", sim.Q(2.5, "nS"))
	in.Set("samples", []float64{1, 2, 3})
	v, err := in.Eval(context.Background(), "gain * 20*mV")
	fmt.Println(v, err)
	m, _ := in.Eval(context.Background(), "samples.mean()")
	fmt.Println(m)
	// Output:
	// 50 pA <nil>
	// 2
}

// Register wraps an ordinary Go function; parameter names make keyword
// arguments work and appear in errors.
func ExampleInterp_Register() {
	in := sim.New(sim.Options{Stdout: os.Stdout})
	in.Register("hypot2", func(x, y float64) float64 { return x*x + y*y }, "x", "y")
	err := in.Exec(context.Background(), "reg.sim", `
print(hypot2(3, y=4))
hypot2(3, "four")
`)
	// The first line of an error says where and what; the source line
	// with a caret and a traceback follow.
	fmt.Println(strings.SplitN(err.Error(), "\n", 2)[0])
	// Output:
	// 25.0
	// reg.sim:3:7: hypot2() argument 'y' must be a number, not str
}

// Cancelling the context stops a running script.
func ExampleInterp_Exec_cancel() {
	in := sim.New(sim.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := in.Exec(ctx, "loop.sim", "while True:\n    pass\n")
	fmt.Println(err != nil)
	// Output:
	// true
}
