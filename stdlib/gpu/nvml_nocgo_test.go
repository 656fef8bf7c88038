//go:build !cgo

package gpu

import (
	"strings"
	"testing"
)

// TestNVMLWithoutCgo checks the message of a build without cgo.
func TestNVMLWithoutCgo(t *testing.T) {
	_, err := NVML()
	if err == nil || !strings.HasPrefix(err.Error(), "no NVIDIA driver found: this sim was built without cgo") {
		t.Fatalf("got %v", err)
	}
}
