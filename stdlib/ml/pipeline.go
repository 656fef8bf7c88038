package ml

import (
	"math"
	"sort"
	"strings"

	"github.com/sim-lang/sim/runtime"
)

var (
	_ = register(&spec{name: "Pipeline", kind: "pipeline", params: []param{
		{"steps", runtime.NewList(nil)}, {"memory", runtime.None}, {"verbose", runtime.False},
	}, methods: pipelineMethods()}, "pipeline")
	_ = def("make_pipeline", makePipeline, "pipeline")
	_ = register(&spec{name: "GridSearchCV", kind: "search", params: []param{
		{"estimator", runtime.None}, {"param_grid", runtime.None}, {"scoring", runtime.None},
		{"n_jobs", runtime.None}, {"refit", runtime.True}, {"cv", runtime.None},
		{"verbose", runtime.MakeInt(0)}, {"return_train_score", runtime.False},
	}, methods: gridMethods()}, "model_selection")
)

// step is one named step of a pipeline.
type step struct {
	name string
	est  runtime.Value
}

func (e *Estimator) steps() ([]step, error) {
	it, err := runtime.Iterate(e.params["steps"])
	if err != nil {
		return nil, runtime.Errorf("Pipeline: steps must be a list of (name, estimator) tuples")
	}
	var out []step
	var v runtime.Value
	for it.Next(&v) {
		t, ok := v.Obj().(runtime.Tuple)
		if !ok || len(t) != 2 {
			return nil, runtime.Errorf("Pipeline: steps must be a list of (name, estimator) tuples, got %s", runtime.Repr(v))
		}
		name, ok := runtime.AsString(t[0])
		if !ok {
			return nil, runtime.Errorf("Pipeline: step names must be strings")
		}
		out = append(out, step{name, t[1]})
	}
	if len(out) == 0 {
		return nil, runtime.Errorf("Pipeline: no steps")
	}
	return out, nil
}

// finalStep returns the last estimator of a pipeline (or a search's
// estimator).
func (e *Estimator) finalStep() *Estimator {
	if e.spec.name == "GridSearchCV" {
		inner, _ := e.params["estimator"].Obj().(*Estimator)
		return inner
	}
	st, err := e.steps()
	if err != nil {
		return nil
	}
	inner, _ := st[len(st)-1].est.Obj().(*Estimator)
	return inner
}

func cloneSteps(v runtime.Value) runtime.Value {
	it, err := runtime.Iterate(v)
	if err != nil {
		return v
	}
	var out []runtime.Value
	var x runtime.Value
	for it.Next(&x) {
		if t, ok := x.Obj().(runtime.Tuple); ok && len(t) == 2 {
			if inner, ok := t[1].Obj().(*Estimator); ok {
				x = runtime.MakeTuple(t[0], runtime.MakeObj(inner.clone()))
			}
		}
		out = append(out, x)
	}
	return runtime.NewList(out)
}

// setNested sets step__param on a pipeline (or estimator__param on a
// search).
func (e *Estimator) setNested(name string, v runtime.Value) (bool, error) {
	i := strings.Index(name, "__")
	if i < 0 {
		return false, nil
	}
	head, rest := name[:i], name[i+2:]
	if e.spec.name == "GridSearchCV" && head == "estimator" {
		return true, runtime.SetAttr(e.params["estimator"], rest, v)
	}
	if e.spec.name == "ColumnTransformer" {
		return true, setTransformerParam(e, head, rest, name, v)
	}
	if _, ok := e.params["steps"]; !ok {
		return false, nil
	}
	st, err := e.steps()
	if err != nil {
		return true, err
	}
	for _, s := range st {
		if s.name == head {
			return true, runtime.SetAttr(s.est, rest, v)
		}
	}
	return true, runtime.Errorf("Invalid parameter '%s' for estimator %s: no step named '%s'", name, e.spec.name, head)
}

func makePipeline(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var steps []runtime.Value
	count := map[string]int{}
	for _, a := range args {
		count[strings.ToLower(runtime.TypeName(a))]++
	}
	seen := map[string]int{}
	for _, a := range args {
		n := strings.ToLower(runtime.TypeName(a))
		if count[n] > 1 {
			seen[n]++
			n = n + "-" + string(rune('0'+seen[n]))
		}
		steps = append(steps, runtime.MakeTuple(runtime.MakeStr(n), a))
	}
	e, err := newEstimator(specs["Pipeline"], []runtime.Value{runtime.NewList(steps)}, kwargs)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(e), nil
}

// pipeTransform runs X through all steps but the last (fitting them when
// fit is true, with the fit parameters routed to each step).
func pipeTransform(th *runtime.Thread, e *Estimator, X, y runtime.Value, fit bool, params map[string][]runtime.Kwarg) (runtime.Value, []step, error) {
	st, err := e.steps()
	if err != nil {
		return runtime.Value{}, nil, err
	}
	for _, s := range st[:len(st)-1] {
		var err error
		if fit {
			X, err = callMethodKw(th, s.est, "fit_transform", []runtime.Value{X, y}, params[s.name])
		} else {
			X, err = callMethod(th, s.est, "transform", X)
		}
		if err != nil {
			return runtime.Value{}, nil, err
		}
	}
	return X, st, nil
}

func pipelineMethods() map[string]method {
	m := map[string]method{
		"fit": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			params, rest, err := routeFitParams(e, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			var X, y runtime.Value
			if err := runtime.UnpackArgs("Pipeline.fit", args, rest, "X", &X, "y?", &y); err != nil {
				return runtime.Value{}, err
			}
			if !y.IsValid() {
				y = runtime.None
			}
			Xt, st, err := pipeTransform(th, e, X, y, true, params)
			if err != nil {
				return runtime.Value{}, err
			}
			last := st[len(st)-1]
			if _, err := callMethodKw(th, last.est, "fit", []runtime.Value{Xt, y}, params[last.name]); err != nil {
				return runtime.Value{}, err
			}
			e.state = st
			e.fitted = map[string]runtime.Value{"named_steps": namedSteps(st)}
			return runtime.MakeObj(e), nil
		},
	}
	for _, name := range []string{"predict", "predict_proba", "predict_log_proba", "decision_function", "transform"} {
		name := name
		m[name] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			var X runtime.Value
			if err := runtime.UnpackArgs("Pipeline."+name, args, kwargs, "X", &X); err != nil {
				return runtime.Value{}, err
			}
			if e.state == nil {
				return runtime.Value{}, e.notFitted()
			}
			Xt, st, err := pipeTransform(th, e, X, runtime.None, false, nil)
			if err != nil {
				return runtime.Value{}, err
			}
			return callMethod(th, st[len(st)-1].est, name, Xt)
		}
	}
	// get_feature_names_out chains the steps' names: each step names its
	// outputs from the previous step's.
	m["get_feature_names_out"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var in runtime.Value
		if err := runtime.UnpackArgs("Pipeline.get_feature_names_out", args, kwargs, "input_features?", &in); err != nil {
			return runtime.Value{}, err
		}
		st, ok := e.state.([]step)
		if !ok {
			return runtime.Value{}, e.notFitted()
		}
		if !in.IsValid() {
			in = runtime.None
		}
		for _, s := range st {
			if est, ok := s.est.Obj().(*Estimator); !ok || est.spec.methods["get_feature_names_out"] == nil {
				return runtime.Value{}, runtime.Errorf("Pipeline.get_feature_names_out: Estimator %s does not provide get_feature_names_out. Did you mean to call pipeline[:-1].get_feature_names_out()?", s.name)
			}
			var err error
			if in, err = callMethodKw(th, s.est, "get_feature_names_out", nil, []runtime.Kwarg{{Name: "input_features", Value: in}}); err != nil {
				return runtime.Value{}, err
			}
		}
		return in, nil
	}
	m["score"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var X, y, sw runtime.Value
		if err := runtime.UnpackArgs("Pipeline.score", args, kwargs, "X", &X, "y", &y, "sample_weight?", &sw); err != nil {
			return runtime.Value{}, err
		}
		if e.state == nil {
			return runtime.Value{}, e.notFitted()
		}
		Xt, st, err := pipeTransform(th, e, X, runtime.None, false, nil)
		if err != nil {
			return runtime.Value{}, err
		}
		var kw []runtime.Kwarg
		if sw.IsValid() && !sw.IsNone() {
			kw = []runtime.Kwarg{{Name: "sample_weight", Value: sw}}
		}
		return callMethodKw(th, st[len(st)-1].est, "score", []runtime.Value{Xt, y}, kw)
	}
	return m
}

// routeFitParams splits Pipeline.fit's keyword arguments: step__param
// ones go to that step's fit, the rest (X, y) stay. A parameter without
// a step name is refused with scikit-learn's hint.
func routeFitParams(e *Estimator, kwargs []runtime.Kwarg) (map[string][]runtime.Kwarg, []runtime.Kwarg, error) {
	var rest []runtime.Kwarg
	params := map[string][]runtime.Kwarg{}
	st, err := e.steps()
	if err != nil {
		return nil, nil, err
	}
	for _, kw := range kwargs {
		if kw.Name == "X" || kw.Name == "y" {
			rest = append(rest, kw)
			continue
		}
		head, p, ok := strings.Cut(kw.Name, "__")
		if !ok {
			return nil, nil, runtime.Errorf("Pipeline.fit does not accept the %s parameter. You can pass parameters to specific steps of your pipeline using the stepname__parameter format, e.g. `Pipeline.fit(X, y, %s__%s=...)`", kw.Name, st[len(st)-1].name, kw.Name)
		}
		found := false
		for _, s := range st {
			found = found || s.name == head
		}
		if !found {
			return nil, nil, runtime.Errorf("Pipeline.fit: no step named '%s' for the parameter %s", head, kw.Name)
		}
		params[head] = append(params[head], runtime.Kwarg{Name: p, Value: kw.Value})
	}
	return params, rest, nil
}

func namedSteps(st []step) runtime.Value {
	b := &Bunch{name: "named_steps", m: map[string]runtime.Value{}}
	for _, s := range st {
		b.m[s.name] = s.est
	}
	return runtime.MakeObj(b)
}

// grid expands a param_grid (a dict of lists, or a list of them) into
// parameter combinations, keys sorted as scikit-learn's ParameterGrid.
func grid(v runtime.Value) ([][]runtime.Kwarg, error) {
	var dicts []*runtime.Dict
	if d, ok := v.Obj().(*runtime.Dict); ok {
		dicts = []*runtime.Dict{d}
	} else if l, ok := v.Obj().(*runtime.List); ok {
		for _, x := range l.Elems {
			d, ok := x.Obj().(*runtime.Dict)
			if !ok {
				return nil, runtime.Errorf("GridSearchCV: param_grid must be a dict or a list of dicts")
			}
			dicts = append(dicts, d)
		}
	} else {
		return nil, runtime.Errorf("GridSearchCV: param_grid must be a dict or a list of dicts, not %s", runtime.TypeName(v))
	}
	var out [][]runtime.Kwarg
	for _, d := range dicts {
		items := d.Items()
		sort.Slice(items, func(a, b int) bool { return runtime.Str(items[a][0]) < runtime.Str(items[b][0]) })
		combos := [][]runtime.Kwarg{nil}
		for _, kv := range items {
			name := runtime.Str(kv[0])
			it, err := runtime.Iterate(kv[1])
			if err != nil {
				return nil, runtime.Errorf("GridSearchCV: Parameter grid for parameter '%s' needs to be a list or a numpy array", name)
			}
			var vals []runtime.Value
			var x runtime.Value
			for it.Next(&x) {
				vals = append(vals, x)
			}
			var next [][]runtime.Kwarg
			for _, c := range combos {
				for _, x := range vals {
					nc := append(append([]runtime.Kwarg(nil), c...), runtime.Kwarg{Name: name, Value: x})
					next = append(next, nc)
				}
			}
			combos = next
		}
		out = append(out, combos...)
	}
	return out, nil
}

func gridMethods() map[string]method {
	m := map[string]method{
		"fit": func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			var X, y runtime.Value
			if err := runtime.UnpackArgs("GridSearchCV.fit", args, kwargs, "X", &X, "y?", &y); err != nil {
				return runtime.Value{}, err
			}
			if !y.IsValid() {
				y = runtime.None
			}
			combos, err := grid(e.params["param_grid"])
			if err != nil {
				return runtime.Value{}, err
			}
			base := e.params["estimator"]
			var params []runtime.Value
			means := make([]float64, len(combos))
			stds := make([]float64, len(combos))
			best := -1
			for k, c := range combos {
				est, err := cloneValue("GridSearchCV", base)
				if err != nil {
					return runtime.Value{}, err
				}
				d := runtime.NewDict()
				for _, kw := range c {
					if err := runtime.SetAttr(est, kw.Name, kw.Value); err != nil {
						return runtime.Value{}, err
					}
					_ = d.Set(runtime.MakeStr(kw.Name), kw.Value)
				}
				params = append(params, runtime.MakeObj(d))
				s, err := cvScores(th, "GridSearchCV", est, X, y, e.params["scoring"], e.params["cv"])
				if err != nil {
					return runtime.Value{}, err
				}
				for _, v := range s {
					means[k] += v / float64(len(s))
				}
				for _, v := range s {
					stds[k] += (v - means[k]) * (v - means[k]) / float64(len(s))
				}
				stds[k] = math.Sqrt(stds[k])
				if best < 0 || means[k] > means[best]+1e-12 {
					best = k
				}
			}
			rank := make([]int, len(combos))
			for k := range rank {
				r := 1
				for j := range means {
					if means[j] > means[k]+1e-12 {
						r++
					}
				}
				rank[k] = r
			}
			e.fitted = map[string]runtime.Value{}
			res := runtime.NewDict()
			_ = res.Set(runtime.MakeStr("params"), runtime.NewList(params))
			_ = res.Set(runtime.MakeStr("mean_test_score"), floatsValue(means))
			_ = res.Set(runtime.MakeStr("std_test_score"), floatsValue(stds))
			_ = res.Set(runtime.MakeStr("rank_test_score"), intsValue(rank))
			e.set("cv_results_", runtime.MakeObj(res))
			e.set("best_params_", params[best])
			e.set("best_score_", runtime.MakeFloat(means[best]))
			e.set("best_index_", runtime.MakeInt(int64(best)))
			if e.pBool("refit") {
				est, _ := cloneValue("GridSearchCV", base)
				for _, kw := range combos[best] {
					_ = runtime.SetAttr(est, kw.Name, kw.Value)
				}
				if _, err := callMethod(th, est, "fit", X, y); err != nil {
					return runtime.Value{}, err
				}
				e.set("best_estimator_", est)
				e.state = est
			}
			return runtime.MakeObj(e), nil
		},
	}
	for _, name := range []string{"predict", "predict_proba", "predict_log_proba", "decision_function", "transform", "score"} {
		name := name
		m[name] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			best, ok := e.state.(runtime.Value)
			if !ok {
				return runtime.Value{}, e.notFitted()
			}
			f, err := runtime.GetAttr(best, name)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.Call(th, f, args, kwargs)
		}
	}
	return m
}
