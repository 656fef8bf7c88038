// Command sim runs sim scripts and the interactive REPL.
//
//	sim FILE.sim [args...]   run a script (it sees argv)
//	sim -c CODE [args...]    run CODE
//	sim                      open the REPL (or run standard input if it is not a terminal)
//	sim --version            print the version
//
// Exit status: 0 success, 1 script error (the message goes to stderr),
// 2 usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"

	"github.com/chzyer/readline"

	"github.com/sim-lang/sim"
	"github.com/sim-lang/sim/repl"
	"github.com/sim-lang/sim/stdlib/brian2"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: sim [options] [FILE.sim | -c CODE] [args...]

  sim FILE.sim [args...]  run a script; the script sees argv
  sim -c CODE [args...]   run the code given as a string
  sim                     open the interactive REPL
  sim --version           print the version

options:
`

// run is the whole command, with its streams, so tests can drive it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	code := fs.String("c", "", "run `CODE` instead of a file")
	version := fs.Bool("version", false, "print the version and exit")
	seed := fs.Int64("seed", 0, "seed the global random generator")
	maxSteps := fs.Uint64("max-steps", 0, "stop after `N` bytecode steps (0: no limit)")
	cpuProfile := fs.String("cpuprofile", "", "write a Go CPU profile of the run to `FILE` (read it with go tool pprof)")
	dump := fs.Bool("dump-bytecode", false, "print the compiled vector bytecode of neuron models at each run() (to stderr)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *version {
		fmt.Fprintln(stdout, "sim", sim.Version)
		return 0
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "sim: %v\n", err)
			return 2
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "sim: %v\n", err)
			return 2
		}
		defer pprof.StopCPUProfile()
	}
	if *dump {
		brian2.SetDumpBytecode(stderr)
		defer brian2.SetDumpBytecode(nil)
	}
	rest := fs.Args()
	codeGiven := false
	fs.Visit(func(f *flag.Flag) { codeGiven = codeGiven || f.Name == "c" })

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	opts := sim.Options{Stdout: stdout, Stderr: stderr, Seed: *seed, MaxSteps: *maxSteps}
	switch {
	case codeGiven:
		opts.Args = append([]string{"-c"}, rest...)
		return execute(ctx, opts, "<string>", *code, stderr)
	case len(rest) > 0:
		src, err := os.ReadFile(rest[0])
		if err != nil {
			fmt.Fprintf(stderr, "sim: %v\n", err)
			return 2
		}
		opts.Args = rest
		return execute(ctx, opts, rest[0], string(src), stderr)
	}
	stop() // the REPL handles Ctrl-C itself
	if f, ok := stdin.(*os.File); ok && readline.IsTerminal(int(f.Fd())) {
		return interactive(opts)
	}
	src, err := io.ReadAll(stdin)
	if err != nil {
		fmt.Fprintf(stderr, "sim: %v\n", err)
		return 2
	}
	opts.Args = []string{"-"}
	return execute(context.Background(), opts, "<stdin>", string(src), stderr)
}

// execute runs one script and maps its outcome to an exit status.
func execute(ctx context.Context, opts sim.Options, name, src string, stderr io.Writer) int {
	in := sim.New(opts)
	if err := in.Exec(ctx, name, src); err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "KeyboardInterrupt")
			return 130
		}
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// interactive runs the REPL on the terminal.
func interactive(opts sim.Options) int {
	in := sim.New(opts)
	r, err := repl.NewTerminalReader(in.Env(), repl.HistoryPath())
	if err != nil {
		fmt.Fprintf(opts.Stderr, "sim: %v\n", err)
		return 1
	}
	defer r.Close()
	interrupts := make(chan os.Signal, 1)
	signal.Notify(interrupts, os.Interrupt)
	defer signal.Stop(interrupts)
	ctrlC := make(chan struct{}, 1)
	go func() {
		for range interrupts {
			select {
			case ctrlC <- struct{}{}:
			default:
			}
		}
	}()
	fmt.Fprintf(opts.Stdout, "sim %s — units, arrays and models. Ctrl-D exits.\n", sim.Version)
	s := &repl.Session{Env: in.Env(), Thread: in.Thread(), Out: opts.Stdout, Err: opts.Stderr, Interrupt: ctrlC}
	if err := s.Run(context.Background(), r); err != nil {
		fmt.Fprintf(opts.Stderr, "sim: %v\n", err)
		return 1
	}
	return 0
}
