package optimize

import (
	crand "crypto/rand"
	"encoding/binary"
	"math"
	"math/rand/v2"

	"github.com/sim-lang/sim/runtime"
)

func init() {
	def("differential_evolution", differentialEvolution)
}

// DEOptions are differential evolution's settings, as SciPy names them.
type DEOptions struct {
	Lb, Ub        []float64
	PopSize       int // multiplier: the population is PopSize·n
	MaxIter       int
	Tol, Atol     float64
	MutationLo    float64 // dithering range; Lo == Hi means fixed
	MutationHi    float64
	Recombination float64
	Seed          uint64
	Polish        bool
	// Batch, when set, evaluates a whole generation of trial vectors at
	// once (fit_traces simulates them as one group); it replaces F.
	Batch func(xs [][]float64) ([]float64, error)
	// Deferred updating evaluates each generation as one batch (SciPy's
	// updating='deferred'); implied by Batch.
	Deferred bool
}

// DEResult is differential evolution's result.
type DEResult struct {
	X                  []float64
	Fun                float64
	Nit, Nfev          int
	Success            bool
	Message            string
	Population         [][]float64
	PopulationEnergies []float64
}

// newRNG returns a PCG generator for seed (0: from the OS).
func newRNG(seed uint64, seeded bool) *rand.Rand {
	if !seeded {
		var b [8]byte
		_, _ = crand.Read(b[:])
		seed = binary.LittleEndian.Uint64(b[:])
	}
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// DifferentialEvolution minimizes f over a box by SciPy's
// differential_evolution with the 'best1bin' strategy: Latin-hypercube
// initialization, dithered mutation, binomial crossover, immediate (or
// deferred) updating, the relative-spread convergence test and an
// optional L-BFGS-B polish.
func DifferentialEvolution(f ScalarFunc, o DEOptions, rng *rand.Rand) (*DEResult, error) {
	n := len(o.Lb)
	if o.PopSize == 0 {
		o.PopSize = 15
	}
	if o.MaxIter == 0 {
		o.MaxIter = 1000
	}
	if o.Tol == 0 && o.Atol == 0 {
		o.Tol = 0.01
	}
	np := max(5, o.PopSize*n)
	scale := func(u []float64) []float64 {
		x := make([]float64, n)
		for j := range u {
			x[j] = o.Lb[j] + u[j]*(o.Ub[j]-o.Lb[j])
		}
		return x
	}
	nfev := 0
	evalAll := func(us [][]float64) ([]float64, error) {
		xs := make([][]float64, len(us))
		for i, u := range us {
			xs[i] = scale(u)
		}
		nfev += len(us)
		if o.Batch != nil {
			return o.Batch(xs)
		}
		out := make([]float64, len(xs))
		for i, x := range xs {
			v, err := f(x)
			if err != nil {
				return nil, err
			}
			if math.IsNaN(v) {
				v = math.Inf(1)
			}
			out[i] = v
		}
		return out, nil
	}
	// Latin hypercube initialization.
	pop := make([][]float64, np)
	seg := 1 / float64(np)
	for i := range pop {
		pop[i] = make([]float64, n)
	}
	for j := 0; j < n; j++ {
		perm := rng.Perm(np)
		for i := range pop {
			pop[perm[i]][j] = seg*rng.Float64() + float64(i)*seg
		}
	}
	energies, err := evalAll(pop)
	if err != nil {
		return nil, err
	}
	promote := func() {
		best := 0
		for i, e := range energies {
			if e < energies[best] {
				best = i
			}
		}
		pop[0], pop[best] = pop[best], pop[0]
		energies[0], energies[best] = energies[best], energies[0]
	}
	promote()
	converged := func() bool {
		mean, m2 := 0.0, 0.0
		for _, e := range energies {
			mean += e
		}
		mean /= float64(np)
		for _, e := range energies {
			m2 += (e - mean) * (e - mean)
		}
		std := math.Sqrt(m2 / float64(np))
		if math.IsInf(mean, 0) || math.IsNaN(std) {
			return false
		}
		return std <= o.Atol+o.Tol*math.Abs(mean)
	}
	trialOf := func(c int, mut float64) []float64 {
		r0, r1 := c, c
		for r0 == c {
			r0 = rng.IntN(np)
		}
		for r1 == c || r1 == r0 {
			r1 = rng.IntN(np)
		}
		trial := append([]float64(nil), pop[c]...)
		fill := rng.IntN(n)
		for j := 0; j < n; j++ {
			if j == fill || rng.Float64() < o.Recombination {
				trial[j] = pop[0][j] + mut*(pop[r0][j]-pop[r1][j])
			}
			if trial[j] < 0 || trial[j] > 1 {
				trial[j] = rng.Float64()
			}
		}
		return trial
	}
	deferred := o.Deferred || o.Batch != nil
	nit := 0
	success := false
	message := "Maximum number of iterations has been exceeded."
	for nit = 1; nit <= o.MaxIter; nit++ {
		mut := o.MutationLo
		if o.MutationHi != o.MutationLo {
			mut = o.MutationLo + rng.Float64()*(o.MutationHi-o.MutationLo)
		}
		if deferred {
			trials := make([][]float64, np)
			for c := range trials {
				trials[c] = trialOf(c, mut)
			}
			te, err := evalAll(trials)
			if err != nil {
				return nil, err
			}
			for c := range trials {
				if te[c] <= energies[c] {
					pop[c], energies[c] = trials[c], te[c]
				}
			}
			promote()
		} else {
			for c := 0; c < np; c++ {
				trial := trialOf(c, mut)
				te, err := evalAll([][]float64{trial})
				if err != nil {
					return nil, err
				}
				if te[0] <= energies[c] {
					pop[c], energies[c] = trial, te[0]
					if te[0] <= energies[0] {
						pop[0], pop[c] = pop[c], pop[0]
						energies[0], energies[c] = energies[c], energies[0]
					}
				}
			}
		}
		if converged() {
			success = true
			message = "Optimization terminated successfully."
			break
		}
	}
	if nit > o.MaxIter {
		nit = o.MaxIter
	}
	res := &DEResult{X: scale(pop[0]), Fun: energies[0], Nit: nit, Nfev: nfev, Success: success, Message: message,
		PopulationEnergies: energies}
	for _, u := range pop {
		res.Population = append(res.Population, scale(u))
	}
	if o.Polish && f != nil {
		pr, err := LBFGSB(f, fdGradient(f, 1e-8, o.Lb, o.Ub), res.X, LBFGSBOptions{Lb: o.Lb, Ub: o.Ub})
		if err != nil {
			return nil, err
		}
		res.Nfev += pr.Nfev
		if pr.Fun < res.Fun {
			res.X, res.Fun = pr.X, pr.Fun
		}
	}
	return res, nil
}

// differentialEvolution is scipy.optimize.differential_evolution.
func differentialEvolution(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "differential_evolution"
	var fun, boundsv, argsv, strategyv, maxiterv, popsizev, tolv, mutationv, recombv, seedv, callbackv, dispv, polishv, initv, atolv, updatingv, workersv, x0v runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "func", &fun, "bounds", &boundsv, "args?", &argsv,
		"strategy?", &strategyv, "maxiter?", &maxiterv, "popsize?", &popsizev, "tol?", &tolv, "mutation?", &mutationv,
		"recombination?", &recombv, "seed?", &seedv, "callback?", &callbackv, "disp?", &dispv, "polish?", &polishv,
		"init?", &initv, "atol?", &atolv, "updating?", &updatingv, "workers?", &workersv, "x0?", &x0v); err != nil {
		return runtime.Value{}, err
	}
	if err := callable(fname, "func", fun); err != nil {
		return runtime.Value{}, err
	}
	lb, ub, dims, err := parseBoundPairs(fname, boundsv, -1, nil)
	if err != nil {
		return runtime.Value{}, err
	}
	for j := range lb {
		if math.IsInf(lb[j], 0) || math.IsInf(ub[j], 0) {
			return runtime.Value{}, runtime.Errorf("%s(): bounds must be finite", fname)
		}
	}
	pv := paramVec{dims: dims, uniform: true}
	for _, d := range dims {
		if d != dims[0] {
			pv.uniform = false
		}
	}
	strategy, err := optString(fname, "strategy", strategyv, "best1bin")
	if err != nil {
		return runtime.Value{}, err
	}
	if strategy != "best1bin" {
		return runtime.Value{}, runtime.Errorf("%s(): only strategy 'best1bin' is supported, not %s", fname, runtime.Quote(strategy))
	}
	o := DEOptions{Lb: lb, Ub: ub, MutationLo: 0.5, MutationHi: 1}
	if o.MaxIter, err = optInt(fname, "maxiter", maxiterv, 1000); err != nil {
		return runtime.Value{}, err
	}
	if o.PopSize, err = optInt(fname, "popsize", popsizev, 15); err != nil {
		return runtime.Value{}, err
	}
	if o.Tol, err = optFloat(fname, "tol", tolv, 0.01); err != nil {
		return runtime.Value{}, err
	}
	if o.Atol, err = optFloat(fname, "atol", atolv, 0); err != nil {
		return runtime.Value{}, err
	}
	if o.Recombination, err = optFloat(fname, "recombination", recombv, 0.7); err != nil {
		return runtime.Value{}, err
	}
	if o.Polish, err = optBool(polishv, true); err != nil {
		return runtime.Value{}, err
	}
	if o.MutationLo, o.MutationHi, err = parseMutation(fname, mutationv); err != nil {
		return runtime.Value{}, err
	}
	upd, err := optString(fname, "updating", updatingv, "immediate")
	if err != nil {
		return runtime.Value{}, err
	}
	o.Deferred = upd == "deferred"
	seed, seeded, err := parseSeed(fname, seedv)
	if err != nil {
		return runtime.Value{}, err
	}
	extra, err := extraArgs(fname, argsv)
	if err != nil {
		return runtime.Value{}, err
	}
	obj := &scalarObjective{vf: &vecFunc{th: th, f: fun, pv: pv, args: extra}}
	res, err := DifferentialEvolution(obj.eval, o, newRNG(seed, seeded))
	if err != nil {
		return runtime.Value{}, err
	}
	r := newResult()
	r.set("x", pv.vector(res.X))
	r.set("fun", runtime.MakeQuantity(res.Fun, obj.dim))
	r.set("nit", runtime.MakeInt(int64(res.Nit)))
	r.set("nfev", runtime.MakeInt(int64(obj.vf.nfev)))
	r.set("success", runtime.MakeBool(res.Success))
	r.set("message", runtime.MakeStr(res.Message))
	return runtime.MakeObj(r), nil
}

// parseMutation reads mutation: a number or a (min, max) dithering pair.
func parseMutation(fname string, v runtime.Value) (float64, float64, error) {
	if !v.IsValid() || v.IsNone() {
		return 0.5, 1, nil
	}
	if f, ok := v.ToFloat(); ok && v.Kind() != runtime.ObjKind {
		return f, f, nil
	}
	p, err := runtime.ToSlice(v)
	if err != nil || len(p) != 2 {
		return 0, 0, runtime.Errorf("%s(): mutation must be a number or a (min, max) pair", fname)
	}
	lo, ok1 := p[0].ToFloat()
	hi, ok2 := p[1].ToFloat()
	if !ok1 || !ok2 || lo < 0 || hi > 2 || lo > hi {
		return 0, 0, runtime.Errorf("%s(): mutation must lie in [0, 2]", fname)
	}
	return lo, hi, nil
}

// parseSeed reads an optional integer seed.
func parseSeed(fname string, v runtime.Value) (uint64, bool, error) {
	if !v.IsValid() || v.IsNone() {
		return 0, false, nil
	}
	i, ok := v.ToInt()
	if !ok || v.Kind() != runtime.IntKind {
		return 0, false, runtime.Errorf("%s() seed must be an int or None, not %s", fname, runtime.TypeName(v))
	}
	return uint64(i), true, nil
}
