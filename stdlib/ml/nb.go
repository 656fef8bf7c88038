package ml

import (
	"math"

	"github.com/sim-lang/sim/runtime"
)

// nbState is a Gaussian naive Bayes model updated incrementally.
type nbState struct {
	lab     *labels
	count   []float64
	theta   *mat
	vr      *mat // variances without epsilon
	epsilon float64
	priors  []float64
}

var _ = register(&spec{name: "GaussianNB", kind: "classifier", params: []param{
	{"priors", runtime.None}, {"var_smoothing", runtime.MakeFloat(1e-9)},
}, methods: nbMethods()}, "naive_bayes")

func nbMethods() map[string]method {
	m := classifierMethods(func(e *Estimator, X *mat, l *labels) (any, error) {
		st := &nbState{lab: l}
		if err := nbUpdate(e, st, X, l.idx); err != nil {
			return nil, err
		}
		return st, nil
	}, nbProba)
	fit := m["fit"]
	m["fit"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		v, err := fit(e, th, args, kwargs)
		if err == nil {
			nbAttrs(e)
		}
		return v, err
	}
	m["partial_fit"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var Xv, yv, cv, swv runtime.Value
		if err := runtime.UnpackArgs("GaussianNB.partial_fit", args, kwargs, "X", &Xv, "y", &yv, "classes?", &cv, "sample_weight?", &swv); err != nil {
			return runtime.Value{}, err
		}
		X, err := toMat("GaussianNB.partial_fit", Xv, false)
		if err != nil {
			return runtime.Value{}, err
		}
		y, isInt, err := toVec("GaussianNB.partial_fit", "y", yv)
		if err != nil {
			return runtime.Value{}, err
		}
		if err := checkXY("GaussianNB.partial_fit", X, y); err != nil {
			return runtime.Value{}, err
		}
		cs, _ := e.state.(*clfState)
		if cs == nil {
			if !cv.IsValid() || cv.IsNone() {
				return runtime.Value{}, runtime.Errorf("GaussianNB.partial_fit: classes must be passed on the first call to partial_fit.")
			}
			cl, cInt, err := toVec("GaussianNB.partial_fit", "classes", cv)
			if err != nil {
				return runtime.Value{}, err
			}
			l := &labels{classes: unique(cl), isInt: cInt && isInt}
			cs = &clfState{lab: l, model: &nbState{lab: l}}
			e.fitted = map[string]runtime.Value{}
			e.setFit(X)
			e.set("classes_", classesValue(l.classes, l.isInt))
		} else if err := e.checkFeatures("partial_fit", X); err != nil {
			return runtime.Value{}, err
		}
		pos := map[float64]int{}
		for k, c := range cs.lab.classes {
			pos[c] = k
		}
		idx := make([]int, len(y))
		for i, v := range y {
			k, ok := pos[v]
			if !ok {
				return runtime.Value{}, runtime.Errorf("GaussianNB.partial_fit: The target label(s) [%g] in y do not exist in the initial classes %s", v, runtime.Repr(e.fitted["classes_"]))
			}
			idx[i] = k
		}
		if err := nbUpdate(e, cs.model.(*nbState), X, idx); err != nil {
			return runtime.Value{}, err
		}
		e.state = cs
		nbAttrs(e)
		return runtime.MakeObj(e), nil
	}
	return m
}

// nbUpdate merges a batch into the per-class means and variances (Chan et
// al.'s parallel update, as scikit-learn's partial_fit).
func nbUpdate(e *Estimator, st *nbState, X *mat, idx []int) error {
	K, d := len(st.lab.classes), X.c
	if st.theta == nil {
		st.count = make([]float64, K)
		st.theta, st.vr = newMat(K, d), newMat(K, d)
	}
	vs, err := e.pFloat("var_smoothing")
	if err != nil {
		return err
	}
	mu := colMeans(X)
	mx := 0.0
	for _, v := range colVars(X, mu) {
		mx = math.Max(mx, v)
	}
	st.epsilon = vs * mx
	for k := 0; k < K; k++ {
		var rows []int
		for i, c := range idx {
			if c == k {
				rows = append(rows, i)
			}
		}
		if len(rows) == 0 {
			continue
		}
		B := X.rows(rows)
		nb := float64(len(rows))
		bm := colMeans(B)
		bv := colVars(B, bm)
		np := st.count[k]
		nt := np + nb
		for j := 0; j < d; j++ {
			om, ov := st.theta.at(k, j), st.vr.at(k, j)
			nm := (np*om + nb*bm[j]) / nt
			ssd := np*ov + nb*bv[j] + np*nb/nt*(om-bm[j])*(om-bm[j])
			st.theta.d[k*d+j] = nm
			st.vr.d[k*d+j] = ssd / nt
		}
		st.count[k] = nt
	}
	pr := e.params["priors"]
	if pr.IsValid() && !pr.IsNone() {
		p, _, err := toVec("GaussianNB", "priors", pr)
		if err != nil {
			return err
		}
		if len(p) != K {
			return runtime.Errorf("GaussianNB: Number of priors must match number of classes.")
		}
		st.priors = p
	} else {
		tot := 0.0
		for _, c := range st.count {
			tot += c
		}
		st.priors = make([]float64, K)
		for k, c := range st.count {
			st.priors[k] = c / tot
		}
	}
	return nil
}

func nbAttrs(e *Estimator) {
	st := e.state.(*clfState).model.(*nbState)
	v := st.vr.clone()
	for k := range v.d {
		v.d[k] += st.epsilon
	}
	e.set("theta_", st.theta.clone().value())
	e.set("var_", v.value())
	e.set("class_count_", floatsValue(append([]float64(nil), st.count...)))
	e.set("class_prior_", floatsValue(append([]float64(nil), st.priors...)))
	e.set("epsilon_", runtime.MakeFloat(st.epsilon))
}

func nbProba(e *Estimator, X *mat) *mat {
	st := e.state.(*clfState).model.(*nbState)
	K := len(st.lab.classes)
	P := newMat(X.r, K)
	for i := 0; i < X.r; i++ {
		x := X.row(i)
		r := P.row(i)
		for k := 0; k < K; k++ {
			ll := math.Log(st.priors[k])
			for j, v := range x {
				vr := st.vr.at(k, j) + st.epsilon
				dd := v - st.theta.at(k, j)
				ll -= 0.5*math.Log(2*math.Pi*vr) + dd*dd/(2*vr)
			}
			r[k] = ll
		}
	}
	softmaxRows(P)
	return P
}
