package ml

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// param is a constructor parameter with its default.
type param struct {
	name string
	def  runtime.Value
}

// method is an estimator method.
type method func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error)

// spec describes an estimator class: its parameters and methods.
type spec struct {
	name string
	kind string // "classifier", "regressor", "cluster", "transformer"
	// weighted: fit accepts sample_weight (argsXyw refuses it otherwise)
	weighted bool
	params   []param
	methods  map[string]method
}

// Estimator is a scikit-learn style estimator: parameters set by the
// constructor (readable and assignable as attributes), methods, and fitted
// attributes with trailing underscores.
type Estimator struct {
	spec   *spec
	params map[string]runtime.Value
	fitted map[string]runtime.Value
	state  any
}

// specs holds every estimator class by name.
var specs = map[string]*spec{}

// register defines the constructor of an estimator class in the module.
func register(s *spec, mods ...string) bool {
	specs[s.name] = s
	if s.methods == nil {
		s.methods = map[string]method{}
	}
	addDefaults(s)
	return def(s.name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		e, err := newEstimator(s, args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeObj(e), nil
	}, mods...)
}

func newEstimator(s *spec, args []runtime.Value, kwargs []runtime.Kwarg) (*Estimator, error) {
	vals := make([]runtime.Value, len(s.params))
	pairs := make([]any, 0, 2*len(s.params))
	for k, p := range s.params {
		pairs = append(pairs, p.name+"?", &vals[k])
	}
	if err := runtime.UnpackArgs(s.name, args, kwargs, pairs...); err != nil {
		return nil, err
	}
	e := &Estimator{spec: s, params: map[string]runtime.Value{}, fitted: map[string]runtime.Value{}}
	for k, p := range s.params {
		if vals[k].IsValid() {
			e.params[p.name] = vals[k]
		} else {
			e.params[p.name] = p.def
		}
	}
	return e, nil
}

// clone returns an unfitted estimator with the same parameters.
func (e *Estimator) clone() *Estimator {
	c := &Estimator{spec: e.spec, params: map[string]runtime.Value{}, fitted: map[string]runtime.Value{}}
	for k, v := range e.params {
		if k == "steps" {
			v = cloneSteps(v)
		}
		if k == "transformers" && e.spec.name == "ColumnTransformer" {
			v = cloneTransformers(v)
		}
		if inner, ok := v.Obj().(*Estimator); ok {
			v = runtime.MakeObj(inner.clone())
		}
		c.params[k] = v
	}
	return c
}

// addDefaults adds the methods every estimator has, and those derived
// from others (fit_predict, fit_transform, score).
func addDefaults(s *spec) {
	m := s.methods
	m["get_params"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		d := runtime.NewDict()
		for _, p := range e.spec.params {
			if err := d.Set(runtime.MakeStr(p.name), e.params[p.name]); err != nil {
				return runtime.Value{}, err
			}
		}
		return runtime.MakeObj(d), nil
	}
	m["set_params"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if len(args) > 0 {
			return runtime.Value{}, runtime.Errorf("%s.set_params() takes keyword arguments only", e.spec.name)
		}
		for _, kw := range kwargs {
			if err := e.SetAttr(kw.Name, kw.Value); err != nil {
				return runtime.Value{}, err
			}
		}
		return runtime.MakeObj(e), nil
	}
	if _, ok := m["fit_predict"]; !ok && m["fit"] != nil && s.kind == "cluster" {
		m["fit_predict"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if _, err := e.spec.methods["fit"](e, th, args, kwargs); err != nil {
				return runtime.Value{}, err
			}
			return e.fitted["labels_"], nil
		}
	}
	if _, ok := m["fit_transform"]; !ok && m["fit"] != nil && m["transform"] != nil {
		m["fit_transform"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if _, err := e.spec.methods["fit"](e, th, args, kwargs); err != nil {
				return runtime.Value{}, err
			}
			var X runtime.Value
			if len(args) > 0 {
				X = args[0]
			} else {
				for _, kw := range kwargs {
					if kw.Name == "X" {
						X = kw.Value
					}
				}
			}
			return e.spec.methods["transform"](e, th, []runtime.Value{X}, nil)
		}
	}
	if _, ok := m["score"]; !ok && m["predict"] != nil && (s.kind == "classifier" || s.kind == "regressor") {
		m["score"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			var X, y, sw runtime.Value
			if err := runtime.UnpackArgs(e.spec.name+".score", args, kwargs, "X", &X, "y", &y, "sample_weight?", &sw); err != nil {
				return runtime.Value{}, err
			}
			p, err := e.spec.methods["predict"](e, th, []runtime.Value{X}, nil)
			if err != nil {
				return runtime.Value{}, err
			}
			yt, _, err := toVec(e.spec.name+".score", "y", y)
			if err != nil {
				return runtime.Value{}, err
			}
			yp, _, err := toVec(e.spec.name+".score", "y_pred", p)
			if err != nil {
				return runtime.Value{}, err
			}
			if len(yt) != len(yp) {
				return runtime.Value{}, runtime.Errorf("%s.score: Found input variables with inconsistent numbers of samples: [%d, %d]", e.spec.name, len(yp), len(yt))
			}
			if sw.IsValid() && !sw.IsNone() {
				w, _, err := toVec(e.spec.name+".score", "sample_weight", sw)
				if err != nil {
					return runtime.Value{}, err
				}
				if len(w) != len(yt) {
					return runtime.Value{}, runtime.Errorf("%s.score: sample_weight.shape == (%d,), expected (%d,)!", e.spec.name, len(w), len(yt))
				}
				return runtime.MakeFloat(weightedScore(e.spec.kind == "classifier", yt, yp, w)), nil
			}
			if e.spec.kind == "classifier" {
				return runtime.MakeFloat(accuracy(yt, yp)), nil
			}
			return runtime.MakeFloat(r2(yt, yp)), nil
		}
	}
}

// weightedScore is accuracy (classifiers) or R² (regressors) with
// sample weights, as score(X, y, sample_weight) computes them.
func weightedScore(classifier bool, yt, yp, w []float64) float64 {
	sw, hit, mean := 0.0, 0.0, 0.0
	for i, v := range yt {
		sw += w[i]
		mean += w[i] * v
		if v == yp[i] {
			hit += w[i]
		}
	}
	if classifier {
		return hit / sw
	}
	mean /= sw
	res, tot := 0.0, 0.0
	for i, v := range yt {
		res += w[i] * (v - yp[i]) * (v - yp[i])
		tot += w[i] * (v - mean) * (v - mean)
	}
	if tot == 0 {
		if res == 0 {
			return 1
		}
		return 0
	}
	return 1 - res/tot
}

// Type implements runtime.Object.
func (e *Estimator) Type() string { return e.spec.name }

// String implements runtime.Object: the class and the parameters that
// differ from their defaults, as scikit-learn prints them.
func (e *Estimator) String() string {
	var parts []string
	for _, p := range e.spec.params {
		v := e.params[p.name]
		if eq, err := runtime.Equal(v, p.def); err == nil && eq && runtime.TypeName(v) == runtime.TypeName(p.def) {
			continue
		}
		if x, ok := v.ToFloat(); ok && math.IsNaN(x) && v.Kind() == p.def.Kind() && math.IsNaN(p.def.AsFloat()) {
			continue // nan == nan for a default such as missing_values=nan
		}
		parts = append(parts, fmt.Sprintf("%s=%s", p.name, runtime.Repr(v)))
	}
	return e.spec.name + "(" + strings.Join(parts, ", ") + ")"
}

// Truth implements runtime.Object.
func (e *Estimator) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs: methods, fitted attributes, then
// parameters.
func (e *Estimator) Attr(name string) (runtime.Value, error) {
	if m, ok := e.spec.methods[name]; ok {
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return m(e, th, args, kwargs)
		}), nil
	}
	if v, ok := e.fitted[name]; ok {
		return v, nil
	}
	if v, ok := e.params[name]; ok {
		return v, nil
	}
	if strings.HasSuffix(name, "_") && !strings.HasPrefix(name, "_") && len(e.fitted) == 0 {
		return runtime.Value{}, e.notFitted()
	}
	return runtime.Value{}, nil
}

// notFitted is scikit-learn's NotFittedError message.
func (e *Estimator) notFitted() error {
	return runtime.Errorf("NotFittedError: This %s instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.", e.spec.name)
}

// AttrNames implements runtime.HasAttrs.
func (e *Estimator) AttrNames() []string {
	var out []string
	for k := range e.spec.methods {
		out = append(out, k)
	}
	for k := range e.fitted {
		out = append(out, k)
	}
	for _, p := range e.spec.params {
		out = append(out, p.name)
	}
	sort.Strings(out)
	return out
}

// SetAttr implements runtime.HasSetAttr: parameters can be assigned.
func (e *Estimator) SetAttr(name string, v runtime.Value) error {
	if done, err := e.setNested(name, v); done {
		return err
	}
	if _, ok := e.params[name]; ok {
		e.params[name] = v
		return nil
	}
	names := make([]string, 0, len(e.spec.params))
	for _, p := range e.spec.params {
		names = append(names, p.name)
	}
	return runtime.Errorf("Invalid parameter '%s' for estimator %s%s", name, e.spec.name, runtime.Suggest(name, names))
}

// set stores a fitted attribute.
func (e *Estimator) set(name string, v runtime.Value) { e.fitted[name] = v }

// ---- parameter accessors ----

func (e *Estimator) pInt(name string) (int, error) {
	v := e.params[name]
	i, ok := v.ToInt()
	if !ok || v.Kind() == runtime.FloatKind {
		return 0, runtime.Errorf("%s: parameter '%s' must be an int, not %s", e.spec.name, name, runtime.Repr(v))
	}
	return int(i), nil
}

func (e *Estimator) pFloat(name string) (float64, error) {
	v := e.params[name]
	f, ok := v.ToFloat()
	if !ok {
		return 0, runtime.Errorf("%s: parameter '%s' must be a number, not %s", e.spec.name, name, runtime.Repr(v))
	}
	return f, nil
}

func (e *Estimator) pStr(name string, allowed ...string) (string, error) {
	v := e.params[name]
	s, ok := runtime.AsString(v)
	if !ok || (len(allowed) > 0 && !contains(allowed, s)) {
		return "", runtime.Errorf("%s: parameter '%s' must be one of %s, not %s", e.spec.name, name, quoteList(allowed), runtime.Repr(v))
	}
	return s, nil
}

func (e *Estimator) pBool(name string) bool {
	b, _ := runtime.Truth(e.params[name])
	return b
}

func (e *Estimator) pNone(name string) bool {
	v := e.params[name]
	return !v.IsValid() || v.IsNone()
}

// rng returns a generator seeded by the random_state parameter (fresh
// entropy when None).
func (e *Estimator) rng() (*rand.Rand, error) { return seeded(e.spec.name, e.params["random_state"]) }

func seeded(fn string, v runtime.Value) (*rand.Rand, error) {
	if !v.IsValid() || v.IsNone() {
		return rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64())), nil
	}
	i, ok := v.ToInt()
	if !ok || v.Kind() == runtime.FloatKind {
		return nil, runtime.Errorf("%s: random_state must be an int or None, not %s", fn, runtime.Repr(v))
	}
	s := uint64(i)
	return rand.New(rand.NewPCG(s, s^0x9e3779b97f4a7c15)), nil
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for k, x := range xs {
		q[k] = "'" + x + "'"
	}
	return "{" + strings.Join(q, ", ") + "}"
}

// ---- argument helpers for methods ----

// argsX unpacks (X) of a method.
func argsX(e *Estimator, meth string, args []runtime.Value, kwargs []runtime.Kwarg) (*mat, error) {
	var X runtime.Value
	fn := e.spec.name + "." + meth
	if err := runtime.UnpackArgs(fn, args, kwargs, "X", &X); err != nil {
		return nil, err
	}
	return toMat(fn, X, false)
}

// argsXy unpacks (X, y) of a method; y may be optional. A sample_weight
// is refused: the estimators that honour it read it with argsXyw.
func argsXy(e *Estimator, meth string, args []runtime.Value, kwargs []runtime.Kwarg, needY bool) (*mat, []float64, bool, error) {
	X, y, isInt, _, err := argsXyw(e, meth, args, kwargs, needY)
	return X, y, isInt, err
}

// argsXyw unpacks (X, y, sample_weight) of a method; y may be optional
// and the weights are nil when none were given. Estimators whose spec is
// not weighted refuse sample_weight rather than ignore it: a weighted
// fit must not silently give the unweighted answer.
func argsXyw(e *Estimator, meth string, args []runtime.Value, kwargs []runtime.Kwarg, needY bool) (*mat, []float64, bool, []float64, error) {
	var X, y, sw runtime.Value
	fn := e.spec.name + "." + meth
	if err := runtime.UnpackArgs(fn, args, kwargs, "X", &X, "y?", &y, "sample_weight?", &sw); err != nil {
		return nil, nil, false, nil, err
	}
	if sw.IsValid() && !sw.IsNone() && !e.spec.weighted {
		return nil, nil, false, nil, runtime.Errorf("%s: sample_weight is not supported by sim's %s (fit without it, or resample the data)", fn, e.spec.name)
	}
	Xm, err := toMat(fn, X, false)
	if err != nil {
		return nil, nil, false, nil, err
	}
	w, err := sampleWeight(fn, sw, Xm.r)
	if err != nil {
		return nil, nil, false, nil, err
	}
	if !y.IsValid() || y.IsNone() {
		if needY {
			return nil, nil, false, nil, runtime.Errorf("%s requires y to be passed, but the target y is None", fn)
		}
		return Xm, nil, false, w, nil
	}
	yv, isInt, err := toVec(fn, "y", y)
	if err != nil {
		return nil, nil, false, nil, err
	}
	if err := checkXY(fn, Xm, yv); err != nil {
		return nil, nil, false, nil, err
	}
	return Xm, yv, isInt, w, nil
}

// sampleWeight checks a sample_weight argument as scikit-learn's
// _check_sample_weight does: None (nil), a number for every sample, or
// one finite number per sample.
func sampleWeight(fn string, v runtime.Value, n int) ([]float64, error) {
	if !v.IsValid() || v.IsNone() {
		return nil, nil
	}
	if f, ok := v.ToFloat(); ok && v.Kind() != runtime.BoolKind {
		w := make([]float64, n)
		for i := range w {
			w[i] = f
		}
		return w, checkFinite(fn, w)
	}
	a, err := array.From(v)
	if err != nil {
		return nil, runtime.Errorf("%s: sample_weight must be a number or an array-like of numbers: %v", fn, err)
	}
	if len(a.Shape()) != 1 {
		return nil, runtime.Errorf("%s: Sample weights must be 1D array or scalar", fn)
	}
	if a.Shape()[0] != n {
		return nil, runtime.Errorf("%s: sample_weight.shape == (%d,), expected (%d,)!", fn, a.Shape()[0], n)
	}
	w := append([]float64(nil), a.Float64s()...)
	return w, checkFinite(fn, w)
}

func checkFinite(fn string, w []float64) error {
	for _, x := range w {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return runtime.Errorf("%s: Input sample_weight contains NaN or infinity", fn)
		}
	}
	return nil
}

// nonNegative refuses negative sample weights (LinearRegression's
// only_non_negative check).
func nonNegative(fn string, w []float64) error {
	for _, x := range w {
		if x < 0 {
			return runtime.Errorf("%s: Negative values in data passed to `sample_weight`", fn)
		}
	}
	return nil
}

// checkFeatures checks a predict-time X against the fitted width.
func (e *Estimator) checkFeatures(meth string, X *mat) error {
	v, ok := e.fitted["n_features_in_"]
	if !ok {
		return e.notFitted()
	}
	n, _ := v.ToInt()
	if int(n) != X.c {
		return runtime.Errorf("%s.%s: X has %d features, but %s is expecting %d features as input", e.spec.name, meth, X.c, e.spec.name, n)
	}
	return nil
}

// ---- class labels ----

// labels encodes class labels as indices into sorted unique classes.
type labels struct {
	classes []float64
	idx     []int
	isInt   bool
}

func encode(y []float64, isInt bool) *labels {
	u := unique(y)
	pos := map[float64]int{}
	for k, c := range u {
		pos[c] = k
	}
	idx := make([]int, len(y))
	for i, v := range y {
		idx[i] = pos[v]
	}
	return &labels{u, idx, isInt}
}

func unique(y []float64) []float64 {
	u := append([]float64(nil), y...)
	sort.Float64s(u)
	n := 0
	for k, v := range u {
		if k == 0 || v != u[n-1] {
			u[n] = v
			n++
		}
	}
	return u[:n]
}

// classesValue returns classes as an array (int when the labels were).
func classesValue(cl []float64, isInt bool) runtime.Value {
	if isInt {
		ints := make([]int, len(cl))
		for k, c := range cl {
			ints[k] = int(c)
		}
		return intsValue(ints)
	}
	return floatsValue(append([]float64(nil), cl...))
}

// decode maps class indices back to labels.
func (l *labels) decode(idx []int) runtime.Value {
	out := make([]float64, len(idx))
	for k, i := range idx {
		out[k] = l.classes[i]
	}
	return classesValue(out, l.isInt)
}

// setFit records the attributes common to fitted estimators.
func (e *Estimator) setFit(X *mat) {
	e.set("n_features_in_", runtime.MakeInt(int64(X.c)))
}
