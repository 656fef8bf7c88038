package brian2

import (
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/engine"
)

// recordableArg reads a StateMonitor's source: a NeuronGroup, a subgroup
// or Synapses. It returns the engine object and the names
// variables=True records.
func recordableArg(fn string, v runtime.Value) (engine.Recordable, func() []string, error) {
	switch o := v.Obj().(type) {
	case *Group:
		return o.src, func() []string { return groupVarNames(o) }, nil
	case *Synapses:
		return o.s, func() []string { return synapseVarNames(o.s) }, nil
	}
	return nil, nil, runtime.Errorf("%s() needs a NeuronGroup (or subgroup) or Synapses as its source, not %s", fn, runtime.TypeName(v))
}

// synapseVarNames lists the variables variables=True records for
// synapses: every synaptic variable but lastupdate.
func synapseVarNames(s *engine.Synapses) []string {
	var out []string
	for _, name := range s.VarNames() {
		if name != "lastupdate" {
			out = append(out, name)
		}
	}
	return out
}
