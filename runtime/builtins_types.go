package runtime

import "sync"

// Type is a type object: what type(x) returns and what isinstance takes.
// The built-in conversion functions int, float, str, bool, list, tuple
// and dict are Types that can be called.
type Type struct {
	name string
	call BuiltinFunc
}

// Name returns the type name ("int", "list", "ndarray"); implements
// Callable.
func (t *Type) Name() string { return t.name }

// Type implements Object.
func (t *Type) Type() string { return "type" }

// String implements Object: <class 'int'>.
func (t *Type) String() string { return "<class '" + t.name + "'>" }

// Truth implements Object.
func (t *Type) Truth() (bool, error) { return true, nil }

// Call implements Callable: int("3"), list(range(3)), ...
func (t *Type) Call(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if t.call == nil {
		return Value{}, Errorf("cannot create '%s' instances", t.name)
	}
	return t.call(th, args, kwargs)
}

var (
	typesMu sync.Mutex
	types   = map[string]*Type{}
)

// TypeNamed returns the type object called name (one per name, so that
// type(x) is type(y) when both are lists).
func TypeNamed(name string) *Type {
	typesMu.Lock()
	defer typesMu.Unlock()
	t := types[name]
	if t == nil {
		t = &Type{name: name}
		types[name] = t
	}
	return t
}

// defineType makes a callable type object and predeclares it.
func defineType(name string, call BuiltinFunc) {
	t := TypeNamed(name)
	t.call = call
	Predeclare(name, MakeObj(t))
}

// TypeOf returns the type object of v.
func TypeOf(v Value) *Type { return TypeNamed(TypeName(v)) }

// IsInstance reports whether v is an instance of the type t (a bool is an
// int, as in Python).
func IsInstance(v Value, t *Type) bool {
	name := TypeName(v)
	return name == t.name || (t.name == "int" && v.kind == BoolKind) || t.name == "object"
}
