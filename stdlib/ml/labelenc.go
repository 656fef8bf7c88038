package ml

import (
	"math"
	"strconv"
	"strings"

	"github.com/sim-lang/sim/runtime"
)

// LabelEncoder encodes target labels (numbers or strings) as 0..K-1 in
// sorted order.
var _ = register(&spec{name: "LabelEncoder", kind: "transformer", methods: map[string]method{
	"fit": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if _, err := labelFit(e, "fit", args, kwargs); err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeObj(e), nil
	},
	"fit_transform": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		c, err := labelFit(e, "fit_transform", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return labelCodes(e, c)
	},
	"transform": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if _, ok := e.state.(*catSet); !ok {
			return runtime.Value{}, e.notFitted()
		}
		c, err := labelArg(e, "transform", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return labelCodes(e, c)
	},
	"inverse_transform": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		set, ok := e.state.(*catSet)
		if !ok {
			return runtime.Value{}, e.notFitted()
		}
		var y runtime.Value
		fn := "LabelEncoder.inverse_transform"
		if err := runtime.UnpackArgs(fn, args, kwargs, "y", &y); err != nil {
			return runtime.Value{}, err
		}
		v, _, err := toVec(fn, "y", y)
		if err != nil {
			return runtime.Value{}, err
		}
		codes := make([][]int, len(v))
		var bad []string
		for i, x := range v {
			k := int(x)
			if float64(k) != x || k < 0 || k >= set.size() {
				if x == math.Trunc(x) {
					bad = append(bad, strconv.FormatFloat(x, 'f', 0, 64))
				} else {
					bad = append(bad, runtime.Repr(runtime.MakeFloat(x)))
				}
			}
			codes[i] = []int{k}
		}
		if bad != nil {
			return runtime.Value{}, runtime.Errorf("%s: y contains previously unseen labels: [%s]", fn, strings.Join(bad, ", "))
		}
		rows := decodeRows([]*catSet{set}, codes)
		if l, ok := rows.Obj().(*runtime.List); ok {
			flat := make([]runtime.Value, len(l.Elems))
			for i, r := range l.Elems {
				flat[i] = r.Obj().(*runtime.List).Elems[0]
			}
			return runtime.NewList(flat), nil
		}
		return reshape(rows, len(v))
	},
}}, "preprocessing")

func labelArg(e *Estimator, meth string, args []runtime.Value, kwargs []runtime.Kwarg) (*catCol, error) {
	var y runtime.Value
	fn := "LabelEncoder." + meth
	if err := runtime.UnpackArgs(fn, args, kwargs, "y", &y); err != nil {
		return nil, err
	}
	return readLabels(fn, y)
}

func labelFit(e *Estimator, meth string, args []runtime.Value, kwargs []runtime.Kwarg) (*catCol, error) {
	c, err := labelArg(e, meth, args, kwargs)
	if err != nil {
		return nil, err
	}
	set := fitSet(c)
	e.fitted = map[string]runtime.Value{}
	e.state = set
	e.set("classes_", set.value())
	return c, nil
}

// labelCodes encodes y with the fitted classes.
func labelCodes(e *Estimator, c *catCol) (runtime.Value, error) {
	set := e.state.(*catSet)
	out := make([]int, c.len())
	for i := range out {
		k, ok := set.lookup(c, i)
		if !ok {
			return runtime.Value{}, runtime.Errorf("LabelEncoder.transform: y contains previously unseen labels: %s", unknownCells(set, c))
		}
		out[i] = k
	}
	return intsValue(out), nil
}
