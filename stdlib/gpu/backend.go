package gpu

import (
	"errors"
	"os"
	"strings"

	"github.com/sim-lang/sim/runtime"
)

// DeviceInfo describes one GPU.
type DeviceInfo struct {
	Index       int
	Name, UUID  string
	MemoryTotal uint64 // bytes
}

// Memory is a GPU's memory use in bytes.
type Memory struct{ Used, Free, Total uint64 }

// Backend reads the sensors of the GPUs of one driver (NVML) or of the
// fake device. Implementations are safe for concurrent use: a
// PowerMonitor samples from its own goroutine.
type Backend interface {
	// Kind names the backend: "nvml" or "fake".
	Kind() string
	Devices() ([]DeviceInfo, error)
	// Power is the current board power draw in watts.
	Power(i int) (float64, error)
	// Energy is the driver's total energy counter in joules; it returns
	// ErrNoCounter where the device has none.
	Energy(i int) (float64, error)
	// Utilization is the percentage of time the GPU and its memory were
	// busy over the driver's last sample period.
	Utilization(i int) (gpu, mem float64, err error)
	Memory(i int) (Memory, error)
	// Temperature is the core temperature in degrees Celsius.
	Temperature(i int) (float64, error)
}

// ErrNoCounter is returned by Backend.Energy for devices without a total
// energy counter (NVIDIA GPUs before Volta).
var ErrNoCounter = errors.New("this GPU has no total energy counter")

// Thread-local keys.
const (
	fakeKey    = "gpu.fake"
	fakeOffKey = "gpu.fake.off"
)

// EnvFake is the environment variable that selects the fake device when
// set to "fake" (SIM_GPU=fake).
const EnvFake = "SIM_GPU"

// backendFor returns the backend scripts on th use: the fake device when
// gpu.use_fake(True) was called on th, or SIM_GPU=fake is set and
// use_fake(False) was not; NVML otherwise.
func backendFor(th *runtime.Thread) (Backend, error) {
	if fb, ok := th.Local(fakeKey).(*Fake); ok && fb != nil {
		return fb, nil
	}
	if th.Local(fakeOffKey) == nil && strings.EqualFold(os.Getenv(EnvFake), "fake") {
		fb := NewFake(FakeConfig{Devices: 1, Counter: true})
		th.SetLocal(fakeKey, fb)
		return fb, nil
	}
	b, err := NVML()
	if err != nil {
		return nil, runtime.Errorf("%v", err)
	}
	return b, nil
}

// checkIndex validates a device index against n devices.
func checkIndex(i, n int) error {
	if i < 0 || i >= n {
		if n == 0 {
			return runtime.Errorf("no GPU device %d: no devices found", i)
		}
		return runtime.Errorf("no GPU device %d: there are %d (indices 0 to %d)", i, n, n-1)
	}
	return nil
}
