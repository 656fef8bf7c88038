package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runSim(t *testing.T, stdin string, args ...string) (code int, out, errs string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, strings.NewReader(stdin), &o, &e)
	return code, o.String(), e.String()
}

func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "args.sim")
	os.WriteFile(script, []byte("print(argv[1:], 3*mV)\n"), 0o644)
	bad := filepath.Join(dir, "bad.sim")
	os.WriteFile(bad, []byte("x = 1\ny = x + nA*mV + 1\n"), 0o644)

	cases := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		out, err string
	}{
		{"version", []string{"--version"}, "", 0, "sim ", ""},
		{"code", []string{"-c", "print(5*nS*10*mV)"}, "", 0, "50 pA\n", ""},
		{"file with args", []string{script, "a", "b"}, "", 0, "['a', 'b'] 3 mV\n", ""},
		{"script error", []string{bad}, "", 1, "", "bad.sim:2:"},
		{"syntax error", []string{"-c", "x = (1 +"}, "", 1, "", "<string>:1:5: '(' was never closed"},
		{"missing file", []string{filepath.Join(dir, "nope.sim")}, "", 2, "", "no such file"},
		{"bad flag", []string{"--frobnicate"}, "", 2, "", "flag provided but not defined"},
		{"stdin script", nil, "print(1 + 1)\n", 0, "2\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runSim(t, c.stdin, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.code, errs)
			}
			if !strings.Contains(out, c.out) {
				t.Errorf("stdout %q lacks %q", out, c.out)
			}
			if !strings.Contains(errs, c.err) {
				t.Errorf("stderr %q lacks %q", errs, c.err)
			}
		})
	}
}
