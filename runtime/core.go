package runtime

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// String is a str value.
type String string

// MakeStr returns a str value.
func MakeStr(s string) Value { return MakeObj(String(s)) }

// AsString returns the Go string of a str value.
func AsString(v Value) (string, bool) {
	s, ok := v.obj.(String)
	return string(s), ok
}

// Type implements Object.
func (s String) Type() string { return "str" }

// String implements Object: the quoted repr.
func (s String) String() string { return Quote(string(s)) }

// Str returns the string itself (str() of a str).
func (s String) Str() string { return string(s) }

// Truth implements Object.
func (s String) Truth() (bool, error) { return len(s) > 0, nil }

// Len implements Sequence (in bytes).
func (s String) Len() int { return len(s) }

// Tuple is an immutable sequence.
type Tuple []Value

// MakeTuple returns a tuple value holding elems (not copied).
func MakeTuple(elems ...Value) Value { return MakeObj(Tuple(elems)) }

// Type implements Object.
func (t Tuple) Type() string { return "tuple" }

// String implements Object.
func (t Tuple) String() string {
	if len(t) == 1 {
		return "(" + Repr(t[0]) + ",)"
	}
	return "(" + joinRepr(t) + ")"
}

// Truth implements Object.
func (t Tuple) Truth() (bool, error) { return len(t) > 0, nil }

// Len implements Sequence.
func (t Tuple) Len() int { return len(t) }

// List is a mutable sequence.
type List struct {
	Elems []Value
}

// NewList returns a list value holding elems (not copied).
func NewList(elems []Value) Value { return MakeObj(&List{Elems: elems}) }

// NewStrList returns a new list of the strings xs.
func NewStrList(xs []string) Value {
	elems := make([]Value, len(xs))
	for i, x := range xs {
		elems[i] = MakeStr(x)
	}
	return NewList(elems)
}

// Type implements Object.
func (l *List) Type() string { return "list" }

// String implements Object.
func (l *List) String() string { return "[" + joinRepr(l.Elems) + "]" }

// Truth implements Object.
func (l *List) Truth() (bool, error) { return len(l.Elems) > 0, nil }

// Len implements Sequence.
func (l *List) Len() int { return len(l.Elems) }

func joinRepr(vs []Value) string {
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(Repr(v))
	}
	return b.String()
}

// BuiltinFunc is the Go signature of a builtin function or method.
type BuiltinFunc func(th *Thread, args []Value, kwargs []Kwarg) (Value, error)

// Builtin is a function implemented in Go.
type Builtin struct {
	name  string
	fn    BuiltinFunc
	flags BuiltinFlags
}

// BuiltinFlags tell the VM what it may assume about a builtin, so that
// expressions such as a * np.exp(-x / tau) allocate one array, not three.
type BuiltinFlags uint8

const (
	// FreshResult: every object the builtin returns is new (a new array,
	// never an argument, a view or something stored), so an operator
	// consuming the result at once may update it in place.
	FreshResult BuiltinFlags = 1 << iota
	// InPlaceArgs: the builtin asks Thread.TempArg which arguments are
	// temporaries and may store its result in their storage.
	InPlaceArgs
	// BorrowsArgs: the builtin does not keep its args slice after it
	// returns (it may keep the values), so the VM hands it a window on its
	// stack instead of a copy: scalar math in a loop allocates nothing.
	BorrowsArgs
)

// NewBuiltin returns a builtin function value named name.
func NewBuiltin(name string, fn BuiltinFunc) Value {
	return MakeObj(&Builtin{name: name, fn: fn})
}

// NewBuiltinFlags returns a builtin function value with flags.
func NewBuiltinFlags(name string, flags BuiltinFlags, fn BuiltinFunc) Value {
	return MakeObj(&Builtin{name: name, fn: fn, flags: flags})
}

// Type implements Object.
func (b *Builtin) Type() string { return "builtin_function_or_method" }

// String implements Object.
func (b *Builtin) String() string { return "<built-in function " + b.name + ">" }

// Truth implements Object.
func (b *Builtin) Truth() (bool, error) { return true, nil }

// Name implements Callable.
func (b *Builtin) Name() string { return b.name }

// Call implements Callable.
func (b *Builtin) Call(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	th.tempArgs = 0 // called from Go: no argument is known to be a temporary
	return b.fn(th, args, kwargs)
}

// Module is a named collection of values (np, math, integrate, ...).
type Module struct {
	Name    string
	Members map[string]Value
}

// Type implements Object.
func (m *Module) Type() string { return "module" }

// String implements Object.
func (m *Module) String() string { return "<module '" + m.Name + "'>" }

// Truth implements Object.
func (m *Module) Truth() (bool, error) { return true, nil }

// Attr implements HasAttrs.
func (m *Module) Attr(name string) (Value, error) { return m.Members[name], nil }

// AttrNames implements HasAttrs.
func (m *Module) AttrNames() []string {
	names := make([]string, 0, len(m.Members))
	for k := range m.Members {
		names = append(names, k)
	}
	return names
}

// Error is an error raised by Go code called from a script, before the VM
// attaches a position and traceback.
type Error struct {
	Msg string
}

// Error implements error.
func (e *Error) Error() string { return e.Msg }

// Errorf returns an *Error with a formatted message.
func Errorf(format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...)}
}

// TypeName returns the user-facing type name of v.
func TypeName(v Value) string {
	switch v.kind {
	case NoneKind:
		return "NoneType"
	case BoolKind:
		return "bool"
	case IntKind:
		return "int"
	case FloatKind:
		return "float"
	case ObjKind:
		return v.obj.Type()
	}
	return "invalid"
}

// Repr returns the repr() form of v.
func Repr(v Value) string {
	switch v.kind {
	case NoneKind:
		return "None"
	case BoolKind:
		if v.bits != 0 {
			return "True"
		}
		return "False"
	case IntKind:
		return strconv.FormatInt(v.AsInt(), 10)
	case FloatKind:
		return FormatFloat(v.AsFloat())
	case ObjKind:
		return v.obj.String()
	}
	return "<invalid>"
}

// Str returns the str() form of v (the unquoted text of a str).
func Str(v Value) string {
	if v.kind == ObjKind {
		if s, ok := v.obj.(HasStr); ok {
			return s.Str()
		}
	}
	return Repr(v)
}

// FormatFloat formats f as Python's repr does: the shortest form that
// reads back exactly, always with a '.' or an exponent ("1.0", "0.1",
// "1e-05", "inf", "nan").
func FormatFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	abs := math.Abs(f)
	if abs != 0 && (abs < 1e-4 || abs >= 1e16) {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		// Python writes 1e-05, Go 1e-05 too; strip a '+' in the exponent.
		return strings.Replace(s, "e+", "e+", 1)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}
