package optimize

import (
	"fmt"
	"math"
	"sort"
	"strings"

	eqmodel "github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/runtime/engine"
	"github.com/sim-lang/sim/units"
)

func init() {
	def("fit_traces", fitTraces)
}

// TraceFit describes a neuron-model fitting problem: a model with free
// parameters, the input current of each recorded trace, and the recorded
// output (voltage traces and/or spike times).
type TraceFit struct {
	Model      string
	Threshold  string
	Reset      string
	Refractory engine.Refractory
	Method     string
	InputVar   string
	Input      []float64 // nTraces × nSteps, SI
	InputDim   units.Dim
	OutputVar  string
	Output     []float64 // nTraces × nSteps, SI (nil: spikes only)
	OutputDim  units.Dim
	Spikes     [][]float64 // recorded spike times per trace (nil: none)
	Delta      float64     // coincidence window for spikes
	NTraces    int
	NSteps     int
	Dt         float64
	TStart     float64 // ignore the output before this time
	Params     []string
	ParamDims  []units.Dim
	Lb, Ub     []float64
	Init       map[string]float64 // initial values of state variables
	Namespace  eqmodel.Namespace
}

// traceSim is one vectorized group simulating n candidate parameter sets
// for every trace at once (neuron k: candidate k / nTraces, trace
// k % nTraces).
type traceSim struct {
	f     *TraceFit
	n     int // candidates per run
	net   *engine.Network
	group *engine.NeuronGroup
	mon   *engine.StateMonitor
	spk   *engine.EventMonitor
	opts  engine.RunOptions
}

// unitExpr writes a dimension as a unit expression the equation parser
// accepts.
func unitExpr(d units.Dim) string {
	if d.IsDimensionless() {
		return "1"
	}
	return units.DimRepr(d)
}

// newTraceSim builds the network for n candidates.
func newTraceSim(f *TraceFit, n int) (*traceSim, error) {
	ta, err := engine.NewTimedArray("_fit_input", f.Input2D(), f.NSteps, f.NTraces, true, f.InputDim, f.Dt)
	if err != nil {
		return nil, err
	}
	eqs := f.Model + fmt.Sprintf("\n%s = _fit_input(t, i %% %d) : %s", f.InputVar, f.NTraces, unitExpr(f.InputDim))
	clock := engine.NewClock("_fit_clock", f.Dt)
	cfg := engine.GroupConfig{Name: "_fit_group", N: n * f.NTraces, Model: eqs, Threshold: f.Threshold,
		Reset: f.Reset, Refractory: f.Refractory, Method: f.Method, Clock: clock}
	g, err := engine.NewNeuronGroup(cfg)
	if err != nil {
		return nil, err
	}
	// Parameters the model does not declare are added as constants.
	var extra []string
	for k, p := range f.Params {
		if _, ok := g.Var(p); !ok {
			extra = append(extra, fmt.Sprintf("%s : %s (constant)", p, unitExpr(f.ParamDims[k])))
		}
	}
	if extra != nil {
		cfg.Model = eqs + "\n" + strings.Join(extra, "\n")
		if g, err = engine.NewNeuronGroup(cfg); err != nil {
			return nil, err
		}
	}
	for k, p := range f.Params {
		v, _ := g.Var(p)
		if v.Dim != f.ParamDims[k] {
			return nil, runtime.Errorf("fit_traces(): parameter '%s' is in %s in the model but its bounds are in %s", p, units.DimName(v.Dim), units.DimName(f.ParamDims[k]))
		}
		if v.Shared {
			return nil, runtime.Errorf("fit_traces(): parameter '%s' must not be shared", p)
		}
	}
	objs := []engine.Object{g}
	s := &traceSim{f: f, n: n, group: g}
	if f.Output != nil {
		ov, ok := g.Var(f.OutputVar)
		if !ok {
			return nil, runtime.Errorf("fit_traces(): the model has no variable '%s'", f.OutputVar)
		}
		if ov.Dim != f.OutputDim {
			return nil, runtime.Errorf("fit_traces(): '%s' is in %s but the recorded output is in %s", f.OutputVar, units.DimName(ov.Dim), units.DimName(f.OutputDim))
		}
		if s.mon, err = engine.NewStateMonitor("_fit_mon", engine.Whole(g), []string{f.OutputVar}, nil, nil); err != nil {
			return nil, err
		}
		objs = append(objs, s.mon)
	}
	if f.Spikes != nil {
		if f.Threshold == "" {
			return nil, runtime.Errorf("fit_traces(): fitting spike times needs a threshold")
		}
		if s.spk, err = engine.NewEventMonitor("_fit_spikes", engine.Whole(g), "spike", nil, true); err != nil {
			return nil, err
		}
		objs = append(objs, s.spk)
	}
	for name, val := range f.Init {
		v, ok := g.Var(name)
		if !ok {
			return nil, runtime.Errorf("fit_traces(): param_init names '%s', which the model does not define", name)
		}
		for i := range v.Data {
			v.Data[i] = val
		}
	}
	if s.net, err = engine.NewNetwork("_fit_net", objs...); err != nil {
		return nil, err
	}
	if err := s.net.Store("_fit_initial", ""); err != nil {
		return nil, err
	}
	inner := f.Namespace
	s.opts = engine.RunOptions{Namespace: engine.Layered(map[string]eqmodel.External{
		"_fit_input": {Func: ta, FuncDim: f.InputDim},
	}, inner)}
	return s, nil
}

// Input2D returns the input as nSteps rows of nTraces values (the
// TimedArray layout).
func (f *TraceFit) Input2D() []float64 {
	out := make([]float64, f.NSteps*f.NTraces)
	for j := 0; j < f.NTraces; j++ {
		for t := 0; t < f.NSteps; t++ {
			out[t*f.NTraces+j] = f.Input[j*f.NSteps+t]
		}
	}
	return out
}

// run simulates the candidates xs (len ≤ s.n; the rest repeat the last)
// and returns each candidate's error.
func (s *traceSim) run(xs [][]float64) ([]float64, error) {
	if err := s.net.Restore("_fit_initial", ""); err != nil {
		return nil, err
	}
	nt := s.f.NTraces
	for k, p := range s.f.Params {
		v, _ := s.group.Var(p)
		for c := 0; c < s.n; c++ {
			x := xs[min(c, len(xs)-1)]
			for j := 0; j < nt; j++ {
				v.Data[c*nt+j] = x[k]
			}
		}
	}
	if err := s.net.Run(float64(s.f.NSteps)*s.f.Dt, s.opts); err != nil {
		return nil, err
	}
	errs := make([]float64, len(xs))
	first := int(math.Ceil(s.f.TStart/s.f.Dt - 1e-9))
	if s.mon != nil {
		data := s.mon.Data[0]
		N := s.n * nt
		steps := min(len(s.mon.T), s.f.NSteps)
		for c := range xs {
			sum := 0.0
			for j := 0; j < nt; j++ {
				k := c*nt + j
				out := s.f.Output[j*s.f.NSteps:]
				for t := first; t < steps; t++ {
					d := data[t*N+k] - out[t]
					sum += d * d
				}
			}
			e := sum / float64(max(steps-first, 1))
			if math.IsNaN(e) {
				e = math.Inf(1)
			}
			errs[c] = e
		}
	}
	if s.spk != nil {
		trains := make([][]float64, s.n*nt)
		for q, i := range s.spk.I {
			trains[i] = append(trains[i], s.spk.T[q])
		}
		T := float64(s.f.NSteps) * s.f.Dt
		for c := range xs {
			g := 0.0
			for j := 0; j < nt; j++ {
				g += 1 - Gamma(s.f.Spikes[j], trains[c*nt+j], s.f.Delta, T)
			}
			errs[c] += g
		}
	}
	return errs, nil
}

// Gamma is the coincidence factor of Jolivet et al. (2008) between data
// and model spike trains (sorted times in seconds) with window delta over
// a recording of duration T: 1 for identical trains, about 0 for chance.
func Gamma(data, model []float64, delta, T float64) float64 {
	nd, nm := len(data), len(model)
	if nd == 0 && nm == 0 {
		return 1
	}
	if nd == 0 || nm == 0 {
		return 0
	}
	coinc := 0
	j := 0
	for _, t := range data {
		for j < nm && model[j] < t-delta {
			j++
		}
		if j < nm && math.Abs(model[j]-t) <= delta {
			coinc++
			j++
		}
	}
	rate := float64(nm) / T
	expected := 2 * delta * float64(nd) * rate
	norm := 1 - 2*rate*delta
	if norm <= 0 {
		return 0
	}
	return (float64(coinc) - expected) / (0.5 * float64(nd+nm)) / norm
}

// FitTraces fits the parameters by differential evolution, simulating
// each generation's candidates as one group.
func FitTraces(f *TraceFit, o DEOptions, seed uint64, seeded bool) (*DEResult, *traceSim, error) {
	np := max(5, o.PopSize*len(f.Params))
	if o.PopSize == 0 {
		np = max(5, 15*len(f.Params))
	}
	sim, err := newTraceSim(f, np)
	if err != nil {
		return nil, nil, err
	}
	o.Lb, o.Ub = f.Lb, f.Ub
	o.Batch = sim.run
	o.Polish = false
	res, err := DifferentialEvolution(nil, o, newRNG(seed, seeded))
	if err != nil {
		return nil, nil, err
	}
	return res, sim, nil
}

// fitTraces is optimize.fit_traces(model, input_var, input, output_var,
// output, dt, params, ...): fit a NeuronGroup model's parameters to
// recorded traces (after brian2modelfitting's TraceFitter).
func fitTraces(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "fit_traces"
	var modelv, inVar, inputv, outVar, outputv, dtv, paramsv, methodv, thresholdv, resetv, refrv, spikesv, deltav,
		tstartv, initv, popv, maxiterv, tolv, seedv, mutv, recv runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "model", &modelv, "input_var", &inVar, "input", &inputv,
		"output_var", &outVar, "output", &outputv, "dt", &dtv, "params", &paramsv, "method?", &methodv,
		"threshold?", &thresholdv, "reset?", &resetv, "refractory?", &refrv, "spikes?", &spikesv, "delta?", &deltav,
		"t_start?", &tstartv, "param_init?", &initv, "popsize?", &popv, "maxiter?", &maxiterv, "tol?", &tolv,
		"seed?", &seedv, "mutation?", &mutv, "recombination?", &recv); err != nil {
		return runtime.Value{}, err
	}
	f := &TraceFit{}
	var err error
	if f.Model, err = optString(fname, "model", modelv, ""); err != nil || f.Model == "" {
		return runtime.Value{}, runtime.Errorf("%s() model must be a string of equations", fname)
	}
	if f.InputVar, err = optString(fname, "input_var", inVar, ""); err != nil || f.InputVar == "" {
		return runtime.Value{}, runtime.Errorf("%s() input_var must name the input variable", fname)
	}
	if f.OutputVar, err = optString(fname, "output_var", outVar, ""); err != nil {
		return runtime.Value{}, err
	}
	for _, t := range []struct {
		name string
		v    runtime.Value
		dst  *string
	}{{"method", methodv, &f.Method}, {"threshold", thresholdv, &f.Threshold}, {"reset", resetv, &f.Reset}} {
		if *t.dst, err = optString(fname, t.name, t.v, ""); err != nil {
			return runtime.Value{}, err
		}
	}
	if f.Refractory, err = refractoryArg(fname, refrv); err != nil {
		return runtime.Value{}, err
	}
	dt, err := timeArg(fname, "dt", dtv, 0)
	if err != nil || dt <= 0 {
		return runtime.Value{}, runtime.Errorf("%s() dt must be a positive time", fname)
	}
	f.Dt = dt
	if f.TStart, err = timeArg(fname, "t_start", tstartv, 0); err != nil {
		return runtime.Value{}, err
	}
	if f.Delta, err = timeArg(fname, "delta", deltav, 4e-3); err != nil {
		return runtime.Value{}, err
	}
	in, err := array.From(inputv)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%s() input: %v", fname, err)
	}
	sh := in.Shape()
	switch len(sh) {
	case 1:
		f.NTraces, f.NSteps = 1, sh[0]
	case 2:
		f.NTraces, f.NSteps = sh[0], sh[1]
	default:
		return runtime.Value{}, runtime.Errorf("%s() input must be (traces, steps), got shape %s", fname, array.ShapeString(sh))
	}
	f.Input = append([]float64(nil), in.Float64s()...)
	f.InputDim = in.Dim()
	if outputv.IsValid() && !outputv.IsNone() {
		out, err := array.From(outputv)
		if err != nil {
			return runtime.Value{}, runtime.Errorf("%s() output: %v", fname, err)
		}
		if out.Size() != len(f.Input) {
			return runtime.Value{}, runtime.Errorf("%s(): output has shape %s but input has shape %s", fname, array.ShapeString(out.Shape()), array.ShapeString(sh))
		}
		f.Output = append([]float64(nil), out.Float64s()...)
		f.OutputDim = out.Dim()
		if f.OutputVar == "" {
			return runtime.Value{}, runtime.Errorf("%s(): output_var must name the recorded variable", fname)
		}
	}
	if spikesv.IsValid() && !spikesv.IsNone() {
		trains, err := runtime.ToSlice(spikesv)
		if err != nil || len(trains) != f.NTraces {
			return runtime.Value{}, runtime.Errorf("%s(): spikes must hold one array of spike times per trace (%d)", fname, f.NTraces)
		}
		for _, tr := range trains {
			a, err := array.From(tr)
			if err != nil || (a.Size() > 0 && a.Dim() != runtime.SecondDim) {
				return runtime.Value{}, runtime.Errorf("%s(): spike times must be times", fname)
			}
			ts := append([]float64{}, a.Float64s()...)
			sort.Float64s(ts)
			f.Spikes = append(f.Spikes, ts)
		}
	}
	if f.Output == nil && f.Spikes == nil {
		return runtime.Value{}, runtime.Errorf("%s(): give the recorded output traces, spike times, or both", fname)
	}
	if err := f.parseParams(fname, paramsv); err != nil {
		return runtime.Value{}, err
	}
	if initv.IsValid() && !initv.IsNone() {
		d, ok := initv.Obj().(*runtime.Dict)
		if !ok {
			return runtime.Value{}, runtime.Errorf("%s() param_init must be a dict", fname)
		}
		f.Init = map[string]float64{}
		for _, k := range d.Keys() {
			name, _ := runtime.AsString(k)
			v, _, _ := d.Get(k)
			a, err := array.From(v)
			if err != nil || a.Size() != 1 {
				return runtime.Value{}, runtime.Errorf("%s() param_init['%s'] must be a number", fname, name)
			}
			f.Init[name] = a.Float64s()[0]
		}
	}
	f.Namespace = func(name string) (eqmodel.External, bool) {
		v, ok := runtime.CallerLookup(th, name)
		if !ok {
			return eqmodel.External{}, false
		}
		return externalOf(v)
	}
	o := DEOptions{MutationLo: 0.5, MutationHi: 1, Recombination: 0.7}
	if o.PopSize, err = optInt(fname, "popsize", popv, 15); err != nil {
		return runtime.Value{}, err
	}
	if o.MaxIter, err = optInt(fname, "maxiter", maxiterv, 200); err != nil {
		return runtime.Value{}, err
	}
	if o.Tol, err = optFloat(fname, "tol", tolv, 1e-6); err != nil {
		return runtime.Value{}, err
	}
	if o.Recombination, err = optFloat(fname, "recombination", recv, 0.7); err != nil {
		return runtime.Value{}, err
	}
	if o.MutationLo, o.MutationHi, err = parseMutation(fname, mutv); err != nil {
		return runtime.Value{}, err
	}
	seed, seeded, err := parseSeed(fname, seedv)
	if err != nil {
		return runtime.Value{}, err
	}
	res, sim, err := FitTraces(f, o, seed, seeded)
	if err != nil {
		return runtime.Value{}, err
	}
	params := runtime.NewDict()
	for k, p := range f.Params {
		_ = params.Set(runtime.MakeStr(p), runtime.MakeQuantity(res.X[k], f.ParamDims[k]))
	}
	errDim := units.Dim{}
	if f.Output != nil && f.Spikes == nil {
		errDim = f.OutputDim.Mul(f.OutputDim)
	}
	r := newResult()
	r.set("params", runtime.MakeObj(params))
	r.set("x", plainVector(res.X, f.ParamDims))
	r.set("error", runtime.MakeQuantity(res.Fun, errDim))
	r.set("nit", runtime.MakeInt(int64(res.Nit)))
	r.set("nfev", runtime.MakeInt(int64(res.Nfev)))
	r.set("n_neurons", runtime.MakeInt(int64(sim.n*f.NTraces)))
	r.set("success", runtime.MakeBool(res.Success))
	r.set("message", runtime.MakeStr(res.Message))
	if f.Output != nil {
		traces, err := sim.best(res.X)
		if err != nil {
			return runtime.Value{}, err
		}
		r.set("traces", array.Value(array.New([]int{f.NTraces, f.NSteps}, traces, f.OutputDim)))
	}
	return runtime.MakeObj(r), nil
}

// best simulates x once more and returns its output traces.
func (s *traceSim) best(x []float64) ([]float64, error) {
	if _, err := s.run([][]float64{x}); err != nil {
		return nil, err
	}
	nt, N := s.f.NTraces, s.n*s.f.NTraces
	out := make([]float64, nt*s.f.NSteps)
	data := s.mon.Data[0]
	steps := min(len(s.mon.T), s.f.NSteps)
	for j := 0; j < nt; j++ {
		for t := 0; t < steps; t++ {
			out[j*s.f.NSteps+t] = data[t*N+j]
		}
	}
	return out, nil
}

// plainVector returns the parameters as one array (one unit) or a list of
// quantities.
func plainVector(x []float64, dims []units.Dim) runtime.Value {
	pv := paramVec{dims: dims, uniform: true}
	for _, d := range dims {
		if d != dims[0] {
			pv.uniform = false
		}
	}
	return pv.vector(x)
}

// parseParams reads params={'gl': [lo, hi]*nS, ...} in name order.
func (f *TraceFit) parseParams(fname string, v runtime.Value) error {
	d, ok := v.Obj().(*runtime.Dict)
	if !ok || d.Len() == 0 {
		return runtime.Errorf("%s() params must be a dict of name: [lower, upper] bounds", fname)
	}
	for _, k := range d.Keys() {
		name, ok := runtime.AsString(k)
		if !ok {
			return runtime.Errorf("%s() params keys must be names", fname)
		}
		b, _, _ := d.Get(k)
		vals, pv, err := parseParams(fname, "params['"+name+"']", b)
		if err != nil || len(vals) != 2 {
			return runtime.Errorf("%s() params['%s'] must be [lower, upper] (with units)", fname, name)
		}
		dim := pv.dims[0]
		if pv.dims[1] != dim && vals[0] != 0 {
			return runtime.Errorf("%s() params['%s']: the bounds have different units", fname, name)
		}
		if pv.dims[1] != dim {
			dim = pv.dims[1]
		}
		if !(vals[0] < vals[1]) || math.IsInf(vals[0], 0) || math.IsInf(vals[1], 0) {
			return runtime.Errorf("%s() params['%s']: need finite bounds with lower < upper", fname, name)
		}
		f.Params = append(f.Params, name)
		f.ParamDims = append(f.ParamDims, dim)
		f.Lb = append(f.Lb, vals[0])
		f.Ub = append(f.Ub, vals[1])
	}
	return nil
}

// externalOf converts a script value to a model constant.
func externalOf(v runtime.Value) (eqmodel.External, bool) {
	switch v.Kind() {
	case runtime.IntKind, runtime.FloatKind, runtime.BoolKind:
		f, _ := v.ToFloat()
		return eqmodel.External{Value: f}, true
	}
	switch o := v.Obj().(type) {
	case runtime.Quantity:
		return eqmodel.External{Value: o.V, Dim: o.D}, true
	case *array.Array:
		if o.Size() == 1 {
			return eqmodel.External{Value: o.Float64s()[0], Dim: o.Dim()}, true
		}
	}
	return eqmodel.External{}, false
}

// timeArg reads an optional time.
func timeArg(fname, name string, v runtime.Value, def float64) (float64, error) {
	if !v.IsValid() || v.IsNone() {
		return def, nil
	}
	a, err := array.From(v)
	if err != nil || a.Size() != 1 || (a.Dim() != runtime.SecondDim && a.Float64s()[0] != 0) {
		return 0, runtime.Errorf("%s() %s must be a time, not %s", fname, name, runtime.Repr(v))
	}
	return a.Float64s()[0], nil
}

// refractoryArg reads refractory=: None/False, a time, or a condition.
func refractoryArg(fname string, v runtime.Value) (engine.Refractory, error) {
	if !v.IsValid() || v.IsNone() || (v.Kind() == runtime.BoolKind && !v.AsBool()) {
		return engine.Refractory{}, nil
	}
	if s, ok := runtime.AsString(v); ok {
		return engine.Refractory{Kind: engine.RefractoryExpr, Expr: s}, nil
	}
	p, err := timeArg(fname, "refractory", v, 0)
	if err != nil {
		return engine.Refractory{}, err
	}
	return engine.Refractory{Kind: engine.RefractoryPeriod, Period: p}, nil
}
