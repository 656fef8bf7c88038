package itertools

import (
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
)

// count(start=0, step=1) yields start, start+step, start+2*step, ...
// forever. Quantities work too: count(0*ms, 0.1*ms).
func count(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	start, step := runtime.MakeInt(0), runtime.MakeInt(1)
	if err := runtime.UnpackArgs("count", args, kwargs, "start?", &start, "step?", &step); err != nil {
		return Value{}, err
	}
	for _, v := range []Value{start, step} {
		if _, ok := v.ToFloat(); ok {
			continue
		}
		if _, ok := v.Obj().(runtime.Quantity); !ok {
			return Value{}, runtime.Errorf("a number is required")
		}
	}
	// Adding once here reports mismatched units at the call.
	if _, err := runtime.Binary(lang.Plus, start, step); err != nil {
		return Value{}, err
	}
	cur := start
	return newInfinite("count", func(p *Value) bool {
		*p = cur
		cur, _ = runtime.Binary(lang.Plus, cur, step)
		return true
	}), nil
}

// cycle(iterable) yields the elements of iterable, then repeats them
// forever (nothing when it is empty).
func cycle(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	var v Value
	if err := runtime.UnpackArgs("cycle", args, kwargs, "iterable", &v); err != nil {
		return Value{}, err
	}
	src, err := runtime.Iterate(v)
	if err != nil {
		return Value{}, err
	}
	var saved []Value
	i := 0
	return newInfinite("cycle", func(p *Value) bool {
		if src != nil {
			if src.Next(p) {
				saved = append(saved, *p)
				return true
			}
			src = nil
		}
		if len(saved) == 0 {
			return false
		}
		*p = saved[i%len(saved)]
		i++
		return true
	}), nil
}

// repeat(object, times=None) yields object times times, or forever when
// times is not given.
func repeat(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	var obj, times Value
	if err := runtime.UnpackArgs("repeat", args, kwargs, "object", &obj, "times?", &times); err != nil {
		return Value{}, err
	}
	if !times.IsValid() {
		return newInfinite("repeat", func(p *Value) bool {
			*p = obj
			return true
		}), nil
	}
	n, ok := times.ToInt()
	if !ok {
		return Value{}, runtime.Errorf("'%s' object cannot be interpreted as an integer", runtime.TypeName(times))
	}
	return newIter("repeat", func(p *Value) bool {
		if n <= 0 {
			return false
		}
		n--
		*p = obj
		return true
	}), nil
}
