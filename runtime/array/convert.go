package array

import (
	"strconv"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

func init() {
	runtime.ToArray = func(v runtime.Value) (runtime.Value, error) {
		a, err := From(v)
		if err != nil {
			return runtime.Value{}, err
		}
		return Value(a), nil
	}
}

// From converts a script value to an array: an ndarray is returned as is
// (not copied); numbers and quantities give 0-d arrays; nested lists and
// tuples of numbers, quantities and arrays give n-d arrays. Ragged input,
// non-numeric elements and mixed units are errors.
func From(v runtime.Value) (*Array, error) {
	if a, ok := v.Obj().(*Array); ok {
		return a, nil
	}
	if w, ok := v.Obj().(Viewer); ok {
		return w.ArrayView()
	}
	a, ok, err := fromScalar(v)
	if ok || err != nil {
		return a, err
	}
	switch o := v.Obj().(type) {
	case runtime.Tuple, *runtime.List:
	case *runtime.Range:
		// np.array(range(n)) as numpy: an int array of the range's values
		out := make([]int64, 0, o.Len())
		for k := o.Start; (o.Step > 0 && k < o.Stop) || (o.Step < 0 && k > o.Stop); k += o.Step {
			out = append(out, k)
		}
		return FromInts(out), nil
	default:
		return nil, runtime.Errorf("cannot convert %s to an array", runtime.TypeName(v))
	}
	var b builder
	shape, err := b.shapeOf(v, 0)
	if err != nil {
		return nil, err
	}
	b.out = Zeros(b.dtype, shape, b.dim)
	b.fill(v)
	return b.out, nil
}

// fromScalar converts a bool, int, float or Quantity to a 0-d array.
func fromScalar(v runtime.Value) (*Array, bool, error) {
	switch v.Kind() {
	case runtime.BoolKind:
		return scalarBool(v.AsBool()), true, nil
	case runtime.IntKind:
		return scalarInt(v.AsInt()), true, nil
	case runtime.FloatKind:
		return scalarFloat(v.AsFloat(), units.Dim{}), true, nil
	}
	if q, ok := v.Obj().(runtime.Quantity); ok {
		return scalarFloat(q.V, q.D), true, nil
	}
	return nil, false, nil
}

// builder converts nested sequences in two passes: shape/dtype/unit, then
// values.
type builder struct {
	dtype  DType
	dim    units.Dim
	hasDim bool
	out    *Array
	pos    int
}

func elems(v runtime.Value) ([]runtime.Value, bool) {
	switch o := v.Obj().(type) {
	case runtime.Tuple:
		return o, true
	case *runtime.List:
		return o.Elems, true
	}
	return nil, false
}

func (b *builder) noteDim(d units.Dim) error {
	if !b.hasDim {
		b.dim, b.hasDim = d, true
		return nil
	}
	if d != b.dim {
		return runtime.Errorf("cannot make an array of values with different units (%s vs %s)", DimName(b.dim), DimName(d))
	}
	return nil
}

func (b *builder) shapeOf(v runtime.Value, depth int) ([]int, error) {
	if es, ok := elems(v); ok {
		var sub []int
		for k, e := range es {
			s, err := b.shapeOf(e, depth+1)
			if err != nil {
				return nil, err
			}
			if k == 0 {
				sub = s
			} else if !equalInts(s, sub) {
				return nil, inhomogeneous(depth + 1)
			}
		}
		return append([]int{len(es)}, sub...), nil
	}
	if a, ok := v.Obj().(*Array); ok {
		if a.dtype > b.dtype {
			b.dtype = a.dtype
		}
		return a.Shape(), b.noteDim(a.dim)
	}
	a, ok, _ := fromScalar(v)
	if !ok {
		return nil, runtime.Errorf("cannot convert %s to an array element", runtime.TypeName(v))
	}
	if a.dtype > b.dtype {
		b.dtype = a.dtype
	}
	return nil, b.noteDim(a.dim)
}

func inhomogeneous(depth int) error {
	return runtime.Errorf("setting an array element with a sequence. The requested array has an inhomogeneous shape after %d dimensions", depth)
}

func (b *builder) fill(v runtime.Value) {
	if es, ok := elems(v); ok {
		for _, e := range es {
			b.fill(e)
		}
		return
	}
	a, ok := v.Obj().(*Array)
	if !ok {
		a, _, _ = fromScalar(v)
	}
	n := a.Size()
	src := a.AsType(b.dtype)
	switch b.dtype {
	case Float:
		copy(b.out.f[b.pos:], src.f)
	case Int:
		copy(b.out.i[b.pos:], src.i)
	default:
		copy(b.out.b[b.pos:], src.b)
	}
	b.pos += n
}

func equalInts(a, b []int) bool {
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

// ShapeString formats a shape like numpy: (3,), (3, 2), ().
func ShapeString(shape []int) string {
	parts := make([]string, len(shape))
	for k, s := range shape {
		parts[k] = strconv.Itoa(s)
	}
	if len(shape) == 1 {
		return "(" + parts[0] + ",)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// shapeTight formats a shape without spaces, as numpy's broadcast error
// does: (3,2).
func shapeTight(shape []int) string {
	return strings.ReplaceAll(ShapeString(shape), " ", "")
}

// DimName names a dimension for error messages ("volt", "amp", or SI base
// units when there is no named unit).
func DimName(d units.Dim) string {
	if d.IsDimensionless() {
		return "1"
	}
	return dimName(d)
}
