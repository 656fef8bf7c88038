//go:build cgo

package gpu

import (
	"fmt"
	"os"
	"sync"

	"github.com/NVIDIA/go-nvml/pkg/dl"
	"github.com/NVIDIA/go-nvml/pkg/nvml"
)

// EnvNVMLLibrary overrides the NVML library loaded (default
// libnvidia-ml.so.1).
const EnvNVMLLibrary = "SIM_NVML_LIBRARY"

const nvmlDefaultLibrary = "libnvidia-ml.so.1"

var (
	nvmlOnce    sync.Once
	nvmlBackend *nvmlDriver
	nvmlErr     error
)

// NVML returns the NVML backend, loading and initialising the driver's
// library on first use. Without a driver it returns an error starting
// "no NVIDIA driver found: ".
func NVML() (Backend, error) {
	nvmlOnce.Do(func() {
		path := os.Getenv(EnvNVMLLibrary)
		if path == "" {
			path = nvmlDefaultLibrary
		}
		nvmlBackend, nvmlErr = openNVML(path)
	})
	if nvmlErr != nil {
		return nil, nvmlErr
	}
	return nvmlBackend, nil
}

// nvmlDriver is the Backend over go-nvml.
type nvmlDriver struct {
	lib  nvml.Interface
	devs []nvml.Device
}

// openNVML loads the library at path and initialises NVML. go-nvml
// reports a missing library only as ERROR_LIBRARY_NOT_FOUND, so the
// library is first opened here to report the loader's own message.
func openNVML(path string) (*nvmlDriver, error) {
	probe := dl.New(path, dl.RTLD_LAZY|dl.RTLD_GLOBAL)
	if err := probe.Open(); err != nil {
		return nil, fmt.Errorf("no NVIDIA driver found: %v", err)
	}
	defer probe.Close()
	lib := nvml.New(nvml.WithLibraryPath(path))
	if ret := lib.Init(); ret != nvml.SUCCESS {
		return nil, fmt.Errorf("no NVIDIA driver found: NVML could not start: %s", lib.ErrorString(ret))
	}
	n, ret := lib.DeviceGetCount()
	if ret != nvml.SUCCESS {
		return nil, fmt.Errorf("no NVIDIA driver found: NVML could not count devices: %s", lib.ErrorString(ret))
	}
	d := &nvmlDriver{lib: lib}
	for i := 0; i < n; i++ {
		h, ret := lib.DeviceGetHandleByIndex(i)
		if ret != nvml.SUCCESS {
			return nil, fmt.Errorf("NVML: GPU %d: %s", i, lib.ErrorString(ret))
		}
		d.devs = append(d.devs, h)
	}
	return d, nil
}

// dev returns device i's handle.
func (d *nvmlDriver) dev(i int) (nvml.Device, error) {
	if err := checkIndex(i, len(d.devs)); err != nil {
		return nil, err
	}
	return d.devs[i], nil
}

// fail turns an NVML return code into an error.
func (d *nvmlDriver) fail(i int, what string, ret nvml.Return) error {
	return fmt.Errorf("GPU %d: cannot read %s: %s", i, what, d.lib.ErrorString(ret))
}

// Kind implements Backend.
func (d *nvmlDriver) Kind() string { return "nvml" }

// Devices implements Backend.
func (d *nvmlDriver) Devices() ([]DeviceInfo, error) {
	out := make([]DeviceInfo, len(d.devs))
	for i, h := range d.devs {
		name, ret := h.GetName()
		if ret != nvml.SUCCESS {
			return nil, d.fail(i, "the name", ret)
		}
		uuid, ret := h.GetUUID()
		if ret != nvml.SUCCESS {
			return nil, d.fail(i, "the UUID", ret)
		}
		mem, ret := h.GetMemoryInfo()
		if ret != nvml.SUCCESS {
			return nil, d.fail(i, "the memory size", ret)
		}
		out[i] = DeviceInfo{Index: i, Name: name, UUID: uuid, MemoryTotal: mem.Total}
	}
	return out, nil
}

// Power implements Backend (NVML reports milliwatts).
func (d *nvmlDriver) Power(i int) (float64, error) {
	h, err := d.dev(i)
	if err != nil {
		return 0, err
	}
	mw, ret := h.GetPowerUsage()
	if ret != nvml.SUCCESS {
		return 0, d.fail(i, "the power draw", ret)
	}
	return float64(mw) / 1e3, nil
}

// Energy implements Backend (NVML reports millijoules since the driver
// was loaded).
func (d *nvmlDriver) Energy(i int) (float64, error) {
	h, err := d.dev(i)
	if err != nil {
		return 0, err
	}
	mj, ret := h.GetTotalEnergyConsumption()
	if ret == nvml.ERROR_NOT_SUPPORTED {
		return 0, ErrNoCounter
	}
	if ret != nvml.SUCCESS {
		return 0, d.fail(i, "the energy counter", ret)
	}
	return float64(mj) / 1e3, nil
}

// Utilization implements Backend.
func (d *nvmlDriver) Utilization(i int) (float64, float64, error) {
	h, err := d.dev(i)
	if err != nil {
		return 0, 0, err
	}
	u, ret := h.GetUtilizationRates()
	if ret != nvml.SUCCESS {
		return 0, 0, d.fail(i, "the utilization", ret)
	}
	return float64(u.Gpu), float64(u.Memory), nil
}

// Memory implements Backend.
func (d *nvmlDriver) Memory(i int) (Memory, error) {
	h, err := d.dev(i)
	if err != nil {
		return Memory{}, err
	}
	m, ret := h.GetMemoryInfo()
	if ret != nvml.SUCCESS {
		return Memory{}, d.fail(i, "the memory use", ret)
	}
	return Memory{Used: m.Used, Free: m.Free, Total: m.Total}, nil
}

// Temperature implements Backend.
func (d *nvmlDriver) Temperature(i int) (float64, error) {
	h, err := d.dev(i)
	if err != nil {
		return 0, err
	}
	c, ret := h.GetTemperature(nvml.TEMPERATURE_GPU)
	if ret != nvml.SUCCESS {
		return 0, d.fail(i, "the temperature", ret)
	}
	return float64(c), nil
}
