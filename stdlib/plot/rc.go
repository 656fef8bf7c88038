package plot

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/sim-lang/sim/runtime"
)

// rcDefaultsJSON holds matplotlib 3.6's rcParamsDefault (every key with
// its default value; objects such as the property cycle as their repr),
// generated once with Debian's python3-matplotlib.
//
//go:embed rcdefaults.json
var rcDefaultsJSON []byte

// rcParams is matplotlib's rcParams: one process-wide table of settings,
// as in matplotlib, read when a figure is made (figure.figsize,
// figure.dpi, font.size, lines.linewidth, lines.markersize, axes.grid,
// axes.grid.axis) or saved (savefig.dpi). Every matplotlib key can be read
// and set; the keys sim honours are checked when set, as matplotlib's
// validators do. Unknown keys raise KeyError.
type rcParams struct {
	mu     sync.Mutex
	keys   []string // sorted
	defs   map[string]runtime.Value
	values map[string]runtime.Value
}

// rc is the process-wide table.
var rc = newRCParams()

// newRCParams builds the table from the embedded defaults.
func newRCParams() *rcParams {
	var raw map[string]any
	dec := json.NewDecoder(bytes.NewReader(rcDefaultsJSON))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		panic("plot: bad rcdefaults.json: " + err.Error())
	}
	r := &rcParams{defs: map[string]runtime.Value{}, values: map[string]runtime.Value{}}
	for k, v := range raw {
		r.keys = append(r.keys, k)
		r.defs[k] = jsonValue(v)
	}
	sort.Strings(r.keys)
	r.reset()
	return r
}

// jsonValue converts a decoded JSON default to a script value; numbers
// written with a point or exponent are floats, others ints, as Python
// wrote them.
func jsonValue(v any) runtime.Value {
	switch x := v.(type) {
	case nil:
		return runtime.None
	case bool:
		return runtime.MakeBool(x)
	case json.Number:
		if !strings.ContainsAny(string(x), ".eE") {
			if i, err := x.Int64(); err == nil {
				return runtime.MakeInt(i)
			}
		}
		f, _ := x.Float64()
		return runtime.MakeFloat(f)
	case string:
		return runtime.MakeStr(x)
	case []any:
		out := make([]runtime.Value, len(x))
		for i, e := range x {
			out[i] = jsonValue(e)
		}
		return runtime.NewList(out)
	}
	return runtime.MakeStr(fmt.Sprint(v))
}

// reset restores every default (rcdefaults()).
func (r *rcParams) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for k, v := range r.defs {
		r.values[k] = v
	}
}

// get returns the value of key.
func (r *rcParams) get(key string) (runtime.Value, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.values[key]
	return v, ok
}

// keyError is matplotlib's KeyError for an unknown key.
func (r *rcParams) keyError(key string) error {
	return runtime.Errorf("KeyError: '%s is not a valid rc parameter (see rcParams.keys() for a list of valid parameters)'%s", key, runtime.Suggest(key, r.keys))
}

// set validates and stores a value.
func (r *rcParams) set(key string, v runtime.Value) error {
	if _, ok := r.defs[key]; !ok {
		return r.keyError(key)
	}
	if check, ok := rcValidators[key]; ok {
		var err error
		if v, err = check(v); err != nil {
			return runtime.Errorf("ValueError: Key %s: %v", key, err)
		}
	}
	r.mu.Lock()
	r.values[key] = v
	r.mu.Unlock()
	return nil
}

// rcValidators check and normalise the values of the honoured keys, as
// matplotlib's validators do (a number from a str, bools from 'on'/'yes').
var rcValidators = map[string]func(v runtime.Value) (runtime.Value, error){
	"font.size":        positiveFloat,
	"lines.linewidth":  nonNegativeFloat,
	"lines.markersize": nonNegativeFloat,
	"figure.dpi":       positiveFloat,
	"axes.grid":        validateBool,
	"figure.figsize": func(v runtime.Value) (runtime.Value, error) {
		if s, ok := runtime.AsString(v); ok {
			parts := strings.Split(s, ",")
			vals := make([]runtime.Value, len(parts))
			for i, p := range parts {
				vals[i] = runtime.MakeStr(strings.TrimSpace(p))
			}
			v = runtime.NewList(vals)
		}
		elems, err := runtime.ToSlice(v)
		if err != nil {
			return runtime.Value{}, fmt.Errorf("Expected a (width, height) pair, not %s", runtime.TypeName(v))
		}
		if len(elems) != 2 {
			return runtime.Value{}, fmt.Errorf("Expected 2 values, but there are %d values in %s", len(elems), runtime.Repr(v))
		}
		out := make([]runtime.Value, 2)
		for i, e := range elems {
			f, err := toFloat(e)
			if err != nil {
				return runtime.Value{}, err
			}
			if f <= 0 || f > 100 {
				return runtime.Value{}, fmt.Errorf("figure sizes are between 0 and 100 inches, not %g", f)
			}
			out[i] = runtime.MakeFloat(f)
		}
		return runtime.NewList(out), nil
	},
	"savefig.dpi": func(v runtime.Value) (runtime.Value, error) {
		if s, ok := runtime.AsString(v); ok && s == "figure" {
			return v, nil
		}
		f, err := toFloat(v)
		if err != nil {
			return runtime.Value{}, fmt.Errorf("%v (or give 'figure')", err)
		}
		if f < 10 || f > 2000 {
			return runtime.Value{}, fmt.Errorf("dpi must be between 10 and 2000, not %g", f)
		}
		return runtime.MakeFloat(f), nil
	},
	"axes.grid.axis": func(v runtime.Value) (runtime.Value, error) {
		if s, ok := runtime.AsString(v); ok && (s == "both" || s == "x" || s == "y") {
			return v, nil
		}
		return runtime.Value{}, fmt.Errorf("%s is not a valid value for axes.grid.axis; supported values are 'x', 'y', 'both'", runtime.Repr(v))
	},
}

// toFloat converts a number or a numeric str, as validate_float does.
func toFloat(v runtime.Value) (float64, error) {
	if v.Kind() == runtime.BoolKind {
		return 0, fmt.Errorf("Could not convert %s to float", runtime.Repr(v))
	}
	if f, ok := v.ToFloat(); ok {
		return f, nil
	}
	if s, ok := runtime.AsString(v); ok {
		if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			return f, nil
		}
	}
	return 0, fmt.Errorf("Could not convert %s to float", runtime.Repr(v))
}

// positiveFloat validates a float > 0.
func positiveFloat(v runtime.Value) (runtime.Value, error) {
	f, err := toFloat(v)
	if err == nil && !(f > 0 && f < 2000) {
		err = fmt.Errorf("%g is not a positive number below 2000", f)
	}
	return runtime.MakeFloat(f), err
}

// nonNegativeFloat validates a float >= 0.
func nonNegativeFloat(v runtime.Value) (runtime.Value, error) {
	f, err := toFloat(v)
	if err == nil && !(f >= 0 && f < 1000) {
		err = fmt.Errorf("%g is not a number between 0 and 1000", f)
	}
	return runtime.MakeFloat(f), err
}

// validateBool is matplotlib's validate_bool.
func validateBool(v runtime.Value) (runtime.Value, error) {
	if v.Kind() == runtime.BoolKind {
		return v, nil
	}
	if i, ok := v.ToInt(); ok && v.Kind() == runtime.IntKind && (i == 0 || i == 1) {
		return runtime.MakeBool(i == 1), nil
	}
	if s, ok := runtime.AsString(v); ok {
		switch strings.ToLower(s) {
		case "t", "y", "yes", "on", "true", "1":
			return runtime.True, nil
		case "f", "n", "no", "off", "false", "0":
			return runtime.False, nil
		}
	}
	return runtime.Value{}, fmt.Errorf("Cannot convert %s to bool", runtime.Repr(v))
}

// float returns an honoured float setting.
func (r *rcParams) float(key string) float64 {
	v, _ := r.get(key)
	f, _ := v.ToFloat()
	return f
}

// figStyle is what a figure takes from rcParams when it is made (lines
// read lines.* when they are drawn by a call, axes read axes.grid when
// they are made, as in matplotlib).
type figStyle struct {
	fontSize float64
}

// figureStyle snapshots the settings new figures use.
func (r *rcParams) figureStyle() figStyle {
	return figStyle{fontSize: r.float("font.size")}
}

// gridStyle returns axes.grid and axes.grid.axis, for new axes.
func (r *rcParams) gridStyle() (bool, string) {
	g, _ := r.get("axes.grid")
	ga, _ := r.get("axes.grid.axis")
	axis, _ := runtime.AsString(ga)
	return g.Kind() == runtime.BoolKind && g.AsBool(), axis
}

// figureSize returns figure.figsize and figure.dpi.
func (r *rcParams) figureSize() (w, h, dpi float64) {
	v, _ := r.get("figure.figsize")
	w, h = defaultW, defaultH
	if elems, err := runtime.ToSlice(v); err == nil && len(elems) == 2 {
		w, _ = elems[0].ToFloat()
		h, _ = elems[1].ToFloat()
	}
	return w, h, r.float("figure.dpi")
}

// savefigDPI returns savefig.dpi, or 0 for 'figure'.
func (r *rcParams) savefigDPI() float64 {
	v, _ := r.get("savefig.dpi")
	f, _ := v.ToFloat()
	return f
}

// Type implements runtime.Object.
func (r *rcParams) Type() string { return "RcParams" }

// String implements runtime.Object.
func (r *rcParams) String() string {
	return fmt.Sprintf("<RcParams with %d keys>", len(r.keys))
}

// Truth implements runtime.Object.
func (r *rcParams) Truth() (bool, error) { return true, nil }

// Len implements runtime.Sequence.
func (r *rcParams) Len() int { return len(r.keys) }

// Iterate implements runtime.Iterable: the keys, sorted (so `in` works).
func (r *rcParams) Iterate() runtime.Iterator {
	it, _ := runtime.Iterate(r.keyList())
	return it
}

// keyList returns the keys as a list of str.
func (r *rcParams) keyList() runtime.Value { return runtime.NewStrList(r.keys) }

// Index implements runtime.Indexable: rcParams['font.size'].
func (r *rcParams) Index(key runtime.Value) (runtime.Value, error) {
	s, ok := runtime.AsString(key)
	if !ok {
		return runtime.Value{}, runtime.Errorf("rcParams keys are str, not %s", runtime.TypeName(key))
	}
	v, ok := r.get(s)
	if !ok {
		return runtime.Value{}, r.keyError(s)
	}
	return v, nil
}

// SetIndex implements runtime.HasSetIndex: rcParams['font.size'] = 12.
func (r *rcParams) SetIndex(key, v runtime.Value) error {
	s, ok := runtime.AsString(key)
	if !ok {
		return runtime.Errorf("rcParams keys are str, not %s", runtime.TypeName(key))
	}
	return r.set(s, v)
}

// Attr implements runtime.HasAttrs: keys(), get(), update(), copy().
func (r *rcParams) Attr(name string) (runtime.Value, error) {
	var f runtime.BuiltinFunc
	switch name {
	case "keys":
		f = func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return r.keyList(), runtime.UnpackArgs("keys", args, kwargs)
		}
	case "get":
		f = func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			var key string
			def := runtime.None
			if err := runtime.UnpackArgs("get", args, kwargs, "key", &key, "default?", &def); err != nil {
				return runtime.Value{}, err
			}
			if v, ok := r.get(key); ok {
				return v, nil
			}
			return def, nil
		}
	case "update":
		f = func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return runtime.None, r.update("update", args, kwargs)
		}
	case "copy":
		f = func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.UnpackArgs("copy", args, kwargs); err != nil {
				return runtime.Value{}, err
			}
			d := runtime.NewDict()
			for _, k := range r.keys {
				v, _ := r.get(k)
				if err := d.Set(runtime.MakeStr(k), v); err != nil {
					return runtime.Value{}, err
				}
			}
			return runtime.MakeObj(d), nil
		}
	default:
		return runtime.Value{}, nil
	}
	return runtime.NewBuiltin(name, f), nil
}

// AttrNames implements runtime.HasAttrs.
func (r *rcParams) AttrNames() []string { return []string{"copy", "get", "keys", "update"} }

// update sets keys from a dict and/or keyword arguments (dots cannot be
// keywords, so keywords are only for the dict form's convenience).
func (r *rcParams) update(fn string, args []runtime.Value, kwargs []runtime.Kwarg) error {
	if len(args) > 1 {
		return runtime.Errorf("%s() takes at most 1 positional argument (%d given)", fn, len(args))
	}
	if len(args) == 1 {
		d, ok := args[0].Obj().(*runtime.Dict)
		if !ok {
			return runtime.Errorf("%s() needs a dict of settings, not %s", fn, runtime.TypeName(args[0]))
		}
		for _, kv := range d.Items() {
			if err := r.SetIndex(kv[0], kv[1]); err != nil {
				return err
			}
		}
	}
	for _, kw := range kwargs {
		if err := r.set(kw.Name, kw.Value); err != nil {
			return err
		}
	}
	return nil
}

// pltRcdefaults is rcdefaults(): every setting back to its default.
func pltRcdefaults(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("rcdefaults", args, kwargs); err != nil {
		return runtime.Value{}, err
	}
	rc.reset()
	return runtime.None, nil
}

// pltRc is rc(group, **kwargs): rc('lines', linewidth=2) sets
// lines.linewidth; matplotlib's aliases lw, ls, c, mew, fc, ec, ms too.
func pltRc(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if len(args) != 1 {
		return runtime.Value{}, runtime.Errorf("rc() takes the group name (such as 'lines') and keyword settings")
	}
	group, ok := runtime.AsString(args[0])
	if !ok {
		return runtime.Value{}, runtime.Errorf("rc(): the group must be a str, not %s", runtime.TypeName(args[0]))
	}
	short := map[string]string{"lw": "linewidth", "ls": "linestyle", "c": "color", "fc": "facecolor", "ec": "edgecolor", "mew": "markeredgewidth", "aa": "antialiased", "ms": "markersize"}
	for _, kw := range kwargs {
		name := kw.Name
		if long, ok := short[name]; ok {
			name = long
		}
		if err := rc.set(group+"."+name, kw.Value); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.None, nil
}
