package brian2

import (
	"fmt"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/runtime/engine"
)

// LinkedVar is what linked_var() returns: the target of a linked
// variable, assigned with `G2.v = linked_var(G1, 'v')`.
type LinkedVar struct {
	src   engine.Source
	name  string
	index []int64 // nil: no index
}

var _ = def("linked_var", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var target, name, index runtime.Value
	if err := runtime.UnpackArgs("linked_var", args, kwargs, "group_or_variable", &target, "name?", &name, "index?", &index); err != nil {
		return runtime.Value{}, err
	}
	lv := &LinkedVar{}
	switch o := target.Obj().(type) {
	case *Group:
		nm, err := optString("linked_var", "name", name)
		if err != nil {
			return runtime.Value{}, err
		}
		if nm == "" {
			return runtime.Value{}, runtime.Errorf("linked_var() needs the name of the variable when given a group: linked_var(G, 'v')")
		}
		lv.src, lv.name = o.src, nm
	case *VarView:
		if name.IsValid() && !name.IsNone() {
			return runtime.Value{}, runtime.Errorf("linked_var() takes no name when given a variable (G.v)")
		}
		lv.src, lv.name = o.G.src, o.name
	default:
		return runtime.Value{}, runtime.Errorf("linked_var() needs a NeuronGroup and a variable name, or a variable such as G.v, not %s", runtime.TypeName(target))
	}
	if index.IsValid() && !index.IsNone() {
		a, err := array.From(index)
		if err != nil {
			return runtime.Value{}, err
		}
		vals := a.Float64s()
		if len(a.Shape()) != 1 || !a.Dim().IsDimensionless() {
			return runtime.Value{}, runtime.Errorf("the index for a linked variable has to be a one-dimensional integer array")
		}
		lv.index = make([]int64, len(vals))
		for k, x := range vals {
			if x != float64(int64(x)) {
				return runtime.Value{}, runtime.Errorf("the index for a linked variable has to be an integer array")
			}
			lv.index[k] = int64(x)
		}
	}
	return runtime.MakeObj(lv), nil
})

// Type implements runtime.Object.
func (*LinkedVar) Type() string { return "LinkedVariable" }

// String implements runtime.Object.
func (lv *LinkedVar) String() string {
	return fmt.Sprintf("linked_var(%s, '%s')", lv.src.Name(), lv.name)
}

// Truth implements runtime.Object.
func (*LinkedVar) Truth() (bool, error) { return true, nil }

// setLinked handles `G.name = value` for a linked variable name, and a
// linked_var() value for any name (ok is false for neither).
func (G *Group) setLinked(name string, v runtime.Value) (ok bool, err error) {
	lv, isLink := v.Obj().(*LinkedVar)
	linked, _ := G.g.Linked(name)
	switch {
	case !linked && !isLink:
		return false, nil
	case !linked:
		return true, runtime.Errorf("cannot link variable '%s', it has to be marked as a linked variable with '(linked)' in the model equations", name)
	case !isLink:
		return true, runtime.Errorf("cannot set a linked variable directly, link it to another variable using 'linked_var'")
	case G.src.Start != 0 || G.src.Stop != G.g.N:
		return true, runtime.Errorf("link the variables of the whole group, not of a subgroup")
	}
	if err := G.g.Link(name, lv.src, lv.name, lv.index); err != nil {
		return true, runtime.Errorf("%v", err)
	}
	return true, nil
}
