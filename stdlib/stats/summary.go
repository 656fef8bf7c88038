package stats

import (
	"math"
	"sort"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
	"gonum.org/v1/gonum/dsp/fourier"
)

func init() {
	def("autocorr_time", autocorrTime)
	def("quantile", quantileFn)
	def("summary", summaryFn)
	def("mean", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return columnStat("mean", args, kwargs, func(x []float64) float64 { m, _ := meanVar2(x, 0); return m }, false)
	})
	def("std", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return columnStat("std", args, kwargs, func(x []float64) float64 { _, v := meanVar2(x, 1); return math.Sqrt(v) }, false)
	})
	def("var", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return columnStat("var", args, kwargs, func(x []float64) float64 { _, v := meanVar2(x, 1); return v }, true)
	})
}

// meanVar2 returns the mean and the variance with ddof.
func meanVar2(x []float64, ddof int) (float64, float64) {
	m := 0.0
	for _, v := range x {
		m += v
	}
	m /= float64(len(x))
	s := 0.0
	for _, v := range x {
		s += (v - m) * (v - m)
	}
	return m, s / float64(len(x)-ddof)
}

// columns splits a 1-d sample or a 2-d chain (samples × parameters) into
// per-parameter columns.
func columns(fname string, v runtime.Value) ([][]float64, units.Dim, bool, error) {
	a, err := array.From(v)
	if err != nil {
		return nil, units.Dim{}, false, runtime.Errorf("%s(): %v", fname, err)
	}
	data := a.Float64s()
	sh := a.Shape()
	switch len(sh) {
	case 1:
		if sh[0] == 0 {
			return nil, units.Dim{}, false, runtime.Errorf("%s(): empty sample", fname)
		}
		return [][]float64{append([]float64(nil), data...)}, a.Dim(), true, nil
	case 2:
		if sh[0] == 0 {
			return nil, units.Dim{}, false, runtime.Errorf("%s(): empty sample", fname)
		}
		cols := make([][]float64, sh[1])
		for j := range cols {
			cols[j] = make([]float64, sh[0])
			for i := 0; i < sh[0]; i++ {
				cols[j][i] = data[i*sh[1]+j]
			}
		}
		return cols, a.Dim(), false, nil
	}
	return nil, units.Dim{}, false, runtime.Errorf("%s(): expected a 1-d sample or a 2-d chain, got shape %s", fname, array.ShapeString(sh))
}

// perColumn returns one value per column: a scalar for a 1-d sample, an
// array for a chain.
func perColumn(vals []float64, d units.Dim, single bool) runtime.Value {
	if single {
		return runtime.MakeQuantity(vals[0], d)
	}
	return array.Value(array.New([]int{len(vals)}, vals, d))
}

func columnStat(fname string, args []runtime.Value, kwargs []runtime.Kwarg, f func([]float64) float64, squared bool) (runtime.Value, error) {
	var x runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "x", &x); err != nil {
		return runtime.Value{}, err
	}
	cols, d, single, err := columns(fname, x)
	if err != nil {
		return runtime.Value{}, err
	}
	out := make([]float64, len(cols))
	for j, c := range cols {
		out[j] = f(c)
	}
	if squared {
		d = d.Mul(d)
	}
	return perColumn(out, d, single), nil
}

// Quantile is numpy's default ('linear') quantile of sorted data.
func Quantile(sorted []float64, q float64) float64 {
	n := len(sorted)
	pos := q * float64(n-1)
	lo := int(math.Floor(pos))
	if lo >= n-1 {
		return sorted[n-1]
	}
	frac := pos - float64(lo)
	return sorted[lo] + frac*(sorted[lo+1]-sorted[lo])
}

// quantileFn is stats.quantile(x, q): q a number or a sequence in [0, 1].
func quantileFn(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var x, qv runtime.Value
	if err := runtime.UnpackArgs("quantile", args, kwargs, "x", &x, "q", &qv); err != nil {
		return runtime.Value{}, err
	}
	cols, d, single, err := columns("quantile", x)
	if err != nil {
		return runtime.Value{}, err
	}
	qa, err := array.From(qv)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("quantile(): q: %v", err)
	}
	qs := qa.Float64s()
	for _, q := range qs {
		if q < 0 || q > 1 {
			return runtime.Value{}, runtime.Errorf("quantile(): quantiles must be in the range [0, 1]")
		}
	}
	out := make([]float64, 0, len(qs)*len(cols))
	sorted := make([][]float64, len(cols))
	for j, c := range cols {
		sorted[j] = append([]float64(nil), c...)
		sort.Float64s(sorted[j])
	}
	for _, q := range qs {
		for j := range cols {
			out = append(out, Quantile(sorted[j], q))
		}
	}
	shape := []int{}
	if qa.NDim() > 0 {
		shape = append(shape, len(qs))
	}
	if !single {
		shape = append(shape, len(cols))
	}
	if len(shape) == 0 {
		return runtime.MakeQuantity(out[0], d), nil
	}
	return array.Value(array.New(shape, out, d)), nil
}

// AutocorrFunc returns the normalized autocorrelation function of x
// (computed by FFT), as emcee's autocorr_function_1d.
func AutocorrFunc(x []float64) []float64 {
	n := len(x)
	m := 1
	for m < 2*n {
		m <<= 1
	}
	mean, _ := meanVar2(x, 0)
	buf := make([]float64, m)
	for i, v := range x {
		buf[i] = v - mean
	}
	fft := fourier.NewFFT(m)
	c := fft.Coefficients(nil, buf)
	for i := range c {
		c[i] *= complex(real(c[i]), -imag(c[i]))
	}
	acf := fft.Sequence(nil, c)[:n]
	if acf[0] == 0 {
		out := make([]float64, n)
		out[0] = 1
		return out
	}
	a0 := acf[0]
	for i := range acf {
		acf[i] /= a0
	}
	return acf
}

// AutocorrTime is the integrated autocorrelation time of x with Sokal's
// automatic window (the smallest M with M ≥ c·τ(M)), as emcee computes
// it.
func AutocorrTime(x []float64, c float64) float64 {
	f := AutocorrFunc(x)
	tau := 0.0
	sum := 0.0
	for m := range f {
		sum += f[m]
		tau = 2*sum - 1
		if float64(m) >= c*tau {
			return tau
		}
	}
	return tau
}

// autocorrTime is stats.autocorr_time(x, c=5).
func autocorrTime(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var x runtime.Value
	c := 5.0
	if err := runtime.UnpackArgs("autocorr_time", args, kwargs, "x", &x, "c?", &c); err != nil {
		return runtime.Value{}, err
	}
	cols, _, single, err := columns("autocorr_time", x)
	if err != nil {
		return runtime.Value{}, err
	}
	out := make([]float64, len(cols))
	for j, col := range cols {
		out[j] = AutocorrTime(col, c)
	}
	return perColumn(out, units.Dim{}, single), nil
}

// summaryFn is stats.summary(chain): mean, std, the 2.5/16/50/84/97.5%
// quantiles, integrated autocorrelation time and effective sample size
// per parameter.
func summaryFn(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var x runtime.Value
	if err := runtime.UnpackArgs("summary", args, kwargs, "chain", &x); err != nil {
		return runtime.Value{}, err
	}
	cols, d, single, err := columns("summary", x)
	if err != nil {
		return runtime.Value{}, err
	}
	qs := []float64{0.025, 0.16, 0.5, 0.84, 0.975}
	k := len(cols)
	mean, std, tau, ess := make([]float64, k), make([]float64, k), make([]float64, k), make([]float64, k)
	quant := make([]float64, len(qs)*k)
	for j, c := range cols {
		m, v := meanVar2(c, 1)
		if len(c) < 2 {
			v = 0
		}
		mean[j], std[j] = m, math.Sqrt(v)
		s := append([]float64(nil), c...)
		sort.Float64s(s)
		for i, q := range qs {
			quant[i*k+j] = Quantile(s, q)
		}
		tau[j] = AutocorrTime(c, 5)
		ess[j] = float64(len(c)) / math.Max(tau[j], 1)
	}
	qshape := []int{len(qs), k}
	if single {
		qshape = []int{len(qs)}
	}
	return runtime.MakeObj(record("Summary", 0,
		"mean", perColumn(mean, d, single),
		"std", perColumn(std, d, single),
		"q", array.Value(array.FromFloats(qs)),
		"quantiles", array.Value(array.New(qshape, quant, d)),
		"tau", perColumn(tau, units.Dim{}, single),
		"ess", perColumn(ess, units.Dim{}, single),
		"n", runtime.MakeInt(int64(len(cols[0]))))), nil
}
