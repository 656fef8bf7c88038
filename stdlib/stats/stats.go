package stats

import (
	"sort"
	"strings"

	"github.com/sim-lang/sim/runtime"
)

func init() {
	runtime.RegisterModule([]string{"scipy.stats", "stats"}, build)
}

// members is the module table; each file adds its functions with def.
var members = map[string]runtime.BuiltinFunc{}

func def(name string, f runtime.BuiltinFunc) { members[name] = f }

func build() *runtime.Module {
	m := &runtime.Module{Name: "stats", Members: map[string]runtime.Value{}}
	for name, f := range members {
		m.Members[name] = runtime.NewBuiltin(name, f)
	}
	return m
}

// Names returns the module's function names, sorted.
func Names() []string {
	out := make([]string, 0, len(members))
	for k := range members {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Record is a named result: its first Positional fields unpack like a
// tuple (statistic, pvalue = ttest_ind(a, b)); every field reads as an
// attribute (r.pvalue) or by key (r['pvalue']).
type Record struct {
	TypeName   string
	Names      []string
	Values     []runtime.Value
	Positional int
}

// Type implements runtime.Object.
func (r *Record) Type() string { return r.TypeName }

// String implements runtime.Object.
func (r *Record) String() string {
	var b strings.Builder
	b.WriteString(r.TypeName)
	b.WriteByte('(')
	for i, n := range r.Names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n)
		b.WriteByte('=')
		b.WriteString(runtime.Repr(r.Values[i]))
	}
	b.WriteByte(')')
	return b.String()
}

// Truth implements runtime.Object.
func (r *Record) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs.
func (r *Record) Attr(name string) (runtime.Value, error) {
	for i, n := range r.Names {
		if n == name {
			return r.Values[i], nil
		}
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (r *Record) AttrNames() []string { return r.Names }

// Len implements runtime.Sequence.
func (r *Record) Len() int { return r.Positional }

// Index implements runtime.Indexable: an int indexes the positional
// fields, a str names any field.
func (r *Record) Index(key runtime.Value) (runtime.Value, error) {
	if s, ok := runtime.AsString(key); ok {
		if v, _ := r.Attr(s); v.IsValid() {
			return v, nil
		}
		return runtime.Value{}, runtime.Errorf("KeyError: %s%s", runtime.Quote(s), runtime.Suggest(s, r.Names))
	}
	i, ok := key.ToInt()
	if !ok || key.Kind() != runtime.IntKind {
		return runtime.Value{}, runtime.Errorf("%s indices must be integers or str, not %s", r.TypeName, runtime.TypeName(key))
	}
	if i < 0 {
		i += int64(r.Positional)
	}
	if i < 0 || i >= int64(r.Positional) {
		return runtime.Value{}, runtime.Errorf("IndexError: %s index out of range", r.TypeName)
	}
	return r.Values[i], nil
}

// Iterate implements runtime.Iterable over the positional fields.
func (r *Record) Iterate() runtime.Iterator { return &recordIter{r: r} }

type recordIter struct {
	r *Record
	i int
}

func (it *recordIter) Next(p *runtime.Value) bool {
	if it.i >= it.r.Positional {
		return false
	}
	*p = it.r.Values[it.i]
	it.i++
	return true
}

// record builds a Record from alternating names and values; the first
// positional fields unpack.
func record(typeName string, positional int, pairs ...any) *Record {
	r := &Record{TypeName: typeName, Positional: positional}
	for i := 0; i+1 < len(pairs); i += 2 {
		r.Names = append(r.Names, pairs[i].(string))
		r.Values = append(r.Values, pairs[i+1].(runtime.Value))
	}
	return r
}
