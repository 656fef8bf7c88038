//go:build !cgo

package gpu

import "errors"

// errNoCgo is the answer of every NVML call in a build without cgo.
var errNoCgo = errors.New("no NVIDIA driver found: this sim was built without cgo (CGO_ENABLED=0), " +
	"so it cannot load NVML (libnvidia-ml.so.1); rebuild with CGO_ENABLED=1 to read a real GPU, " +
	"or use the fake device (gpu.use_fake(True) or SIM_GPU=fake)")

// NVML returns the NVML backend; this build has none (NVML needs cgo).
func NVML() (Backend, error) { return nil, errNoCgo }
