//go:build cgo

package gpu

import (
	"strings"
	"testing"
)

// TestNVMLMissingLibrary checks that a missing NVML library gives the
// clear message (with the loader's reason) rather than a crash.
func TestNVMLMissingLibrary(t *testing.T) {
	_, err := openNVML("/nonexistent/libnvidia-ml.so.1")
	if err == nil || !strings.HasPrefix(err.Error(), "no NVIDIA driver found: ") || !strings.Contains(err.Error(), "/nonexistent/libnvidia-ml.so.1") {
		t.Fatalf("got %v", err)
	}
}

// TestNVMLHere checks the default library on this machine: without a
// driver the clear message, with one plausible readings.
func TestNVMLHere(t *testing.T) {
	b, err := NVML()
	if err != nil {
		if !strings.HasPrefix(err.Error(), "no NVIDIA driver found: ") {
			t.Fatalf("unclear error: %v", err)
		}
		t.Logf("no driver here: %v", err)
		return
	}
	ds, err := b.Devices()
	if err != nil || len(ds) == 0 {
		t.Fatalf("devices: %v %v", ds, err)
	}
	p, err := b.Power(0)
	if err != nil || p <= 0 || p > 1500 {
		t.Errorf("power %v W, %v", p, err)
	}
	t.Logf("%s: %.1f W", ds[0].Name, p)
}
