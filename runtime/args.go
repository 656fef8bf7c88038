package runtime

import (
	"github.com/sim-lang/sim/internal/suggest"
	"strings"
)

// UnpackArgs binds the positional and keyword arguments of a call to Go
// variables, in the style of Starlark's UnpackArgs. pairs alternates a
// parameter name and a pointer: "x", &x, "axis?", &axis. A name ending in
// '?' is optional; all later ones are too. Supported pointer types:
// *Value, *int, *int64, *float64, *bool, *string. A *Value left unset keeps
// its zero (invalid) Value, so callers can tell "not given" from None.
// Errors name the function and the parameter.
func UnpackArgs(fn string, args []Value, kwargs []Kwarg, pairs ...any) error {
	n := len(pairs) / 2
	names := make([]string, n)
	required := 0
	optional := false
	for i := 0; i < n; i++ {
		name := pairs[2*i].(string)
		if strings.HasSuffix(name, "?") {
			name = name[:len(name)-1]
			optional = true
		}
		if !optional {
			required++
		}
		names[i] = name
	}
	if len(args) > n {
		return Errorf("%s() takes at most %d positional arguments (%d given)", fn, n, len(args))
	}
	set := make([]bool, n)
	for i, a := range args {
		if err := unpackOne(fn, names[i], a, pairs[2*i+1]); err != nil {
			return err
		}
		set[i] = true
	}
	for _, kw := range kwargs {
		idx := -1
		for i, name := range names {
			if name == kw.Name {
				idx = i
				break
			}
		}
		if idx < 0 {
			return Errorf("%s() got an unexpected keyword argument '%s'%s", fn, kw.Name, Suggest(kw.Name, names))
		}
		if set[idx] {
			return Errorf("%s() got multiple values for argument '%s'", fn, kw.Name)
		}
		if err := unpackOne(fn, kw.Name, kw.Value, pairs[2*idx+1]); err != nil {
			return err
		}
		set[idx] = true
	}
	for i := 0; i < required; i++ {
		if !set[i] {
			return Errorf("%s() missing required argument '%s'", fn, names[i])
		}
	}
	return nil
}

func unpackOne(fn, name string, v Value, ptr any) error {
	bad := func(want string) error {
		return Errorf("%s() argument '%s' must be %s, not %s", fn, name, want, TypeName(v))
	}
	switch p := ptr.(type) {
	case *Value:
		*p = v
	case *float64:
		f, ok := v.ToFloat()
		if !ok {
			return bad("a number")
		}
		*p = f
	case *int:
		i, ok := v.ToInt()
		if !ok {
			return bad("an int")
		}
		*p = int(i)
	case *int64:
		i, ok := v.ToInt()
		if !ok {
			return bad("an int")
		}
		*p = i
	case *bool:
		if v.kind != BoolKind {
			return bad("a bool")
		}
		*p = v.AsBool()
	case *string:
		s, ok := AsString(v)
		if !ok {
			return bad("a str")
		}
		*p = s
	default:
		panic("UnpackArgs: unsupported pointer type")
	}
	return nil
}

// Suggest returns ` (did you mean 'x'?)` naming the candidate closest to
// name (see internal/suggest), or "" when none is close.
func Suggest(name string, candidates []string) string {
	if best := suggest.Closest(name, candidates); best != "" {
		return " (did you mean '" + best + "'?)"
	}
	return ""
}
