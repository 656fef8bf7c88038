package brian2

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/runtime/engine"
	"github.com/sim-lang/sim/units"
)

var (
	_ = def("StateMonitor", newStateMonitor)
	_ = def("SpikeMonitor", newSpikeMonitor)
	_ = def("EventMonitor", newEventMonitor)
	_ = def("PopulationRateMonitor", newRateMonitor)
)

// sourceArg reads a monitor's source argument.
func sourceArg(fn string, v runtime.Value) (*Group, error) {
	G, ok := v.Obj().(*Group)
	if !ok {
		return nil, runtime.Errorf("%s() needs a NeuronGroup (or subgroup) as its source, not %s", fn, runtime.TypeName(v))
	}
	return G, nil
}

// varList reads variables= of a group's monitor: a name, a list of
// names, or True for all.
func varList(fn string, G *Group, v runtime.Value, allIfTrue bool) ([]string, error) {
	return varNames(fn, func() []string { return groupVarNames(G) }, v, allIfTrue)
}

// groupVarNames lists the variables variables=True records for a group.
func groupVarNames(G *Group) []string {
	var out []string
	for _, name := range G.g.VarNames() {
		if name != "lastspike" && name != "not_refractory" {
			out = append(out, name)
		}
	}
	return out
}

// varNames reads variables=: a name, a list of names, or True for all
// (the names all lists).
func varNames(fn string, all func() []string, v runtime.Value, allIfTrue bool) ([]string, error) {
	if !v.IsValid() || v.IsNone() {
		return nil, nil
	}
	if v.Kind() == runtime.BoolKind {
		if !v.AsBool() {
			return nil, nil
		}
		if !allIfTrue {
			return nil, runtime.Errorf("%s() argument 'variables' must be a name or a list of names", fn)
		}
		return all(), nil
	}
	if s, ok := runtime.AsString(v); ok {
		return []string{s}, nil
	}
	it, err := runtime.Iterate(v)
	if err != nil {
		return nil, runtime.Errorf("%s() argument 'variables' must be a name or a list of names", fn)
	}
	var out []string
	var x runtime.Value
	for it.Next(&x) {
		s, ok := runtime.AsString(x)
		if !ok {
			return nil, runtime.Errorf("%s() variable names must be strings, not %s", fn, runtime.TypeName(x))
		}
		out = append(out, s)
	}
	return out, nil
}

// StateMonitor is the script object of a state monitor.
type StateMonitor struct{ m *engine.StateMonitor }

func newStateMonitor(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "StateMonitor"
	var source, variables, record, dt, when, order, name runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "source", &source, "variables", &variables, "record?", &record, "dt?", &dt, "when?", &when, "order?", &order, "name?", &name); err != nil {
		return runtime.Value{}, err
	}
	of, names, err := recordableArg(fn, source)
	if err != nil {
		return runtime.Value{}, err
	}
	vars, err := varNames(fn, names, variables, true)
	if err != nil {
		return runtime.Value{}, err
	}
	var rec []int
	switch {
	case !record.IsValid() || record.Kind() == runtime.BoolKind && record.AsBool():
		rec = nil
	case record.Kind() == runtime.BoolKind || record.IsNone():
		rec = []int{}
	default:
		idx, isSub, err := subgroupIndices(record, of)
		if err != nil {
			return runtime.Value{}, err
		}
		if !isSub {
			a, err := array.From(record)
			if err != nil {
				return runtime.Value{}, runtime.Errorf("StateMonitor() argument 'record' must be True, False or indices: %v", err)
			}
			idx = a.Int64s()
		}
		for _, k := range idx {
			rec = append(rec, int(k))
		}
		if rec == nil {
			rec = []int{}
		}
	}
	st := stateOf(th)
	var clock *engine.Clock
	if dt.IsValid() && !dt.IsNone() {
		d, err := quantity(fn, "dt", dt, secondDim)
		if err != nil {
			return runtime.Value{}, err
		}
		clock = engine.NewClock(st.uniqueName("", "clock"), d)
	}
	nm, err := optString(fn, "name", name)
	if err != nil {
		return runtime.Value{}, err
	}
	m, err := engine.NewStateMonitorOf(st.uniqueName(nm, "statemonitor"), of, vars, rec, clock)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := schedule(fn, m, &m.When, &m.Order, when, order); err != nil {
		return runtime.Value{}, err
	}
	if err := st.magic.Add(m); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(&StateMonitor{m: m}), nil
}

// schedule applies when= and order= arguments.
func schedule(fn string, _ engine.Object, w *string, o *int, when, order runtime.Value) error {
	if s, err := optString(fn, "when", when); err != nil {
		return err
	} else if s != "" {
		*w = s
	}
	if order.IsValid() && !order.IsNone() {
		k, ok := order.ToInt()
		if !ok {
			return runtime.Errorf("%s() argument 'order' must be an int", fn)
		}
		*o = int(k)
	}
	return nil
}

// Type implements runtime.Object.
func (M *StateMonitor) Type() string { return "StateMonitor" }

// String implements runtime.Object.
func (M *StateMonitor) String() string {
	return fmt.Sprintf("<StateMonitor, recording %s from '%s'>", strings.Join(M.m.Vars, ", "), M.m.Of.Name())
}

// Truth implements runtime.Object.
func (M *StateMonitor) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs: t, N, record and each recorded
// variable (n_recorded × n_times, with units; name_ without).
func (M *StateMonitor) Attr(name string) (runtime.Value, error) {
	m := M.m
	switch name {
	case "t", "t_":
		d := secondDim
		if name == "t_" {
			d = units.Dim{}
		}
		return quantityArray(append([]float64{}, m.T...), []int{len(m.T)}, d), nil
	case "N":
		return runtime.MakeInt(int64(len(m.T))), nil
	case "record":
		rec := make([]int64, len(m.Record))
		for k, r := range m.Record {
			rec[k] = int64(r)
		}
		return array.Value(array.FromInts(rec)), nil
	case "name":
		return runtime.MakeStr(m.Name()), nil
	}
	base, unitless := strings.CutSuffix(name, "_")
	for k, v := range m.Vars {
		if v == base {
			d := m.Dims[k]
			if unitless {
				d = units.Dim{}
			}
			return quantityArray(m.Values(k), []int{len(m.Record), len(m.T)}, d), nil
		}
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (M *StateMonitor) AttrNames() []string {
	names := []string{"t", "t_", "N", "record", "name"}
	for _, v := range M.m.Vars {
		names = append(names, v, v+"_")
	}
	return names
}

// Index implements runtime.Indexable: M[i] is the recording of neuron
// (or synapse) i; M[[i, k]], M[G[2:4]] and M[S[0, :]] give the recordings
// of several, each variable then a (selected × times) array, as in
// Brian2.
func (M *StateMonitor) Index(key runtime.Value) (runtime.Value, error) {
	if i, ok := key.ToInt(); ok && key.Kind() != runtime.BoolKind {
		row, ok := M.m.Row(int(i))
		if !ok {
			return runtime.Value{}, runtime.Errorf("index number %d has not been recorded", i)
		}
		return runtime.MakeObj(&StateMonitorView{M: M, rows: []int{row}, items: []int{int(i)}}), nil
	}
	idx, isSub, err := subgroupIndices(key, M.m.Of)
	if err != nil {
		return runtime.Value{}, err
	}
	if !isSub {
		a, err := array.From(key)
		if err != nil || a.DType() != array.Int && a.Size() > 0 || a.NDim() > 1 {
			return runtime.Value{}, runtime.Errorf("a StateMonitor is indexed by a neuron or synapse index, a sequence of them or a subgroup, not %s", runtime.TypeName(key))
		}
		idx = a.Int64s()
	}
	v := &StateMonitorView{M: M, multi: true}
	for _, i := range idx {
		row, ok := M.m.Row(int(i))
		if !ok {
			return runtime.Value{}, runtime.Errorf("index number %d has not been recorded", i)
		}
		v.rows, v.items = append(v.rows, row), append(v.items, int(i))
	}
	return runtime.MakeObj(v), nil
}

// StateMonitorView is M[i] (one neuron's or synapse's recordings) or
// M[indices] (several: multi).
type StateMonitorView struct {
	M     *StateMonitor
	rows  []int // rows of the monitor's data
	items []int // the neuron or synapse indices
	multi bool
}

// Type implements runtime.Object.
func (v *StateMonitorView) Type() string { return "StateMonitorView" }

// String implements runtime.Object.
func (v *StateMonitorView) String() string {
	what := "neuron"
	if _, ok := v.M.m.Of.(*engine.Synapses); ok {
		what = "synapse"
	}
	if !v.multi {
		return fmt.Sprintf("<StateMonitorView of %s %d of '%s'>", what, v.items[0], v.M.m.Name())
	}
	return fmt.Sprintf("<StateMonitorView of %ss %v of '%s'>", what, v.items, v.M.m.Name())
}

// Truth implements runtime.Object.
func (v *StateMonitorView) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs.
func (v *StateMonitorView) Attr(name string) (runtime.Value, error) {
	m := v.M.m
	if name == "t" || name == "t_" {
		return v.M.Attr(name)
	}
	base, unitless := strings.CutSuffix(name, "_")
	for k, vn := range m.Vars {
		if vn == base {
			nr, nt := len(m.Record), len(m.T)
			out := make([]float64, 0, nt*len(v.rows))
			for _, row := range v.rows {
				for t := 0; t < nt; t++ {
					out = append(out, m.Data[k][t*nr+row])
				}
			}
			d := m.Dims[k]
			if unitless {
				d = units.Dim{}
			}
			if !v.multi {
				return quantityArray(out, []int{nt}, d), nil
			}
			return quantityArray(out, []int{len(v.rows), nt}, d), nil
		}
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (v *StateMonitorView) AttrNames() []string { return v.M.AttrNames() }

// EventMonitor is the script object of a SpikeMonitor or EventMonitor.
type EventMonitor struct {
	m    *engine.EventMonitor
	kind string
	// source is the monitored group as the script gave it (M.source).
	source runtime.Value
}

// Len implements runtime.Sequence: len(M) is the number of events
// recorded, as in Brian2.
func (E *EventMonitor) Len() int { return int(E.m.Total) }

func newSpikeMonitor(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var source, variables, record, when, order, name runtime.Value
	if err := runtime.UnpackArgs("SpikeMonitor", args, kwargs, "source", &source, "variables?", &variables, "record?", &record, "when?", &when, "order?", &order, "name?", &name); err != nil {
		return runtime.Value{}, err
	}
	return makeEventMonitor(th, "SpikeMonitor", "spikemonitor", source, runtime.MakeStr("spike"), variables, record, when, order, name)
}

func newEventMonitor(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var source, event, variables, record, when, order, name runtime.Value
	if err := runtime.UnpackArgs("EventMonitor", args, kwargs, "source", &source, "event", &event, "variables?", &variables, "record?", &record, "when?", &when, "order?", &order, "name?", &name); err != nil {
		return runtime.Value{}, err
	}
	return makeEventMonitor(th, "EventMonitor", "eventmonitor", source, event, variables, record, when, order, name)
}

func makeEventMonitor(th *runtime.Thread, fn, base string, source, event, variables, record, when, order, name runtime.Value) (runtime.Value, error) {
	G, err := sourceArg(fn, source)
	if err != nil {
		return runtime.Value{}, err
	}
	ev, ok := runtime.AsString(event)
	if !ok {
		return runtime.Value{}, runtime.Errorf("%s() argument 'event' must be a string", fn)
	}
	vars, err := varList(fn, G, variables, false)
	if err != nil {
		return runtime.Value{}, err
	}
	rec := true
	if record.IsValid() {
		if record.Kind() != runtime.BoolKind {
			return runtime.Value{}, runtime.Errorf("%s() argument 'record' must be True or False", fn)
		}
		rec = record.AsBool()
	}
	st := stateOf(th)
	nm, err := optString(fn, "name", name)
	if err != nil {
		return runtime.Value{}, err
	}
	m, err := engine.NewEventMonitor(st.uniqueName(nm, base), G.src, ev, vars, rec)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := schedule(fn, m, &m.When, &m.Order, when, order); err != nil {
		return runtime.Value{}, err
	}
	if err := st.magic.Add(m); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(&EventMonitor{m: m, kind: fn, source: source}), nil
}

// Type implements runtime.Object.
func (E *EventMonitor) Type() string { return E.kind }

// String implements runtime.Object.
func (E *EventMonitor) String() string {
	return fmt.Sprintf("<%s, recording event '%s' from '%s'>", E.kind, E.m.Event, E.m.Src.Name())
}

// Truth implements runtime.Object.
func (E *EventMonitor) Truth() (bool, error) { return true, nil }

var eventMethods = map[string]func(E *EventMonitor, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error){
	"spike_trains": func(E *EventMonitor, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("spike_trains", args, kwargs); err != nil {
			return runtime.Value{}, err
		}
		return E.trains(-1)
	},
	"event_trains": func(E *EventMonitor, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("event_trains", args, kwargs); err != nil {
			return runtime.Value{}, err
		}
		return E.trains(-1)
	},
	"values": func(E *EventMonitor, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var name string
		if err := runtime.UnpackArgs("values", args, kwargs, "var", &name); err != nil {
			return runtime.Value{}, err
		}
		return E.trains(E.varIndex(name))
	},
}

func (E *EventMonitor) varIndex(name string) int {
	for k, v := range E.m.Vars {
		if v == name {
			return k
		}
	}
	return -2
}

// trains returns a dict neuron -> times (v < 0) or -> values of
// variable v, for every neuron of the source.
func (E *EventMonitor) trains(v int) (runtime.Value, error) {
	m := E.m
	if v == -2 {
		return runtime.Value{}, runtime.Errorf("variable not recorded by this monitor (recorded: %s)", strings.Join(m.Vars, ", "))
	}
	per := make([][]float64, m.Src.Len())
	for k, i := range m.I {
		x := m.T[k]
		if v >= 0 {
			x = m.Data[v][k]
		}
		per[i] = append(per[i], x)
	}
	d := secondDim
	if v >= 0 {
		d = m.Dims[v]
	}
	dict := runtime.NewDict()
	for i, xs := range per {
		if xs == nil {
			xs = []float64{}
		}
		if err := dict.Set(runtime.MakeInt(int64(i)), quantityArray(xs, []int{len(xs)}, d)); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.MakeObj(dict), nil
}

// Attr implements runtime.HasAttrs: i, t, count, num_spikes/num_events,
// it, recorded variables and methods.
func (E *EventMonitor) Attr(name string) (runtime.Value, error) {
	m := E.m
	if f, ok := eventMethods[name]; ok {
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return f(E, args, kwargs)
		}), nil
	}
	switch name {
	case "i":
		is := make([]int64, len(m.I))
		for k, i := range m.I {
			is[k] = int64(i)
		}
		return array.Value(array.FromInts(is)), nil
	case "t", "t_":
		d := secondDim
		if name == "t_" {
			d = units.Dim{}
		}
		return quantityArray(append([]float64{}, m.T...), []int{len(m.T)}, d), nil
	case "it":
		i, _ := E.Attr("i")
		t, _ := E.Attr("t")
		return runtime.MakeTuple(i, t), nil
	case "count":
		return array.Value(array.FromInts(append([]int64{}, m.Count...))), nil
	case "num_spikes", "num_events", "N":
		return runtime.MakeInt(m.Total), nil
	case "source":
		return E.source, nil
	case "event":
		return runtime.MakeStr(m.Event), nil
	case "name":
		return runtime.MakeStr(m.Name()), nil
	}
	base, unitless := strings.CutSuffix(name, "_")
	if k := E.varIndex(base); k >= 0 {
		d := m.Dims[k]
		if unitless {
			d = units.Dim{}
		}
		return quantityArray(append([]float64{}, m.Data[k]...), []int{len(m.Data[k])}, d), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (E *EventMonitor) AttrNames() []string {
	names := []string{"i", "t", "t_", "it", "count", "num_spikes", "num_events", "event", "name", "source"}
	for m := range eventMethods {
		names = append(names, m)
	}
	names = append(names, E.m.Vars...)
	sort.Strings(names)
	return names
}

// RateMonitor is the script object of a PopulationRateMonitor.
type RateMonitor struct{ m *engine.PopulationRateMonitor }

func newRateMonitor(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "PopulationRateMonitor"
	var source, when, order, name runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "source", &source, "when?", &when, "order?", &order, "name?", &name); err != nil {
		return runtime.Value{}, err
	}
	G, err := sourceArg(fn, source)
	if err != nil {
		return runtime.Value{}, err
	}
	st := stateOf(th)
	nm, err := optString(fn, "name", name)
	if err != nil {
		return runtime.Value{}, err
	}
	m, err := engine.NewPopulationRateMonitor(st.uniqueName(nm, "ratemonitor"), G.src)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := schedule(fn, m, &m.When, &m.Order, when, order); err != nil {
		return runtime.Value{}, err
	}
	if err := st.magic.Add(m); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(&RateMonitor{m: m}), nil
}

// Type implements runtime.Object.
func (R *RateMonitor) Type() string { return "PopulationRateMonitor" }

// String implements runtime.Object.
func (R *RateMonitor) String() string {
	return fmt.Sprintf("<PopulationRateMonitor, recording '%s'>", R.m.Src.Name())
}

// Truth implements runtime.Object.
func (R *RateMonitor) Truth() (bool, error) { return true, nil }

var hertzDim = secondDim.Inv()

// Attr implements runtime.HasAttrs: rate, t and smooth_rate(window, width).
func (R *RateMonitor) Attr(name string) (runtime.Value, error) {
	m := R.m
	switch name {
	case "rate", "rate_":
		d := hertzDim
		if name == "rate_" {
			d = units.Dim{}
		}
		return quantityArray(append([]float64{}, m.Rate...), []int{len(m.Rate)}, d), nil
	case "t", "t_":
		d := secondDim
		if name == "t_" {
			d = units.Dim{}
		}
		return quantityArray(append([]float64{}, m.T...), []int{len(m.T)}, d), nil
	case "name":
		return runtime.MakeStr(m.Name()), nil
	case "smooth_rate":
		return runtime.NewBuiltin("smooth_rate", R.smoothRate), nil
	}
	return runtime.Value{}, nil
}

func (R *RateMonitor) smoothRate(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var window, width runtime.Value
	if err := runtime.UnpackArgs("smooth_rate", args, kwargs, "window?", &window, "width?", &width); err != nil {
		return runtime.Value{}, err
	}
	m := R.m
	var out []float64
	if w, ok := runtime.AsString(window); ok || !window.IsValid() {
		if !window.IsValid() {
			w = "gaussian"
		}
		if !width.IsValid() || width.IsNone() {
			return runtime.Value{}, runtime.Errorf("smooth_rate() needs a width when using a predefined window")
		}
		wd, err := quantity("smooth_rate", "width", width, secondDim)
		if err != nil {
			return runtime.Value{}, err
		}
		if out, err = engine.SmoothRate(m.Rate, m.Clock.Dt(), w, wd); err != nil {
			return runtime.Value{}, err
		}
	} else {
		if width.IsValid() && !width.IsNone() {
			return runtime.Value{}, runtime.Errorf("smooth_rate() can only take a width for predefined windows")
		}
		a, err := array.From(window)
		if err != nil || a.NDim() != 1 {
			return runtime.Value{}, runtime.Errorf("smooth_rate(): the window has to be a one-dimensional array")
		}
		if out, err = engine.Convolve(m.Rate, a.Float64s()); err != nil {
			return runtime.Value{}, err
		}
	}
	return quantityArray(out, []int{len(out)}, hertzDim), nil
}

// AttrNames implements runtime.HasAttrs.
func (R *RateMonitor) AttrNames() []string {
	return []string{"rate", "rate_", "t", "t_", "name", "smooth_rate"}
}
