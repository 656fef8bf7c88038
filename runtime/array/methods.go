package array

import (
	"math"
	"sort"

	"github.com/sim-lang/sim/lang"
	rt "github.com/sim-lang/sim/runtime"
)

type method func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error)

// reduction builds sum, mean, ... as methods.
func reduction(name string) method {
	return func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
		var axis rt.Value
		keep, ddof := false, 0
		if name == "std" || name == "var" {
			if err := rt.UnpackArgs(name, args, kwargs, "axis?", &axis, "ddof?", &ddof, "keepdims?", &keep); err != nil {
				return rt.Value{}, err
			}
		} else if err := rt.UnpackArgs(name, args, kwargs, "axis?", &axis, "keepdims?", &keep); err != nil {
			return rt.Value{}, err
		}
		return Reduce(name, a, axis, keep, ddof)
	}
}

var methods map[string]method

func init() {
	methods = map[string]method{
		"reshape": func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
			shape, err := ShapeArg(args)
			if err != nil {
				return rt.Value{}, err
			}
			r, err := a.Reshape(shape)
			return wrap(r, err)
		},
		"flatten": noArgs("flatten", func(a *Array) rt.Value { return Value(a.Flatten()) }),
		"ravel":   noArgs("ravel", func(a *Array) rt.Value { return Value(a.Ravel()) }),
		"copy":    noArgs("copy", func(a *Array) rt.Value { return Value(a.Copy()) }),
		"tolist":  noArgs("tolist", func(a *Array) rt.Value { return a.ToList() }),
		"astype": func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
			var d rt.Value
			if err := rt.UnpackArgs("astype", args, kwargs, "dtype", &d); err != nil {
				return rt.Value{}, err
			}
			dt, err := ParseDType(d)
			if err != nil {
				return rt.Value{}, err
			}
			return Value(a.AsType(dt)), nil
		},
		"item": func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
			if len(args) == 0 {
				return a.Item()
			}
			if len(args) == 1 {
				i, ok := args[0].ToInt()
				n := a.Size()
				if !ok {
					return rt.Value{}, rt.Errorf("item() argument must be an integer")
				}
				if i < 0 {
					i += int64(n)
				}
				if i < 0 || int(i) >= n {
					return rt.Value{}, rt.Errorf("index %d is out of bounds for size %d", args[0].AsInt(), n)
				}
				return a.valueAt(a.offsets()[i]), nil
			}
			return a.Index(rt.MakeTuple(args...))
		},
		"fill": func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
			var v rt.Value
			if err := rt.UnpackArgs("fill", args, kwargs, "value", &v); err != nil {
				return rt.Value{}, err
			}
			src, err := From(v)
			if err != nil {
				return rt.Value{}, err
			}
			return rt.None, a.Assign(src)
		},
		"sum": reduction("sum"), "prod": reduction("prod"), "mean": reduction("mean"),
		"std": reduction("std"), "var": reduction("var"), "min": reduction("min"),
		"max": reduction("max"), "argmin": reduction("argmin"), "argmax": reduction("argmax"),
		"all": reduction("all"), "any": reduction("any"), "ptp": reduction("ptp"),
		"cumsum": cumMethod("cumsum"), "cumprod": cumMethod("cumprod"),
		"sort": func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
			axis := rt.MakeInt(-1)
			var kind rt.Value
			if err := rt.UnpackArgs("sort", args, kwargs, "axis?", &axis, "kind?", &kind); err != nil {
				return rt.Value{}, err
			}
			s, err := Sort(a, axis)
			if err != nil {
				return rt.Value{}, err
			}
			if axis.IsNone() {
				s = s.reshapeView(a.shape)
			}
			return rt.None, a.Assign(s)
		},
		"argsort": func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
			axis := rt.MakeInt(-1)
			var kind rt.Value
			if err := rt.UnpackArgs("argsort", args, kwargs, "axis?", &axis, "kind?", &kind); err != nil {
				return rt.Value{}, err
			}
			return wrap(Argsort(a, axis))
		},
		"dot": func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
			var b rt.Value
			if err := rt.UnpackArgs("dot", args, kwargs, "b", &b); err != nil {
				return rt.Value{}, err
			}
			ba, err := From(b)
			if err != nil {
				return rt.Value{}, err
			}
			r, err := Dot(a, ba)
			if err != nil {
				return rt.Value{}, err
			}
			return result(r), nil
		},
		"transpose": func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
			var axes []int
			if len(args) > 0 {
				var err error
				if axes, err = ShapeArg(args); err != nil {
					return rt.Value{}, err
				}
			}
			return wrap(a.Transpose(axes))
		},
		"swapaxes": func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
			var i, j int
			if err := rt.UnpackArgs("swapaxes", args, kwargs, "axis1", &i, "axis2", &j); err != nil {
				return rt.Value{}, err
			}
			return wrap(a.SwapAxes(i, j))
		},
		"clip": func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
			var lo, hi rt.Value
			if err := rt.UnpackArgs("clip", args, kwargs, "min?", &lo, "max?", &hi); err != nil {
				return rt.Value{}, err
			}
			r, err := Clip(a, lo, hi)
			if err != nil {
				return rt.Value{}, err
			}
			return result(r), nil
		},
		"round": func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
			dec := 0
			if err := rt.UnpackArgs("round", args, kwargs, "decimals?", &dec); err != nil {
				return rt.Value{}, err
			}
			return result(Round(a, dec)), nil
		},
		"nonzero": noArgs("nonzero", func(a *Array) rt.Value { return Nonzero(a) }),
		"squeeze": func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
			var axis rt.Value
			if err := rt.UnpackArgs("squeeze", args, kwargs, "axis?", &axis); err != nil {
				return rt.Value{}, err
			}
			axes, err := ParseAxes(axis, len(a.shape))
			if err != nil {
				return rt.Value{}, err
			}
			return wrap(a.Squeeze(axes))
		},
	}
}

func noArgs(name string, f func(a *Array) rt.Value) method {
	return func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
		if err := rt.UnpackArgs(name, args, kwargs); err != nil {
			return rt.Value{}, err
		}
		return f(a), nil
	}
}

func cumMethod(name string) method {
	return func(a *Array, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
		var axis rt.Value
		if err := rt.UnpackArgs(name, args, kwargs, "axis?", &axis); err != nil {
			return rt.Value{}, err
		}
		return wrap(Cumulate(name, a, axis))
	}
}

func wrap(a *Array, err error) (rt.Value, error) {
	if err != nil {
		return rt.Value{}, err
	}
	return Value(a), nil
}

var attrNames []string

func init() {
	attrNames = []string{"shape", "ndim", "size", "dtype", "T", "real", "imag", "flat", "dim"}
	for k := range methods {
		attrNames = append(attrNames, k)
	}
	sort.Strings(attrNames)
}

// Attr implements runtime.HasAttrs: shape, ndim, size, dtype, T, real,
// imag, flat, dim and the methods.
func (a *Array) Attr(name string) (rt.Value, error) {
	switch name {
	case "shape":
		t := make(rt.Tuple, len(a.shape))
		for k, s := range a.shape {
			t[k] = rt.MakeInt(int64(s))
		}
		return rt.MakeObj(t), nil
	case "ndim":
		return rt.MakeInt(int64(len(a.shape))), nil
	case "size":
		return rt.MakeInt(int64(a.Size())), nil
	case "dtype":
		return rt.MakeObj(DTypeObject{a.dtype}), nil
	case "T":
		t, _ := a.Transpose(nil)
		return Value(t), nil
	case "real", "flat":
		if name == "flat" {
			return Value(a.Flatten()), nil
		}
		return Value(a), nil
	case "imag":
		return Value(Zeros(a.dtype, a.shape, a.dim)), nil
	case "dim":
		return rt.MakeQuantity(1, a.dim), nil
	}
	m, ok := methods[name]
	if !ok {
		if f, ok := moduleMethods[name]; ok {
			return rt.NewBuiltin(name, func(th *rt.Thread, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
				return f(th, append([]rt.Value{Value(a)}, args...), kwargs)
			}), nil
		}
		return rt.Value{}, nil
	}
	return rt.NewBuiltin(name, func(th *rt.Thread, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
		return m(a, args, kwargs)
	}), nil
}

// moduleMethods are methods defined by a module's function of the same
// name taking the array first (a.repeat(2) is np.repeat(a, 2)).
var moduleMethods = map[string]rt.BuiltinFunc{}

// AddMethod makes a.name(...) call f(a, ...). Call it from an init
// function.
func AddMethod(name string, f rt.BuiltinFunc) {
	moduleMethods[name] = f
	attrNames = append(attrNames, name)
	sort.Strings(attrNames)
}

// AttrNames implements runtime.HasAttrs.
func (a *Array) AttrNames() []string { return attrNames }

// ToList converts a to nested lists of script scalars (tolist()).
func (a *Array) ToList() rt.Value {
	if len(a.shape) == 0 {
		return a.valueAt(a.offset)
	}
	out := make([]rt.Value, a.shape[0])
	for k := range out {
		v := a.sub(k)
		if sub, ok := v.Obj().(*Array); ok {
			v = sub.ToList()
		}
		out[k] = v
	}
	return rt.NewList(out)
}

// Dot is numpy's dot: the product with a scalar, the inner product of
// vectors, the matrix product for 1-d and 2-d operands, and for N-d a sum
// over the last axis of a and the second-to-last of b.
func Dot(a, b *Array) (*Array, error) {
	if len(a.shape) == 0 || len(b.shape) == 0 {
		return BinaryOp(lang.Star, a, b)
	}
	if len(a.shape) <= 2 && len(b.shape) <= 2 {
		return MatMul(a, b)
	}
	if len(b.shape) == 1 {
		return MatMul(a, b)
	}
	// general N-d: tensordot over a's last and b's second-to-last axis
	bt, _ := b.SwapAxes(-2, -1) // (..., m, k)
	k := b.shape[len(b.shape)-2]
	m := b.shape[len(b.shape)-1]
	bo := prod(b.shape) / (k * m)
	b2 := bt.Copy().reshapeView([]int{bo * m, k})
	bT, _ := b2.Transpose(nil)
	r, err := MatMul(a, bT) // (..., bo*m)
	if err != nil {
		return nil, err
	}
	shape := append(append(append([]int{}, a.shape[:len(a.shape)-1]...), b.shape[:len(b.shape)-2]...), m)
	return r.reshapeView(shape), nil
}

// Clip limits a to [lo, hi] (either may be None/absent); the bounds must
// have a's unit.
func Clip(a *Array, lo, hi rt.Value) (*Array, error) {
	r := a
	for k, bound := range []rt.Value{lo, hi} {
		if !bound.IsValid() || bound.IsNone() {
			continue
		}
		b, err := From(bound)
		if err != nil {
			return nil, err
		}
		if b.dim != a.dim && !b.allZero() {
			return nil, MismatchError("clip", a, b)
		}
		b = b.WithDim(a.dim)
		op := lang.Lt
		if k == 1 {
			op = lang.Gt
		}
		r, err = Where2(r, b, op)
		if err != nil {
			return nil, err
		}
	}
	if r == a {
		r = a.Copy()
	}
	return r, nil
}

// Where2 returns, elementwise, b where a op b is true (a's value
// otherwise): maximum for op <, minimum for op >.
func Where2(a, b *Array, op lang.Op) (*Array, error) {
	shape, err := broadcastShapes(a.shape, b.shape)
	if err != nil {
		return nil, err
	}
	dt := max(a.dtype, b.dtype)
	if dt == Bool {
		dt = Int
	}
	af, bf := a.AsTypeView(dt).broadcastTo(shape), b.AsTypeView(dt).broadcastTo(shape)
	out := Zeros(dt, shape, a.dim)
	ao, bo := af.offsets(), bf.offsets()
	for k := range ao {
		if dt == Float {
			x, y := af.f[ao[k]], bf.f[bo[k]]
			if math.IsNaN(x) || math.IsNaN(y) {
				out.f[k] = math.NaN()
			} else if (op == lang.Lt && x < y) || (op == lang.Gt && x > y) {
				out.f[k] = y
			} else {
				out.f[k] = x
			}
		} else {
			x, y := af.i[ao[k]], bf.i[bo[k]]
			if (op == lang.Lt && x < y) || (op == lang.Gt && x > y) {
				out.i[k] = y
			} else {
				out.i[k] = x
			}
		}
	}
	return out, nil
}

// Round rounds to the given number of decimals, halves to even (numpy).
func Round(a *Array, decimals int) *Array {
	if a.dtype != Float {
		if decimals >= 0 {
			return a.Copy()
		}
		p := math.Pow10(-decimals)
		r := MapFloat(a, func(x float64) float64 { return math.RoundToEven(x/p) * p }, a.dim)
		return r.AsType(a.dtype)
	}
	p := math.Pow10(decimals)
	return MapFloat(a, func(x float64) float64 {
		if decimals >= 0 {
			return math.RoundToEven(x*p) / p
		}
		return math.RoundToEven(x/math.Pow10(-decimals)) * math.Pow10(-decimals)
	}, a.dim)
}

// Nonzero returns a tuple of int arrays, one per axis, of the indices of
// the non-zero elements.
func Nonzero(a *Array) rt.Value {
	if len(a.shape) == 0 {
		a = a.reshapeView([]int{1})
	}
	idx := nonzero(a)
	t := make(rt.Tuple, len(idx))
	for k, ix := range idx {
		t[k] = Value(FromInts(ix))
	}
	return rt.MakeObj(t)
}

// Where picks, elementwise, x where cond is true and y elsewhere, with
// broadcasting of all three; x and y need the same unit (or zero).
func Where(cond, x, y *Array) (*Array, error) {
	shape, err := broadcastShapes(cond.shape, x.shape, y.shape)
	if err != nil {
		return nil, err
	}
	dim := x.dim
	if x.dim != y.dim {
		switch {
		case x.allZero():
			dim = y.dim
		case y.allZero():
		default:
			return nil, MismatchError("combine", x, y)
		}
	}
	dt := max(x.dtype, y.dtype)
	c := cond.AsTypeView(Bool).broadcastTo(shape)
	xb, yb := x.AsTypeView(dt).broadcastTo(shape), y.AsTypeView(dt).broadcastTo(shape)
	out := Zeros(dt, shape, dim)
	co, xo, yo := c.offsets(), xb.offsets(), yb.offsets()
	for k := range co {
		src, off := yb, yo[k]
		if c.b[co[k]] {
			src, off = xb, xo[k]
		}
		switch dt {
		case Float:
			out.f[k] = src.f[off]
		case Int:
			out.i[k] = src.i[off]
		default:
			out.b[k] = src.b[off]
		}
	}
	return out, nil
}
