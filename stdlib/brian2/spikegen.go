package brian2

import (
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/runtime/engine"
	"github.com/sim-lang/sim/units"
)

// spikeGenerator returns the generator behind a SpikeGeneratorGroup's
// script object (ok false for other groups and for subgroups).
func (G *Group) spikeGenerator() (*engine.SpikeGenerator, bool) {
	w, ok := wrapped.Load(G.g)
	if !ok || G.src != engine.Whole(G.g) {
		return nil, false
	}
	sg, ok := w.(*engine.SpikeGenerator)
	return sg, ok
}

// spikeGenAttr answers the attributes only a SpikeGeneratorGroup has:
// set_spikes, period, neuron_index and spike_time (sorted by time, then
// index, as Brian2 stores them). ok is false for other names and groups.
func (G *Group) spikeGenAttr(name string) (v runtime.Value, ok bool) {
	sg, isGen := G.spikeGenerator()
	if !isGen {
		return runtime.Value{}, false
	}
	switch name {
	case "set_spikes":
		return runtime.NewBuiltin("set_spikes", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return setSpikes(sg, args, kwargs)
		}), true
	case "period":
		return runtime.MakeQuantity(sg.Period, secondDim), true
	case "period_":
		return runtime.MakeFloat(sg.Period), true
	case "neuron_index":
		idx := make([]int64, len(sg.Index))
		for k, i := range sg.Index {
			idx[k] = int64(i)
		}
		return array.Value(array.FromInts(idx)), true
	case "spike_time", "spike_time_":
		d := secondDim
		if name == "spike_time_" {
			d = units.Dim{}
		}
		return quantityArray(append([]float64{}, sg.Times...), []int{len(sg.Times)}, d), true
	}
	return runtime.Value{}, false
}

// spikeGenAttrNames are the names spikeGenAttr answers.
var spikeGenAttrNames = []string{"neuron_index", "period", "set_spikes", "spike_time"}

// setSpikes is SpikeGeneratorGroup.set_spikes(indices, times,
// period=0*second, sorted=False): new spikes for the next run.
func setSpikes(sg *engine.SpikeGenerator, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "set_spikes"
	var indices, times, period runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "indices", &indices, "times", &times, "period?", &period,
		"sorted?", new(runtime.Value)); err != nil {
		return runtime.Value{}, err
	}
	idx, ts, per, err := spikeArgs(fn, indices, times, period)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := sg.SetSpikes(idx, ts, per); err != nil {
		return runtime.Value{}, runtime.Errorf("%v", err)
	}
	return runtime.None, nil
}

// spikeArgs reads the indices, times and period of a SpikeGeneratorGroup
// or of set_spikes: integer indices (whole-numbered floats too), times in
// seconds and a period in seconds (0 when absent).
func spikeArgs(fn string, indices, times, period runtime.Value) ([]int64, []float64, float64, error) {
	ia, err := array.From(indices)
	if err != nil {
		return nil, nil, 0, runtime.Errorf("%s() argument 'indices' must be an array of integers, not %s", fn, runtime.TypeName(indices))
	}
	var idx []int64
	switch {
	case ia.DType() == array.Int || ia.Size() == 0:
		idx = ia.Flatten().Int64s()
	case ia.DType() == array.Float && ia.Dim().IsDimensionless():
		for _, x := range ia.Flatten().Float64s() {
			if x != math.Trunc(x) {
				return nil, nil, 0, runtime.Errorf("%s() argument 'indices' must be integers, got %g", fn, x)
			}
			idx = append(idx, int64(x))
		}
	default:
		return nil, nil, 0, runtime.Errorf("%s() argument 'indices' must be an array of integers", fn)
	}
	ta, err := array.From(times)
	if err != nil {
		return nil, nil, 0, runtime.Errorf("%s() argument 'times' must be an array of times, not %s", fn, runtime.TypeName(times))
	}
	ts := ta.Flatten().Float64s()
	if ta.Dim() != secondDim && !(ta.Dim().IsDimensionless() && allZero(ts)) {
		return nil, nil, 0, runtime.Errorf("%s() expected a quantity with unit second for argument 'times' but got %s (unit is %s)", fn, runtime.Repr(times), units.DimName(ta.Dim()))
	}
	per := 0.0
	if period.IsValid() && !period.IsNone() {
		if per, err = quantity(fn, "period", period, secondDim); err != nil {
			return nil, nil, 0, err
		}
	}
	return idx, ts, per, nil
}
