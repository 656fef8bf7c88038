package brian2

import (
	"math"

	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/runtime/engine"
	"github.com/sim-lang/sim/units"
)

// SynVarView is S.w (or S.delay, S.i, S.v_post ...): the per-synapse
// values of a name, readable as an array with units and writable by
// value, array or string expression, with Brian2's indices: integers,
// slices, arrays, conditions ('i > 2') and (i, j[, k]) tuples.
type SynVarView struct {
	S        *Synapses
	name     string
	p        *engine.Pathway // for delay
	unitless bool
}

// array returns the values: a view of float variables' storage, a copy
// otherwise.
func (vv *SynVarView) array() (*array.Array, error) {
	s := vv.S.s
	n := s.Len()
	switch {
	case vv.name == "delay":
		if vv.p.Scalar {
			vals := make([]float64, n)
			for k := range vals {
				vals[k] = vv.p.Delay[0]
			}
			return array.New([]int{n}, vals, secondDim), nil
		}
		return array.New([]int{n}, vv.p.Delay, secondDim), nil
	case vv.name == "i" || vv.name == "j":
		idx := s.I
		if vv.name == "j" {
			idx = s.J
		}
		out := make([]int64, len(idx))
		for k, x := range idx {
			out[k] = int64(x)
		}
		return array.FromInts(out), nil
	}
	if v, ok := s.Var(vv.name); ok {
		if v.Shared {
			return typed(v.Data[:1], []int{}, v.Dim, v.Type), nil
		}
		return typed(v.Data, []int{n}, v.Dim, v.Type), nil
	}
	vals, d, err := s.EvalExpr(vv.name, callerNamespaceOrPredeclared(vv.S.st.th), nil)
	if err != nil {
		return nil, err
	}
	return array.New([]int{n}, vals, d), nil
}

func (vv *SynVarView) mustArray() *array.Array {
	a, err := vv.array()
	if err != nil {
		return array.FromFloats(nil)
	}
	return a
}

// Type implements runtime.Object.
func (vv *SynVarView) Type() string { return "VariableView" }

// String implements runtime.Object.
func (vv *SynVarView) String() string {
	return "<" + vv.S.s.Name() + "." + vv.name + ": " + vv.mustArray().String() + ">"
}

// Str returns the values' str.
func (vv *SynVarView) Str() string { return vv.mustArray().Str() }

// Truth implements runtime.Object.
func (vv *SynVarView) Truth() (bool, error) { return vv.mustArray().Truth() }

// Len implements runtime.Sequence.
func (vv *SynVarView) Len() int { return vv.S.s.Len() }

// Iterate implements runtime.Iterable.
func (vv *SynVarView) Iterate() runtime.Iterator { return vv.mustArray().Iterate() }

// Floats implements runtime.HasFloats.
func (vv *SynVarView) Floats() ([]float64, []int, units.Dim) { return vv.mustArray().Floats() }

// Dimensions implements runtime.HasDim.
func (vv *SynVarView) Dimensions() units.Dim { return vv.mustArray().Dim() }

// Binary implements runtime.HasBinary by delegating to the array.
func (vv *SynVarView) Binary(op lang.Op, other runtime.Value, side runtime.Side) (runtime.Value, error) {
	a, err := vv.array()
	if err != nil {
		return runtime.Value{}, err
	}
	if o, ok := other.Obj().(array.Viewer); ok {
		oa, err := o.ArrayView()
		if err != nil {
			return runtime.Value{}, err
		}
		other = array.Value(oa)
	}
	return a.Binary(op, other, side)
}

// Unary implements runtime.HasUnary.
func (vv *SynVarView) Unary(op lang.Op) (runtime.Value, error) {
	a, err := vv.array()
	if err != nil {
		return runtime.Value{}, err
	}
	return a.Unary(op)
}

// Attr implements runtime.HasAttrs (the array's attributes).
func (vv *SynVarView) Attr(name string) (runtime.Value, error) {
	a, err := vv.array()
	if err != nil {
		return runtime.Value{}, err
	}
	return a.Attr(name)
}

// AttrNames implements runtime.HasAttrs.
func (vv *SynVarView) AttrNames() []string { return vv.mustArray().AttrNames() }

// ArrayView implements array.Viewer.
func (vv *SynVarView) ArrayView() (*array.Array, error) { return vv.array() }

// Index implements runtime.Indexable.
func (vv *SynVarView) Index(key runtime.Value) (runtime.Value, error) {
	a, err := vv.array()
	if err != nil {
		return runtime.Value{}, err
	}
	sel, err := vv.selection(key)
	if err != nil {
		return runtime.Value{}, err
	}
	if sel == nil {
		return a.Index(key)
	}
	return a.Index(idxValue(sel))
}

// SetIndex implements runtime.HasSetIndex.
func (vv *SynVarView) SetIndex(key, v runtime.Value) error { return vv.assign(&key, v) }

// selection returns the synapses a key selects when it is a condition
// string or an (i, j[, k]) tuple; nil for ordinary array keys.
func (vv *SynVarView) selection(key runtime.Value) ([]int64, error) {
	s := vv.S.s
	if cond, ok := runtime.AsString(key); ok {
		idx, err := s.WhereCond(cond, callerNamespaceOrPredeclared(vv.S.st.th))
		if err != nil {
			return nil, err
		}
		out := make([]int64, len(idx))
		for k, x := range idx {
			out[k] = int64(x)
		}
		return out, nil
	}
	if sg, ok := key.Obj().(*SynapticSubgroup); ok {
		if sg.S.s != s {
			return nil, runtime.Errorf("%s does not select synapses of '%s'", sg.String(), s.Name())
		}
		return sg.Indices()
	}
	t, ok := key.Obj().(runtime.Tuple)
	if !ok {
		return nil, nil
	}
	if len(t) < 2 || len(t) > 3 {
		return nil, runtime.Errorf("need 1, 2 or 3 indices, got %d", len(t))
	}
	sizes := []int{s.Source.Len(), s.Target.Len(), math.MaxInt32}
	var parts [3][]int64
	for k, x := range t {
		if sl, ok := x.Obj().(*runtime.Slice); ok && sl.Start.IsNone() && sl.Stop.IsNone() && sl.Step.IsNone() {
			continue
		}
		if G, ok := x.Obj().(*Group); ok && k < 2 {
			parts[k] = neuronsWithin(G, []engine.Source{s.Source, s.Target}[k])
			continue
		}
		n := sizes[k]
		if k == 2 {
			n = 1 << 20
		}
		all := make([]int64, n)
		for m := range all {
			all[m] = int64(m)
		}
		sel, err := array.FromInts(all).Get(x)
		if err != nil {
			return nil, err
		}
		parts[k] = sel.Flatten().Int64s()
		if parts[k] == nil {
			parts[k] = []int64{}
		}
	}
	out, err := s.Indices(parts[0], parts[1], parts[2])
	if err != nil {
		return nil, runtime.Errorf("%v", err)
	}
	if out == nil {
		out = []int64{}
	}
	return out, nil
}

// neuronsWithin returns the neurons of G that belong to src, relative to
// src (a subgroup used as the i or j of a synapse selection, S[G[0:2], :]).
func neuronsWithin(G *Group, src engine.Source) []int64 {
	out := []int64{}
	if G.g != src.G {
		return out
	}
	for k := max(G.src.Start, src.Start); k < min(G.src.Stop, src.Stop); k++ {
		out = append(out, int64(k-src.Start))
	}
	return out
}

// assign sets the values at key (all synapses when key is nil).
func (vv *SynVarView) assign(key *runtime.Value, v runtime.Value) error {
	s := vv.S.s
	if !s.Connected() {
		return runtime.Errorf("cannot write to synaptic variable '%s', you need to call connect(...) first", vv.name)
	}
	var dim units.Dim
	typ := vector.Float
	var data []float64
	shared := false
	switch {
	case vv.name == "delay":
		dim = secondDim
	default:
		sv, ok := s.Var(vv.name)
		if !ok {
			return runtime.Errorf("variable '%s' is read-only", vv.name)
		}
		dim, typ, data, shared = sv.Dim, sv.Type, sv.Data, sv.Shared
	}
	var sel []int64 // nil: all
	if key != nil {
		var err error
		if sel, err = vv.selection(*key); err != nil {
			return err
		}
		if sel == nil {
			all := make([]int64, s.Len())
			for k := range all {
				all[k] = int64(k)
			}
			a, err := array.FromInts(all).Get(*key)
			if err != nil {
				return err
			}
			sel = a.Flatten().Int64s()
			if sel == nil {
				sel = []int64{}
			}
		}
	}
	var idx32 []int32
	if sel != nil {
		idx32 = make([]int32, len(sel))
		for k, x := range sel {
			idx32[k] = int32(x)
		}
	}
	ns := callerNamespaceOrPredeclared(vv.S.st.th)
	if expr, ok := runtime.AsString(v); ok {
		if vv.name != "delay" {
			return s.ExecCode(vv.name+" = "+expr, ns, idx32)
		}
		vals, d, err := s.EvalExpr(expr, ns, vv.p)
		if err != nil {
			return err
		}
		if d != secondDim {
			return runtime.Errorf("delay has to be specified in units of seconds, the expression '%s' has units of %s", expr, units.DimName(d))
		}
		if idx32 != nil {
			picked := make([]float64, len(idx32))
			for k, x := range idx32 {
				picked[k] = vals[x]
			}
			vals = picked
		}
		if err := vv.p.SetDelays(idx32, vals); err != nil {
			return runtime.Errorf("%v", err)
		}
		return nil
	}
	a, err := array.From(v)
	if err != nil {
		return err
	}
	vals := a.Flatten().Float64s()
	if !(vv.unitless && a.Dim().IsDimensionless()) {
		if err := checkVarUnits(vv.name, dim, v); err != nil {
			return err
		}
	}
	switch typ {
	case vector.Int:
		for k, x := range vals {
			vals[k] = math.Trunc(x)
		}
	case vector.Bool:
		for k, x := range vals {
			if x != 0 {
				vals[k] = 1
			}
		}
	}
	if vv.name == "delay" {
		if err := vv.p.SetDelays(idx32, vals); err != nil {
			return runtime.Errorf("%v", err)
		}
		return nil
	}
	if shared {
		if len(vals) != 1 {
			return runtime.Errorf("a shared variable takes a single value")
		}
		data[0] = vals[0]
		return nil
	}
	n := s.Len()
	if idx32 == nil {
		switch len(vals) {
		case 1:
			for k := range data[:n] {
				data[k] = vals[0]
			}
		case n:
			copy(data, vals)
		default:
			return runtime.Errorf("cannot assign %d values to %d synapses", len(vals), n)
		}
		return nil
	}
	if len(vals) != 1 && len(vals) != len(idx32) {
		return runtime.Errorf("cannot assign %d values to %d synapses", len(vals), len(idx32))
	}
	for k, x := range idx32 {
		if len(vals) == 1 {
			data[x] = vals[0]
		} else {
			data[x] = vals[k]
		}
	}
	return nil
}
