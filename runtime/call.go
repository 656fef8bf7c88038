package runtime

import (
	"strings"
)

// Call calls fn (a script function, builtin or any Callable) with
// positional and keyword arguments. Calling a script function from Go
// reuses the thread's value stack and frames, so repeated calls (an ODE
// right-hand side, a cost function) allocate nothing per call beyond
// what the function itself does. Callables must not retain args.
func Call(th *Thread, fn Value, args []Value, kwargs []Kwarg) (Value, error) {
	switch f := fn.obj.(type) {
	case *Function:
		return callFunction(th, f, args, kwargs)
	case Callable:
		return f.Call(th, args, kwargs)
	}
	return Value{}, Errorf("'%s' object is not callable", TypeName(fn))
}

// callFunction runs a script function called from Go.
func callFunction(th *Thread, fn *Function, args []Value, kwargs []Kwarg) (Value, error) {
	m := machineOf(th)
	bp := m.top
	fc := fn.code
	m.ensure(bp + len(fc.Locals) + fc.MaxStack)
	s := m.stack
	if fn.inline && len(kwargs) == 0 && len(args) >= fn.minPos && len(args) <= fc.NumPos {
		n := copy(s[bp:], args)
		for i := n; i < fc.NumPos; i++ {
			s[bp+i] = fn.defaults[i]
		}
		clear(s[bp+fc.NumPos : bp+len(fc.Locals)])
	} else if err := bindArgs(fn, s, bp, args, kwargs); err != nil {
		return Value{}, err
	}
	initCells(s, bp, fc)
	if _, err := m.push(fn, bp, true); err != nil {
		return Value{}, err
	}
	return m.run(th)
}

// bindArgs binds a call's arguments to the parameters of fn, writing the
// locals window s[bp:]. args and kwargs must not overlap that window.
func bindArgs(fn *Function, s []Value, bp int, args []Value, kwargs []Kwarg) error {
	fc := fn.code
	locals := s[bp : bp+len(fc.Locals)]
	clear(locals)
	np, nparams := fc.NumPos, fc.NumPos+fc.NumKwonly
	n := len(args)
	if n > np {
		if !fc.HasVarargs {
			return tooManyPositional(fn, n)
		}
		locals[nparams] = MakeObj(append(Tuple(nil), args[np:]...))
		n = np
	} else if fc.HasVarargs {
		locals[nparams] = MakeObj(Tuple{})
	}
	copy(locals, args[:n])
	var kwdict *Dict
	if fc.HasKwargs {
		kwdict = NewDict()
		slot := nparams
		if fc.HasVarargs {
			slot++
		}
		locals[slot] = MakeObj(kwdict)
	}
	names := fc.Params[:nparams]
kwloop:
	for _, kw := range kwargs {
		for i, p := range names {
			if p == kw.Name {
				if locals[i].IsValid() {
					return Errorf("%s() got multiple values for argument '%s'", fc.Name, kw.Name)
				}
				locals[i] = kw.Value
				continue kwloop
			}
		}
		if kwdict == nil {
			return Errorf("%s() got an unexpected keyword argument '%s'%s", fc.Name, kw.Name, Suggest(kw.Name, names))
		}
		if _, dup, _ := kwdict.Get(MakeStr(kw.Name)); dup {
			return Errorf("%s() got multiple values for keyword argument '%s'", fc.Name, kw.Name)
		}
		if err := kwdict.Set(MakeStr(kw.Name), kw.Value); err != nil {
			return err
		}
	}
	var missing []string
	for i := 0; i < nparams; i++ {
		if locals[i].IsValid() {
			continue
		}
		if fn.defaults != nil && fn.defaults[i].IsValid() {
			locals[i] = fn.defaults[i]
			continue
		}
		if i == np && len(missing) > 0 {
			break
		}
		missing = append(missing, names[i])
	}
	if len(missing) > 0 {
		kind := "positional"
		for i, p := range names {
			if p == missing[0] && i >= np {
				kind = "keyword-only"
			}
		}
		s := ""
		if len(missing) > 1 {
			s = "s"
		}
		return Errorf("%s() missing %d required %s argument%s: %s", fc.Name, len(missing), kind, s, quoteList(missing))
	}
	return nil
}

func tooManyPositional(fn *Function, given int) error {
	fc := fn.code
	takes := ""
	if fn.minPos < fc.NumPos {
		takes = "from " + itoa(fn.minPos) + " to " + itoa(fc.NumPos) + " positional arguments"
	} else if fc.NumPos == 1 {
		takes = "1 positional argument"
	} else {
		takes = itoa(fc.NumPos) + " positional arguments"
	}
	were := "were"
	if given == 1 {
		were = "was"
	}
	return Errorf("%s() takes %s but %d %s given", fc.Name, takes, given, were)
}

// quoteList writes 'a', 'a' and 'b', or 'a', 'b', and 'c'.
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + n + "'"
	}
	switch len(q) {
	case 1:
		return q[0]
	case 2:
		return q[0] + " and " + q[1]
	}
	return strings.Join(q[:len(q)-1], ", ") + ", and " + q[len(q)-1]
}

func itoa(i int) string { return Repr(MakeInt(int64(i))) }
