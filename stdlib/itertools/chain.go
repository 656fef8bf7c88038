package itertools

import "github.com/sim-lang/sim/runtime"

// chainType is the `chain` member: callable like a function, with the
// class method chain.from_iterable as an attribute.
type chainType struct {
	call, from Value
}

// Type implements runtime.Object.
func (c *chainType) Type() string { return "type" }

// String implements runtime.Object.
func (c *chainType) String() string { return "<class 'itertools.chain'>" }

// Truth implements runtime.Object.
func (c *chainType) Truth() (bool, error) { return true, nil }

// Name implements runtime.Callable.
func (c *chainType) Name() string { return "chain" }

// Call implements runtime.Callable.
func (c *chainType) Call(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	return runtime.Call(th, c.call, args, kwargs)
}

// Attr implements runtime.HasAttrs.
func (c *chainType) Attr(name string) (Value, error) {
	if name == "from_iterable" {
		return c.from, nil
	}
	return Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (c *chainType) AttrNames() []string { return []string{"from_iterable"} }

// chain(*iterables) yields the elements of each iterable in turn.
func chain(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	if len(kwargs) > 0 {
		return Value{}, runtime.Errorf("chain() takes no keyword arguments")
	}
	return chainOf("chain", args)
}

// chainFromIterable(iterable) chains the iterables that iterable yields.
// A finite outer iterable is read at once so that a non-iterable element
// is reported at the call.
func chainFromIterable(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	var outer Value
	if err := runtime.UnpackArgs("from_iterable", args, kwargs, "iterable", &outer); err != nil {
		return Value{}, err
	}
	if !isInfinite(outer) {
		elems, err := runtime.ToSlice(outer)
		if err != nil {
			return Value{}, err
		}
		return chainOf("chain", elems)
	}
	src, _ := runtime.Iterate(outer)
	var cur runtime.Iterator
	return newInfinite("chain", func(p *Value) bool {
		for {
			if cur != nil && cur.Next(p) {
				return true
			}
			var x Value
			if !src.Next(&x) {
				return false
			}
			// A non-iterable element ends the chain: Next cannot raise.
			it, err := runtime.Iterate(x)
			if err != nil {
				return false
			}
			cur = it
		}
	}), nil
}

// chainOf chains the iterables in srcs, taking their iterators now.
func chainOf(name string, srcs []Value) (Value, error) {
	its := make([]runtime.Iterator, len(srcs))
	infinite := false
	for i, s := range srcs {
		it, err := runtime.Iterate(s)
		if err != nil {
			return Value{}, err
		}
		its[i] = it
		infinite = infinite || isInfinite(s)
	}
	k := 0
	next := func(p *Value) bool {
		for k < len(its) {
			if its[k].Next(p) {
				return true
			}
			k++
		}
		return false
	}
	return runtime.MakeObj(&iterObj{name: name, next: next, infinite: infinite}), nil
}
