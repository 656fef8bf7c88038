package runtime

import (
	"bytes"
	"strings"
	"testing"
)

// runScript executes src in a fresh environment and returns what it printed.
func runScript(t *testing.T, src string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	th := NewThread("test")
	th.Stdout = &out
	env := NewEnv()
	err := env.Exec(th, "test.sim", src)
	return out.String(), err
}

// expectOutput runs src and compares its printed output.
func expectOutput(t *testing.T, src, want string) {
	t.Helper()
	got, err := runScript(t, src)
	if err != nil {
		t.Fatalf("unexpected error: %v\nsource:\n%s", err, src)
	}
	if got != want {
		t.Fatalf("output mismatch\nsource:\n%s\ngot:\n%s\nwant:\n%s", src, got, want)
	}
}

// expectError runs src and checks that the error contains each fragment.
func expectError(t *testing.T, src string, fragments ...string) error {
	t.Helper()
	_, err := runScript(t, src)
	if err == nil {
		t.Fatalf("expected an error\nsource:\n%s", src)
	}
	for _, f := range fragments {
		if !strings.Contains(err.Error(), f) {
			t.Fatalf("error %q\ndoes not contain %q", err.Error(), f)
		}
	}
	return err
}

func TestBasics(t *testing.T) {
	expectOutput(t, "x = 1 + 2 * 3\nprint(x)\n", "7\n")
	expectOutput(t, "def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)\nprint(fib(20))\n", "6765\n")
	expectOutput(t, "s = 0\nfor i in range(10):\n    s += i\nprint(s)\n", "45\n")
	expectOutput(t, "def f():\n    s = 0\n    for i in range(1000):\n        s = s + i*2 - 1\n    return s\nprint(f())\n", "998000\n")
	expectOutput(t, "i = 0\nwhile True:\n    i += 1\n    if i > 5:\n        break\n    if i % 2:\n        continue\n    print(i)\n", "2\n4\n")
	expectOutput(t, "print(1 < 2 < 3, 1 < 3 < 2, 0 or 5, 0 and 5, not 0)\n", "True False 5 0 True\n")
	expectOutput(t, "print(1.5 + 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 / 2, 2 ** 10)\n", "3.5 3 -4 1 2 3.5 1024\n")
}
