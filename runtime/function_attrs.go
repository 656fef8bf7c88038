package runtime

import "sort"

// Attr implements HasAttrs: __name__ and attributes set by scripts, as
// Python functions carry (SciPy reads event.terminal and
// event.direction this way).
func (f *Function) Attr(name string) (Value, error) {
	if name == "__name__" {
		return MakeStr(f.code.Name), nil
	}
	return f.attrs[name], nil
}

// AttrNames implements HasAttrs.
func (f *Function) AttrNames() []string {
	names := []string{"__name__"}
	for k := range f.attrs {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// SetAttr implements HasSetAttr: f.name = v.
func (f *Function) SetAttr(name string, v Value) error {
	if name == "__name__" {
		return Errorf("function attribute '__name__' is read-only")
	}
	if f.attrs == nil {
		f.attrs = map[string]Value{}
	}
	f.attrs[name] = v
	return nil
}
