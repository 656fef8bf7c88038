package runtime

import (
	"math"

	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/units"
)

// Kind says how a Value is stored. None, bool, int and float live inline in
// the Value (no allocation); everything else is an Object.
type Kind uint8

// Value kinds. The zero Value has kind Invalid and means "absent" (for
// example a missing attribute); it is never visible to scripts.
const (
	Invalid Kind = iota
	NoneKind
	BoolKind
	IntKind
	FloatKind
	ObjKind
)

// Value is a script value. It is a small struct passed by value: scalars
// are stored inline so that arithmetic on ints and floats never allocates.
type Value struct {
	kind Kind
	bits uint64
	obj  Object
}

// Object is a heap value: str, list, tuple, dict, function, builtin,
// quantity, array, module, ... Optional interfaces below add behaviour.
type Object interface {
	// Type returns the type name shown to users ("list", "ndarray", ...).
	Type() string
	// String returns the repr form (what the REPL echoes).
	String() string
	// Truth returns the truth value, or an error where it is ambiguous
	// (arrays of more than one element).
	Truth() (bool, error)
}

// None is the None value.
var None = Value{kind: NoneKind}

// True and False are the bool values.
var (
	True  = Value{kind: BoolKind, bits: 1}
	False = Value{kind: BoolKind}
)

// MakeBool returns True or False.
func MakeBool(b bool) Value {
	if b {
		return True
	}
	return False
}

// MakeInt returns an int value.
func MakeInt(i int64) Value { return Value{kind: IntKind, bits: uint64(i)} }

// MakeFloat returns a float value.
func MakeFloat(f float64) Value { return Value{kind: FloatKind, bits: math.Float64bits(f)} }

// MakeObj wraps an Object. A nil Object gives None.
func MakeObj(o Object) Value {
	if o == nil {
		return None
	}
	return Value{kind: ObjKind, obj: o}
}

// Kind returns how v is stored.
func (v Value) Kind() Kind { return v.kind }

// IsValid reports whether v is a real value (not the zero Value).
func (v Value) IsValid() bool { return v.kind != Invalid }

// IsNone reports whether v is None.
func (v Value) IsNone() bool { return v.kind == NoneKind }

// AsBool returns the bool of a BoolKind value.
func (v Value) AsBool() bool { return v.bits != 0 }

// AsInt returns the int64 of an IntKind value.
func (v Value) AsInt() int64 { return int64(v.bits) }

// AsFloat returns the float64 of a FloatKind value.
func (v Value) AsFloat() float64 { return math.Float64frombits(v.bits) }

// Obj returns the Object of an ObjKind value, or nil.
func (v Value) Obj() Object { return v.obj }

// ToFloat converts a bool, int or float value to float64.
func (v Value) ToFloat() (float64, bool) {
	switch v.kind {
	case FloatKind:
		return v.AsFloat(), true
	case IntKind:
		return float64(v.AsInt()), true
	case BoolKind:
		if v.bits != 0 {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// ToInt converts a bool or int value to int64 (floats are not converted).
func (v Value) ToInt() (int64, bool) {
	switch v.kind {
	case IntKind:
		return v.AsInt(), true
	case BoolKind:
		return int64(v.bits), true
	}
	return 0, false
}

// ---- optional interfaces of Objects ----

// Side says on which side of a binary operator the receiver stands.
type Side bool

// Sides of a binary operator.
const (
	Left  Side = false
	Right Side = true
)

// HasBinary is an Object that implements binary operators, comparisons
// included (arrays return arrays of bool). Binary returns the zero Value
// and a nil error when it does not support the operation with that
// operand, so that the other operand may be tried.
type HasBinary interface {
	Object
	Binary(op lang.Op, other Value, side Side) (Value, error)
}

// HasUnary is an Object that implements unary -, +, ~ .
type HasUnary interface {
	Object
	Unary(op lang.Op) (Value, error)
}

// HasAttrs is an Object with attributes (methods included). Attr returns
// the zero Value and a nil error when there is no such attribute; the
// caller then reports it, suggesting near names from AttrNames.
type HasAttrs interface {
	Object
	Attr(name string) (Value, error)
	AttrNames() []string
}

// HasSetAttr is an Object whose attributes can be assigned.
type HasSetAttr interface {
	HasAttrs
	SetAttr(name string, v Value) error
}

// Indexable is an Object that supports x[key]. A key is an int, a *Slice,
// None (newaxis), Ellipsis, a *Tuple of those, or for arrays an array/list
// (fancy indexing, boolean masks).
type Indexable interface {
	Object
	Index(key Value) (Value, error)
}

// HasSetIndex is an Object that supports x[key] = v.
type HasSetIndex interface {
	Indexable
	SetIndex(key, v Value) error
}

// Sequence is an Object with a length.
type Sequence interface {
	Object
	Len() int
}

// Iterable is an Object that can be iterated by `for`.
type Iterable interface {
	Object
	Iterate() Iterator
}

// Iterator yields successive values; Next returns false when exhausted.
type Iterator interface {
	Next(p *Value) bool
}

// Callable is an Object that can be called.
type Callable interface {
	Object
	Name() string
	Call(th *Thread, args []Value, kwargs []Kwarg) (Value, error)
}

// HasStr is an Object whose str() differs from its repr (String).
type HasStr interface {
	Str() string
}

// HasFormat is an Object that formats itself under an f-string or
// format() spec such as ".3f".
type HasFormat interface {
	Format(spec string) (string, error)
}

// Kwarg is a keyword argument of a call.
type Kwarg struct {
	Name  string
	Value Value
}

// ---- a few core objects every package needs ----

// Quantity is a scalar with a physical dimension. A dimensionless result
// of arithmetic is a plain float, never a Quantity.
type Quantity struct {
	V float64
	D units.Dim
}

// MakeQuantity returns v with dimension d, or a plain float when d is
// dimensionless.
func MakeQuantity(v float64, d units.Dim) Value {
	if d.IsDimensionless() {
		return MakeFloat(v)
	}
	return MakeObj(Quantity{v, d})
}

// Type implements Object.
func (q Quantity) Type() string { return "Quantity" }

// String implements Object, using the best display unit ("50 pA").
func (q Quantity) String() string { return units.Format(q.V, q.D) }

// Truth implements Object.
func (q Quantity) Truth() (bool, error) { return q.V != 0, nil }

// Slice is the value of `lo:hi:step` in a subscript; absent parts are None.
type Slice struct {
	Start, Stop, Step Value
}

// Type implements Object.
func (s *Slice) Type() string { return "slice" }

// String implements Object.
func (s *Slice) String() string {
	return "slice(" + Repr(s.Start) + ", " + Repr(s.Stop) + ", " + Repr(s.Step) + ")"
}

// Truth implements Object.
func (s *Slice) Truth() (bool, error) { return true, nil }

// Attr implements HasAttrs: start, stop and step.
func (s *Slice) Attr(name string) (Value, error) {
	switch name {
	case "start":
		return s.Start, nil
	case "stop":
		return s.Stop, nil
	case "step":
		return s.Step, nil
	}
	return Value{}, nil
}

// AttrNames implements HasAttrs.
func (s *Slice) AttrNames() []string { return []string{"start", "step", "stop"} }

// Indices resolves the slice against a sequence of length n the way
// Python's slice.indices does, returning start, stop, step and the number
// of selected elements.
func (s *Slice) Indices(n int) (start, stop, step, count int, err error) {
	step = 1
	if !s.Step.IsNone() && s.Step.IsValid() {
		st, ok := s.Step.ToInt()
		if !ok {
			return 0, 0, 0, 0, Errorf("slice indices must be integers or None, not %s", TypeName(s.Step))
		}
		if st == 0 {
			return 0, 0, 0, 0, Errorf("slice step cannot be zero")
		}
		step = int(st)
	}
	bound := func(v Value, def int) (int, error) {
		if v.IsNone() || !v.IsValid() {
			return def, nil
		}
		x, ok := v.ToInt()
		if !ok {
			return 0, Errorf("slice indices must be integers or None, not %s", TypeName(v))
		}
		i := int(x)
		if i < 0 {
			i += n
			if i < 0 {
				if step < 0 {
					i = -1
				} else {
					i = 0
				}
			}
		} else if i >= n {
			if step < 0 {
				i = n - 1
			} else {
				i = n
			}
		}
		return i, nil
	}
	if step > 0 {
		if start, err = bound(s.Start, 0); err != nil {
			return
		}
		if stop, err = bound(s.Stop, n); err != nil {
			return
		}
		if stop > start {
			count = (stop - start + step - 1) / step
		}
	} else {
		if start, err = bound(s.Start, n-1); err != nil {
			return
		}
		if stop, err = bound(s.Stop, -1); err != nil {
			return
		}
		if start > stop {
			count = (start - stop - step - 1) / (-step)
		}
	}
	return
}

// EllipsisType is the type of the `...` value.
type EllipsisType struct{}

// Ellipsis is the `...` value used in array subscripts.
var Ellipsis = MakeObj(EllipsisType{})

// Type implements Object.
func (EllipsisType) Type() string { return "ellipsis" }

// String implements Object.
func (EllipsisType) String() string { return "Ellipsis" }

// Truth implements Object.
func (EllipsisType) Truth() (bool, error) { return true, nil }

// HasDim is an Object that carries a physical dimension (Quantity, arrays).
type HasDim interface {
	Dimensions() units.Dim
}

// Dimensions implements HasDim.
func (q Quantity) Dimensions() units.Dim { return q.D }
