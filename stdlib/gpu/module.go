package gpu

import (
	"math"
	"time"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

func init() {
	runtime.RegisterModule([]string{"gpu"}, build)
}

// Dimensions of the readings.
var (
	wattDim   = dimOf("watt")
	jouleDim  = dimOf("joule")
	secondDim = runtime.SecondDim
)

func dimOf(name string) units.Dim {
	_, d, _ := units.Lookup(name)
	return d
}

// functions is the module table.
var functions = map[string]runtime.BuiltinFunc{
	"devices":        devices,
	"power":          power,
	"energy":         energy,
	"utilization":    utilization,
	"memory":         memory,
	"temperature":    temperature,
	"PowerMonitor":   newPowerMonitor,
	"measure_energy": measureEnergy,
	"cpu_energy":     cpuEnergy,
	"use_fake":       useFake,
	"fake_load":      fakeLoad,
	"backend":        backendName,
	"available":      available,
}

func build() *runtime.Module {
	m := &runtime.Module{Name: "gpu", Members: map[string]runtime.Value{}}
	for name, f := range functions {
		m.Members[name] = runtime.NewBuiltin(name, f)
	}
	return m
}

// deviceArg reads the optional device index argument.
func deviceArg(fn string, v runtime.Value) (int, error) {
	if !v.IsValid() || v.IsNone() {
		return 0, nil
	}
	if v.Kind() != runtime.IntKind {
		return 0, runtime.Errorf("%s() argument 'device' must be an int index, not %s", fn, runtime.TypeName(v))
	}
	return int(v.AsInt()), nil
}

// seconds reads a time argument: a time quantity or a number of seconds.
func seconds(fn, name string, v runtime.Value, def time.Duration) (time.Duration, error) {
	if !v.IsValid() || v.IsNone() {
		return def, nil
	}
	s, ok := v.ToFloat()
	if q, isQ := v.Obj().(runtime.Quantity); isQ {
		if q.D != secondDim {
			return 0, runtime.Errorf("%s() argument '%s' must be a time, not %s", fn, name, q)
		}
		s, ok = q.V, true
	}
	if !ok || !(s > 0) || math.IsInf(s, 0) {
		return 0, runtime.Errorf("%s() argument '%s' must be a positive time, not %s", fn, name, runtime.Repr(v))
	}
	return time.Duration(s * float64(time.Second)), nil
}

// deviceCall reads a device index and resolves the backend.
func deviceCall(fn string, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (Backend, int, error) {
	var dev runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "device?", &dev); err != nil {
		return nil, 0, err
	}
	i, err := deviceArg(fn, dev)
	if err != nil {
		return nil, 0, err
	}
	b, err := backendFor(th)
	if err != nil {
		return nil, 0, err
	}
	return b, i, nil
}

// scriptErr converts backend errors to script errors.
func scriptErr(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*runtime.Error); ok {
		return err
	}
	return runtime.Errorf("%v", err)
}

// devices is gpu.devices(): a list of dicts with index, name, uuid and
// memory (total bytes).
func devices(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("devices", args, kwargs); err != nil {
		return runtime.Value{}, err
	}
	b, err := backendFor(th)
	if err != nil {
		return runtime.Value{}, err
	}
	ds, err := b.Devices()
	if err != nil {
		return runtime.Value{}, scriptErr(err)
	}
	out := make([]runtime.Value, len(ds))
	for k, d := range ds {
		dict := runtime.NewDict()
		dict.Set(runtime.MakeStr("index"), runtime.MakeInt(int64(d.Index)))
		dict.Set(runtime.MakeStr("name"), runtime.MakeStr(d.Name))
		dict.Set(runtime.MakeStr("uuid"), runtime.MakeStr(d.UUID))
		dict.Set(runtime.MakeStr("memory"), runtime.MakeInt(int64(d.MemoryTotal)))
		out[k] = runtime.MakeObj(dict)
	}
	return runtime.NewList(out), nil
}

// power is gpu.power(device=0): the board power draw in watts.
func power(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	b, i, err := deviceCall("power", th, args, kwargs)
	if err != nil {
		return runtime.Value{}, err
	}
	p, err := b.Power(i)
	if err != nil {
		return runtime.Value{}, scriptErr(err)
	}
	return runtime.MakeQuantity(p, wattDim), nil
}

// energy is gpu.energy(device=0): the driver's total energy counter in
// joules.
func energy(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	b, i, err := deviceCall("energy", th, args, kwargs)
	if err != nil {
		return runtime.Value{}, err
	}
	e, err := b.Energy(i)
	if err != nil {
		return runtime.Value{}, scriptErr(err)
	}
	return runtime.MakeQuantity(e, jouleDim), nil
}

// utilization is gpu.utilization(device=0): {'gpu': %, 'memory': %}.
func utilization(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	b, i, err := deviceCall("utilization", th, args, kwargs)
	if err != nil {
		return runtime.Value{}, err
	}
	g, m, err := b.Utilization(i)
	if err != nil {
		return runtime.Value{}, scriptErr(err)
	}
	d := runtime.NewDict()
	d.Set(runtime.MakeStr("gpu"), runtime.MakeFloat(g))
	d.Set(runtime.MakeStr("memory"), runtime.MakeFloat(m))
	return runtime.MakeObj(d), nil
}

// memory is gpu.memory(device=0): {'used', 'free', 'total'} in bytes.
func memory(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	b, i, err := deviceCall("memory", th, args, kwargs)
	if err != nil {
		return runtime.Value{}, err
	}
	m, err := b.Memory(i)
	if err != nil {
		return runtime.Value{}, scriptErr(err)
	}
	d := runtime.NewDict()
	d.Set(runtime.MakeStr("used"), runtime.MakeInt(int64(m.Used)))
	d.Set(runtime.MakeStr("free"), runtime.MakeInt(int64(m.Free)))
	d.Set(runtime.MakeStr("total"), runtime.MakeInt(int64(m.Total)))
	return runtime.MakeObj(d), nil
}

// temperature is gpu.temperature(device=0): degrees Celsius.
func temperature(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	b, i, err := deviceCall("temperature", th, args, kwargs)
	if err != nil {
		return runtime.Value{}, err
	}
	c, err := b.Temperature(i)
	if err != nil {
		return runtime.Value{}, scriptErr(err)
	}
	return runtime.MakeFloat(c), nil
}

// cpuEnergy is gpu.cpu_energy(): the sum of the CPU package RAPL
// counters in joules (only differences are meaningful).
func cpuEnergy(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("cpu_energy", args, kwargs); err != nil {
		return runtime.Value{}, err
	}
	doms, err := FindRAPL(RAPLRoot)
	if err != nil {
		return runtime.Value{}, scriptErr(err)
	}
	r, err := ReadRAPL(doms)
	if err != nil {
		return runtime.Value{}, scriptErr(err)
	}
	return runtime.MakeQuantity(RAPLTotal(r), jouleDim), nil
}

// useFake is gpu.use_fake(on=True, load=0.0, devices=1, counter=True):
// switch this script to the deterministic fake device (a fresh one, its
// clock starting now) or back to the driver.
func useFake(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	on, load, n, counter := true, 0.0, 1, true
	if err := runtime.UnpackArgs("use_fake", args, kwargs, "on?", &on, "load?", &load, "devices?", &n, "counter?", &counter); err != nil {
		return runtime.Value{}, err
	}
	if !on {
		th.SetLocal(fakeKey, (*Fake)(nil))
		th.SetLocal(fakeOffKey, true)
		return runtime.None, nil
	}
	if n < 1 || n > 16 {
		return runtime.Value{}, runtime.Errorf("use_fake() argument 'devices' must be 1 to 16, not %d", n)
	}
	if load < 0 || load > 1 {
		return runtime.Value{}, runtime.Errorf("use_fake() argument 'load' must be between 0 and 1, not %s", runtime.FormatFloat(load))
	}
	th.SetLocal(fakeKey, NewFake(FakeConfig{Devices: n, Load: load, Counter: counter}))
	return runtime.None, nil
}

// fakeLoad is gpu.fake_load(load, device=0): set the fake device's
// synthetic load (0 to 1); its power follows with a 150 ms lag.
func fakeLoad(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var load float64
	var dev runtime.Value
	if err := runtime.UnpackArgs("fake_load", args, kwargs, "load", &load, "device?", &dev); err != nil {
		return runtime.Value{}, err
	}
	i, err := deviceArg("fake_load", dev)
	if err != nil {
		return runtime.Value{}, err
	}
	f, ok := th.Local(fakeKey).(*Fake)
	if !ok || f == nil {
		b, err := backendFor(th)
		if f, ok = b.(*Fake); err != nil || !ok {
			return runtime.Value{}, runtime.Errorf("fake_load() needs the fake device: call gpu.use_fake(True) first (or set SIM_GPU=fake)")
		}
	}
	if load < 0 || load > 1 {
		return runtime.Value{}, runtime.Errorf("fake_load() argument 'load' must be between 0 and 1, not %s", runtime.FormatFloat(load))
	}
	if err := f.SetLoad(i, load); err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, nil
}

// backendName is gpu.backend(): "fake" or "nvml" (an error without a
// driver).
func backendName(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("backend", args, kwargs); err != nil {
		return runtime.Value{}, err
	}
	b, err := backendFor(th)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeStr(b.Kind()), nil
}

// available is gpu.available(): whether readings can be made (the fake
// device selected, or an NVIDIA driver with at least one GPU).
func available(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("available", args, kwargs); err != nil {
		return runtime.Value{}, err
	}
	b, err := backendFor(th)
	if err != nil {
		return runtime.False, nil
	}
	ds, err := b.Devices()
	return runtime.MakeBool(err == nil && len(ds) > 0), nil
}

// seriesArrays returns the samples' times (s) and powers (W) as arrays.
func seriesArrays(ss []Sample) (runtime.Value, runtime.Value) {
	t := make([]float64, len(ss))
	p := make([]float64, len(ss))
	for k, s := range ss {
		t[k], p[k] = s.T, s.Power
	}
	return array.Value(array.New([]int{len(t)}, t, secondDim)), array.Value(array.New([]int{len(p)}, p, wattDim))
}
