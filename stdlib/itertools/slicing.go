package itertools

import "github.com/sim-lang/sim/runtime"

// islice(iterable, stop) or islice(iterable, start, stop[, step]) yields
// the selected elements lazily, like seq[start:stop:step] without
// negative values.
func islice(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	if len(kwargs) > 0 {
		return Value{}, runtime.Errorf("islice() takes no keyword arguments")
	}
	if len(args) < 2 || len(args) > 4 {
		return Value{}, runtime.Errorf("islice expected at most 4 arguments, got %d", len(args))
	}
	src, err := runtime.Iterate(args[0])
	if err != nil {
		return Value{}, err
	}
	start, stop, step := int64(0), int64(-1), int64(1)
	bound := func(v Value, msg string) (int64, error) {
		if v.IsNone() {
			return -1, nil
		}
		n, ok := v.ToInt()
		if !ok || n < 0 {
			return 0, runtime.Errorf("%s", msg)
		}
		return n, nil
	}
	const stopMsg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
	const idxMsg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
	if len(args) == 2 {
		if stop, err = bound(args[1], stopMsg); err != nil {
			return Value{}, err
		}
	} else {
		if start, err = bound(args[1], idxMsg); err != nil {
			return Value{}, err
		}
		if stop, err = bound(args[2], idxMsg); err != nil {
			return Value{}, err
		}
		if start < 0 {
			start = 0
		}
		if len(args) == 4 && !args[3].IsNone() {
			s, ok := args[3].ToInt()
			if !ok || s <= 0 {
				return Value{}, runtime.Errorf("Step for islice() must be a positive integer or None.")
			}
			step = s
		}
	}
	pos := int64(0) // index of the next element of src
	want := start   // index of the next element to yield
	infinite := stop < 0 && isInfinite(args[0])
	next := func(p *Value) bool {
		if stop >= 0 && want >= stop {
			return false
		}
		var x Value
		for pos <= want {
			if !src.Next(&x) {
				stop = 0
				return false
			}
			pos++
		}
		*p = x
		want += step
		return true
	}
	return runtime.MakeObj(&iterObj{name: "islice", next: next, infinite: infinite}), nil
}

// zipLongest(*iterables, fillvalue=None) yields tuples until the longest
// iterable is exhausted, filling the others with fillvalue.
func zipLongest(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	fill := runtime.None
	if err := runtime.UnpackArgs("zip_longest", nil, kwargs, "fillvalue?", &fill); err != nil {
		return Value{}, err
	}
	its := make([]runtime.Iterator, len(args))
	infinite := false
	for i, a := range args {
		it, err := runtime.Iterate(a)
		if err != nil {
			return Value{}, err
		}
		its[i] = it
		infinite = infinite || isInfinite(a)
	}
	active := len(its)
	next := func(p *Value) bool {
		if active == 0 {
			return false
		}
		t := make(runtime.Tuple, len(its))
		for i, it := range its {
			if it != nil && it.Next(&t[i]) {
				continue
			}
			if it != nil {
				its[i] = nil
				active--
			}
			t[i] = fill
		}
		if active == 0 {
			return false
		}
		*p = runtime.MakeObj(t)
		return true
	}
	return runtime.MakeObj(&iterObj{name: "zip_longest", next: next, infinite: infinite}), nil
}

// pairwise(iterable) yields the overlapping pairs (s0, s1), (s1, s2), ...
func pairwise(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	var v Value
	if err := runtime.UnpackArgs("pairwise", args, kwargs, "iterable", &v); err != nil {
		return Value{}, err
	}
	src, err := runtime.Iterate(v)
	if err != nil {
		return Value{}, err
	}
	var prev Value
	started := false
	next := func(p *Value) bool {
		if !started {
			started = true
			if !src.Next(&prev) {
				return false
			}
		}
		var x Value
		if !src.Next(&x) {
			return false
		}
		*p = runtime.MakeTuple(prev, x)
		prev = x
		return true
	}
	return runtime.MakeObj(&iterObj{name: "pairwise", next: next, infinite: isInfinite(v)}), nil
}
