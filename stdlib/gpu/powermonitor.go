package gpu

import (
	"fmt"
	goruntime "runtime"
	"time"

	"github.com/sim-lang/sim/runtime"
)

// PowerMonitor is the script object of gpu.PowerMonitor(device=0,
// interval=100*ms, window=20*second): it samples in the background from
// creation until stop() (or the end of the script's run), so it keeps
// recording while a simulation runs. pm.t and pm.power are the samples of
// the last window (times since the start, real timestamps);
// pm.energy() is the energy since the start.
type PowerMonitor struct {
	m        *Monitor
	window   time.Duration
	backend  string
	deviceID int
}

// newPowerMonitor is gpu.PowerMonitor(...).
func newPowerMonitor(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "PowerMonitor"
	var dev, intervalV, windowV runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "device?", &dev, "interval?", &intervalV, "window?", &windowV); err != nil {
		return runtime.Value{}, err
	}
	i, err := deviceArg(fn, dev)
	if err != nil {
		return runtime.Value{}, err
	}
	interval, err := seconds(fn, "interval", intervalV, 100*time.Millisecond)
	if err != nil {
		return runtime.Value{}, err
	}
	if interval < time.Millisecond {
		return runtime.Value{}, runtime.Errorf("PowerMonitor() interval must be at least 1 ms")
	}
	window, err := seconds(fn, "window", windowV, 20*time.Second)
	if err != nil {
		return runtime.Value{}, err
	}
	b, err := backendFor(th)
	if err != nil {
		return runtime.Value{}, err
	}
	m, err := NewMonitor(b, i, interval, window)
	if err != nil {
		return runtime.Value{}, scriptErr(err)
	}
	m.Start(th.Ctx)
	pm := &PowerMonitor{m: m, window: window, backend: b.Kind(), deviceID: i}
	// A monitor the script drops stops sampling when it is collected.
	goruntime.AddCleanup(pm, func(m *Monitor) { m.Stop() }, m)
	return runtime.MakeObj(pm), nil
}

// Monitor returns the Go monitor behind the script object.
func (pm *PowerMonitor) Monitor() *Monitor { return pm.m }

// Type implements runtime.Object.
func (pm *PowerMonitor) Type() string { return "PowerMonitor" }

// String implements runtime.Object.
func (pm *PowerMonitor) String() string {
	state := "stopped"
	if pm.m.Running() {
		state = "running"
	}
	return fmt.Sprintf("<PowerMonitor of %s GPU %d, every %v, %d samples, %s>", pm.backend, pm.deviceID, pm.m.interval, pm.m.Count(), state)
}

// Truth implements runtime.Object.
func (pm *PowerMonitor) Truth() (bool, error) { return true, nil }

// pmMethods are the PowerMonitor's methods.
var pmMethods = map[string]func(pm *PowerMonitor) (runtime.Value, error){
	"stop": func(pm *PowerMonitor) (runtime.Value, error) {
		pm.m.Stop()
		return runtime.None, nil
	},
	"energy": func(pm *PowerMonitor) (runtime.Value, error) {
		e, _ := pm.m.Energy()
		return runtime.MakeQuantity(e, jouleDim), nil
	},
	"mean_power": func(pm *PowerMonitor) (runtime.Value, error) {
		return runtime.MakeQuantity(pm.m.MeanPower(), wattDim), nil
	},
	"peak_power": func(pm *PowerMonitor) (runtime.Value, error) {
		return runtime.MakeQuantity(pm.m.PeakPower(), wattDim), nil
	},
	"sample": func(pm *PowerMonitor) (runtime.Value, error) {
		return runtime.None, scriptErr(pm.m.Sample())
	},
}

// Attr implements runtime.HasAttrs.
func (pm *PowerMonitor) Attr(name string) (runtime.Value, error) {
	if f, ok := pmMethods[name]; ok {
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.UnpackArgs(name, args, kwargs); err != nil {
				return runtime.Value{}, err
			}
			return f(pm)
		}), nil
	}
	switch name {
	case "t", "power":
		t, p := seriesArrays(pm.m.Samples())
		if name == "t" {
			return t, nil
		}
		return p, nil
	case "samples":
		return runtime.MakeInt(pm.m.Count()), nil
	case "running":
		return runtime.MakeBool(pm.m.Running()), nil
	case "interval":
		return runtime.MakeQuantity(pm.m.interval.Seconds(), secondDim), nil
	case "window":
		return runtime.MakeQuantity(pm.window.Seconds(), secondDim), nil
	case "duration":
		return runtime.MakeQuantity(pm.m.Duration(), secondDim), nil
	case "device":
		return runtime.MakeInt(int64(pm.deviceID)), nil
	case "backend":
		return runtime.MakeStr(pm.backend), nil
	case "counter":
		_, c := pm.m.Energy()
		return runtime.MakeBool(c), nil
	case "error":
		if err := pm.m.Err(); err != nil {
			return runtime.MakeStr(err.Error()), nil
		}
		return runtime.None, nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (pm *PowerMonitor) AttrNames() []string {
	names := []string{"t", "power", "samples", "running", "interval", "window", "duration", "device", "backend", "counter", "error"}
	for k := range pmMethods {
		names = append(names, k)
	}
	return names
}
