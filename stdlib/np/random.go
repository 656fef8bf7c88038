package np

import (
	crand "crypto/rand"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// Generator is np.random's Generator: a PCG (128-bit state, DXSM output,
// the PCG64DXSM family numpy offers) seeded deterministically. Streams
// are not numpy's, but a given seed always gives the same numbers.
type Generator struct {
	r *rand.Rand
}

// NewGenerator returns a generator seeded with seed.
func NewGenerator(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func entropySeed() uint64 {
	var b [8]byte
	_, _ = crand.Read(b[:])
	return binary.LittleEndian.Uint64(b[:])
}

// Type implements runtime.Object.
func (g *Generator) Type() string { return "Generator" }

// String implements runtime.Object.
func (g *Generator) String() string { return "Generator(PCG64)" }

// Truth implements runtime.Object.
func (g *Generator) Truth() (bool, error) { return true, nil }

// Float64 returns a uniform number in [0, 1) (for Go callers).
func (g *Generator) Float64() float64 { return g.r.Float64() }

// Normal returns a standard normal number (for Go callers).
func (g *Generator) Normal() float64 { return g.r.NormFloat64() }

type genMethod func(g *Generator, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error)

var genMethods = map[string]genMethod{}

// Attr implements runtime.HasAttrs.
func (g *Generator) Attr(name string) (runtime.Value, error) {
	m, ok := genMethods[name]
	if !ok {
		return runtime.Value{}, nil
	}
	return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return m(g, args, kwargs)
	}), nil
}

// AttrNames implements runtime.HasAttrs.
func (g *Generator) AttrNames() []string {
	out := make([]string, 0, len(genMethods))
	for k := range genMethods {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sizeShape reads a size argument: absent/None gives nil (a scalar).
func sizeShape(v runtime.Value) ([]int, error) {
	if !v.IsValid() || v.IsNone() {
		return nil, nil
	}
	return array.ShapeArg([]runtime.Value{v})
}

// fill builds a float result of the given size (scalar when nil).
func fill(shape []int, dim units.Dim, f func() float64) runtime.Value {
	if shape == nil {
		return runtime.MakeQuantity(f(), dim)
	}
	n := 1
	for _, s := range shape {
		n *= s
	}
	out := make([]float64, n)
	for k := range out {
		out[k] = f()
	}
	return array.Value(array.New(shape, out, dim))
}

// locScale reads two scalar parameters sharing a unit.
func locScale(name string, a, b runtime.Value, da, db float64) (float64, float64, units.Dim, error) {
	if !a.IsValid() {
		a = runtime.MakeFloat(da)
	}
	if !b.IsValid() {
		b = runtime.MakeFloat(db)
	}
	x, dx, _, err := number(name, "loc", a)
	if err != nil {
		return 0, 0, units.Dim{}, err
	}
	y, dy, _, err := number(name, "scale", b)
	if err != nil {
		return 0, 0, units.Dim{}, err
	}
	if dx != dy {
		switch {
		case x == 0 && dx.IsDimensionless():
			dx = dy
		case y == 0 && dy.IsDimensionless():
		default:
			return 0, 0, units.Dim{}, array.MismatchError(name+" with", array.New([]int{}, []float64{x}, dx), array.New([]int{}, []float64{y}, dy))
		}
	}
	return x, y, dx, nil
}

func (g *Generator) poisson(lam float64) int64 {
	if lam < 30 {
		l, k, p := math.Exp(-lam), int64(0), 1.0
		for {
			p *= g.r.Float64()
			if p <= l {
				return k
			}
			k++
		}
	}
	// PTRS (Hormann 1993), as numpy uses for large lam
	slam := math.Sqrt(lam)
	loglam := math.Log(lam)
	b := 0.931 + 2.53*slam
	a := -0.059 + 0.02483*b
	invalpha := 1.1239 + 1.1328/(b-3.4)
	vr := 0.9277 - 3.6224/(b-2)
	for {
		u := g.r.Float64() - 0.5
		v := g.r.Float64()
		us := 0.5 - math.Abs(u)
		k := math.Floor((2*a/us+b)*u + lam + 0.43)
		if us >= 0.07 && v <= vr {
			return int64(k)
		}
		if k < 0 || (us < 0.013 && v > us) {
			continue
		}
		lg, _ := math.Lgamma(k + 1)
		if math.Log(v)+math.Log(invalpha)-math.Log(a/(us*us)+b) <= -lam+k*loglam-lg {
			return int64(k)
		}
	}
}

func init() {
	genMethods["random"] = func(g *Generator, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var size runtime.Value
		if err := runtime.UnpackArgs("random", args, kwargs, "size?", &size); err != nil {
			return runtime.Value{}, err
		}
		sh, err := sizeShape(size)
		if err != nil {
			return runtime.Value{}, err
		}
		return fill(sh, units.Dim{}, g.r.Float64), nil
	}
	genMethods["standard_normal"] = func(g *Generator, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var size runtime.Value
		if err := runtime.UnpackArgs("standard_normal", args, kwargs, "size?", &size); err != nil {
			return runtime.Value{}, err
		}
		sh, err := sizeShape(size)
		if err != nil {
			return runtime.Value{}, err
		}
		return fill(sh, units.Dim{}, g.r.NormFloat64), nil
	}
	genMethods["normal"] = func(g *Generator, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var loc, scale, size runtime.Value
		if err := runtime.UnpackArgs("normal", args, kwargs, "loc?", &loc, "scale?", &scale, "size?", &size); err != nil {
			return runtime.Value{}, err
		}
		m, s, d, err := locScale("normal", loc, scale, 0, 1)
		if err != nil {
			return runtime.Value{}, err
		}
		if s < 0 {
			return runtime.Value{}, runtime.Errorf("scale < 0")
		}
		sh, err := sizeShape(size)
		if err != nil {
			return runtime.Value{}, err
		}
		return fill(sh, d, func() float64 { return m + s*g.r.NormFloat64() }), nil
	}
	genMethods["uniform"] = func(g *Generator, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var lo, hi, size runtime.Value
		if err := runtime.UnpackArgs("uniform", args, kwargs, "low?", &lo, "high?", &hi, "size?", &size); err != nil {
			return runtime.Value{}, err
		}
		a, b, d, err := locScale("uniform", lo, hi, 0, 1)
		if err != nil {
			return runtime.Value{}, err
		}
		sh, err := sizeShape(size)
		if err != nil {
			return runtime.Value{}, err
		}
		return fill(sh, d, func() float64 { return a + (b-a)*g.r.Float64() }), nil
	}
	genMethods["exponential"] = func(g *Generator, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var scale, size runtime.Value
		if err := runtime.UnpackArgs("exponential", args, kwargs, "scale?", &scale, "size?", &size); err != nil {
			return runtime.Value{}, err
		}
		_, s, d, err := locScale("exponential", runtime.MakeFloat(0), scale, 0, 1)
		if err != nil {
			return runtime.Value{}, err
		}
		sh, err := sizeShape(size)
		if err != nil {
			return runtime.Value{}, err
		}
		return fill(sh, d, func() float64 { return s * g.r.ExpFloat64() }), nil
	}
	genMethods["poisson"] = func(g *Generator, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var size runtime.Value
		lam := 1.0
		if err := runtime.UnpackArgs("poisson", args, kwargs, "lam?", &lam, "size?", &size); err != nil {
			return runtime.Value{}, err
		}
		if lam < 0 || math.IsNaN(lam) {
			return runtime.Value{}, runtime.Errorf("lam < 0 or lam is NaN")
		}
		sh, err := sizeShape(size)
		if err != nil {
			return runtime.Value{}, err
		}
		if sh == nil {
			return runtime.MakeInt(g.poisson(lam)), nil
		}
		return intFill(sh, func() int64 { return g.poisson(lam) }), nil
	}
	genMethods["integers"] = func(g *Generator, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return g.integers("integers", args, kwargs)
	}
	genMethods["permutation"] = func(g *Generator, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var x runtime.Value
		if err := runtime.UnpackArgs("permutation", args, kwargs, "x", &x); err != nil {
			return runtime.Value{}, err
		}
		if n, ok := x.ToInt(); ok && x.Kind() == runtime.IntKind {
			perm := make([]int64, n)
			for k := range perm {
				perm[k] = int64(k)
			}
			g.shuffleInts(perm)
			return array.Value(array.FromInts(perm)), nil
		}
		a, err := toArray(x)
		if err != nil {
			return runtime.Value{}, err
		}
		c := a.Copy()
		if err := g.shuffleArray(c); err != nil {
			return runtime.Value{}, err
		}
		return array.Value(c), nil
	}
	genMethods["shuffle"] = func(g *Generator, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var x runtime.Value
		if err := runtime.UnpackArgs("shuffle", args, kwargs, "x", &x); err != nil {
			return runtime.Value{}, err
		}
		if l, ok := x.Obj().(*runtime.List); ok {
			g.r.Shuffle(len(l.Elems), func(i, j int) { l.Elems[i], l.Elems[j] = l.Elems[j], l.Elems[i] })
			return runtime.None, nil
		}
		a, ok := x.Obj().(*array.Array)
		if !ok {
			return runtime.Value{}, runtime.Errorf("shuffle() argument must be an array or a list, not %s", runtime.TypeName(x))
		}
		return runtime.None, g.shuffleArray(a)
	}
	genMethods["choice"] = func(g *Generator, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return g.choice(args, kwargs)
	}
}

func intFill(shape []int, f func() int64) runtime.Value {
	n := 1
	for _, s := range shape {
		n *= s
	}
	out := make([]int64, n)
	for k := range out {
		out[k] = f()
	}
	return array.Value(array.FromInts(out, shape...))
}

func (g *Generator) integers(name string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var lo, hi, size, dt runtime.Value
	endpoint := false
	if err := runtime.UnpackArgs(name, args, kwargs, "low", &lo, "high?", &hi, "size?", &size, "dtype?", &dt, "endpoint?", &endpoint); err != nil {
		return runtime.Value{}, err
	}
	low, ok := lo.ToInt()
	if !ok {
		return runtime.Value{}, runtime.Errorf("%s() argument 'low' must be an int", name)
	}
	var high int64
	if !hi.IsValid() || hi.IsNone() {
		low, high = 0, low
	} else if high, ok = hi.ToInt(); !ok {
		return runtime.Value{}, runtime.Errorf("%s() argument 'high' must be an int", name)
	}
	if endpoint {
		high++
	}
	if high <= low {
		return runtime.Value{}, runtime.Errorf("low >= high")
	}
	sh, err := sizeShape(size)
	if err != nil {
		return runtime.Value{}, err
	}
	f := func() int64 { return low + g.r.Int64N(high-low) }
	if sh == nil {
		return runtime.MakeInt(f()), nil
	}
	return intFill(sh, f), nil
}

func (g *Generator) shuffleInts(p []int64) {
	g.r.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
}

// shuffleArray shuffles a in place along its first axis.
func (g *Generator) shuffleArray(a *array.Array) error {
	if a.NDim() == 0 {
		return runtime.Errorf("array must be at least 1-dimensional")
	}
	n := a.Len()
	perm := make([]int64, n)
	for k := range perm {
		perm[k] = int64(k)
	}
	g.shuffleInts(perm)
	src, err := a.Get(array.Value(array.FromInts(perm)))
	if err != nil {
		return err
	}
	return a.Assign(src)
}

func (g *Generator) choice(args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var x, size, p runtime.Value
	replace := true
	if err := runtime.UnpackArgs("choice", args, kwargs, "a", &x, "size?", &size, "replace?", &replace, "p?", &p); err != nil {
		return runtime.Value{}, err
	}
	var pool *array.Array
	if n, ok := x.ToInt(); ok && x.Kind() == runtime.IntKind {
		if n <= 0 {
			return runtime.Value{}, runtime.Errorf("a must be a positive integer unless no samples are taken")
		}
		idx := make([]int64, n)
		for k := range idx {
			idx[k] = int64(k)
		}
		pool = array.FromInts(idx)
	} else {
		a, err := toArray(x)
		if err != nil {
			return runtime.Value{}, err
		}
		if a.NDim() == 0 {
			return runtime.Value{}, runtime.Errorf("a must be 1-dimensional or an integer")
		}
		if a.Len() == 0 {
			return runtime.Value{}, runtime.Errorf("a cannot be empty unless no samples are taken")
		}
		pool = a
	}
	n := pool.Len()
	sh, err := sizeShape(size)
	if err != nil {
		return runtime.Value{}, err
	}
	count := 1
	for _, s := range sh {
		count *= s
	}
	var probs []float64
	if p.IsValid() && !p.IsNone() {
		pa, err := toArray(p)
		if err != nil {
			return runtime.Value{}, err
		}
		probs = pa.Float64s()
		if len(probs) != n {
			return runtime.Value{}, runtime.Errorf("a and p must have same size")
		}
		total := 0.0
		for _, q := range probs {
			if q < 0 {
				return runtime.Value{}, runtime.Errorf("probabilities are not non-negative")
			}
			total += q
		}
		if math.Abs(total-1) > 1e-8 {
			return runtime.Value{}, runtime.Errorf("probabilities do not sum to 1")
		}
	}
	if !replace && count > n {
		return runtime.Value{}, runtime.Errorf("Cannot take a larger sample than population when replace is False")
	}
	idx := make([]int64, count)
	switch {
	case replace && probs == nil:
		for k := range idx {
			idx[k] = g.r.Int64N(int64(n))
		}
	case replace:
		cdf := make([]float64, n)
		acc := 0.0
		for k, q := range probs {
			acc += q
			cdf[k] = acc
		}
		for k := range idx {
			u := g.r.Float64() * acc
			idx[k] = int64(min(sort.SearchFloat64s(cdf, u), n-1))
			for cdf[idx[k]] <= u && int(idx[k]) < n-1 {
				idx[k]++
			}
		}
	case probs == nil:
		perm := make([]int64, n)
		for k := range perm {
			perm[k] = int64(k)
		}
		g.shuffleInts(perm)
		copy(idx, perm[:count])
	default:
		w := append([]float64(nil), probs...)
		for k := range idx {
			total := 0.0
			for _, q := range w {
				total += q
			}
			u := g.r.Float64() * total
			j := 0
			for acc := w[0]; acc <= u && j < n-1; {
				j++
				acc += w[j]
			}
			idx[k] = int64(j)
			w[j] = 0
		}
	}
	picked, err := pool.Get(array.Value(array.FromInts(idx)))
	if err != nil {
		return runtime.Value{}, err
	}
	if sh == nil {
		return picked.Index(runtime.MakeInt(0))
	}
	full := append(append([]int(nil), sh...), picked.Shape()[1:]...)
	return retArr(picked.Reshape(full))
}
