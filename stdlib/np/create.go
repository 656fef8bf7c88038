package np

import (
	"math"

	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// dtypeArg reads an optional dtype argument.
func dtypeArg(v runtime.Value, def array.DType) (array.DType, error) {
	if !v.IsValid() || v.IsNone() {
		return def, nil
	}
	return array.ParseDType(v)
}

func arrayFn(name string, copyAlways bool) fn {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var x, dt, cp, ndmin runtime.Value
		if err := runtime.UnpackArgs(name, args, kwargs, "object", &x, "dtype?", &dt, "copy?", &cp, "ndmin?", &ndmin); err != nil {
			return runtime.Value{}, err
		}
		a, err := toArray(x)
		if err != nil {
			return runtime.Value{}, err
		}
		if dt.IsValid() && !dt.IsNone() {
			d, err := array.ParseDType(dt)
			if err != nil {
				return runtime.Value{}, err
			}
			if d != a.DType() {
				a = a.AsType(d)
			} else if copyAlways {
				a = a.Copy()
			}
		} else if copyAlways {
			if _, isArr := x.Obj().(*array.Array); isArr {
				a = a.Copy()
			}
		}
		n, err := optInt(ndmin, 0)
		if err != nil {
			return runtime.Value{}, err
		}
		for a.NDim() < n {
			a, _ = a.ExpandDims(0)
		}
		return array.Value(a), nil
	}
}

// filled builds zeros/ones/empty/full.
func filled(name string, fill float64, hasFill bool) fn {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var shape, fv, dt runtime.Value
		var err error
		if hasFill {
			err = runtime.UnpackArgs(name, args, kwargs, "shape", &shape, "fill_value", &fv, "dtype?", &dt)
		} else {
			err = runtime.UnpackArgs(name, args, kwargs, "shape", &shape, "dtype?", &dt)
		}
		if err != nil {
			return runtime.Value{}, err
		}
		sh, err := array.ShapeArg([]runtime.Value{shape})
		if err != nil {
			return runtime.Value{}, err
		}
		return makeFilled(sh, fill, fv, dt)
	}
}

func makeFilled(sh []int, fill float64, fv, dt runtime.Value) (runtime.Value, error) {
	for _, s := range sh {
		if s < 0 {
			return runtime.Value{}, runtime.Errorf("negative dimensions are not allowed")
		}
	}
	var src *array.Array
	if fv.IsValid() {
		var err error
		if src, err = toArray(fv); err != nil {
			return runtime.Value{}, err
		}
	} else {
		src = array.New([]int{}, []float64{fill}, units.Dim{})
	}
	d, err := dtypeArg(dt, src.DType())
	if err != nil {
		return runtime.Value{}, err
	}
	if !fv.IsValid() && (!dt.IsValid() || dt.IsNone()) {
		d = array.Float
	}
	out := array.Zeros(d, sh, src.Dim())
	if err := out.Assign(src); err != nil {
		return runtime.Value{}, err
	}
	return array.Value(out), nil
}

func like(name string, fill float64, hasFill bool) fn {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var proto, fv, dt runtime.Value
		var err error
		if hasFill {
			err = runtime.UnpackArgs(name, args, kwargs, "a", &proto, "fill_value", &fv, "dtype?", &dt)
		} else {
			err = runtime.UnpackArgs(name, args, kwargs, "a", &proto, "dtype?", &dt)
		}
		if err != nil {
			return runtime.Value{}, err
		}
		p, err := toArray(proto)
		if err != nil {
			return runtime.Value{}, err
		}
		d, err := dtypeArg(dt, p.DType())
		if err != nil {
			return runtime.Value{}, err
		}
		var src *array.Array
		if hasFill {
			if src, err = toArray(fv); err != nil {
				return runtime.Value{}, err
			}
		} else {
			// zeros_like keeps the unit (Brian2); ones_like is dimensionless
			dim := units.Dim{}
			if fill == 0 {
				dim = p.Dim()
			}
			src = array.New([]int{}, []float64{fill}, dim)
		}
		out := array.Zeros(d, p.Shape(), src.Dim())
		if err := out.Assign(src); err != nil {
			return runtime.Value{}, err
		}
		return ret(out, nil)
	}
}

// number reads a scalar number or Quantity as (value, dim).
func number(name, param string, v runtime.Value) (float64, units.Dim, bool, error) {
	if q, ok := v.Obj().(runtime.Quantity); ok {
		return q.V, q.D, false, nil
	}
	f, ok := v.ToFloat()
	if !ok {
		return 0, units.Dim{}, false, runtime.Errorf("%s() argument '%s' must be a number, not %s", name, param, runtime.TypeName(v))
	}
	return f, units.Dim{}, v.Kind() == runtime.FloatKind, nil
}

func arange(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var a, b, s, dt runtime.Value
	if err := runtime.UnpackArgs("arange", args, kwargs, "start", &a, "stop?", &b, "step?", &s, "dtype?", &dt); err != nil {
		return runtime.Value{}, err
	}
	if !b.IsValid() || b.IsNone() {
		a, b = runtime.MakeInt(0), a
		if q, ok := b.Obj().(runtime.Quantity); ok {
			a = runtime.MakeQuantity(0, q.D)
		}
	}
	if !s.IsValid() || s.IsNone() {
		s = runtime.MakeInt(1)
		if q, ok := b.Obj().(runtime.Quantity); ok {
			s = runtime.MakeQuantity(1, q.D)
			_ = q
		}
	}
	start, d0, f0, err := number("arange", "start", a)
	if err != nil {
		return runtime.Value{}, err
	}
	stop, d1, f1, err := number("arange", "stop", b)
	if err != nil {
		return runtime.Value{}, err
	}
	step, d2, f2, err := number("arange", "step", s)
	if err != nil {
		return runtime.Value{}, err
	}
	if _, ok := s.Obj().(runtime.Quantity); !ok && !d1.IsDimensionless() && len(args) < 3 && !hasKw(kwargs, "step") {
		// arange(0*ms, 10*ms) steps by one unit of stop's dimension (1 second)
		d2 = d1
	}
	if d0 != d1 && !(start == 0 && d0.IsDimensionless()) {
		return runtime.Value{}, array.MismatchError("arange from", array.New([]int{}, []float64{start}, d0), array.New([]int{}, []float64{stop}, d1))
	}
	if d2 != d1 {
		return runtime.Value{}, array.MismatchError("arange with step", array.New([]int{}, []float64{step}, d2), array.New([]int{}, []float64{stop}, d1))
	}
	if step == 0 {
		return runtime.Value{}, runtime.Errorf("Maximum allowed size exceeded")
	}
	n := int(math.Ceil((stop - start) / step))
	if n < 0 {
		n = 0
	}
	isFloat := f0 || f1 || f2 || !d1.IsDimensionless()
	d, err := dtypeArg(dt, map[bool]array.DType{true: array.Float, false: array.Int}[isFloat])
	if err != nil {
		return runtime.Value{}, err
	}
	if d == array.Int && !isFloat {
		i0, _ := a.ToInt()
		is, _ := s.ToInt()
		out := make([]int64, n)
		for k := range out {
			out[k] = i0 + int64(k)*is
		}
		return array.Value(array.FromInts(out)), nil
	}
	out := make([]float64, n)
	for k := range out {
		out[k] = start + float64(k)*step
	}
	r := array.New([]int{n}, out, d1)
	if d != array.Float {
		r = r.AsType(d)
	}
	return array.Value(r), nil
}

func hasKw(kwargs []runtime.Kwarg, name string) bool {
	for _, k := range kwargs {
		if k.Name == name {
			return true
		}
	}
	return false
}

func linspace(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var a, b, dt runtime.Value
	num, endpoint, retstep := 50, true, false
	var axis int
	if err := runtime.UnpackArgs("linspace", args, kwargs, "start", &a, "stop", &b, "num?", &num, "endpoint?", &endpoint, "retstep?", &retstep, "dtype?", &dt, "axis?", &axis); err != nil {
		return runtime.Value{}, err
	}
	if num < 0 {
		return runtime.Value{}, runtime.Errorf("Number of samples, %d, must be non-negative.", num)
	}
	start, d0, _, err := number("linspace", "start", a)
	if err != nil {
		return runtime.Value{}, err
	}
	stop, d1, _, err := number("linspace", "stop", b)
	if err != nil {
		return runtime.Value{}, err
	}
	if d0 != d1 {
		if start == 0 && d0.IsDimensionless() {
			d0 = d1
		} else if !(stop == 0 && d1.IsDimensionless()) {
			return runtime.Value{}, array.MismatchError("linspace between", array.New([]int{}, []float64{start}, d0), array.New([]int{}, []float64{stop}, d1))
		}
	}
	div := num
	if endpoint {
		div = num - 1
	}
	out := make([]float64, num)
	step := math.NaN()
	if div > 0 {
		step = (stop - start) / float64(div)
	}
	for k := range out {
		out[k] = start + float64(k)*step
	}
	if endpoint && num > 1 {
		out[num-1] = stop
	}
	if num == 1 {
		out[0] = start
	}
	r := array.New([]int{num}, out, d0)
	d, err := dtypeArg(dt, array.Float)
	if err != nil {
		return runtime.Value{}, err
	}
	if d != array.Float {
		r = r.AsType(d)
	}
	if retstep {
		return runtime.MakeTuple(array.Value(r), runtime.MakeQuantity(step, d0)), nil
	}
	return array.Value(r), nil
}

func logspace(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var start, stop float64
	num, endpoint, base := 50, true, 10.0
	if err := runtime.UnpackArgs("logspace", args, kwargs, "start", &start, "stop", &stop, "num?", &num, "endpoint?", &endpoint, "base?", &base); err != nil {
		return runtime.Value{}, err
	}
	lin, err := linspace(nil, []runtime.Value{runtime.MakeFloat(start), runtime.MakeFloat(stop)},
		[]runtime.Kwarg{{Name: "num", Value: runtime.MakeInt(int64(num))}, {Name: "endpoint", Value: runtime.MakeBool(endpoint)}})
	if err != nil {
		return runtime.Value{}, err
	}
	a := lin.Obj().(*array.Array)
	return array.Value(array.MapFloat(a, func(x float64) float64 { return math.Pow(base, x) }, units.Dim{})), nil
}

func eye(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var n int
	var mv, dt runtime.Value
	k := 0
	if err := runtime.UnpackArgs("eye", args, kwargs, "N", &n, "M?", &mv, "k?", &k, "dtype?", &dt); err != nil {
		return runtime.Value{}, err
	}
	m, err := optInt(mv, n)
	if err != nil {
		return runtime.Value{}, err
	}
	out := make([]float64, n*m)
	for i := 0; i < n; i++ {
		if j := i + k; j >= 0 && j < m {
			out[i*m+j] = 1
		}
	}
	r := array.New([]int{n, m}, out, units.Dim{})
	d, err := dtypeArg(dt, array.Float)
	if err != nil {
		return runtime.Value{}, err
	}
	return array.Value(r.AsTypeView(d)), nil
}

func diag(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var x runtime.Value
	k := 0
	if err := runtime.UnpackArgs("diag", args, kwargs, "v", &x, "k?", &k); err != nil {
		return runtime.Value{}, err
	}
	a, err := toArray(x)
	if err != nil {
		return runtime.Value{}, err
	}
	switch a.NDim() {
	case 1:
		n := a.Len() + abs(k)
		out := array.Zeros(a.DType(), []int{n, n}, a.Dim())
		for i := 0; i < a.Len(); i++ {
			r, c := i, i+k
			if k < 0 {
				r, c = i-k, i
			}
			v, _ := a.Index(runtime.MakeInt(int64(i)))
			if err := out.SetIndex(runtime.MakeTuple(runtime.MakeInt(int64(r)), runtime.MakeInt(int64(c))), v); err != nil {
				return runtime.Value{}, err
			}
		}
		return array.Value(out), nil
	case 2:
		sh := a.Shape()
		var vals []runtime.Value
		for i := 0; i < sh[0]; i++ {
			j := i + k
			if j >= 0 && j < sh[1] {
				v, _ := a.Index(runtime.MakeTuple(runtime.MakeInt(int64(i)), runtime.MakeInt(int64(j))))
				vals = append(vals, v)
			}
		}
		if vals == nil {
			return array.Value(array.Zeros(a.DType(), []int{0}, a.Dim())), nil
		}
		r, err := array.From(runtime.NewList(vals))
		return retArr(r, err)
	}
	return runtime.Value{}, runtime.Errorf("Input must be 1- or 2-d.")
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func meshgrid(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	indexing := "xy"
	for _, kw := range kwargs {
		switch kw.Name {
		case "indexing":
			s, ok := runtime.AsString(kw.Value)
			if !ok || (s != "xy" && s != "ij") {
				return runtime.Value{}, runtime.Errorf("Valid values for `indexing` are 'xy' and 'ij'.")
			}
			indexing = s
		case "sparse", "copy":
		default:
			return runtime.Value{}, runtime.Errorf("meshgrid() got an unexpected keyword argument '%s'", kw.Name)
		}
	}
	n := len(args)
	vecs := make([]*array.Array, n)
	shape := make([]int, n)
	for k, v := range args {
		a, err := toArray(v)
		if err != nil {
			return runtime.Value{}, err
		}
		vecs[k] = a.Ravel()
		shape[k] = vecs[k].Size()
	}
	if indexing == "xy" && n >= 2 {
		shape[0], shape[1] = shape[1], shape[0]
	}
	out := make(runtime.Tuple, n)
	for k, v := range vecs {
		vs := make([]int, n)
		for j := range vs {
			vs[j] = 1
		}
		ax := k
		if indexing == "xy" && n >= 2 && k < 2 {
			ax = 1 - k
		}
		vs[ax] = v.Size()
		r, _ := v.Reshape(vs)
		b, err := r.BroadcastTo(shape)
		if err != nil {
			return runtime.Value{}, err
		}
		out[k] = array.Value(b.Copy())
	}
	return runtime.MakeObj(out), nil
}

func init() {
	def("array", arrayFn("array", true))
	def("asarray", arrayFn("asarray", false))
	def("asanyarray", arrayFn("asanyarray", false))
	def("copy", arrayFn("copy", true))
	def("zeros", filled("zeros", 0, false))
	def("ones", filled("ones", 1, false))
	def("empty", filled("empty", 0, false))
	def("full", filled("full", 0, true))
	def("zeros_like", like("zeros_like", 0, false))
	def("ones_like", like("ones_like", 1, false))
	def("empty_like", like("empty_like", 0, false))
	def("full_like", like("full_like", 0, true))
	def("arange", arange)
	def("linspace", linspace)
	def("logspace", logspace)
	def("eye", eye)
	def("identity", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var n int
		var dt runtime.Value
		if err := runtime.UnpackArgs("identity", args, kwargs, "n", &n, "dtype?", &dt); err != nil {
			return runtime.Value{}, err
		}
		return eye(th, []runtime.Value{runtime.MakeInt(int64(n))}, []runtime.Kwarg{{Name: "dtype", Value: orNone(dt)}})
	})
	def("diag", diag)
	def("meshgrid", meshgrid)
	_ = lang.Plus
}

func orNone(v runtime.Value) runtime.Value {
	if !v.IsValid() {
		return runtime.None
	}
	return v
}
