package brian2

import (
	"fmt"
	"sort"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/stdlib/unitsmod"
)

// deviceClasses are the devices set_device accepts, with the class name
// Brian2 (or brian2cuda/brian2genn) gives them. Every one runs with
// sim's engine: a standalone device's build() has nothing left to do.
var deviceClasses = map[string]string{
	"runtime":         "RuntimeDevice",
	"cpp_standalone":  "CPPStandaloneDevice",
	"cuda_standalone": "CUDAStandaloneDevice",
	"genn":            "GeNNDevice",
}

var (
	_ = def("set_device", setDevice)
	_ = def("get_device", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("get_device", args, kwargs); err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeObj(&deviceView{st: compatOf(th)}), nil
	})
)

func init() {
	d := runtime.MakeObj(deviceProxy{})
	runtime.Predeclare("device", d)
	unitsmod.AddBrian2Member("device", d)
}

func setDevice(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var dev runtime.Value
	buildOnRun := true
	var rest []runtime.Kwarg
	var known []runtime.Kwarg
	for _, kw := range kwargs {
		if kw.Name == "device" || kw.Name == "build_on_run" {
			known = append(known, kw)
		} else {
			rest = append(rest, kw)
		}
	}
	if err := runtime.UnpackArgs("set_device", args, known, "device", &dev, "build_on_run?", &buildOnRun); err != nil {
		return runtime.Value{}, err
	}
	var name string
	switch o := dev.Obj().(type) {
	case *deviceView:
		name = o.st.device
	default:
		s, ok := runtime.AsString(dev)
		if !ok {
			return runtime.Value{}, runtime.Errorf("set_device() needs a device name such as 'runtime' or 'cpp_standalone', not %s", runtime.TypeName(dev))
		}
		name = s
	}
	if _, ok := deviceClasses[name]; !ok {
		var names []string
		for n := range deviceClasses {
			names = append(names, n)
		}
		sort.Strings(names)
		return runtime.Value{}, runtime.Errorf("KeyError: unknown device '%s' (known: %v)%s", name, names, runtime.Suggest(name, names))
	}
	if name == "runtime" && len(rest) > 0 {
		return runtime.Value{}, runtime.Errorf("TypeError: Unknown keyword argument '%s'.", rest[0].Name)
	}
	st := compatOf(th)
	st.mu.Lock()
	st.device, st.buildOnRun, st.deviceKw = name, buildOnRun, rest
	st.mu.Unlock()
	return runtime.None, nil
}

// buildArgs are the arguments Brian2's standalone Device.build accepts.
var buildArgs = map[string]bool{"directory": true, "compile": true, "run": true, "debug": true, "clean": true,
	"with_output": true, "additional_source_files": true, "run_args": true, "direct_call": true}

// deviceProxy is the predeclared `device` (Brian2's CurrentDeviceProxy):
// the calling interpreter's current device.
type deviceProxy struct{}

// ForThread implements runtime.PerThread.
func (deviceProxy) ForThread(th *runtime.Thread) runtime.Value {
	return runtime.MakeObj(&deviceView{st: compatOf(th)})
}

// Type implements runtime.Object.
func (deviceProxy) Type() string { return "CurrentDeviceProxy" }

// String implements runtime.Object.
func (deviceProxy) String() string { return (&deviceView{st: compatOf(nil)}).String() }

// Truth implements runtime.Object.
func (deviceProxy) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs.
func (deviceProxy) Attr(name string) (runtime.Value, error) {
	return (&deviceView{st: compatOf(nil)}).Attr(name)
}

// AttrNames implements runtime.HasAttrs.
func (deviceProxy) AttrNames() []string { return deviceAttrNames }

var deviceAttrNames = []string{"name", "build_on_run", "build", "reinit", "activate", "has_been_run"}

// deviceView is one interpreter's current device.
type deviceView struct{ st *compatState }

// Type implements runtime.Object.
func (d *deviceView) Type() string { return deviceClasses[d.st.device] }

// String implements runtime.Object.
func (d *deviceView) String() string {
	return fmt.Sprintf("<%s '%s' (simulated by sim's engine)>", deviceClasses[d.st.device], d.st.device)
}

// Truth implements runtime.Object.
func (d *deviceView) Truth() (bool, error) { return true, nil }

// AttrNames implements runtime.HasAttrs.
func (d *deviceView) AttrNames() []string { return deviceAttrNames }

// Attr implements runtime.HasAttrs.
func (d *deviceView) Attr(name string) (runtime.Value, error) {
	st := d.st
	switch name {
	case "name":
		return runtime.MakeStr(st.device), nil
	case "build_on_run":
		return runtime.MakeBool(st.buildOnRun), nil
	case "has_been_run":
		return runtime.MakeBool(false), nil
	case "build":
		return runtime.NewBuiltin("build", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if len(args) > 0 {
				return runtime.Value{}, runtime.Errorf("build() takes keyword arguments only (directory=, compile=, run=, debug=, ...)")
			}
			for _, kw := range kwargs {
				if !buildArgs[kw.Name] {
					return runtime.Value{}, runtime.Errorf("TypeError: Unknown keyword argument '%s'.", kw.Name)
				}
			}
			if st.device == "runtime" {
				return runtime.Value{}, runtime.Errorf("The runtime device has no build() step: call set_device('cpp_standalone') first (sim runs either directly)")
			}
			fmt.Fprintf(logWriter(th), "INFO       sim runs standalone scripts directly: device.build() for '%s' has nothing to compile or run, the simulation already ran with sim's engine.\n", st.device)
			return runtime.None, nil
		}), nil
	case "reinit":
		return runtime.NewBuiltin("reinit", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return runtime.None, runtime.UnpackArgs("reinit", args, kwargs)
		}), nil
	case "activate":
		return runtime.NewBuiltin("activate", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			buildOnRun := true
			var known, rest []runtime.Kwarg
			for _, kw := range kwargs {
				if kw.Name == "build_on_run" {
					known = append(known, kw)
				} else {
					rest = append(rest, kw)
				}
			}
			if err := runtime.UnpackArgs("activate", args, known, "build_on_run?", &buildOnRun); err != nil {
				return runtime.Value{}, err
			}
			st.mu.Lock()
			st.buildOnRun, st.deviceKw = buildOnRun, rest
			st.mu.Unlock()
			return runtime.None, nil
		}), nil
	}
	return runtime.Value{}, nil
}
