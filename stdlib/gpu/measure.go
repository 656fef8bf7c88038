package gpu

import (
	"fmt"
	"time"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// measureEnergy is gpu.measure_energy(fn, device=0, interval=10*ms): call
// fn() while sampling the GPU's power, and return an EnergyResult with
// the energy used during the call (the driver's counter difference when
// the device has one, else the integral of the sampled power), the mean
// and peak power, the duration, fn's return value, and the CPU package
// energy from RAPL where readable (None otherwise).
func measureEnergy(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "measure_energy"
	var f, dev, intervalV runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "fn", &f, "device?", &dev, "interval?", &intervalV); err != nil {
		return runtime.Value{}, err
	}
	if _, ok := f.Obj().(runtime.Callable); !ok {
		return runtime.Value{}, runtime.Errorf("measure_energy() needs a function to call, not %s", runtime.TypeName(f))
	}
	i, err := deviceArg(fn, dev)
	if err != nil {
		return runtime.Value{}, err
	}
	interval, err := seconds(fn, "interval", intervalV, 10*time.Millisecond)
	if err != nil {
		return runtime.Value{}, err
	}
	b, err := backendFor(th)
	if err != nil {
		return runtime.Value{}, err
	}
	// CPU energy where readable.
	doms, raplErr := FindRAPL(RAPLRoot)
	var before RAPLReading
	if raplErr == nil {
		before, raplErr = ReadRAPL(doms)
	}
	m, err := NewMonitor(b, i, interval, time.Hour)
	if err != nil {
		return runtime.Value{}, scriptErr(err)
	}
	m.Start(th.Ctx)
	v, callErr := runtime.Call(th, f, nil, nil)
	m.Stop()
	if callErr != nil {
		return runtime.Value{}, callErr
	}
	if err := m.Sample(); err != nil {
		return runtime.Value{}, scriptErr(err)
	}
	r := &EnergyResult{Value: v, Samples: m.Samples(), Device: i, Backend: b.Kind()}
	r.Energy, r.Counter = m.Energy()
	r.Duration = m.Duration()
	r.MeanPower = m.MeanPower()
	r.PeakPower = m.PeakPower()
	r.CPUEnergy = -1
	if raplErr == nil {
		if after, err := ReadRAPL(doms); err == nil {
			r.CPUEnergy = RAPLDelta(doms, before, after)
		}
	}
	return runtime.MakeObj(r), nil
}

// EnergyResult is what measure_energy returns.
type EnergyResult struct {
	Value     runtime.Value
	Energy    float64 // J
	Counter   bool    // Energy came from the driver's counter
	Duration  float64 // s
	MeanPower float64 // W
	PeakPower float64 // W
	CPUEnergy float64 // J, negative when RAPL is not readable
	Samples   []Sample
	Device    int
	Backend   string
}

// Type implements runtime.Object.
func (r *EnergyResult) Type() string { return "EnergyResult" }

// String implements runtime.Object.
func (r *EnergyResult) String() string {
	s := fmt.Sprintf("<EnergyResult: %s over %s (mean %s, peak %s) on %s GPU %d",
		units.Format(r.Energy, jouleDim), units.Format(r.Duration, secondDim),
		units.Format(r.MeanPower, wattDim), units.Format(r.PeakPower, wattDim), r.Backend, r.Device)
	if r.CPUEnergy >= 0 {
		s += ", CPU " + units.Format(r.CPUEnergy, jouleDim)
	}
	return s + ">"
}

// Truth implements runtime.Object.
func (r *EnergyResult) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs.
func (r *EnergyResult) Attr(name string) (runtime.Value, error) {
	switch name {
	case "value":
		return r.Value, nil
	case "energy":
		return runtime.MakeQuantity(r.Energy, jouleDim), nil
	case "mean_power":
		return runtime.MakeQuantity(r.MeanPower, wattDim), nil
	case "peak_power":
		return runtime.MakeQuantity(r.PeakPower, wattDim), nil
	case "duration":
		return runtime.MakeQuantity(r.Duration, secondDim), nil
	case "counter":
		return runtime.MakeBool(r.Counter), nil
	case "cpu_energy":
		if r.CPUEnergy < 0 {
			return runtime.None, nil
		}
		return runtime.MakeQuantity(r.CPUEnergy, jouleDim), nil
	case "samples":
		return runtime.MakeInt(int64(len(r.Samples))), nil
	case "t", "power":
		t, p := seriesArrays(r.Samples)
		if name == "t" {
			return t, nil
		}
		return p, nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (r *EnergyResult) AttrNames() []string {
	return []string{"value", "energy", "mean_power", "peak_power", "duration", "counter", "cpu_energy", "samples", "t", "power"}
}
