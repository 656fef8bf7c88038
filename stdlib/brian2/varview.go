package brian2

import (
	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// VarView is G.v: a view of one variable of a group that behaves as an
// array with units (reading, arithmetic, indexing) and writes through to
// the group's state, with Brian2's string indices and values
// (G.v['i > 2'] = 'rand()*mV').
type VarView struct {
	G        *Group
	name     string
	unitless bool
}

// info describes the variable: storage (nil for subexpressions and i),
// dimension and type.
func (vv *VarView) info() (*engineVar, units.Dim, vector.Type) {
	if v, ok := vv.G.g.Var(vv.name); ok {
		return &engineVar{v.Data, v.Shared, v.Constant}, v.Dim, v.Type
	}
	if v, ok := vv.G.g.Eqs.Lookup(vv.name); ok {
		return nil, v.Dim, v.Type
	}
	return nil, units.Dim{}, vector.Int // i
}

type engineVar struct {
	data     []float64
	shared   bool
	constant bool
}

// array returns the values as an array: for float variables a view
// sharing the group's storage, otherwise a copy.
func (vv *VarView) array() (*array.Array, error) {
	src := vv.G.src
	ev, dim, typ := vv.info()
	if ev == nil {
		if vv.name == "i" {
			is := make([]int64, src.Len())
			for k := range is {
				is[k] = int64(k)
			}
			return array.FromInts(is), nil
		}
		vals, d, err := vv.G.g.EvalExpr(vv.name, callerNamespaceOrPredeclared(vv.G.st.th), src.Start, src.Stop)
		if err != nil {
			return nil, err
		}
		return typed(append([]float64(nil), vals...), []int{len(vals)}, d, typ), nil
	}
	if ev.shared {
		return typed(ev.data[:1], []int{}, dim, typ), nil
	}
	return typed(ev.data[src.Start:src.Stop], []int{src.Len()}, dim, typ), nil
}

// typed wraps data as a float array sharing it, or converts it to an int
// or bool array (a copy).
func typed(data []float64, shape []int, d units.Dim, typ vector.Type) *array.Array {
	switch typ {
	case vector.Int:
		is := make([]int64, len(data))
		for k, x := range data {
			is[k] = int64(x)
		}
		return array.FromInts(is, shape...)
	case vector.Bool:
		bs := make([]bool, len(data))
		for k, x := range data {
			bs[k] = x != 0
		}
		return array.FromBools(bs, shape...)
	}
	return array.New(shape, data, d)
}

func callerNamespaceOrPredeclared(th *runtime.Thread) model.Namespace {
	if th == nil {
		return predeclaredNamespace
	}
	return callerNamespace(th)
}

func (vv *VarView) mustArray() *array.Array {
	a, err := vv.array()
	if err != nil {
		return array.FromFloats(nil)
	}
	return a
}

// Type implements runtime.Object.
func (vv *VarView) Type() string { return "VariableView" }

// String implements runtime.Object.
func (vv *VarView) String() string {
	a, err := vv.array()
	if err != nil {
		return "<" + vv.G.src.Name() + "." + vv.name + ": " + err.Error() + ">"
	}
	return "<" + vv.G.src.Name() + "." + vv.name + ": " + a.String() + ">"
}

// Str returns the values' str (as print(G.v) shows in Brian2).
func (vv *VarView) Str() string { return vv.mustArray().Str() }

// Truth implements runtime.Object.
func (vv *VarView) Truth() (bool, error) { return vv.mustArray().Truth() }

// Len implements runtime.Sequence.
func (vv *VarView) Len() int { return vv.G.src.Len() }

// Iterate implements runtime.Iterable.
func (vv *VarView) Iterate() runtime.Iterator { return vv.mustArray().Iterate() }

// Floats implements runtime.HasFloats.
func (vv *VarView) Floats() ([]float64, []int, units.Dim) { return vv.mustArray().Floats() }

// Dimensions implements runtime.HasDim.
func (vv *VarView) Dimensions() units.Dim { return vv.mustArray().Dim() }

// Abs implements runtime.HasAbs.
func (vv *VarView) Abs() (runtime.Value, error) { return vv.mustArray().Abs() }

// Binary implements runtime.HasBinary by delegating to the array.
func (vv *VarView) Binary(op lang.Op, other runtime.Value, side runtime.Side) (runtime.Value, error) {
	a, err := vv.array()
	if err != nil {
		return runtime.Value{}, err
	}
	if o, ok := other.Obj().(*VarView); ok {
		oa, err := o.array()
		if err != nil {
			return runtime.Value{}, err
		}
		other = array.Value(oa)
	}
	return a.Binary(op, other, side)
}

// Unary implements runtime.HasUnary.
func (vv *VarView) Unary(op lang.Op) (runtime.Value, error) {
	a, err := vv.array()
	if err != nil {
		return runtime.Value{}, err
	}
	return a.Unary(op)
}

// Attr implements runtime.HasAttrs (the array's attributes and methods).
func (vv *VarView) Attr(name string) (runtime.Value, error) {
	a, err := vv.array()
	if err != nil {
		return runtime.Value{}, err
	}
	return a.Attr(name)
}

// AttrNames implements runtime.HasAttrs.
func (vv *VarView) AttrNames() []string { return vv.mustArray().AttrNames() }

// Index implements runtime.Indexable; a string key is a condition
// selecting neurons (G.v['i > 2']).
func (vv *VarView) Index(key runtime.Value) (runtime.Value, error) {
	a, err := vv.array()
	if err != nil {
		return runtime.Value{}, err
	}
	if cond, ok := runtime.AsString(key); ok {
		idx, err := vv.where(cond)
		if err != nil {
			return runtime.Value{}, err
		}
		return a.Index(idxValue(idx))
	}
	return a.Index(key)
}

// SetIndex implements runtime.HasSetIndex.
func (vv *VarView) SetIndex(key, v runtime.Value) error { return vv.assign(&key, v) }

// where returns the neurons (relative to the subgroup) where cond holds.
func (vv *VarView) where(cond string) ([]int64, error) {
	src := vv.G.src
	idx, err := vv.G.g.WhereCond(cond, callerNamespaceOrPredeclared(vv.G.st.th), src.Start, src.Stop)
	if err != nil {
		return nil, err
	}
	out := make([]int64, len(idx))
	for k, i := range idx {
		out[k] = int64(int(i) - src.Start)
	}
	return out, nil
}

func idxValue(idx []int64) runtime.Value { return array.Value(array.FromInts(idx)) }

// assign sets the variable at key (all neurons when key is nil) to v: a
// value, an array, or a string expression evaluated per neuron.
func (vv *VarView) assign(key *runtime.Value, v runtime.Value) error {
	G := vv.G
	ev, dim, typ := vv.info()
	if ev == nil {
		if vv.name == "i" {
			return runtime.Errorf("variable 'i' is read-only")
		}
		return runtime.Errorf("subexpression '%s' cannot be assigned to", vv.name)
	}
	var rel []int64 // selected neurons relative to the subgroup; nil: all
	if key != nil {
		if cond, ok := runtime.AsString(*key); ok {
			idx, err := vv.where(cond)
			if err != nil {
				return err
			}
			rel = idx
		} else if expr, ok := runtime.AsString(v); ok {
			// a string value at ordinary indices: find the indices
			all := make([]int64, G.src.Len())
			for k := range all {
				all[k] = int64(k)
			}
			sel, err := array.FromInts(all).Get(*key)
			if err != nil {
				return err
			}
			rel = sel.Int64s()
			return vv.assignExpr(expr, rel)
		}
	}
	if expr, ok := runtime.AsString(v); ok {
		return vv.assignExpr(expr, rel)
	}
	if vv.unitless {
		if a, err := array.From(v); err == nil && a.Dim().IsDimensionless() {
			v = array.Value(a.WithDim(dim))
		}
	}
	if o, ok := v.Obj().(*VarView); ok {
		a, err := o.array()
		if err != nil {
			return err
		}
		v = array.Value(a.Copy())
	}
	if err := checkVarUnits(vv.name, dim, v); err != nil {
		return err
	}
	a, err := vv.array()
	if err != nil {
		return err
	}
	switch {
	case key == nil && ev.shared:
		err = a.SetIndex(runtime.Ellipsis, v)
	case key == nil:
		err = a.SetIndex(runtime.MakeObj(&runtime.Slice{Start: runtime.None, Stop: runtime.None, Step: runtime.None}), v)
	case rel != nil:
		err = a.SetIndex(idxValue(rel), v)
	default:
		err = a.SetIndex(*key, v)
	}
	if err != nil {
		return err
	}
	if typ != vector.Float || ev.shared {
		// int and bool views are copies: write them back
		vals := a.Float64s()
		if ev.shared {
			ev.data[0] = vals[0]
		} else {
			copy(ev.data[G.src.Start:G.src.Stop], vals)
		}
	}
	return nil
}

// assignExpr runs `name = expr` for the selected neurons (all when rel
// is nil).
func (vv *VarView) assignExpr(expr string, rel []int64) error {
	src := vv.G.src
	var idx []int32
	if rel != nil || src.Start != 0 || src.Stop != vv.G.g.N {
		if rel == nil {
			idx = src.Indices()
		} else {
			idx = make([]int32, len(rel))
			for k, r := range rel {
				idx[k] = int32(int(r) + src.Start)
			}
		}
	}
	return vv.G.g.ExecCode(vv.name+" = "+expr, callerNamespaceOrPredeclared(vv.G.st.th), idx, src.Start)
}

// ArrayView implements array.Viewer, so that numpy functions accept G.v.
func (vv *VarView) ArrayView() (*array.Array, error) { return vv.array() }
