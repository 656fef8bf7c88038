package brian2

import (
	"fmt"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/runtime/engine"
)

// SynapticSubgroup is S[...]: a fixed selection of synapses (Brian2's
// SynapticSubgroup), usable as record= of a StateMonitor, to index a
// StateMonitor (M[S[0, 1]].w) and to index synaptic variables
// (S.w[S[0, :]]). It refuses to be used once synapses were added.
type SynapticSubgroup struct {
	S       *Synapses
	indices []int64
	// n is the number of synapses when the selection was made.
	n int
}

// Index implements runtime.Indexable: S[i, j], S[i, :], S['i > j'],
// S[0:3], S[[1, 3]], S[k] select synapses as Brian2's SynapticIndexing
// does.
func (S *Synapses) Index(key runtime.Value) (runtime.Value, error) {
	vv := &SynVarView{S: S, name: "i"}
	sel, err := vv.selection(key)
	if err != nil {
		return runtime.Value{}, err
	}
	if sel == nil {
		if sel, err = S.plainSelection(key); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.MakeObj(&SynapticSubgroup{S: S, indices: sel, n: S.s.Len()}), nil
}

// plainSelection applies an ordinary array key (an index, a slice, a list
// of indices, a boolean mask) to the synapses' numbers.
func (S *Synapses) plainSelection(key runtime.Value) ([]int64, error) {
	all := make([]int64, S.s.Len())
	for k := range all {
		all[k] = int64(k)
	}
	a, err := array.FromInts(all).Get(key)
	if err != nil {
		return nil, err
	}
	out := a.Flatten().Int64s()
	if out == nil {
		out = []int64{}
	}
	return out, nil
}

// Indices returns the selected synapses, or an error once synapses were
// added after the selection was made (Brian2's message).
func (sg *SynapticSubgroup) Indices() ([]int64, error) {
	if sg.S.s.Len() != sg.n {
		return nil, runtime.Errorf("synapses have been added/removed since this synaptic subgroup has been created")
	}
	return sg.indices, nil
}

// Type implements runtime.Object.
func (sg *SynapticSubgroup) Type() string { return "SynapticSubgroup" }

// String implements runtime.Object.
func (sg *SynapticSubgroup) String() string {
	return fmt.Sprintf("<SynapticSubgroup, storing %d indices of %s>", len(sg.indices), sg.S.s.Name())
}

// Truth implements runtime.Object.
func (sg *SynapticSubgroup) Truth() (bool, error) { return len(sg.indices) > 0, nil }

// Len implements runtime.Sequence.
func (sg *SynapticSubgroup) Len() int { return len(sg.indices) }

// subgroupIndices returns the element indices an object standing for a
// selection of of's elements gives as record= or as a monitor's index: a
// SynapticSubgroup of the same synapses, or a subgroup of the same neuron
// group (relative to of's start). ok is false for other values (ordinary
// indices).
func subgroupIndices(v runtime.Value, of engine.Recordable) (idx []int64, ok bool, err error) {
	switch o := v.Obj().(type) {
	case *SynapticSubgroup:
		if s, same := of.(*engine.Synapses); !same || s != o.S.s {
			return nil, true, runtime.Errorf("%s does not select synapses of '%s'", o.String(), of.Name())
		}
		idx, err := o.Indices()
		return idx, true, err
	case *Group:
		src, same := of.(engine.Source)
		if !same || src.G != o.g {
			return nil, true, runtime.Errorf("the neurons of '%s' are not part of '%s'", o.src.Name(), of.Name())
		}
		idx := make([]int64, 0, o.src.Len())
		for k := o.src.Start; k < o.src.Stop; k++ {
			idx = append(idx, int64(k-src.Start))
		}
		return idx, true, nil
	}
	return nil, false, nil
}
