package stats

import (
	crand "crypto/rand"
	"encoding/binary"
	"math"
	"math/rand/v2"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
	"gonum.org/v1/gonum/mat"
)

func init() {
	def("mh_sampler", mhSampler)
	def("gaussian_proposal", gaussianProposal)
	def("adaptive_proposal", adaptiveProposal)
}

// Proposal is a Metropolis–Hastings proposal: a Gaussian random walk with
// a fixed covariance, or adaptive: after Start iterations it uses
// λ·(2.38²/d)·(C + ε I), with C the covariance of the chain so far
// (Haario et al. 2001) and λ a global scale tuned by stochastic
// approximation towards the acceptance rate Target (Andrieu & Thoms
// 2008, algorithm 4; Target 0 keeps λ = 1).
type Proposal struct {
	Cov      []float64 // d×d; nil: identity times Scale²
	Scale    []float64 // per-dimension standard deviations (when Cov is nil)
	Adaptive bool
	Start    int
	Eps      float64
	SD       float64 // 0: 2.38²/d
	Target   float64
}

// Type implements runtime.Object.
func (p *Proposal) Type() string { return "Proposal" }

// String implements runtime.Object.
func (p *Proposal) String() string {
	if p.Adaptive {
		return "<adaptive Gaussian proposal>"
	}
	return "<Gaussian proposal>"
}

// Truth implements runtime.Object.
func (p *Proposal) Truth() (bool, error) { return true, nil }

// covOrScale reads a proposal size: a number (one standard deviation for
// every dimension), a 1-d array of standard deviations or a 2-d
// covariance matrix.
func covOrScale(fname string, v runtime.Value, p *Proposal) error {
	if !v.IsValid() || v.IsNone() {
		return nil
	}
	a, err := array.From(v)
	if err != nil {
		return runtime.Errorf("%s(): the proposal size must be a number, standard deviations or a covariance matrix: %v", fname, err)
	}
	data := append([]float64(nil), a.Float64s()...)
	switch a.NDim() {
	case 0, 1:
		p.Scale = data
	case 2:
		p.Cov = data
	default:
		return runtime.Errorf("%s(): the proposal covariance must be 2-d", fname)
	}
	return nil
}

// gaussianProposal is stats.gaussian_proposal(scale_or_cov).
func gaussianProposal(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	if err := runtime.UnpackArgs("gaussian_proposal", args, kwargs, "scale", &s); err != nil {
		return runtime.Value{}, err
	}
	p := &Proposal{}
	if err := covOrScale("gaussian_proposal", s, p); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(p), nil
}

// adaptiveProposal is stats.adaptive_proposal(scale=None, start=None,
// eps=1e-10, sd=None, target=0.234).
func adaptiveProposal(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "adaptive_proposal"
	var s, start, eps, sd, target runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "scale?", &s, "start?", &start, "eps?", &eps, "sd?", &sd, "target?", &target); err != nil {
		return runtime.Value{}, err
	}
	p := &Proposal{Adaptive: true, Eps: 1e-10, Target: 0.234}
	if target.IsValid() {
		p.Target = 0
		if !target.IsNone() {
			f, ok := target.ToFloat()
			if !ok || f <= 0 || f >= 1 {
				return runtime.Value{}, runtime.Errorf("%s(): target must be an acceptance rate in (0, 1) or None", fname)
			}
			p.Target = f
		}
	}
	if err := covOrScale(fname, s, p); err != nil {
		return runtime.Value{}, err
	}
	if start.IsValid() && !start.IsNone() {
		i, ok := start.ToInt()
		if !ok || i < 0 {
			return runtime.Value{}, runtime.Errorf("%s(): start must be a non-negative int", fname)
		}
		p.Start = int(i)
	}
	for _, t := range []struct {
		v   runtime.Value
		dst *float64
	}{{eps, &p.Eps}, {sd, &p.SD}} {
		if t.v.IsValid() && !t.v.IsNone() {
			f, ok := t.v.ToFloat()
			if !ok || f < 0 {
				return runtime.Value{}, runtime.Errorf("%s(): eps and sd must be non-negative numbers", fname)
			}
			*t.dst = f
		}
	}
	return runtime.MakeObj(p), nil
}

// Chain is a Metropolis–Hastings run's output.
type Chain struct {
	Samples  []float64 // iterations×d, row-major
	LnProb   []float64
	Accepted int
	Cov      []float64 // the final proposal covariance
}

// MetropolisHastings samples from exp(lnprob) starting at x0 with the
// given proposal, keeping iterations samples after burn steps.
func MetropolisHastings(lnprob func(x []float64) (float64, error), x0 []float64, p *Proposal, iterations, burn int, rng *rand.Rand) (*Chain, error) {
	d := len(x0)
	cov := make([]float64, d*d)
	switch {
	case p.Cov != nil:
		if len(p.Cov) != d*d {
			return nil, runtime.Errorf("mh_sampler(): the proposal covariance must be %d×%d", d, d)
		}
		copy(cov, p.Cov)
	default:
		for i := 0; i < d; i++ {
			s := 1.0
			if len(p.Scale) == 1 {
				s = p.Scale[0]
			} else if len(p.Scale) == d {
				s = p.Scale[i]
			} else if p.Scale != nil {
				return nil, runtime.Errorf("mh_sampler(): %d proposal scales for %d dimensions", len(p.Scale), d)
			}
			cov[i*d+i] = s * s
		}
	}
	var L []float64
	factor := func() error {
		var ch mat.Cholesky
		if !ch.Factorize(mat.NewSymDense(d, append([]float64(nil), cov...))) {
			return runtime.Errorf("mh_sampler(): the proposal covariance is not positive definite")
		}
		var l mat.TriDense
		ch.LTo(&l)
		L = make([]float64, d*d)
		for i := 0; i < d; i++ {
			for j := 0; j <= i; j++ {
				L[i*d+j] = l.At(i, j)
			}
		}
		return nil
	}
	if err := factor(); err != nil {
		return nil, err
	}
	sd := p.SD
	if sd == 0 {
		sd = 2.38 * 2.38 / float64(d)
	}
	start := p.Start
	if start == 0 {
		start = max(100, 10*d)
	}
	x := append([]float64(nil), x0...)
	lp, err := lnprob(x)
	if err != nil {
		return nil, err
	}
	if math.IsNaN(lp) || math.IsInf(lp, 1) {
		return nil, runtime.Errorf("mh_sampler(): lnprob(x0) is %v", lp)
	}
	out := &Chain{Samples: make([]float64, 0, iterations*d), LnProb: make([]float64, 0, iterations)}
	y := make([]float64, d)
	z := make([]float64, d)
	// Running mean and scatter for the adaptive proposal.
	mean := make([]float64, d)
	scatter := make([]float64, d*d)
	count := 0
	adapted, logLam := 0, 0.0
	total := burn + iterations
	for it := 0; it < total; it++ {
		for i := range z {
			z[i] = rng.NormFloat64()
		}
		for i := 0; i < d; i++ {
			s := x[i]
			for j := 0; j <= i; j++ {
				s += L[i*d+j] * z[j]
			}
			y[i] = s
		}
		lpy, err := lnprob(y)
		if err != nil {
			return nil, err
		}
		if p.Adaptive && p.Target > 0 && count >= start {
			alpha := 0.0
			if !math.IsNaN(lpy) {
				alpha = math.Min(1, math.Exp(lpy-lp))
			}
			adapted++
			logLam += math.Pow(float64(adapted), -0.6) * (alpha - p.Target)
		}
		if !math.IsNaN(lpy) && (lpy >= lp || math.Log(rng.Float64()) < lpy-lp) {
			copy(x, y)
			lp = lpy
			if it >= burn {
				out.Accepted++
			}
		}
		if it >= burn {
			out.Samples = append(out.Samples, x...)
			out.LnProb = append(out.LnProb, lp)
		}
		if p.Adaptive {
			count++
			// Welford update of the mean and scatter matrix.
			for i := 0; i < d; i++ {
				z[i] = x[i] - mean[i]
				mean[i] += z[i] / float64(count)
			}
			for i := 0; i < d; i++ {
				for j := 0; j < d; j++ {
					scatter[i*d+j] += z[i] * (x[j] - mean[j])
				}
			}
			if count >= start && (d <= 20 || it%d == 0) {
				lam := sd * math.Exp(logLam)
				for i := range cov {
					cov[i] = lam * scatter[i] / float64(count-1)
				}
				for i := 0; i < d; i++ {
					cov[i*d+i] += lam * p.Eps
				}
				if err := factor(); err != nil {
					// Degenerate history (a stuck chain): keep the old proposal.
					continue
				}
			}
		}
	}
	out.Cov = cov
	return out, nil
}

// mhSampler is stats.mh_sampler(x0, lnprob, proposal=None,
// iterations=1000, seed=None, burn=0, args=()).
func mhSampler(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "mh_sampler"
	var x0v, lnprob, propv, itv, seedv, burnv, argsv runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "x0", &x0v, "lnprob", &lnprob, "proposal?", &propv,
		"iterations?", &itv, "seed?", &seedv, "burn?", &burnv, "args?", &argsv); err != nil {
		return runtime.Value{}, err
	}
	if _, ok := lnprob.Obj().(runtime.Callable); !ok {
		return runtime.Value{}, runtime.Errorf("%s() lnprob must be callable, not %s", fname, runtime.TypeName(lnprob))
	}
	a, err := array.From(x0v)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%s() x0: %v", fname, err)
	}
	scalar := a.NDim() == 0
	dim := a.Dim()
	x0 := append([]float64(nil), a.Float64s()...)
	d := len(x0)
	iterations, burn := 1000, 0
	for _, t := range []struct {
		name string
		v    runtime.Value
		dst  *int
	}{{"iterations", itv, &iterations}, {"burn", burnv, &burn}} {
		if t.v.IsValid() && !t.v.IsNone() {
			i, ok := t.v.ToInt()
			if !ok || t.v.Kind() != runtime.IntKind || i < 0 {
				return runtime.Value{}, runtime.Errorf("%s() %s must be a non-negative int", fname, t.name)
			}
			*t.dst = int(i)
		}
	}
	p := &Proposal{}
	switch o := propv.Obj().(type) {
	case *Proposal:
		p = o
	default:
		if s, ok := runtime.AsString(propv); ok {
			switch s {
			case "adaptive":
				p = &Proposal{Adaptive: true, Eps: 1e-10, Target: 0.234}
			case "gaussian":
			default:
				return runtime.Value{}, runtime.Errorf("%s(): proposal must be 'gaussian', 'adaptive', a size or a proposal object, not %s", fname, runtime.Quote(s))
			}
		} else if err := covOrScale(fname, propv, p); err != nil {
			return runtime.Value{}, err
		}
	}
	var extra []runtime.Value
	if argsv.IsValid() && !argsv.IsNone() {
		if extra, err = runtime.ToSlice(argsv); err != nil {
			return runtime.Value{}, err
		}
	}
	var seed uint64
	if seedv.IsValid() && !seedv.IsNone() {
		i, ok := seedv.ToInt()
		if !ok || seedv.Kind() != runtime.IntKind {
			return runtime.Value{}, runtime.Errorf("%s() seed must be an int", fname)
		}
		seed = uint64(i)
	} else {
		var b [8]byte
		_, _ = crand.Read(b[:])
		seed = binary.LittleEndian.Uint64(b[:])
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	buf := make([]runtime.Value, 0, 1+len(extra))
	lp := func(x []float64) (float64, error) {
		var xv runtime.Value
		if scalar {
			xv = runtime.MakeQuantity(x[0], dim)
		} else {
			xv = array.Value(array.New([]int{d}, append([]float64(nil), x...), dim))
		}
		buf = append(buf[:0], xv)
		buf = append(buf, extra...)
		v, err := runtime.Call(th, lnprob, buf, nil)
		if err != nil {
			return 0, err
		}
		f, ok := v.ToFloat()
		if !ok || v.Kind() == runtime.ObjKind {
			a, err := array.From(v)
			if err != nil || a.Size() != 1 || !a.Dim().IsDimensionless() {
				return 0, runtime.Errorf("%s(): lnprob must return a dimensionless number, not %s", fname, runtime.TypeName(v))
			}
			f = a.Float64s()[0]
		}
		return f, nil
	}
	ch, err := MetropolisHastings(lp, x0, p, iterations, burn, rng)
	if err != nil {
		return runtime.Value{}, err
	}
	shape := []int{iterations, d}
	if scalar {
		shape = []int{iterations}
	}
	rate := 0.0
	if iterations > 0 {
		rate = float64(ch.Accepted) / float64(iterations)
	}
	covDim := dim.Mul(dim)
	return runtime.MakeObj(record("MCMCResult", 3,
		"chain", array.Value(array.New(shape, ch.Samples, dim)),
		"acceptance", runtime.MakeFloat(rate),
		"lnprob", array.Value(array.New([]int{iterations}, ch.LnProb, units.Dim{})),
		"accepted", runtime.MakeInt(int64(ch.Accepted)),
		"proposal_cov", array.Value(array.New([]int{d, d}, ch.Cov, covDim)))), nil
}
