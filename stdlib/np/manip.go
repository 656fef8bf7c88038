package np

import (
	"math"
	"sort"

	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

func seqFn(name string, defAxis int, f func(arrs []*array.Array, axis int) (*array.Array, error)) fn {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var seq, axis runtime.Value
		if err := runtime.UnpackArgs(name, args, kwargs, "arrays", &seq, "axis?", &axis); err != nil {
			return runtime.Value{}, err
		}
		arrs, err := toArrays(name, seq)
		if err != nil {
			return runtime.Value{}, err
		}
		if axis.IsNone() {
			for k, a := range arrs {
				arrs[k] = a.Ravel()
			}
			return retArr(f(arrs, 0))
		}
		ax, err := optInt(axis, defAxis)
		if err != nil {
			return runtime.Value{}, err
		}
		return retArr(f(arrs, ax))
	}
}

func atLeast(arrs []*array.Array, nd int) []*array.Array {
	out := make([]*array.Array, len(arrs))
	for k, a := range arrs {
		out[k] = a.AtLeast(nd)
	}
	return out
}

// arrayArg reads a first argument "a" plus the named optional values.
func arrayArg(name string, args []runtime.Value, kwargs []runtime.Kwarg, rest ...any) (*array.Array, error) {
	var x runtime.Value
	pairs := append([]any{"a", &x}, rest...)
	if err := runtime.UnpackArgs(name, args, kwargs, pairs...); err != nil {
		return nil, err
	}
	return toArray(x)
}

func init() {
	def("concatenate", seqFn("concatenate", 0, array.Concatenate))
	def("stack", seqFn("stack", 0, array.Stack))
	def("vstack", seqFn("vstack", 0, func(arrs []*array.Array, _ int) (*array.Array, error) {
		return array.Concatenate(atLeast(arrs, 2), 0)
	}))
	def("row_stack", members["vstack"])
	def("hstack", seqFn("hstack", 0, func(arrs []*array.Array, _ int) (*array.Array, error) {
		arrs = atLeast(arrs, 1)
		if arrs[0].NDim() == 1 {
			return array.Concatenate(arrs, 0)
		}
		return array.Concatenate(arrs, 1)
	}))
	def("column_stack", seqFn("column_stack", 0, func(arrs []*array.Array, _ int) (*array.Array, error) {
		cols := make([]*array.Array, len(arrs))
		for k, a := range arrs {
			if a.NDim() < 2 {
				r, err := a.Reshape([]int{a.Size(), 1})
				if err != nil {
					return nil, err
				}
				cols[k] = r
			} else {
				cols[k] = a
			}
		}
		return array.Concatenate(cols, 1)
	}))
	def("reshape", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var shape runtime.Value
		a, err := arrayArg("reshape", args, kwargs, "newshape", &shape)
		if err != nil {
			return runtime.Value{}, err
		}
		sh, err := array.ShapeArg([]runtime.Value{shape})
		if err != nil {
			return runtime.Value{}, err
		}
		return retArr(a.Reshape(sh))
	})
	def("transpose", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var axes runtime.Value
		a, err := arrayArg("transpose", args, kwargs, "axes?", &axes)
		if err != nil {
			return runtime.Value{}, err
		}
		var ax []int
		if axes.IsValid() && !axes.IsNone() {
			if ax, err = array.ShapeArg([]runtime.Value{axes}); err != nil {
				return runtime.Value{}, err
			}
		}
		return retArr(a.Transpose(ax))
	})
	def("swapaxes", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var i, j int
		a, err := arrayArg("swapaxes", args, kwargs, "axis1", &i, "axis2", &j)
		if err != nil {
			return runtime.Value{}, err
		}
		return retArr(a.SwapAxes(i, j))
	})
	def("expand_dims", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var ax int
		a, err := arrayArg("expand_dims", args, kwargs, "axis", &ax)
		if err != nil {
			return runtime.Value{}, err
		}
		return retArr(a.ExpandDims(ax))
	})
	def("squeeze", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var axis runtime.Value
		a, err := arrayArg("squeeze", args, kwargs, "axis?", &axis)
		if err != nil {
			return runtime.Value{}, err
		}
		axes, err := array.ParseAxes(axis, a.NDim())
		if err != nil {
			return runtime.Value{}, err
		}
		return retArr(a.Squeeze(axes))
	})
	def("ravel", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := arrayArg("ravel", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return array.Value(a.Ravel()), nil
	})
	def("atleast_1d", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := arrayArg("atleast_1d", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return array.Value(a.AtLeast(1)), nil
	})
	def("atleast_2d", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := arrayArg("atleast_2d", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return array.Value(a.AtLeast(2)), nil
	})
	def("shape", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := arrayArg("shape", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return a.Attr("shape")
	})
	def("size", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := arrayArg("size", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeInt(int64(a.Size())), nil
	})
	def("ndim", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := arrayArg("ndim", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeInt(int64(a.NDim())), nil
	})
	def("where", where)
	def("nonzero", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := arrayArg("nonzero", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return array.Nonzero(a), nil
	})
	def("flatnonzero", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := arrayArg("flatnonzero", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return array.Nonzero(a.Ravel()).Obj().(runtime.Tuple)[0], nil
	})
	def("argwhere", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := arrayArg("argwhere", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		t := array.Nonzero(a).Obj().(runtime.Tuple)
		cols := make([]*array.Array, len(t))
		for k, c := range t {
			cols[k] = c.Obj().(*array.Array)
		}
		return retArr(array.Stack(cols, 1))
	})
	def("diff", diff)
	def("unique", unique)
	def("roll", roll)
	def("tile", tile)
	def("repeat", repeat)
	array.AddMethod("repeat", repeat)
	def("flip", flipFn("flip", -1))
	def("fliplr", flipFn("fliplr", 1))
	def("flipud", flipFn("flipud", 0))
	def("searchsorted", searchsorted)
	def("histogram", histogram)
	def("bincount", bincount)
	def("sort", sortFn("sort", array.Sort))
	def("argsort", sortFn("argsort", array.Argsort))
	def("partition", partFn("partition", array.Partition))
	def("argpartition", partFn("argpartition", array.Argpartition))
}

func where(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var c, x, y runtime.Value
	if err := runtime.UnpackArgs("where", args, kwargs, "condition", &c, "x?", &x, "y?", &y); err != nil {
		return runtime.Value{}, err
	}
	cond, err := toArray(c)
	if err != nil {
		return runtime.Value{}, err
	}
	if !x.IsValid() && !y.IsValid() {
		return array.Nonzero(cond), nil
	}
	if !x.IsValid() || !y.IsValid() {
		return runtime.Value{}, runtime.Errorf("either both or neither of x and y should be given")
	}
	xa, err := toArray(x)
	if err != nil {
		return runtime.Value{}, err
	}
	ya, err := toArray(y)
	if err != nil {
		return runtime.Value{}, err
	}
	return ret(array.Where(cond, xa, ya))
}

func diff(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	n, axis := 1, -1
	a, err := arrayArg("diff", args, kwargs, "n?", &n, "axis?", &axis)
	if err != nil {
		return runtime.Value{}, err
	}
	if n < 0 {
		return runtime.Value{}, runtime.Errorf("order must be non-negative but got %d", n)
	}
	if a.NDim() == 0 {
		return runtime.Value{}, runtime.Errorf("diff requires input that is at least one dimensional")
	}
	ax, err := array.NormAxis(axis, a.NDim())
	if err != nil {
		return runtime.Value{}, err
	}
	for ; n > 0; n-- {
		m := a.Shape()[ax]
		if m == 0 {
			break
		}
		hi, _ := a.Get(sliceAlong(a.NDim(), ax, 1, m))
		lo, _ := a.Get(sliceAlong(a.NDim(), ax, 0, m-1))
		op := lang.Minus
		if a.DType() == array.Bool {
			op = lang.Ne
		}
		if a, err = array.BinaryOp(op, hi, lo); err != nil {
			return runtime.Value{}, err
		}
	}
	return array.Value(a), nil
}

func sliceAlong(nd, ax, lo, hi int) runtime.Value {
	key := make(runtime.Tuple, nd)
	for k := range key {
		key[k] = runtime.MakeObj(&runtime.Slice{Start: runtime.None, Stop: runtime.None, Step: runtime.None})
	}
	key[ax] = runtime.MakeObj(&runtime.Slice{Start: runtime.MakeInt(int64(lo)), Stop: runtime.MakeInt(int64(hi)), Step: runtime.None})
	return runtime.MakeObj(key)
}

func unique(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var retIndex, retInverse, retCounts bool
	a, err := arrayArg("unique", args, kwargs, "return_index?", &retIndex, "return_inverse?", &retInverse, "return_counts?", &retCounts)
	if err != nil {
		return runtime.Value{}, err
	}
	flat := a.Ravel()
	order, err := array.Argsort(flat, runtime.MakeInt(0))
	if err != nil {
		return runtime.Value{}, err
	}
	idx := order.Int64s()
	vals := flat.Float64s()
	same := func(x, y float64) bool { return x == y || (math.IsNaN(x) && math.IsNaN(y)) }
	var firsts, counts []int64
	inverse := make([]int64, len(idx))
	for k, i := range idx {
		if k == 0 || !same(vals[i], vals[idx[k-1]]) {
			firsts = append(firsts, i)
			counts = append(counts, 0)
		}
		counts[len(counts)-1]++
		inverse[i] = int64(len(firsts) - 1)
	}
	if firsts == nil {
		firsts, counts = []int64{}, []int64{}
	}
	u, err := flat.Get(array.Value(array.FromInts(firsts)))
	if err != nil {
		return runtime.Value{}, err
	}
	if !retIndex && !retInverse && !retCounts {
		return array.Value(u), nil
	}
	out := runtime.Tuple{array.Value(u)}
	if retIndex {
		out = append(out, array.Value(array.FromInts(firsts)))
	}
	if retInverse {
		out = append(out, array.Value(array.FromInts(inverse)))
	}
	if retCounts {
		out = append(out, array.Value(array.FromInts(counts)))
	}
	return runtime.MakeObj(out), nil
}

func roll(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var shift int
	var axis runtime.Value
	a, err := arrayArg("roll", args, kwargs, "shift", &shift, "axis?", &axis)
	if err != nil {
		return runtime.Value{}, err
	}
	src := a
	ax := 0
	if !axis.IsValid() || axis.IsNone() {
		src = a.Ravel()
	} else {
		i, _ := axis.ToInt()
		if ax, err = array.NormAxis(int(i), a.NDim()); err != nil {
			return runtime.Value{}, err
		}
	}
	n := src.Shape()[ax]
	if n == 0 {
		return array.Value(a.Copy()), nil
	}
	idx := make([]int64, n)
	for k := range idx {
		idx[k] = int64(((k-shift)%n + n) % n)
	}
	key := make(runtime.Tuple, src.NDim())
	for k := range key {
		key[k] = runtime.MakeObj(&runtime.Slice{Start: runtime.None, Stop: runtime.None, Step: runtime.None})
	}
	key[ax] = array.Value(array.FromInts(idx))
	r, err := src.Get(runtime.MakeObj(key))
	if err != nil {
		return runtime.Value{}, err
	}
	return retArr(r.Reshape(a.Shape()))
}

func tile(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var reps runtime.Value
	a, err := arrayArg("tile", args, kwargs, "reps", &reps)
	if err != nil {
		return runtime.Value{}, err
	}
	rs, err := array.ShapeArg([]runtime.Value{reps})
	if err != nil {
		return runtime.Value{}, err
	}
	nd := max(len(rs), a.NDim())
	for len(rs) < nd {
		rs = append([]int{1}, rs...)
	}
	for a.NDim() < nd {
		a, _ = a.ExpandDims(0)
	}
	r := a
	for ax, n := range rs {
		parts := make([]*array.Array, n)
		for k := range parts {
			parts[k] = r
		}
		if n == 0 {
			sh := r.Shape()
			sh[ax] = 0
			r = array.Zeros(r.DType(), sh, r.Dim())
			continue
		}
		if r, err = array.Concatenate(parts, ax); err != nil {
			return runtime.Value{}, err
		}
	}
	return array.Value(r.Copy()), nil
}

func repeat(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var reps, axis runtime.Value
	a, err := arrayArg("repeat", args, kwargs, "repeats", &reps, "axis?", &axis)
	if err != nil {
		return runtime.Value{}, err
	}
	src := a
	ax := 0
	if !axis.IsValid() || axis.IsNone() {
		src = a.Ravel()
	} else {
		i, _ := axis.ToInt()
		if ax, err = array.NormAxis(int(i), a.NDim()); err != nil {
			return runtime.Value{}, err
		}
	}
	n := src.Shape()[ax]
	ra, err := toArray(reps)
	if err != nil {
		return runtime.Value{}, err
	}
	counts := ra.Int64s()
	if len(counts) == 1 {
		c := counts[0]
		counts = make([]int64, n)
		for k := range counts {
			counts[k] = c
		}
	}
	if len(counts) != n {
		return runtime.Value{}, runtime.Errorf("operands could not be broadcast together with shape (%d,) (%d,)", n, len(counts))
	}
	var idx []int64
	for k, c := range counts {
		if c < 0 {
			return runtime.Value{}, runtime.Errorf("repeats may not contain negative values.")
		}
		for j := int64(0); j < c; j++ {
			idx = append(idx, int64(k))
		}
	}
	if idx == nil {
		idx = []int64{}
	}
	key := make(runtime.Tuple, src.NDim())
	for k := range key {
		key[k] = runtime.MakeObj(&runtime.Slice{Start: runtime.None, Stop: runtime.None, Step: runtime.None})
	}
	key[ax] = array.Value(array.FromInts(idx))
	return retArr(src.Get(runtime.MakeObj(key)))
}

func flipFn(name string, fixed int) fn {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var axis runtime.Value
		var a *array.Array
		var err error
		if fixed < 0 {
			a, err = arrayArg(name, args, kwargs, "axis?", &axis)
		} else {
			a, err = arrayArg(name, args, kwargs)
			axis = runtime.MakeInt(int64(fixed))
			if a != nil && a.NDim() <= fixed {
				return runtime.Value{}, runtime.Errorf("Input must be >= %d-d.", fixed+1)
			}
		}
		if err != nil {
			return runtime.Value{}, err
		}
		axes, err := array.ParseAxes(axis, a.NDim())
		if err != nil {
			return runtime.Value{}, err
		}
		key := make(runtime.Tuple, a.NDim())
		for k := range key {
			step := runtime.None
			flip := axes == nil
			for _, ax := range axes {
				flip = flip || ax == k
			}
			if flip {
				step = runtime.MakeInt(-1)
			}
			key[k] = runtime.MakeObj(&runtime.Slice{Start: runtime.None, Stop: runtime.None, Step: step})
		}
		return retArr(a.Get(runtime.MakeObj(key)))
	}
}

func searchsorted(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var v runtime.Value
	side := "left"
	a, err := arrayArg("searchsorted", args, kwargs, "v", &v, "side?", &side)
	if err != nil {
		return runtime.Value{}, err
	}
	va, err := toArray(v)
	if err != nil {
		return runtime.Value{}, err
	}
	if va.Dim() != a.Dim() {
		return runtime.Value{}, array.MismatchError("compare", a, va)
	}
	if side != "left" && side != "right" {
		return runtime.Value{}, runtime.Errorf("side must be 'left' or 'right' (got '%s')", side)
	}
	sorted := a.Float64s()
	q := va.Float64s()
	out := make([]int64, len(q))
	for k, x := range q {
		if side == "left" {
			out[k] = int64(sort.Search(len(sorted), func(i int) bool { return !(sorted[i] < x) }))
		} else {
			out[k] = int64(sort.Search(len(sorted), func(i int) bool { return sorted[i] > x }))
		}
	}
	return ret(array.FromInts(out, va.Shape()...), nil)
}

func histogram(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var bins, rng, weights runtime.Value
	var density bool
	a, err := arrayArg("histogram", args, kwargs, "bins?", &bins, "range?", &rng, "weights?", &weights, "density?", &density)
	if err != nil {
		return runtime.Value{}, err
	}
	vals := a.Float64s()
	var edges []float64
	if ba, ok := bins.Obj().(*array.Array); ok || bins.Obj() != nil {
		if !ok {
			if ba, err = toArray(bins); err != nil {
				return runtime.Value{}, err
			}
		}
		edges = append([]float64(nil), ba.Float64s()...)
	} else {
		nb, err := optInt(bins, 10)
		if err != nil {
			return runtime.Value{}, err
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		if rng.IsValid() && !rng.IsNone() {
			r, err := toArray(rng)
			if err != nil {
				return runtime.Value{}, err
			}
			rv := r.Float64s()
			if len(rv) != 2 {
				return runtime.Value{}, runtime.Errorf("range must be a pair (min, max)")
			}
			lo, hi = rv[0], rv[1]
		} else {
			for _, v := range vals {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
			if len(vals) == 0 {
				lo, hi = 0, 1
			}
		}
		if lo == hi {
			lo, hi = lo-0.5, hi+0.5
		}
		edges = make([]float64, nb+1)
		for k := range edges {
			edges[k] = lo + (hi-lo)*float64(k)/float64(nb)
		}
	}
	nb := len(edges) - 1
	var w []float64
	if weights.IsValid() && !weights.IsNone() {
		wa, err := toArray(weights)
		if err != nil {
			return runtime.Value{}, err
		}
		w = wa.Float64s()
	}
	counts := make([]float64, nb)
	for k, v := range vals {
		if v < edges[0] || v > edges[nb] || math.IsNaN(v) {
			continue
		}
		b := sort.Search(len(edges), func(i int) bool { return edges[i] > v }) - 1
		if b >= nb {
			b = nb - 1
		}
		if w != nil {
			counts[b] += w[k]
		} else {
			counts[b]++
		}
	}
	var hist *array.Array
	switch {
	case density:
		total := 0.0
		for _, c := range counts {
			total += c
		}
		for k := range counts {
			counts[k] /= total * (edges[k+1] - edges[k])
		}
		hist = array.FromFloats(counts)
	case w != nil:
		hist = array.FromFloats(counts)
	default:
		ic := make([]int64, nb)
		for k, c := range counts {
			ic[k] = int64(c)
		}
		hist = array.FromInts(ic)
	}
	return runtime.MakeTuple(array.Value(hist), array.Value(array.New([]int{len(edges)}, edges, a.Dim()))), nil
}

func bincount(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var weights runtime.Value
	minlength := 0
	a, err := arrayArg("bincount", args, kwargs, "weights?", &weights, "minlength?", &minlength)
	if err != nil {
		return runtime.Value{}, err
	}
	if a.DType() == array.Float {
		return runtime.Value{}, runtime.Errorf("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'")
	}
	xs := a.Int64s()
	n := minlength
	for _, x := range xs {
		if x < 0 {
			return runtime.Value{}, runtime.Errorf("'list' argument must have no negative elements")
		}
		n = max(n, int(x)+1)
	}
	if weights.IsValid() && !weights.IsNone() {
		wa, err := toArray(weights)
		if err != nil {
			return runtime.Value{}, err
		}
		w := wa.Float64s()
		out := make([]float64, n)
		for k, x := range xs {
			out[x] += w[k]
		}
		return array.Value(array.New([]int{n}, out, wa.Dim())), nil
	}
	out := make([]int64, n)
	for _, x := range xs {
		out[x]++
	}
	return array.Value(array.FromInts(out)), nil
}

func sortFn(name string, f func(*array.Array, runtime.Value) (*array.Array, error)) fn {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		axis := runtime.MakeInt(-1)
		var kind, order runtime.Value
		a, err := arrayArg(name, args, kwargs, "axis?", &axis, "kind?", &kind, "order?", &order)
		if err != nil {
			return runtime.Value{}, err
		}
		if a.NDim() == 0 && !axis.IsNone() {
			a = a.Ravel()
		}
		return retArr(f(a, axis))
	}
}

func partFn(name string, f func(*array.Array, []int, runtime.Value) (*array.Array, error)) fn {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		axis := runtime.MakeInt(-1)
		var kth, kind, order runtime.Value
		a, err := arrayArg(name, args, kwargs, "kth", &kth, "axis?", &axis, "kind?", &kind, "order?", &order)
		if err != nil {
			return runtime.Value{}, err
		}
		ks, err := array.ShapeArg([]runtime.Value{kth})
		if err != nil {
			return runtime.Value{}, err
		}
		return retArr(f(a, ks, axis))
	}
}
