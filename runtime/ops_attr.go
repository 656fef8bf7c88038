package runtime

import "sort"

// method is a built-in method of str, list, tuple or dict: recv is the
// object it is bound to.
type method func(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error)

// methodTables maps a built-in type name to its methods; filled by the
// init functions of methods_*.go.
var methodTables = map[string]map[string]method{}

// registerMethods adds methods of the built-in type typ.
func registerMethods(typ string, ms map[string]method) {
	t := methodTables[typ]
	if t == nil {
		t = map[string]method{}
		methodTables[typ] = t
	}
	for k, m := range ms {
		t[k] = m
	}
}

// attrNames returns the sorted keys of a method table.
func attrNames(ms map[string]method) []string {
	names := make([]string, 0, len(ms))
	for k := range ms {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// GetAttr returns x.name: a bound method of a str, list, tuple or dict,
// an attribute of a HasAttrs object, or an error suggesting a near name.
func GetAttr(x Value, name string) (Value, error) {
	if o, ok := x.obj.(HasAttrs); ok {
		v, err := o.Attr(name)
		if err != nil || v.IsValid() {
			return v, err
		}
		if m, ok := o.(*Module); ok {
			return Value{}, Errorf("module '%s' has no attribute '%s'%s", m.Name, name, Suggest(name, o.AttrNames()))
		}
		return Value{}, Errorf("'%s' object has no attribute '%s'%s", TypeName(x), name, Suggest(name, o.AttrNames()))
	}
	var candidates []string
	switch o := x.obj.(type) {
	case *Range:
		switch name {
		case "start":
			return MakeInt(o.Start), nil
		case "stop":
			return MakeInt(o.Stop), nil
		case "step":
			return MakeInt(o.Step), nil
		}
		candidates = []string{"start", "stop", "step"}
	case *Type:
		if name == "__name__" {
			return MakeStr(o.Name()), nil
		}
	}
	if ms := methodTables[TypeName(x)]; ms != nil {
		if m, ok := ms[name]; ok {
			recv := x
			return NewBuiltin(name, func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
				return m(th, recv, args, kwargs)
			}), nil
		}
		candidates = attrNames(ms)
	}
	return Value{}, Errorf("'%s' object has no attribute '%s'%s", TypeName(x), name, Suggest(name, candidates))
}

// AttrNamesOf lists x's attribute names, sorted: a HasAttrs object's, or
// the methods of a str, list, tuple or dict (dir(x)).
func AttrNamesOf(x Value) []string {
	var names []string
	if o, ok := x.obj.(HasAttrs); ok {
		names = append(names, o.AttrNames()...)
	} else if ms := methodTables[TypeName(x)]; ms != nil {
		names = attrNames(ms)
	}
	sort.Strings(names)
	return names
}

// HasAttr reports whether x.name exists.
func HasAttr(x Value, name string) bool {
	_, err := GetAttr(x, name)
	return err == nil
}

// SetAttr performs x.name = v on an object implementing HasSetAttr.
func SetAttr(x Value, name string, v Value) error {
	if o, ok := x.obj.(HasSetAttr); ok {
		return o.SetAttr(name, v)
	}
	if ms := methodTables[TypeName(x)]; ms != nil {
		if _, ok := ms[name]; ok {
			return Errorf("'%s' object attribute '%s' is read-only", TypeName(x), name)
		}
	}
	return Errorf("'%s' object has no attribute '%s'", TypeName(x), name)
}
