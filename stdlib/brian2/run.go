package brian2

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/engine"
	"github.com/sim-lang/sim/units"
)

var (
	_ = def("run", runMagic)
	_ = def("store", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return storeRestore(th, stateOf(th).magic, "store", args, kwargs)
	})
	_ = def("restore", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return storeRestore(th, stateOf(th).magic, "restore", args, kwargs)
	})
	_ = def("start_scope", startScope)
	_ = def("seed", seedFn)
	_ = def("Network", newNetwork)
)

// runNetwork runs net for a duration with Brian2's run() arguments.
func runNetwork(th *runtime.Thread, net *engine.Network, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var duration, report, reportPeriod, namespace, profile, level runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "duration", &duration, "report?", &report, "report_period?", &reportPeriod, "namespace?", &namespace, "profile?", &profile, "level?", &level); err != nil {
		return runtime.Value{}, err
	}
	d, err := quantity(fn, "duration", duration, secondDim)
	if err != nil {
		return runtime.Value{}, err
	}
	opts := engine.RunOptions{Info: logWriter(th), Ctx: th.Ctx}
	if namespace.IsValid() && !namespace.IsNone() {
		ns, err := dictNamespace(namespace)
		if err != nil {
			return runtime.Value{}, err
		}
		opts.Namespace = engine.Layered(ns, predeclaredNamespace)
	} else {
		opts.Namespace = callerNamespace(th)
	}
	if report.IsValid() && !report.IsNone() {
		r, ok := runtime.AsString(report)
		if !ok {
			return runtime.Value{}, runtime.Errorf("%s() argument 'report' must be 'text', 'stdout' or 'stderr'", fn)
		}
		var w io.Writer
		switch r {
		case "text", "stderr":
			w = th.Stderr
		case "stdout":
			w = th.Stdout
		default:
			return runtime.Value{}, runtime.Errorf("do not know how to handle report argument '%s' (use 'text', 'stdout' or 'stderr')", r)
		}
		if w == nil {
			w = os.Stderr
		}
		opts.Report = w
		opts.ReportPeriod = 10 * time.Second
		if reportPeriod.IsValid() && !reportPeriod.IsNone() {
			p, err := quantity(fn, "report_period", reportPeriod, secondDim)
			if err != nil {
				return runtime.Value{}, err
			}
			opts.ReportPeriod = time.Duration(p * float64(time.Second))
		}
	}
	if err := dumpNetwork(net, opts); err != nil {
		return runtime.Value{}, err
	}
	st := stateOf(th)
	prev := st.running
	st.running = net
	defer func() { st.running = prev }()
	if err := net.Run(d, opts); err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, nil
}

var _ model.Namespace = predeclaredNamespace

// runMagic is run(): it simulates the objects created since the last
// start_scope() (the "magic" network).
func runMagic(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	return runNetwork(th, stateOf(th).magic, "run", args, kwargs)
}

func startScope(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("start_scope", args, kwargs); err != nil {
		return runtime.Value{}, err
	}
	st := stateOf(th)
	st.magic, _ = engine.NewNetwork("magicnetwork")
	st.defaultClock.Step = 0
	return runtime.None, nil
}

func seedFn(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	if err := runtime.UnpackArgs("seed", args, kwargs, "seed?", &s); err != nil {
		return runtime.Value{}, err
	}
	st := stateOf(th)
	if !s.IsValid() || s.IsNone() {
		st.seed = uint64(time.Now().UnixNano())
		return runtime.None, nil
	}
	n, ok := s.ToInt()
	if !ok {
		return runtime.Value{}, runtime.Errorf("seed() argument must be an int, not %s", runtime.TypeName(s))
	}
	st.seed = uint64(n)
	// groups created before seed() use the new seed from now on
	st.groups = 0
	for _, o := range st.magic.Objects {
		if g, ok := o.(*engine.NeuronGroup); ok {
			st.groups++
			g.Seed = seedFor(st.seed, st.groups)
		} else if reseed(o, func() uint64 { st.groups++; return seedFor(st.seed, st.groups) }) {
			continue
		}
	}
	// Brian2's seed() also seeds numpy's generator
	if m, ok := runtime.LoadModule("numpy.random"); ok {
		if fn, _ := m.Attr("seed"); fn.IsValid() {
			if _, err := runtime.Call(th, fn, []runtime.Value{runtime.MakeInt(n)}, nil); err != nil {
				return runtime.Value{}, err
			}
		}
	}
	return runtime.None, nil
}

// storeRestore implements store(name='default', filename=None) and
// restore(...), for the magic network or an explicit one.
func storeRestore(th *runtime.Thread, net *engine.Network, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var name, filename runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "name?", &name, "filename?", &filename); err != nil {
		return runtime.Value{}, err
	}
	nm, err := optString(fn, "name", name)
	if err != nil {
		return runtime.Value{}, err
	}
	if nm == "" {
		nm = "default"
	}
	file, err := optString(fn, "filename", filename)
	if err != nil {
		return runtime.Value{}, err
	}
	if fn == "store" {
		err = net.Store(nm, file)
	} else {
		err = net.Restore(nm, file)
	}
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%v", err)
	}
	return runtime.None, nil
}

// Network is an explicit network of objects.
type Network struct {
	net *engine.Network
}

// engineObject returns the engine object of a script object.
func engineObject(v runtime.Value) (engine.Object, error) {
	if o, ok := engineObjectOf(v); ok {
		return o, nil
	}
	switch o := v.Obj().(type) {
	case *Group:
		if o.src.Start != 0 || o.src.Stop != o.g.N {
			return nil, runtime.Errorf("add the whole group to a network, not a subgroup")
		}
		return o.g, nil
	case *StateMonitor:
		return o.m, nil
	case *EventMonitor:
		return o.m, nil
	case *RateMonitor:
		return o.m, nil
	case *NetworkOperation:
		return o.op, nil
	}
	return nil, runtime.Errorf("cannot add %s to a network", runtime.TypeName(v))
}

func addAll(net *engine.Network, args []runtime.Value) error {
	for _, a := range args {
		if l, ok := a.Obj().(*runtime.List); ok {
			if err := addAll(net, l.Elems); err != nil {
				return err
			}
			continue
		}
		if t, ok := a.Obj().(runtime.Tuple); ok {
			if err := addAll(net, t); err != nil {
				return err
			}
			continue
		}
		o, err := engineObject(a)
		if err != nil {
			return err
		}
		if err := net.Add(o); err != nil {
			return runtime.Errorf("%v", err)
		}
	}
	return nil
}

func newNetwork(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	st := stateOf(th)
	name := ""
	for _, kw := range kwargs {
		if kw.Name != "name" {
			return runtime.Value{}, runtime.Errorf("Network() got an unexpected keyword argument '%s'", kw.Name)
		}
		s, ok := runtime.AsString(kw.Value)
		if !ok {
			return runtime.Value{}, runtime.Errorf("Network() argument 'name' must be a string")
		}
		name = s
	}
	net, _ := engine.NewNetwork(st.uniqueName(name, "network"))
	if err := addAll(net, args); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(&Network{net: net}), nil
}

// Type implements runtime.Object.
func (N *Network) Type() string { return "Network" }

// String implements runtime.Object.
func (N *Network) String() string {
	return fmt.Sprintf("Network(name='%s', %d objects, t=%s)", N.net.Name, len(N.net.Objects), units.Format(N.net.T, secondDim))
}

// Truth implements runtime.Object.
func (N *Network) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs.
func (N *Network) Attr(name string) (runtime.Value, error) {
	switch name {
	case "t":
		return runtime.MakeQuantity(N.net.T, secondDim), nil
	case "t_":
		return runtime.MakeFloat(N.net.T), nil
	case "name":
		return runtime.MakeStr(N.net.Name), nil
	case "add":
		return runtime.NewBuiltin("add", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if len(kwargs) > 0 {
				return runtime.Value{}, runtime.Errorf("add() takes no keyword arguments")
			}
			return runtime.None, addAll(N.net, args)
		}), nil
	case "remove":
		return runtime.NewBuiltin("remove", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			for _, a := range args {
				o, err := engineObject(a)
				if err != nil {
					return runtime.Value{}, err
				}
				N.net.Remove(o)
			}
			return runtime.None, nil
		}), nil
	case "run":
		return runtime.NewBuiltin("run", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return runNetwork(th, N.net, "run", args, kwargs)
		}), nil
	case "store", "restore":
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return storeRestore(th, N.net, name, args, kwargs)
		}), nil
	case "stop":
		return runtime.NewBuiltin("stop", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.UnpackArgs("stop", args, kwargs); err != nil {
				return runtime.Value{}, err
			}
			N.net.Stop()
			return runtime.None, nil
		}), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (N *Network) AttrNames() []string {
	return []string{"t", "t_", "name", "add", "remove", "run", "store", "restore", "stop"}
}
