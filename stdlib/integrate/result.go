package integrate

import (
	"sort"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// OdeResult is solve_ivp's result (SciPy's OdeResult, a dict with
// attribute access): t, y, sol, t_events, y_events, nfev, njev, nlu,
// status, message, success.
type OdeResult struct {
	fields map[string]runtime.Value
}

// resultOrder is the order in which fields print.
var resultOrder = []string{"message", "success", "status", "t", "y", "sol", "t_events", "y_events", "nfev", "njev", "nlu"}

// Type implements runtime.Object.
func (r *OdeResult) Type() string { return "OdeResult" }

// Truth implements runtime.Object.
func (r *OdeResult) Truth() (bool, error) { return true, nil }

// String prints the fields as SciPy does.
func (r *OdeResult) String() string {
	var b strings.Builder
	for i, k := range resultOrder {
		v, ok := r.fields[k]
		if !ok {
			continue
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat(" ", max(0, 8-len(k))) + k + ": " + runtime.Str(v))
	}
	return b.String()
}

// Attr implements runtime.HasAttrs.
func (r *OdeResult) Attr(name string) (runtime.Value, error) {
	return r.fields[name], nil
}

// AttrNames implements runtime.HasAttrs.
func (r *OdeResult) AttrNames() []string {
	names := make([]string, 0, len(r.fields))
	for k := range r.fields {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Index implements runtime.Indexable (r['t']).
func (r *OdeResult) Index(key runtime.Value) (runtime.Value, error) {
	s, ok := runtime.AsString(key)
	if !ok {
		return runtime.Value{}, runtime.Errorf("OdeResult keys are strings, not %s", runtime.TypeName(key))
	}
	v, ok := r.fields[s]
	if !ok {
		return runtime.Value{}, runtime.Errorf("KeyError: '%s'%s", s, runtime.Suggest(s, r.AttrNames()))
	}
	return v, nil
}

// OdeSolution is the dense output of a whole solve_ivp run, callable as
// sol(t) (a state vector) or sol(ts) (shape (n, len(ts))).
type OdeSolution struct {
	s   *odeSolution
	lay *layout
}

// Type implements runtime.Object.
func (o *OdeSolution) Type() string { return "OdeSolution" }

// String implements runtime.Object.
func (o *OdeSolution) String() string { return "<OdeSolution>" }

// Truth implements runtime.Object.
func (o *OdeSolution) Truth() (bool, error) { return true, nil }

// Name implements runtime.Callable.
func (o *OdeSolution) Name() string { return "OdeSolution" }

// Call implements runtime.Callable.
func (o *OdeSolution) Call(_ *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var tv runtime.Value
	if err := runtime.UnpackArgs("OdeSolution", args, kwargs, "t", &tv); err != nil {
		return runtime.Value{}, err
	}
	n := o.s.n
	if x, d, ok := scalarOf(tv); ok {
		if _, isArr := tv.Obj().(*array.Array); !isArr || tv.Obj().(*array.Array).NDim() == 0 {
			if d != o.lay.tDim && !(d.IsDimensionless() && x == 0) {
				return runtime.Value{}, runtime.Errorf("OdeSolution: t has units of %s, but time is in %s", array.DimName(d), array.DimName(o.lay.tDim))
			}
			y := make([]float64, n)
			o.s.at(x, y)
			return o.lay.stateValue(y), nil
		}
	}
	ts, err := floatsArg("OdeSolution", "t", tv, o.lay.tDim)
	if err != nil {
		return runtime.Value{}, err
	}
	ys := make([][]float64, len(ts))
	for k, t := range ts {
		ys[k] = make([]float64, n)
		o.s.at(t, ys[k])
	}
	return o.lay.matrixValue(ys, n, false), nil
}

// Attr implements runtime.HasAttrs (t_min, t_max, ts).
func (o *OdeSolution) Attr(name string) (runtime.Value, error) {
	switch name {
	case "t_min":
		return runtime.MakeQuantity(o.s.tMin(), o.lay.tDim), nil
	case "t_max":
		return runtime.MakeQuantity(o.s.tMax(), o.lay.tDim), nil
	case "ts":
		return array.Value(array.New([]int{len(o.s.ts)}, append([]float64(nil), o.s.ts...), o.lay.tDim)), nil
	case "n_segments":
		return runtime.MakeInt(int64(len(o.s.segs))), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (o *OdeSolution) AttrNames() []string { return []string{"n_segments", "t_max", "t_min", "ts"} }

// resultValue converts the driver's result to an OdeResult.
func resultValue(res *ivpResult, lay *layout, n int) *OdeResult {
	f := map[string]runtime.Value{}
	f["t"] = array.Value(array.New([]int{len(res.t)}, res.t, lay.tDim))
	f["y"] = lay.matrixValue(res.y, n, false)
	if res.sol != nil {
		f["sol"] = runtime.MakeObj(&OdeSolution{s: res.sol, lay: lay})
	} else {
		f["sol"] = runtime.None
	}
	if res.tEvents != nil {
		te := make([]runtime.Value, len(res.tEvents))
		ye := make([]runtime.Value, len(res.yEvents))
		for i := range res.tEvents {
			te[i] = array.Value(array.New([]int{len(res.tEvents[i])}, res.tEvents[i], lay.tDim))
			if !lay.homogeneous {
				// Mixed units: one state (a list of quantities) per event.
				rows := make([]runtime.Value, len(res.yEvents[i]))
				for k, y := range res.yEvents[i] {
					rows[k] = lay.stateValue(y)
				}
				ye[i] = runtime.NewList(rows)
			} else {
				m := len(res.yEvents[i])
				data := make([]float64, 0, m*n)
				for _, y := range res.yEvents[i] {
					data = append(data, y...)
				}
				ye[i] = array.Value(array.New([]int{m, n}, data, lay.dim()))
			}
		}
		f["t_events"] = runtime.NewList(te)
		f["y_events"] = runtime.NewList(ye)
	} else {
		f["t_events"] = runtime.None
		f["y_events"] = runtime.None
	}
	f["nfev"] = runtime.MakeInt(int64(res.nfev))
	f["njev"] = runtime.MakeInt(int64(res.njev))
	f["nlu"] = runtime.MakeInt(int64(res.nlu))
	f["status"] = runtime.MakeInt(int64(res.status))
	f["message"] = runtime.MakeStr(res.message)
	f["success"] = runtime.MakeBool(res.status >= 0)
	return &OdeResult{fields: f}
}
