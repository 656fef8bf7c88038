package runtime

import "strconv"

// Range is a lazy range(start, stop, step) object.
type Range struct {
	Start, Stop, Step int64
}

// NewRange returns range(start, stop, step); step must not be zero.
func NewRange(start, stop, step int64) (*Range, error) {
	if step == 0 {
		return nil, Errorf("range() arg 3 must not be zero")
	}
	return &Range{start, stop, step}, nil
}

// Type implements Object.
func (r *Range) Type() string { return "range" }

// String implements Object: range(0, 10) or range(0, 10, 2).
func (r *Range) String() string {
	s := "range(" + strconv.FormatInt(r.Start, 10) + ", " + strconv.FormatInt(r.Stop, 10)
	if r.Step != 1 {
		s += ", " + strconv.FormatInt(r.Step, 10)
	}
	return s + ")"
}

// Truth implements Object.
func (r *Range) Truth() (bool, error) { return r.Len() > 0, nil }

// Len implements Sequence.
func (r *Range) Len() int {
	if r.Step > 0 && r.Start < r.Stop {
		return int((uint64(r.Stop-r.Start)-1)/uint64(r.Step) + 1)
	}
	if r.Step < 0 && r.Start > r.Stop {
		return int((uint64(r.Start-r.Stop)-1)/uint64(-r.Step) + 1)
	}
	return 0
}

// At returns the i-th element (0 <= i < Len).
func (r *Range) At(i int) int64 { return r.Start + int64(i)*r.Step }

// Contains reports whether the int x is an element.
func (r *Range) Contains(x int64) bool {
	if r.Step > 0 {
		if x < r.Start || x >= r.Stop {
			return false
		}
		return (x-r.Start)%r.Step == 0
	}
	if x > r.Start || x <= r.Stop {
		return false
	}
	return (r.Start-x)%(-r.Step) == 0
}

// Index implements Indexable: r[i] and r[a:b:c] (a range).
func (r *Range) Index(key Value) (Value, error) {
	n := r.Len()
	if s, ok := key.obj.(*Slice); ok {
		start, _, step, count, err := s.Indices(n)
		if err != nil {
			return Value{}, err
		}
		first := r.Start + int64(start)*r.Step
		st := r.Step * int64(step)
		return MakeObj(&Range{first, first + int64(count)*st, st}), nil
	}
	i, err := seqIndex(key, n, "range object")
	if err != nil {
		return Value{}, err
	}
	return MakeInt(r.At(i)), nil
}

// Iterate implements Iterable.
func (r *Range) Iterate() Iterator { return &RangeIter{next: r.Start, left: r.Len(), step: r.Step} }

// RangeIter iterates a Range without allocating per element.
type RangeIter struct {
	next int64
	left int
	step int64
}

// Next implements Iterator.
func (it *RangeIter) Next(p *Value) bool {
	if it.left <= 0 {
		return false
	}
	*p = MakeInt(it.next)
	it.next += it.step
	it.left--
	return true
}
