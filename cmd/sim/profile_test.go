package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCPUProfile checks that --cpuprofile writes a profile file, and that
// an unwritable path is a usage error.
func TestCPUProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.prof")
	var out, errb strings.Builder
	if rc := run([]string{"--cpuprofile", path, "-c", "s = 0\nfor i in range(1000):\n    s += i\nprint(s)"}, strings.NewReader(""), &out, &errb); rc != 0 {
		t.Fatalf("exit %d: %s", rc, errb.String())
	}
	if out.String() != "499500\n" {
		t.Errorf("output %q", out.String())
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("no profile written: %v", err)
	}
	errb.Reset()
	if rc := run([]string{"--cpuprofile", filepath.Join(path, "no", "such"), "-c", "1"}, strings.NewReader(""), &out, &errb); rc != 2 {
		t.Errorf("unwritable profile path: exit %d, want 2 (%s)", rc, errb.String())
	}
}
