package runtime

import (
	"strings"

	"github.com/sim-lang/sim/compiler"
)

// callArgs returns how many stack slots a CALL's arguments take.
func callArgs(arg int) int {
	n := arg&0xff + (arg>>8)&0xff
	if arg&compiler.CallStar != 0 {
		n++
	}
	if arg&compiler.CallKwStar != 0 {
		n++
	}
	return n
}

// callSlow performs a call that the inline path does not handle: keyword
// arguments, *args/**kwargs, builtins and other callables. For a script
// function it binds the arguments and pushes its frame (returned); for
// anything else it calls out and returns the result.
func (m *machine) callSlow(th *Thread, arg int, names []string, fslot int) (*frame, Value, error) {
	s := m.stack
	fnv := s[fslot]
	npos, nkw := arg&0xff, (arg>>8)&0xff
	if b, ok := fnv.obj.(*Builtin); ok && b.flags&BorrowsArgs != 0 && arg&^0xff&compiler.CallShapeMask == 0 {
		// Positional arguments only: the builtin reads them where they
		// are. Calls it makes back into scripts run above m.top, so the
		// window stays intact; its capacity ends at the window, so an
		// append copies.
		v, err := m.callBuiltin(th, b, arg, s[fslot+1:fslot+1+npos:fslot+1+npos], nil)
		return nil, v, err
	}
	i := fslot + 1
	args := make([]Value, npos, npos+4)
	copy(args, s[i:i+npos])
	i += npos
	var kwargs []Kwarg
	if nkw > 0 || arg&compiler.CallKwStar != 0 {
		kwargs = make([]Kwarg, nkw, nkw+4)
		for k := 0; k < nkw; k++ {
			kwargs[k] = Kwarg{Name: names[k], Value: s[i+k]}
		}
	}
	i += nkw
	if arg&compiler.CallStar != 0 {
		extra, err := ToSlice(s[i])
		if err != nil {
			return nil, Value{}, Errorf("%s argument after * must be an iterable, not %s", callName(fnv), TypeName(s[i]))
		}
		args = append(args, extra...)
		i++
	}
	if arg&compiler.CallKwStar != 0 {
		d, ok := s[i].obj.(*Dict)
		if !ok {
			return nil, Value{}, Errorf("%s argument after ** must be a dict, not %s", callName(fnv), TypeName(s[i]))
		}
		for _, it := range d.Items() {
			k, ok := AsString(it[0])
			if !ok {
				return nil, Value{}, Errorf("%s keywords must be strings", callName(fnv))
			}
			for _, kw := range kwargs {
				if kw.Name == k {
					return nil, Value{}, Errorf("%s got multiple values for keyword argument '%s'", callName(fnv), k)
				}
			}
			kwargs = append(kwargs, Kwarg{Name: k, Value: it[1]})
		}
	}
	switch f := fnv.obj.(type) {
	case *Function:
		fc := f.code
		bp := fslot + 1
		m.ensure(bp + len(fc.Locals) + fc.MaxStack)
		s = m.stack
		if err := bindArgs(f, s, bp, args, kwargs); err != nil {
			return nil, Value{}, err
		}
		initCells(s, bp, fc)
		nf, err := m.push(f, bp, false)
		return nf, Value{}, err
	case *Builtin:
		v, err := m.callBuiltin(th, f, arg, args, kwargs)
		return nil, v, err
	case Callable:
		v, err := f.Call(th, args, kwargs)
		if err == nil && !v.IsValid() {
			v = None
		}
		return nil, v, err
	}
	return nil, Value{}, Errorf("'%s' object is not callable", TypeName(fnv))
}

// callBuiltin calls a builtin for a CALL instruction with argument arg,
// telling it which arguments are temporaries and marking a fresh result.
func (m *machine) callBuiltin(th *Thread, f *Builtin, arg int, args []Value, kwargs []Kwarg) (Value, error) {
	th.tempArgs = 0
	if f.flags&InPlaceArgs != 0 && arg&callStarMask == 0 {
		th.tempArgs = uint8(arg / compiler.CallTempArg0 & (1<<compiler.CallTempArgs - 1))
	}
	v, err := f.fn(th, args, kwargs)
	th.tempArgs = 0
	if err != nil {
		return Value{}, err
	}
	if !v.IsValid() {
		return None, nil
	}
	if arg&compiler.CallFresh != 0 && f.flags&FreshResult != 0 && v.kind == ObjKind {
		v.bits = freshMark
	}
	return v, nil
}

// callStarMask covers the CALL bits for *args and **kwargs.
const callStarMask = compiler.CallStar | compiler.CallKwStar

// freshMark, in the otherwise unused bits of an object Value, marks the
// result of a FreshResult builtin called with the CallFresh hint. Only the
// arithmetic instruction consuming it sees the mark, and it clears it.
const freshMark = 1

// takeFresh reports whether v carries the fresh mark and clears it.
func takeFresh(v *Value) bool {
	if v.kind == ObjKind && v.bits == freshMark {
		v.bits = 0
		return true
	}
	return false
}

// callName names a callee in argument errors: "f()".
func callName(v Value) string {
	if c, ok := v.obj.(Callable); ok {
		return c.Name() + "()"
	}
	return TypeName(v) + " object"
}

// unpack replaces the sequence at s[sp-1] by its n elements, the first on
// top.
func unpack(s []Value, sp, n int) error {
	x := s[sp-1]
	var elems []Value
	switch o := x.obj.(type) {
	case Tuple:
		elems = o
	case *List:
		elems = o.Elems
	default:
		it, err := Iterate(x)
		if err != nil {
			return Errorf("cannot unpack non-iterable %s object", TypeName(x))
		}
		// Gather into a buffer on the Go stack: unpacking a small array
		// (x, y, z = state) must not allocate per element.
		var buf [8]Value
		elems = buf[:0]
		var v Value
		for len(elems) <= n && it.Next(&v) {
			elems = append(elems, v)
		}
	}
	if len(elems) > n {
		return Errorf("too many values to unpack (expected %d)", n)
	}
	if len(elems) < n {
		return Errorf("not enough values to unpack (expected %d, got %d)", n, len(elems))
	}
	base := sp - 1
	for i, e := range elems {
		s[base+n-1-i] = e
	}
	return nil
}

// formatField formats one f-string replacement field.
func formatField(v Value, arg uint32, prog *compiler.Program) (Value, error) {
	switch arg & 0xff {
	case 'r', 'a':
		v = MakeStr(Repr(v))
	case 's':
		v = MakeStr(Str(v))
	}
	if k := arg >> 8; k > 0 {
		out, err := FormatSpec(v, prog.Consts[k-1].(string))
		if err != nil {
			return Value{}, err
		}
		return MakeStr(out), nil
	}
	if _, ok := v.obj.(String); ok {
		return v, nil
	}
	return MakeStr(Str(v)), nil
}

// concatStrings joins the str values of an f-string.
func concatStrings(parts []Value) Value {
	if len(parts) == 1 {
		return parts[0]
	}
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(string(p.obj.(String)))
	}
	return MakeStr(b.String())
}
