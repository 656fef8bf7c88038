package compiler

import (
	"strings"
	"testing"
)

// TestDecoratorCode checks the code of a decorated def: decorator
// expressions top-down, then defaults and the function, then one call per
// decorator bottom-up, each at its '@' line, and a single store of the
// name at the def line.
func TestDecoratorCode(t *testing.T) {
	src := "def outer(d, e):\n    @d\n    @e(1)\n    def f(x=2):\n        return x\n    return f\n"
	p, err := compile(t, src, NewGlobals())
	if err != nil {
		t.Fatal(err)
	}
	out := Disassemble(p)
	_, body, ok := strings.Cut(out, "\nfunction outer ")
	if !ok {
		t.Fatalf("no function outer:\n%s", out)
	}
	want := []string{
		"2 LOCAL", "3 LOCAL", "3 CONST", "3 CALL", // d, then e(1)
		"4 CONST", "4 MAKEFUNC", // default, function
		"3 CALL", "2 CALL", // e(1)(f), then d(...)
		"4 SETLOCAL",
	}
	var got []string
	for _, line := range strings.Split(body, "\n")[1:] {
		fields := strings.Fields(line)
		if len(fields) < 3 {
			break
		}
		got = append(got, fields[1]+" "+fields[2])
	}
	if len(got) < len(want) || strings.Join(got[:len(want)], ", ") != strings.Join(want, ", ") {
		t.Errorf("code of outer:\n got  %v\n want %v...\n%s", got, want, out)
	}
}
