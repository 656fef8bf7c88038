package np

import (
	"math"

	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

func reduceFn(name, op string) fn {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var axis runtime.Value
		keep, ddof := false, 0
		var a *array.Array
		var err error
		if op == "std" || op == "var" {
			a, err = arrayArg(name, args, kwargs, "axis?", &axis, "ddof?", &ddof, "keepdims?", &keep)
		} else {
			a, err = arrayArg(name, args, kwargs, "axis?", &axis, "keepdims?", &keep)
		}
		if err != nil {
			return runtime.Value{}, err
		}
		return array.Reduce(op, a, axis, keep, ddof)
	}
}

func init() {
	for name, op := range map[string]string{
		"sum": "sum", "prod": "prod", "mean": "mean", "std": "std", "var": "var",
		"min": "min", "max": "max", "amin": "min", "amax": "max", "argmin": "argmin",
		"argmax": "argmax", "all": "all", "any": "any", "ptp": "ptp",
	} {
		def(name, reduceFn(name, op))
	}
	for _, name := range []string{"cumsum", "cumprod"} {
		name := name
		def(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			var axis runtime.Value
			a, err := arrayArg(name, args, kwargs, "axis?", &axis)
			if err != nil {
				return runtime.Value{}, err
			}
			return retArr(array.Cumulate(name, a, axis))
		})
	}
	def("median", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var axis runtime.Value
		keep := false
		a, err := arrayArg("median", args, kwargs, "axis?", &axis, "keepdims?", &keep)
		if err != nil {
			return runtime.Value{}, err
		}
		return quantile(a, []float64{50}, false, axis, keep)
	})
	def("percentile", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var q, axis runtime.Value
		keep := false
		a, err := arrayArg("percentile", args, kwargs, "q", &q, "axis?", &axis, "keepdims?", &keep)
		if err != nil {
			return runtime.Value{}, err
		}
		qa, err := toArray(q)
		if err != nil {
			return runtime.Value{}, err
		}
		for _, p := range qa.Float64s() {
			if p < 0 || p > 100 || math.IsNaN(p) {
				return runtime.Value{}, runtime.Errorf("Percentiles must be in the range [0, 100]")
			}
		}
		return quantile(a, qa.Float64s(), qa.NDim() > 0, axis, keep)
	})
	def("average", average)
	def("count_nonzero", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var axis runtime.Value
		a, err := arrayArg("count_nonzero", args, kwargs, "axis?", &axis)
		if err != nil {
			return runtime.Value{}, err
		}
		return array.Reduce("sum", a.AsType(array.Bool).WithDim(units.Dim{}), axis, false, 0)
	})
	def("isclose", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		r, err := closeArgs("isclose", args, kwargs)
		return ret(r, err)
	})
	def("allclose", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		r, err := closeArgs("allclose", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return array.Reduce("all", r, runtime.None, false, 0)
	})
	def("array_equal", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, b, err := twoArgs("array_equal", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		if !equalShape(a.Shape(), b.Shape()) || a.Dim() != b.Dim() {
			return runtime.False, nil
		}
		eq, err := array.BinaryOp(lang.Eq, a, b)
		if err != nil {
			return runtime.Value{}, err
		}
		return array.Reduce("all", eq, runtime.None, false, 0)
	})
	def("dot", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, b, err := twoArgs("dot", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return ret(array.Dot(a, b))
	})
	def("vdot", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, b, err := twoArgs("vdot", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return ret(array.Dot(a.Ravel(), b.Ravel()))
	})
	def("matmul", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, b, err := twoArgs("matmul", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return ret(array.MatMul(a, b))
	})
	def("inner", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, b, err := twoArgs("inner", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		if a.NDim() == 0 || b.NDim() == 0 {
			return ret(array.BinaryOp(lang.Star, a, b))
		}
		bt, _ := b.SwapAxes(-1, 0)
		if b.NDim() > 1 {
			bt, _ = b.Transpose(nil)
		}
		return ret(array.Dot(a, bt))
	})
	def("outer", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, b, err := twoArgs("outer", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		col, _ := a.Ravel().Reshape([]int{a.Size(), 1})
		return ret(array.BinaryOp(lang.Star, col, b.Ravel()))
	})
	def("cross", cross)
	def("trace", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := arrayArg("trace", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		d, err := diag(th, []runtime.Value{array.Value(a)}, nil)
		if err != nil {
			return runtime.Value{}, err
		}
		return array.Reduce("sum", d.Obj().(*array.Array), runtime.None, false, 0)
	})
}

func equalShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// quantile computes percentiles with numpy's default linear interpolation.
func quantile(a *array.Array, qs []float64, vector bool, axis runtime.Value, keep bool) (runtime.Value, error) {
	axes, err := array.ParseAxes(axis, a.NDim())
	if err != nil {
		return runtime.Value{}, err
	}
	src := a.Ravel()
	ax := 0
	if len(axes) == 1 {
		src, ax = a, axes[0]
	} else if axes != nil {
		return runtime.Value{}, runtime.Errorf("median/percentile over several axes is not supported yet")
	}
	sorted, err := array.Sort(src, runtime.MakeInt(int64(ax)))
	if err != nil {
		return runtime.Value{}, err
	}
	moved, _ := sorted.SwapAxes(ax, -1)
	lanes := moved.Copy()
	sh := lanes.Shape()
	n := sh[len(sh)-1]
	if n == 0 {
		return runtime.MakeFloat(math.NaN()), nil
	}
	data := lanes.Float64s()
	outer := len(data) / n
	res := make([]float64, len(qs)*outer)
	for qi, q := range qs {
		pos := q / 100 * float64(n-1)
		lo := math.Floor(pos)
		frac := pos - lo
		for o := 0; o < outer; o++ {
			lane := data[o*n : (o+1)*n]
			i := int(lo)
			v := lane[i]
			if frac > 0 && i+1 < n {
				v = v + (lane[i+1]-v)*frac
			}
			if math.IsNaN(lane[n-1]) {
				v = math.NaN()
			}
			res[qi*outer+o] = v
		}
	}
	outShape := sh[:len(sh)-1]
	if keep && len(axes) == 1 {
		outShape = a.Shape()
		outShape[ax] = 1
	}
	if vector {
		outShape = append([]int{len(qs)}, outShape...)
	}
	r := array.New(outShape, res, a.Dim())
	return array.Result(r), nil
}

func average(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var axis, weights runtime.Value
	a, err := arrayArg("average", args, kwargs, "axis?", &axis, "weights?", &weights)
	if err != nil {
		return runtime.Value{}, err
	}
	if !weights.IsValid() || weights.IsNone() {
		return array.Reduce("mean", a, axis, false, 0)
	}
	w, err := toArray(weights)
	if err != nil {
		return runtime.Value{}, err
	}
	if !equalShape(w.Shape(), a.Shape()) {
		if w.NDim() != 1 || axis.IsNone() || !axis.IsValid() {
			return runtime.Value{}, runtime.Errorf("Axis must be specified when shapes of a and weights differ.")
		}
		ax, _ := axis.ToInt()
		axn, err := array.NormAxis(int(ax), a.NDim())
		if err != nil {
			return runtime.Value{}, err
		}
		sh := make([]int, a.NDim())
		for k := range sh {
			sh[k] = 1
		}
		sh[axn] = w.Size()
		if w, err = w.Reshape(sh); err != nil {
			return runtime.Value{}, err
		}
	}
	aw, err := array.BinaryOp(lang.Star, a, w)
	if err != nil {
		return runtime.Value{}, err
	}
	num, err := array.ReduceArray("sum", aw, axis, false, 0)
	if err != nil {
		return runtime.Value{}, err
	}
	wb, err := w.BroadcastTo(a.Shape())
	if err != nil {
		return runtime.Value{}, err
	}
	den, err := array.ReduceArray("sum", wb, axis, false, 0)
	if err != nil {
		return runtime.Value{}, err
	}
	return ret(array.BinaryOp(lang.Slash, num, den))
}

// closeArgs computes numpy's isclose: |a-b| <= atol + rtol*|b|.
func closeArgs(name string, args []runtime.Value, kwargs []runtime.Kwarg) (*array.Array, error) {
	var x, y, atolV runtime.Value
	rtol := 1e-5
	equalNaN := false
	if err := runtime.UnpackArgs(name, args, kwargs, "a", &x, "b", &y, "rtol?", &rtol, "atol?", &atolV, "equal_nan?", &equalNaN); err != nil {
		return nil, err
	}
	a, err := toArray(x)
	if err != nil {
		return nil, err
	}
	b, err := toArray(y)
	if err != nil {
		return nil, err
	}
	if a.Dim() != b.Dim() {
		return nil, array.MismatchError("compare", a, b)
	}
	atol := 1e-8
	if atolV.IsValid() {
		at, err := toArray(atolV)
		if err != nil {
			return nil, err
		}
		if at.Dim() != a.Dim() && !at.Dim().IsDimensionless() {
			return nil, array.MismatchError("compare", a, at)
		}
		atol = at.Float64s()[0]
	}
	return array.Map2Float(a, b, func(p, q float64) float64 {
		switch {
		case math.IsNaN(p) || math.IsNaN(q):
			if equalNaN && math.IsNaN(p) && math.IsNaN(q) {
				return 1
			}
			return 0
		case math.IsInf(p, 0) || math.IsInf(q, 0):
			if p == q {
				return 1
			}
			return 0
		case math.Abs(p-q) <= atol+rtol*math.Abs(q):
			return 1
		}
		return 0
	}, units.Dim{})
}

func cross(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	a, b, err := twoArgs("cross", args, kwargs)
	if err != nil {
		return runtime.Value{}, err
	}
	av, bv := a.Float64s(), b.Float64s()
	na, nb := a.Shape()[a.NDim()-1], b.Shape()[b.NDim()-1]
	if a.NDim() != 1 || b.NDim() != 1 || (na != 2 && na != 3) || (nb != 2 && nb != 3) {
		return runtime.Value{}, runtime.Errorf("incompatible dimensions for cross product (dimension must be 2 or 3, 1-d vectors only)")
	}
	get := func(v []float64, i int) float64 {
		if i < len(v) {
			return v[i]
		}
		return 0
	}
	dim := a.Dim().Mul(b.Dim())
	if na == 2 && nb == 2 {
		return array.Result(array.New([]int{}, []float64{av[0]*bv[1] - av[1]*bv[0]}, dim)), nil
	}
	out := []float64{
		get(av, 1)*get(bv, 2) - get(av, 2)*get(bv, 1),
		get(av, 2)*get(bv, 0) - get(av, 0)*get(bv, 2),
		get(av, 0)*get(bv, 1) - get(av, 1)*get(bv, 0),
	}
	r := array.New([]int{3}, out, dim)
	if a.DType() == array.Int && b.DType() == array.Int {
		r = r.AsType(array.Int)
	}
	return array.Value(r), nil
}
