// Package randommod is Python's random module: module functions on a
// hidden generator per interpreter, and random.Random(seed) objects. The
// generator is CPython's Mersenne Twister with CPython's seeding and
// derivations, so seeded scripts draw the same numbers as under CPython
// (random, uniform, randint, randrange, choice, choices, shuffle,
// sample, gauss, normalvariate, expovariate, getrandbits).
package randommod

import (
	crand "crypto/rand"
	"encoding/binary"
	"math"
	"sort"
	"time"

	"github.com/sim-lang/sim/runtime"
)

func init() {
	runtime.RegisterModule([]string{"random"}, build)
}

// Random is a generator: random.Random(seed), or the module's own.
type Random struct {
	mt        mt19937
	gaussNext *float64
}

// Type, String and Truth implement runtime.Object.
func (r *Random) Type() string         { return "Random" }
func (r *Random) String() string       { return "<random.Random object>" }
func (r *Random) Truth() (bool, error) { return true, nil }

// seed seeds as CPython's Random.seed: None from the OS, an int (or
// bool, or a float with an integral value) by its absolute value's
// 32-bit words.
func (r *Random) seed(a runtime.Value) error {
	r.gaussNext = nil
	if !a.IsValid() || a.IsNone() {
		var b [32]byte
		if _, err := crand.Read(b[:]); err != nil {
			binary.LittleEndian.PutUint64(b[:], uint64(time.Now().UnixNano()))
		}
		key := make([]uint32, 8)
		for i := range key {
			key[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
		r.mt.initByArray(key)
		return nil
	}
	var n uint64
	switch a.Kind() {
	case runtime.IntKind, runtime.BoolKind:
		i, _ := a.ToInt()
		if i < 0 {
			n = uint64(-i)
		} else {
			n = uint64(i)
		}
	case runtime.FloatKind:
		f := a.AsFloat()
		if f != math.Trunc(f) || math.Abs(f) >= 1<<63 {
			return runtime.Errorf("random.seed(): only int, float with an integral value and None seeds are supported, not %v", f)
		}
		n = uint64(math.Abs(f))
	default:
		return runtime.Errorf("random.seed(): only int, float with an integral value and None seeds are supported, not %s", runtime.TypeName(a))
	}
	key := []uint32{uint32(n)}
	if n>>32 != 0 {
		key = append(key, uint32(n>>32))
	}
	r.mt.initByArray(key)
	return nil
}

// newRandom returns a generator seeded with a (None: from the OS).
func newRandom(a runtime.Value) (*Random, error) {
	r := &Random{}
	return r, r.seed(a)
}

const stateKey = "random.state"

// moduleRandom is the interpreter's hidden generator.
func moduleRandom(th *runtime.Thread) *Random {
	if r, ok := th.Local(stateKey).(*Random); ok {
		return r
	}
	r, _ := newRandom(runtime.None)
	th.SetLocal(stateKey, r)
	return r
}

// methodFunc is one method of Random, shared by module functions.
type methodFunc func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)

// methods are the generator's methods by name.
var methods = map[string]methodFunc{
	"seed": func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var a runtime.Value
		if err := runtime.UnpackArgs(name, args, kw, "a?", &a); err != nil {
			return runtime.Value{}, err
		}
		return runtime.None, r.seed(a)
	},
	"random": func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs(name, args, kw); err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeFloat(r.mt.random()), nil
	},
	"uniform": func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var a, b float64
		if err := runtime.UnpackArgs(name, args, kw, "a", &a, "b", &b); err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeFloat(a + (b-a)*r.mt.random()), nil
	},
	"randint": func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var a, b int64
		if err := runtime.UnpackArgs(name, args, kw, "a", &a, "b", &b); err != nil {
			return runtime.Value{}, err
		}
		return r.randrange(a, b+1, 1, true)
	},
	"randrange": func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var start int64
		var stop runtime.Value
		step := int64(1)
		if err := runtime.UnpackArgs(name, args, kw, "start", &start, "stop?", &stop, "step?", &step); err != nil {
			return runtime.Value{}, err
		}
		if !stop.IsValid() || stop.IsNone() {
			if start > 0 {
				return runtime.MakeInt(int64(r.mt.below(uint64(start)))), nil
			}
			return runtime.Value{}, runtime.Errorf("ValueError: empty range for randrange()")
		}
		s, ok := stop.ToInt()
		if !ok || stop.Kind() == runtime.FloatKind {
			return runtime.Value{}, runtime.Errorf("randrange() stop must be an int, not %s", runtime.TypeName(stop))
		}
		return r.randrange(start, s, step, false)
	},
	"getrandbits": func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var k int
		if err := runtime.UnpackArgs(name, args, kw, "k", &k); err != nil {
			return runtime.Value{}, err
		}
		if k < 0 || k > 63 {
			return runtime.Value{}, runtime.Errorf("getrandbits(): k must be between 0 and 63 in sim (ints are 64-bit), not %d", k)
		}
		return runtime.MakeInt(int64(r.mt.getrandbits(k))), nil
	},
	"choice": func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var seq runtime.Value
		if err := runtime.UnpackArgs(name, args, kw, "seq", &seq); err != nil {
			return runtime.Value{}, err
		}
		n, err := runtime.Len(seq)
		if err != nil {
			return runtime.Value{}, err
		}
		if n == 0 {
			return runtime.Value{}, runtime.Errorf("IndexError: Cannot choose from an empty sequence")
		}
		return runtime.GetIndex(seq, runtime.MakeInt(int64(r.mt.below(uint64(n)))))
	},
	"choices": func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var pop, weights, cum runtime.Value
		k := 1
		if err := runtime.UnpackArgs(name, args, kw, "population", &pop, "weights?", &weights, "cum_weights?", &cum, "k?", &k); err != nil {
			return runtime.Value{}, err
		}
		elems, err := runtime.ToSlice(pop)
		if err != nil {
			return runtime.Value{}, err
		}
		n := len(elems)
		out := make([]runtime.Value, k)
		given := func(v runtime.Value) bool { return v.IsValid() && !v.IsNone() }
		if !given(weights) && !given(cum) {
			if n == 0 && k > 0 {
				return runtime.Value{}, runtime.Errorf("IndexError: Cannot choose from an empty population")
			}
			for i := range out {
				out[i] = elems[int(math.Floor(r.mt.random()*float64(n)))]
			}
			return runtime.NewList(out), nil
		}
		if given(weights) && given(cum) {
			return runtime.Value{}, runtime.Errorf("TypeError: Cannot specify both weights and cumulative weights")
		}
		var cw []float64
		src := cum
		if given(weights) {
			src = weights
		}
		ws, err := runtime.ToSlice(src)
		if err != nil {
			return runtime.Value{}, err
		}
		acc := 0.0
		for _, w := range ws {
			f, ok := w.ToFloat()
			if !ok {
				return runtime.Value{}, runtime.Errorf("choices(): weights must be numbers, not %s", runtime.TypeName(w))
			}
			if given(weights) {
				acc += f
				cw = append(cw, acc)
			} else {
				cw = append(cw, f)
			}
		}
		if len(cw) != n {
			return runtime.Value{}, runtime.Errorf("ValueError: The number of weights does not match the population")
		}
		total := cw[n-1]
		if total <= 0 || math.IsInf(total, 0) || math.IsNaN(total) {
			return runtime.Value{}, runtime.Errorf("ValueError: Total of weights must be greater than zero and finite")
		}
		for i := range out {
			x := r.mt.random() * total
			j := sort.Search(n-1, func(m int) bool { return cw[m] > x }) // bisect_right on cw[:n-1]
			out[i] = elems[j]
		}
		return runtime.NewList(out), nil
	},
	"shuffle": func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var x runtime.Value
		if err := runtime.UnpackArgs(name, args, kw, "x", &x); err != nil {
			return runtime.Value{}, err
		}
		l, ok := x.Obj().(*runtime.List)
		if !ok {
			return runtime.Value{}, runtime.Errorf("shuffle() needs a list (shuffled in place), not %s", runtime.TypeName(x))
		}
		for i := len(l.Elems) - 1; i > 0; i-- {
			j := int(r.mt.below(uint64(i + 1)))
			l.Elems[i], l.Elems[j] = l.Elems[j], l.Elems[i]
		}
		return runtime.None, nil
	},
	"sample": func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var pop runtime.Value
		var k int
		if err := runtime.UnpackArgs(name, args, kw, "population", &pop, "k", &k); err != nil {
			return runtime.Value{}, err
		}
		elems, err := runtime.ToSlice(pop)
		if err != nil {
			return runtime.Value{}, err
		}
		return r.sample(elems, k)
	},
	"gauss": func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		mu, sigma := 0.0, 1.0
		if err := runtime.UnpackArgs(name, args, kw, "mu?", &mu, "sigma?", &sigma); err != nil {
			return runtime.Value{}, err
		}
		z := 0.0
		if r.gaussNext != nil {
			z, r.gaussNext = *r.gaussNext, nil
		} else {
			x2pi := r.mt.random() * 2 * math.Pi
			g2rad := math.Sqrt(-2 * math.Log(1-r.mt.random()))
			z = math.Cos(x2pi) * g2rad
			next := math.Sin(x2pi) * g2rad
			r.gaussNext = &next
		}
		return runtime.MakeFloat(mu + z*sigma), nil
	},
	"normalvariate": func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		mu, sigma := 0.0, 1.0
		if err := runtime.UnpackArgs(name, args, kw, "mu?", &mu, "sigma?", &sigma); err != nil {
			return runtime.Value{}, err
		}
		magic := 4 * math.Exp(-0.5) / math.Sqrt(2.0)
		var z float64
		for {
			u1 := r.mt.random()
			u2 := 1 - r.mt.random()
			z = magic * (u1 - 0.5) / u2
			if z*z/4 <= -math.Log(u2) {
				break
			}
		}
		return runtime.MakeFloat(mu + z*sigma), nil
	},
	"expovariate": func(r *Random, th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var lambd float64
		if err := runtime.UnpackArgs(name, args, kw, "lambd", &lambd); err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeFloat(-math.Log(1-r.mt.random()) / lambd), nil
	},
}

// randrange is CPython's randrange for ints (inclusive names randint's
// bounds in its error).
func (r *Random) randrange(start, stop, step int64, inclusive bool) (runtime.Value, error) {
	width := stop - start
	if step == 1 {
		if width > 0 {
			return runtime.MakeInt(start + int64(r.mt.below(uint64(width)))), nil
		}
		if inclusive {
			return runtime.Value{}, runtime.Errorf("ValueError: empty range for randint(%d, %d)", start, stop-1)
		}
		return runtime.Value{}, runtime.Errorf("ValueError: empty range for randrange(%d, %d, %d)", start, stop, step)
	}
	if step == 0 {
		return runtime.Value{}, runtime.Errorf("ValueError: zero step for randrange()")
	}
	var n int64
	if step > 0 {
		n = (width + step - 1) / step
	} else {
		n = (width + step + 1) / step
	}
	if n <= 0 {
		return runtime.Value{}, runtime.Errorf("ValueError: empty range for randrange(%d, %d, %d)", start, stop, step)
	}
	return runtime.MakeInt(start + step*int64(r.mt.below(uint64(n)))), nil
}

// sample is CPython 3.11's sample: a pool for small populations, a set of
// chosen indices for large ones (the same draws either way as CPython).
func (r *Random) sample(pop []runtime.Value, k int) (runtime.Value, error) {
	n := len(pop)
	if k < 0 || k > n {
		return runtime.Value{}, runtime.Errorf("ValueError: Sample larger than population or is negative")
	}
	out := make([]runtime.Value, k)
	setsize := 21
	if k > 5 {
		setsize += int(math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4))))
	}
	if n <= setsize {
		pool := append([]runtime.Value(nil), pop...)
		for i := 0; i < k; i++ {
			j := int(r.mt.below(uint64(n - i)))
			out[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return runtime.NewList(out), nil
	}
	selected := map[int]bool{}
	for i := 0; i < k; i++ {
		j := int(r.mt.below(uint64(n)))
		for selected[j] {
			j = int(r.mt.below(uint64(n)))
		}
		selected[j] = true
		out[i] = pop[j]
	}
	return runtime.NewList(out), nil
}

// Attr implements runtime.HasAttrs: the methods.
func (r *Random) Attr(name string) (runtime.Value, error) {
	m, ok := methods[name]
	if !ok {
		return runtime.Value{}, nil
	}
	return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return m(r, th, name, args, kw)
	}), nil
}

// AttrNames implements runtime.HasAttrs.
func (r *Random) AttrNames() []string {
	names := make([]string, 0, len(methods))
	for k := range methods {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func build() *runtime.Module {
	m := &runtime.Module{Name: "random", Members: map[string]runtime.Value{}}
	for name, f := range methods {
		name, f := name, f
		m.Members[name] = runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return f(moduleRandom(th), th, name, args, kw)
		})
	}
	m.Members["Random"] = runtime.NewBuiltin("Random", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var a runtime.Value
		if err := runtime.UnpackArgs("Random", args, kw, "x?", &a); err != nil {
			return runtime.Value{}, err
		}
		r, err := newRandom(a)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeObj(r), nil
	})
	return m
}
