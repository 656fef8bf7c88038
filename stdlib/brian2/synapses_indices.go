package brian2

import (
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// synapseIndices is S.indices: indexing it as S itself is indexed
// (S.indices[i, j], S.indices[0:5, :], S.indices['i > j']) gives the
// synapse numbers as an int array, as Brian2's SynapticIndexing does.
type synapseIndices struct{ S *Synapses }

func (x synapseIndices) Type() string         { return "SynapticIndexing" }
func (x synapseIndices) String() string       { return "<SynapticIndexing of " + x.S.s.Name() + ">" }
func (x synapseIndices) Truth() (bool, error) { return true, nil }

// Index implements runtime.Indexable.
func (x synapseIndices) Index(key runtime.Value) (runtime.Value, error) {
	v, err := x.S.Index(key)
	if err != nil {
		return runtime.Value{}, err
	}
	sub := v.Obj().(*SynapticSubgroup)
	return array.Value(array.FromInts(append([]int64(nil), sub.indices...))), nil
}
