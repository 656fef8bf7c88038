package stats

import (
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
	"gonum.org/v1/gonum/stat/distuv"
)

func init() {
	def("ttest_ind", ttestInd)
	def("ttest_1samp", ttest1samp)
	def("chi2_contingency", chi2Contingency)
}

// sample reads a 1-d sample (any unit) as SI floats.
func sample(fname, what string, v runtime.Value) ([]float64, units.Dim, error) {
	a, err := array.From(v)
	if err != nil {
		return nil, units.Dim{}, runtime.Errorf("%s() %s: %v", fname, what, err)
	}
	x := a.Float64s()
	if len(x) < 2 {
		return nil, units.Dim{}, runtime.Errorf("%s() %s needs at least 2 observations", fname, what)
	}
	return x, a.Dim(), nil
}

func meanVar(x []float64) (float64, float64) {
	m := 0.0
	for _, v := range x {
		m += v
	}
	m /= float64(len(x))
	s := 0.0
	for _, v := range x {
		s += (v - m) * (v - m)
	}
	return m, s / float64(len(x)-1)
}

// tPvalue is the p-value of t with df degrees of freedom.
func tPvalue(t, df float64, alternative string) float64 {
	d := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	switch alternative {
	case "less":
		return d.CDF(t)
	case "greater":
		return d.Survival(t)
	}
	return math.Min(1, 2*d.Survival(math.Abs(t)))
}

func alternativeArg(fname string, v runtime.Value) (string, error) {
	if !v.IsValid() || v.IsNone() {
		return "two-sided", nil
	}
	s, ok := runtime.AsString(v)
	if !ok || (s != "two-sided" && s != "less" && s != "greater") {
		return "", runtime.Errorf("%s(): alternative must be 'two-sided', 'less' or 'greater'", fname)
	}
	return s, nil
}

// ttestInd is scipy.stats.ttest_ind: Student's (equal_var=True, SciPy's
// default) or Welch's t-test for two independent samples.
func ttestInd(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "ttest_ind"
	var av, bv, axis, equalVar, nanPolicy, alt runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "a", &av, "b", &bv, "axis?", &axis, "equal_var?", &equalVar,
		"nan_policy?", &nanPolicy, "alternative?", &alt); err != nil {
		return runtime.Value{}, err
	}
	a, da, err := sample(fname, "a", av)
	if err != nil {
		return runtime.Value{}, err
	}
	b, db, err := sample(fname, "b", bv)
	if err != nil {
		return runtime.Value{}, err
	}
	if da != db {
		return runtime.Value{}, runtime.Errorf("%s(): the samples have different units (%s and %s)", fname, array.DimName(da), array.DimName(db))
	}
	eq := true
	if equalVar.IsValid() && !equalVar.IsNone() {
		if eq, err = runtime.Truth(equalVar); err != nil {
			return runtime.Value{}, err
		}
	}
	alternative, err := alternativeArg(fname, alt)
	if err != nil {
		return runtime.Value{}, err
	}
	t, df := welch(a, b, eq)
	p := tPvalue(t, df, alternative)
	return runtime.MakeObj(record("Ttest_indResult", 2, "statistic", runtime.MakeFloat(t), "pvalue", runtime.MakeFloat(p),
		"df", runtime.MakeFloat(df))), nil
}

// welch returns the t statistic and degrees of freedom of a two-sample
// t-test (pooled variance when equalVar).
func welch(a, b []float64, equalVar bool) (t, df float64) {
	ma, va := meanVar(a)
	mb, vb := meanVar(b)
	na, nb := float64(len(a)), float64(len(b))
	if equalVar {
		df = na + nb - 2
		svar := ((na-1)*va + (nb-1)*vb) / df
		return (ma - mb) / math.Sqrt(svar*(1/na+1/nb)), df
	}
	qa, qb := va/na, vb/nb
	df = (qa + qb) * (qa + qb) / (qa*qa/(na-1) + qb*qb/(nb-1))
	return (ma - mb) / math.Sqrt(qa+qb), df
}

// ttest1samp is scipy.stats.ttest_1samp.
func ttest1samp(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "ttest_1samp"
	var av, popmean, axis, nanPolicy, alt runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "a", &av, "popmean", &popmean, "axis?", &axis,
		"nan_policy?", &nanPolicy, "alternative?", &alt); err != nil {
		return runtime.Value{}, err
	}
	a, da, err := sample(fname, "a", av)
	if err != nil {
		return runtime.Value{}, err
	}
	pm, err := array.From(popmean)
	if err != nil || pm.Size() != 1 {
		return runtime.Value{}, runtime.Errorf("%s(): popmean must be a number", fname)
	}
	if pm.Dim() != da && pm.Float64s()[0] != 0 {
		return runtime.Value{}, runtime.Errorf("%s(): popmean is in %s but the sample is in %s", fname, array.DimName(pm.Dim()), array.DimName(da))
	}
	alternative, err := alternativeArg(fname, alt)
	if err != nil {
		return runtime.Value{}, err
	}
	m, v := meanVar(a)
	n := float64(len(a))
	t := (m - pm.Float64s()[0]) / math.Sqrt(v/n)
	p := tPvalue(t, n-1, alternative)
	return runtime.MakeObj(record("Ttest_1sampResult", 2, "statistic", runtime.MakeFloat(t), "pvalue", runtime.MakeFloat(p),
		"df", runtime.MakeFloat(n-1))), nil
}

// chi2Contingency is scipy.stats.chi2_contingency: the chi-square test of
// independence of the variables in a contingency table, with Yates'
// correction for one degree of freedom.
func chi2Contingency(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "chi2_contingency"
	var ov, corr, lambda runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "observed", &ov, "correction?", &corr, "lambda_?", &lambda); err != nil {
		return runtime.Value{}, err
	}
	if lambda.IsValid() && !lambda.IsNone() {
		return runtime.Value{}, runtime.Errorf("%s(): only the Pearson statistic (lambda_=None) is supported", fname)
	}
	a, err := array.From(ov)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%s() observed: %v", fname, err)
	}
	shape := a.Shape()
	if len(shape) != 2 {
		return runtime.Value{}, runtime.Errorf("%s(): observed must be a 2-d table, got shape %s", fname, array.ShapeString(shape))
	}
	obs := append([]float64(nil), a.Float64s()...)
	for _, v := range obs {
		if v < 0 {
			return runtime.Value{}, runtime.Errorf("%s(): all values in observed must be nonnegative", fname)
		}
	}
	correction := true
	if corr.IsValid() && !corr.IsNone() {
		if correction, err = runtime.Truth(corr); err != nil {
			return runtime.Value{}, err
		}
	}
	r, c := shape[0], shape[1]
	rows, cols := make([]float64, r), make([]float64, c)
	total := 0.0
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			rows[i] += obs[i*c+j]
			cols[j] += obs[i*c+j]
			total += obs[i*c+j]
		}
	}
	exp := make([]float64, r*c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			exp[i*c+j] = rows[i] * cols[j] / total
			if exp[i*c+j] == 0 {
				return runtime.Value{}, runtime.Errorf("%s(): the internally computed table of expected frequencies has a zero element", fname)
			}
		}
	}
	dof := r*c - (r + c) + 1
	chi2, p := 0.0, 1.0
	if dof > 0 {
		for k := range obs {
			o := obs[k]
			if dof == 1 && correction {
				d := exp[k] - o
				o += math.Copysign(math.Min(0.5, math.Abs(d)), d)
				if d == 0 {
					o = obs[k]
				}
			}
			chi2 += (o - exp[k]) * (o - exp[k]) / exp[k]
		}
		p = distuv.ChiSquared{K: float64(dof)}.Survival(chi2)
	}
	expected := array.Value(array.New([]int{r, c}, exp, units.Dim{}))
	return runtime.MakeObj(record("Chi2ContingencyResult", 4, "statistic", runtime.MakeFloat(chi2), "pvalue", runtime.MakeFloat(p),
		"dof", runtime.MakeInt(int64(dof)), "expected_freq", expected)), nil
}
