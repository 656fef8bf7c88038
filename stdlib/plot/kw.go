package plot

import (
	"image/color"
	"sort"

	"github.com/sim-lang/sim/runtime"
)

// kwset holds the keyword arguments of a call, by canonical name.
type kwset struct {
	fn string
	m  map[string]runtime.Value
}

// aliases are matplotlib's short keyword names.
var aliases = map[string]string{
	"c": "color", "ls": "linestyle", "lw": "linewidth", "ms": "markersize",
	"mfc": "markerfacecolor", "mec": "markeredgecolor", "fc": "facecolor",
	"ec": "edgecolor", "fontsize": "size",
}

// parseKw checks kwargs against the allowed names (aliases resolved
// unless the alias is itself allowed) and returns them by name.
func parseKw(fn string, kwargs []runtime.Kwarg, allowed ...string) (kwset, error) {
	ok := make(map[string]bool, len(allowed))
	for _, a := range allowed {
		ok[a] = true
	}
	k := kwset{fn: fn, m: make(map[string]runtime.Value, len(kwargs))}
	for _, kw := range kwargs {
		name := kw.Name
		if !ok[name] {
			if a, isAlias := aliases[name]; isAlias && ok[a] {
				name = a
			}
		}
		if !ok[name] {
			names := append([]string(nil), allowed...)
			sort.Strings(names)
			return k, runtime.Errorf("%s() got an unexpected keyword argument '%s'%s", fn, kw.Name, runtime.Suggest(kw.Name, names))
		}
		if _, dup := k.m[name]; dup {
			return k, runtime.Errorf("%s() got multiple values for argument '%s'", fn, name)
		}
		k.m[name] = kw.Value
	}
	return k, nil
}

// has reports whether name was given (and is not None).
func (k kwset) has(name string) bool {
	v, ok := k.m[name]
	return ok && !v.IsNone()
}

// get returns the value of name (the zero Value when absent).
func (k kwset) get(name string) runtime.Value { return k.m[name] }

// set stores a value (positional arguments folded into the set).
func (k kwset) set(name string, v runtime.Value) { k.m[name] = v }

// float reads a number, def when absent.
func (k kwset) float(name string, def float64) (float64, error) {
	if !k.has(name) {
		return def, nil
	}
	f, ok := k.m[name].ToFloat()
	if !ok {
		return 0, runtime.Errorf("%s() argument '%s' must be a number, not %s", k.fn, name, runtime.TypeName(k.m[name]))
	}
	return f, nil
}

// str reads a string, def when absent.
func (k kwset) str(name, def string) (string, error) {
	if !k.has(name) {
		return def, nil
	}
	s, ok := runtime.AsString(k.m[name])
	if !ok {
		return "", runtime.Errorf("%s() argument '%s' must be a str, not %s", k.fn, name, runtime.TypeName(k.m[name]))
	}
	return s, nil
}

// text reads a label-like argument: any value, shown with str().
func (k kwset) text(name string) string {
	if !k.has(name) {
		return ""
	}
	return runtime.Str(k.m[name])
}

// bool reads a truth value, def when absent.
func (k kwset) bool(name string, def bool) (bool, error) {
	if !k.has(name) {
		return def, nil
	}
	return runtime.Truth(k.m[name])
}

// color reads a colour; ok is false when absent.
func (k kwset) color(name string) (color.NRGBA, bool, error) {
	if !k.has(name) {
		return color.NRGBA{}, false, nil
	}
	c, err := parseColor(k.fn, k.m[name])
	return c, err == nil, err
}
