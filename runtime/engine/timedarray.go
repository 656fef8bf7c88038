package engine

import (
	"fmt"
	"math"

	"github.com/sim-lang/sim/units"
)

// TimedArray is a function of time (ta(t)) or of time and element
// (ta(t, i)) given by values sampled every Dt seconds; it implements
// vector.Func so that model code can call it. Times before 0 or after the
// last sample give the first or last value, as in Brian2.
type TimedArray struct {
	name string
	// Values is row-major: NT rows of NI values (NI = 1 for ta(t)).
	Values []float64
	NT, NI int
	Dim    units.Dim
	Dt     float64
	TwoD   bool
}

// NewTimedArray returns a timed array called name. For a 2-d array,
// values has nt rows of ni values.
func NewTimedArray(name string, values []float64, nt, ni int, twoD bool, dim units.Dim, dt float64) (*TimedArray, error) {
	if !(dt > 0) {
		return nil, fmt.Errorf("TimedArray needs a positive dt")
	}
	if nt == 0 || nt*ni != len(values) {
		return nil, fmt.Errorf("TimedArray needs at least one value")
	}
	return &TimedArray{name: name, Values: values, NT: nt, NI: ni, Dim: dim, Dt: dt, TwoD: twoD}, nil
}

// Name implements vector.Func.
func (ta *TimedArray) Name() string { return ta.name }

// NumArgs implements vector.Func.
func (ta *TimedArray) NumArgs() int {
	if ta.TwoD {
		return 2
	}
	return 1
}

// timedK is Brian2's rounding granularity: times are rounded to 1/K of
// the array's dt before flooring, so that t = n*dt computed in floating
// point always lands on sample n.
const timedK = 1024

// Step returns the sample index for time t.
func (ta *TimedArray) Step(t float64) int {
	x := math.Round(t/ta.Dt*timedK) / timedK
	k := int(math.Floor(x))
	if x != x || k < 0 {
		return 0
	}
	if k >= ta.NT {
		return ta.NT - 1
	}
	return k
}

// At returns the value at time t for element i.
func (ta *TimedArray) At(t float64, i int) (float64, error) {
	if i < 0 || i >= ta.NI {
		return 0, fmt.Errorf("%s: index %d out of range for %d columns", ta.name, i, ta.NI)
	}
	return ta.Values[ta.Step(t)*ta.NI+i], nil
}

// Eval implements vector.Func: args[0] are times, args[1] (2-d arrays)
// element indices; a one-element argument applies to every element.
func (ta *TimedArray) Eval(args [][]float64, out []float64) error {
	if len(args) != ta.NumArgs() {
		return fmt.Errorf("%s() takes %d arguments (%d given)", ta.name, ta.NumArgs(), len(args))
	}
	ts := args[0]
	if !ta.TwoD {
		if len(ts) == 1 {
			v := ta.Values[ta.Step(ts[0])]
			for k := range out {
				out[k] = v
			}
			return nil
		}
		for k := range out {
			out[k] = ta.Values[ta.Step(ts[k])]
		}
		return nil
	}
	is := args[1]
	for k := range out {
		t := ts[0]
		if len(ts) > 1 {
			t = ts[k]
		}
		i := is[0]
		if len(is) > 1 {
			i = is[k]
		}
		v, err := ta.At(t, int(i))
		if err != nil {
			return err
		}
		out[k] = v
	}
	return nil
}
