package sim_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sim-lang/sim"
)

// TestScripts runs every testdata/*.sim script. Scripts check behaviour
// with the assert builtins; any error fails the test.
func TestScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.sim")
	if len(files) == 0 {
		t.Fatal("no test scripts in testdata/")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			in := sim.New(sim.Options{Stdout: &out, Stderr: &out, Seed: 1})
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			if err := in.Exec(ctx, file, string(src)); err != nil {
				t.Fatalf("%v\noutput:\n%s", err, out.String())
			}
		})
	}
}

// TestExamples runs every example in examples/ with argv ["--test"], so
// long examples can shorten themselves.
func TestExamples(t *testing.T) {
	files, _ := filepath.Glob("examples/*.sim")
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			in := sim.New(sim.Options{Stdout: &out, Stderr: &out, Args: []string{file, "--test"}})
			if err := in.Exec(context.Background(), file, string(src)); err != nil {
				t.Fatalf("%v\noutput:\n%s", err, out.String())
			}
			if out.Len() == 0 {
				t.Errorf("example printed nothing")
			}
		})
	}
}

// wantError matches the expectation marker of the chunked error files:
// code ### "regexp" expects an error on that line matching regexp.
var wantError = regexp.MustCompile(`###\s*"((?:[^"\\]|\\.)*)"\s*$`)

// TestErrorCases runs the chunked files in testdata/errors. Chunks are
// separated by lines of "---". A chunk with a line marked ### "regexp"
// must fail with an error reported at that line ("file:LINE:col: ..."),
// whose message matches the regexp and which shows a caret; a chunk
// without a marker must succeed.
func TestErrorCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.sim")
	if len(files) == 0 {
		t.Fatal("no error-case files in testdata/errors/")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		start := 0
		for i := 0; i <= len(lines); i++ {
			if i < len(lines) && strings.TrimRight(lines[i], " ") != "---" {
				continue
			}
			runChunk(t, file, lines, start, i)
			start = i + 1
		}
	}
}

func runChunk(t *testing.T, file string, lines []string, start, end int) {
	// Keep line numbers: blank out the lines before the chunk.
	src := strings.Repeat("\n", start) + strings.Join(lines[start:end], "\n") + "\n"
	wantLine, pattern := 0, ""
	for i := start; i < end; i++ {
		if m := wantError.FindStringSubmatch(lines[i]); m != nil {
			wantLine, pattern = i+1, strings.ReplaceAll(m[1], `\"`, `"`)
		}
	}
	name := filepath.Base(file) + ":" + itoa(start+1)
	t.Run(name, func(t *testing.T) {
		var out bytes.Buffer
		in := sim.New(sim.Options{Stdout: &out, Stderr: &out, MaxSteps: 10_000_000})
		err := in.Exec(context.Background(), file, src)
		if wantLine == 0 {
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if err == nil {
			t.Fatalf("line %d: no error, want one matching %q", wantLine, pattern)
		}
		msg := err.Error()
		prefix := file + ":" + itoa(wantLine) + ":"
		if !strings.HasPrefix(msg, prefix) {
			t.Errorf("error should start with %q:\n%s", prefix, msg)
		}
		// Match the message line only: the quoted source line below it
		// contains the pattern itself.
		first, _, _ := strings.Cut(msg, "\n")
		if !regexp.MustCompile(pattern).MatchString(first) {
			t.Errorf("error does not match %q:\n%s", pattern, msg)
		}
		if !strings.Contains(msg, "^") {
			t.Errorf("error shows no caret:\n%s", msg)
		}
	})
}

func itoa(i int) string { return strconv.Itoa(i) }
