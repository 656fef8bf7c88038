package runtime

// Call calls fn (a script function, builtin or any Callable) with
// positional and keyword arguments. Placeholder until the VM lands.
func Call(th *Thread, fn Value, args []Value, kwargs []Kwarg) (Value, error) {
	if c, ok := fn.Obj().(Callable); ok {
		return c.Call(th, args, kwargs)
	}
	return Value{}, Errorf("'%s' object is not callable", TypeName(fn))
}
