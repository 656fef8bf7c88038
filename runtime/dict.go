package runtime

import "strings"

// Dict is an insertion-ordered hash map with hashable keys, like Python's
// dict. Equal keys (1, 1.0 and True) are the same key.
type Dict struct {
	entries []dictEntry // in insertion order; deleted entries have !live
	index   map[uint64][]int32
	live    int
}

type dictEntry struct {
	key, val Value
	hash     uint64
	live     bool
}

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{index: make(map[uint64][]int32)} }

// Type implements Object.
func (d *Dict) Type() string { return "dict" }

// Truth implements Object.
func (d *Dict) Truth() (bool, error) { return d.live > 0, nil }

// Len returns the number of entries (implements Sequence).
func (d *Dict) Len() int { return d.live }

// String implements Object: {'a': 1, 'b': 2}.
func (d *Dict) String() string {
	var b strings.Builder
	b.WriteByte('{')
	first := true
	for i := range d.entries {
		e := &d.entries[i]
		if !e.live {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		b.WriteString(Repr(e.key))
		b.WriteString(": ")
		b.WriteString(Repr(e.val))
	}
	b.WriteByte('}')
	return b.String()
}

// find returns the entry index of k, or -1, plus k's hash.
func (d *Dict) find(k Value) (int, uint64, error) {
	h, err := Hash(k)
	if err != nil {
		return -1, 0, err
	}
	for _, i := range d.index[h] {
		e := &d.entries[i]
		if e.live && keyEqual(e.key, k) {
			return int(i), h, nil
		}
	}
	return -1, h, nil
}

// keyEqual compares two hashable keys.
func keyEqual(a, b Value) bool {
	eq, err := Equal(a, b)
	return err == nil && eq
}

// Get returns the value stored under k; ok is false when absent. The error
// reports an unhashable key.
func (d *Dict) Get(k Value) (Value, bool, error) {
	i, _, err := d.find(k)
	if err != nil || i < 0 {
		return Value{}, false, err
	}
	return d.entries[i].val, true, nil
}

// Set stores v under k, keeping the position of an existing key.
func (d *Dict) Set(k, v Value) error {
	i, h, err := d.find(k)
	if err != nil {
		return err
	}
	if i >= 0 {
		d.entries[i].val = v
		return nil
	}
	if d.index == nil {
		d.index = make(map[uint64][]int32)
	}
	d.index[h] = append(d.index[h], int32(len(d.entries)))
	d.entries = append(d.entries, dictEntry{key: k, val: v, hash: h, live: true})
	d.live++
	return nil
}

// Delete removes k, reporting whether it was present.
func (d *Dict) Delete(k Value) (bool, error) {
	i, h, err := d.find(k)
	if err != nil || i < 0 {
		return false, err
	}
	d.entries[i] = dictEntry{}
	d.live--
	bucket := d.index[h]
	for j, x := range bucket {
		if int(x) == i {
			bucket = append(bucket[:j], bucket[j+1:]...)
			break
		}
	}
	if len(bucket) == 0 {
		delete(d.index, h)
	} else {
		d.index[h] = bucket
	}
	if len(d.entries) > 16 && d.live < len(d.entries)/2 {
		d.compact()
	}
	return true, nil
}

// compact drops deleted entries and rebuilds the index.
func (d *Dict) compact() {
	entries := make([]dictEntry, 0, d.live)
	d.index = make(map[uint64][]int32, d.live)
	for _, e := range d.entries {
		if e.live {
			d.index[e.hash] = append(d.index[e.hash], int32(len(entries)))
			entries = append(entries, e)
		}
	}
	d.entries = entries
}

// Clear removes every entry.
func (d *Dict) Clear() {
	d.entries = nil
	d.index = make(map[uint64][]int32)
	d.live = 0
}

// Keys returns the keys in insertion order.
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.live)
	for _, e := range d.entries {
		if e.live {
			out = append(out, e.key)
		}
	}
	return out
}

// Values returns the values in insertion order.
func (d *Dict) Values() []Value {
	out := make([]Value, 0, d.live)
	for _, e := range d.entries {
		if e.live {
			out = append(out, e.val)
		}
	}
	return out
}

// Items returns (key, value) pairs in insertion order.
func (d *Dict) Items() [][2]Value {
	out := make([][2]Value, 0, d.live)
	for _, e := range d.entries {
		if e.live {
			out = append(out, [2]Value{e.key, e.val})
		}
	}
	return out
}

// Copy returns a shallow copy of d.
func (d *Dict) Copy() *Dict {
	c := NewDict()
	for _, e := range d.entries {
		if e.live {
			c.Set(e.key, e.val)
		}
	}
	return c
}

// Iterate implements Iterable over a snapshot of the keys.
func (d *Dict) Iterate() Iterator { return &sliceIter{elems: d.Keys()} }
