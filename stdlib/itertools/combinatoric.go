package itertools

import "github.com/sim-lang/sim/runtime"

// product(*iterables, repeat=1) yields the Cartesian product as tuples,
// the last position advancing fastest.
func product(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	rep := int64(1)
	if err := runtime.UnpackArgs("product", nil, kwargs, "repeat?", &rep); err != nil {
		return Value{}, err
	}
	if rep < 0 {
		return Value{}, runtime.Errorf("repeat argument cannot be negative")
	}
	var pools [][]Value
	base := make([][]Value, len(args))
	for i, a := range args {
		elems, err := finite("product", a)
		if err != nil {
			return Value{}, err
		}
		base[i] = elems
	}
	for r := int64(0); r < rep; r++ {
		pools = append(pools, base...)
	}
	idx := make([]int, len(pools))
	started, done := false, false
	for _, p := range pools {
		if len(p) == 0 {
			done = true
		}
	}
	return newIter("product", func(p *Value) bool {
		if done {
			return false
		}
		if started {
			i := len(idx) - 1
			for ; i >= 0; i-- {
				idx[i]++
				if idx[i] < len(pools[i]) {
					break
				}
				idx[i] = 0
			}
			if i < 0 {
				done = true
				return false
			}
		}
		started = true
		t := make(runtime.Tuple, len(idx))
		for i, j := range idx {
			t[i] = pools[i][j]
		}
		*p = runtime.MakeObj(t)
		return true
	}), nil
}

// poolAndR reads the (iterable, r) arguments of the combinatoric
// functions; r is len(pool) when optional and not given or None.
func poolAndR(fn string, args []Value, kwargs []runtime.Kwarg, rOptional bool) ([]Value, int, error) {
	var it, rv Value
	rname := "r"
	if rOptional {
		rname = "r?"
	}
	if err := runtime.UnpackArgs(fn, args, kwargs, "iterable", &it, rname, &rv); err != nil {
		return nil, 0, err
	}
	pool, err := finite(fn, it)
	if err != nil {
		return nil, 0, err
	}
	if !rv.IsValid() || rv.IsNone() {
		if !rOptional {
			return nil, 0, runtime.Errorf("'NoneType' object cannot be interpreted as an integer")
		}
		return pool, len(pool), nil
	}
	r, ok := rv.ToInt()
	if !ok {
		return nil, 0, runtime.Errorf("'%s' object cannot be interpreted as an integer", runtime.TypeName(rv))
	}
	if r < 0 {
		return nil, 0, runtime.Errorf("r must be non-negative")
	}
	return pool, int(r), nil
}

// indexIter turns an index-advancing step into an iterator of tuples:
// first is the initial index vector (nil when there is none) and advance
// moves idx to the next one, reporting false when finished.
func indexIter(name string, pool []Value, first []int, advance func(idx []int) bool) Value {
	idx := first
	started := false
	return newIter(name, func(p *Value) bool {
		if idx == nil {
			return false
		}
		if started && !advance(idx) {
			idx = nil
			return false
		}
		started = true
		t := make(runtime.Tuple, len(idx))
		for i, j := range idx {
			t[i] = pool[j]
		}
		*p = runtime.MakeObj(t)
		return true
	})
}

// combinations(iterable, r) yields the r-length subsequences of iterable
// in lexicographic order of positions, without repeated positions.
func combinations(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	pool, r, err := poolAndR("combinations", args, kwargs, false)
	if err != nil {
		return Value{}, err
	}
	n := len(pool)
	var first []int
	if r <= n {
		first = make([]int, r)
		for i := range first {
			first[i] = i
		}
	}
	return indexIter("combinations", pool, first, func(idx []int) bool {
		i := r - 1
		for i >= 0 && idx[i] == i+n-r {
			i--
		}
		if i < 0 {
			return false
		}
		idx[i]++
		for j := i + 1; j < r; j++ {
			idx[j] = idx[j-1] + 1
		}
		return true
	}), nil
}

// combinationsWithReplacement(iterable, r) yields the r-length
// subsequences of iterable whose positions may repeat.
func combinationsWithReplacement(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	pool, r, err := poolAndR("combinations_with_replacement", args, kwargs, false)
	if err != nil {
		return Value{}, err
	}
	n := len(pool)
	var first []int
	if n > 0 || r == 0 {
		first = make([]int, r)
	}
	return indexIter("combinations_with_replacement", pool, first, func(idx []int) bool {
		i := r - 1
		for i >= 0 && idx[i] == n-1 {
			i--
		}
		if i < 0 {
			return false
		}
		v := idx[i] + 1
		for j := i; j < r; j++ {
			idx[j] = v
		}
		return true
	}), nil
}

// permutations(iterable, r=None) yields the r-length orderings of
// iterable's positions, in lexicographic order of positions.
func permutations(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	pool, r, err := poolAndR("permutations", args, kwargs, true)
	if err != nil {
		return Value{}, err
	}
	n := len(pool)
	var first []int
	if r <= n {
		first = make([]int, r)
		for i := range first {
			first[i] = i
		}
	}
	used := make([]bool, n)
	for _, j := range first {
		used[j] = true
	}
	return indexIter("permutations", pool, first, func(idx []int) bool {
		// Walk back from the last position, looking for one that can move
		// to a larger unused index; then fill the rest with the smallest.
		for i := r - 1; i >= 0; i-- {
			used[idx[i]] = false
			for v := idx[i] + 1; v < n; v++ {
				if !used[v] {
					idx[i] = v
					used[v] = true
					fill := 0
					for j := i + 1; j < r; j++ {
						for used[fill] {
							fill++
						}
						idx[j] = fill
						used[fill] = true
					}
					return true
				}
			}
		}
		return false
	}), nil
}
