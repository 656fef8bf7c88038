package gpu

import (
	"strings"
	"testing"

	"github.com/sim-lang/sim/runtime"
)

// TestBackendSelection checks SIM_GPU=fake, use_fake and use_fake(False).
func TestBackendSelection(t *testing.T) {
	t.Setenv(EnvFake, "fake")
	th := runtime.NewThread("test")
	b, err := backendFor(th)
	if err != nil || b.Kind() != "fake" {
		t.Fatalf("SIM_GPU=fake: %v %v", b, err)
	}
	if b2, _ := backendFor(th); b2 != b {
		t.Error("the thread's fake device changed between calls")
	}
	if _, err := useFake(th, []runtime.Value{runtime.False}, nil); err != nil {
		t.Fatal(err)
	}
	if b, err := backendFor(th); err == nil {
		if b.Kind() != "nvml" {
			t.Errorf("use_fake(False) gave %s", b.Kind())
		}
	} else if !strings.HasPrefix(err.Error(), "no NVIDIA driver found: ") {
		t.Errorf("use_fake(False) without a driver: %v", err)
	}
	if _, err := useFake(th, nil, []runtime.Kwarg{{Name: "devices", Value: runtime.MakeInt(3)}}); err != nil {
		t.Fatal(err)
	}
	b, _ = backendFor(th)
	if ds, _ := b.Devices(); len(ds) != 3 {
		t.Errorf("use_fake(devices=3): %d devices", len(ds))
	}
}
