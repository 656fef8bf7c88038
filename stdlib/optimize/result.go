package optimize

import (
	"sort"
	"strings"

	"github.com/sim-lang/sim/runtime"
)

// Result is SciPy's OptimizeResult: named fields read as attributes
// (res.x) or by key (res['x']).
type Result struct {
	keys []string
	vals map[string]runtime.Value
}

// newResult returns an empty result.
func newResult() *Result { return &Result{vals: map[string]runtime.Value{}} }

// set adds or replaces a field.
func (r *Result) set(name string, v runtime.Value) *Result {
	if _, ok := r.vals[name]; !ok {
		r.keys = append(r.keys, name)
	}
	r.vals[name] = v
	return r
}

// Type implements runtime.Object.
func (r *Result) Type() string { return "OptimizeResult" }

// String implements runtime.Object: one "name: value" line per field,
// names right-aligned as SciPy prints them.
func (r *Result) String() string {
	keys := append([]string(nil), r.keys...)
	sort.Strings(keys)
	width := 0
	for _, k := range keys {
		width = max(width, len(k))
	}
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat(" ", width-len(k)))
		b.WriteString(k)
		b.WriteString(": ")
		b.WriteString(strings.ReplaceAll(runtime.Repr(r.vals[k]), "\n", "\n"+strings.Repeat(" ", width+2)))
	}
	return b.String()
}

// Truth implements runtime.Object.
func (r *Result) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs.
func (r *Result) Attr(name string) (runtime.Value, error) {
	if name == "keys" {
		return runtime.NewBuiltin("keys", func(*runtime.Thread, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
			out := make([]runtime.Value, len(r.keys))
			for i, k := range r.keys {
				out[i] = runtime.MakeStr(k)
			}
			return runtime.NewList(out), nil
		}), nil
	}
	return r.vals[name], nil
}

// AttrNames implements runtime.HasAttrs.
func (r *Result) AttrNames() []string { return append([]string{"keys"}, r.keys...) }

// Index implements runtime.Indexable: res['x'].
func (r *Result) Index(key runtime.Value) (runtime.Value, error) {
	s, ok := runtime.AsString(key)
	if !ok {
		return runtime.Value{}, runtime.Errorf("OptimizeResult indices must be str, not %s", runtime.TypeName(key))
	}
	v, ok := r.vals[s]
	if !ok {
		return runtime.Value{}, runtime.Errorf("KeyError: %s%s", runtime.Quote(s), runtime.Suggest(s, r.keys))
	}
	return v, nil
}

// Len implements runtime.Sequence.
func (r *Result) Len() int { return len(r.keys) }

// Get returns a field (for Go callers and tests).
func (r *Result) Get(name string) (runtime.Value, bool) {
	v, ok := r.vals[name]
	return v, ok
}

// dict builds a script dict from name/value pairs.
func dict(pairs ...any) runtime.Value {
	d := runtime.NewDict()
	for i := 0; i+1 < len(pairs); i += 2 {
		_ = d.Set(runtime.MakeStr(pairs[i].(string)), pairs[i+1].(runtime.Value))
	}
	return runtime.MakeObj(d)
}
