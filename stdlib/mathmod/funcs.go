package mathmod

import (
	"math"
	"math/big"

	"github.com/sim-lang/sim/runtime"
)

type (
	value  = runtime.Value
	kwargs = []runtime.Kwarg
)

// logFn is math.log(x[, base]).
func logFn(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	if err := nargs("log", args, kw, 1, 2); err != nil {
		return value{}, err
	}
	x, err := toFloat("log", args[0])
	if err != nil {
		return value{}, err
	}
	lx, err := checkResult(math.Log(x), false, x)
	if err != nil {
		return value{}, err
	}
	if len(args) == 1 {
		return runtime.MakeFloat(lx), nil
	}
	b, err := toFloat("log", args[1])
	if err != nil {
		return value{}, err
	}
	lb, err := checkResult(math.Log(b), false, b)
	if err != nil {
		return value{}, err
	}
	if lb == 0 {
		return value{}, runtime.Errorf("float division by zero")
	}
	return runtime.MakeFloat(lx / lb), nil
}

// floats converts every argument of fn to float64.
func floats(fn string, args []value) ([]float64, error) {
	out := make([]float64, len(args))
	for i, a := range args {
		f, err := toFloat(fn, a)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

// hypot is math.hypot(*coordinates), the Euclidean norm.
func hypot(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	if err := noKwargs("hypot", kw); err != nil {
		return value{}, err
	}
	xs, err := floats("hypot", args)
	if err != nil {
		return value{}, err
	}
	return runtime.MakeFloat(norm(xs)), nil
}

// norm returns the Euclidean norm of xs without intermediate overflow; an
// infinite coordinate gives inf even beside a NaN, as in Python.
func norm(xs []float64) float64 {
	var r float64
	hasNaN := false
	for _, x := range xs {
		if math.IsInf(x, 0) {
			return math.Inf(1)
		}
		if math.IsNaN(x) {
			hasNaN = true
			continue
		}
		r = math.Hypot(r, x)
	}
	if hasNaN {
		return math.NaN()
	}
	return r
}

// dist is math.dist(p, q): the Euclidean distance of two points given as
// lists or tuples of the same length.
func dist(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	if err := nargs("dist", args, kw, 2, 2); err != nil {
		return value{}, err
	}
	p, err := seqFloats("dist", args[0])
	if err != nil {
		return value{}, err
	}
	q, err := seqFloats("dist", args[1])
	if err != nil {
		return value{}, err
	}
	if len(p) != len(q) {
		return value{}, runtime.Errorf("math.dist(): both points must have the same number of dimensions")
	}
	d := make([]float64, len(p))
	for i := range p {
		d[i] = p[i] - q[i]
	}
	return runtime.MakeFloat(norm(d)), nil
}

// isclose is math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0).
func isclose(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	var a, b float64
	relTol, absTol := 1e-9, 0.0
	var av, bv value
	if err := runtime.UnpackArgs("isclose", args, kw, "a", &av, "b", &bv, "rel_tol?", &relTol, "abs_tol?", &absTol); err != nil {
		return value{}, err
	}
	var err error
	if a, err = toFloat("isclose", av); err != nil {
		return value{}, err
	}
	if b, err = toFloat("isclose", bv); err != nil {
		return value{}, err
	}
	if relTol < 0 || absTol < 0 {
		return value{}, runtime.Errorf("math.isclose(): tolerances must be non-negative")
	}
	if a == b {
		return runtime.True, nil
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return runtime.False, nil
	}
	diff := math.Abs(b - a)
	ok := diff <= math.Abs(relTol*b) || diff <= math.Abs(relTol*a) || diff <= absTol
	return runtime.MakeBool(ok), nil
}

// ldexp is math.ldexp(x, i) = x * 2**i.
func ldexp(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	if err := nargs("ldexp", args, kw, 2, 2); err != nil {
		return value{}, err
	}
	x, err := toFloat("ldexp", args[0])
	if err != nil {
		return value{}, err
	}
	i, err := toInt("ldexp", args[1])
	if err != nil {
		return value{}, err
	}
	i = max(min(i, 1<<20), -(1 << 20))
	r, err := checkResult(math.Ldexp(x, int(i)), true, x)
	if err != nil {
		return value{}, err
	}
	return runtime.MakeFloat(r), nil
}

// modf is math.modf(x) = (fractional part, integer part).
func modf(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	if err := nargs("modf", args, kw, 1, 1); err != nil {
		return value{}, err
	}
	x, err := toFloat("modf", args[0])
	if err != nil {
		return value{}, err
	}
	if math.IsInf(x, 0) {
		return runtime.MakeTuple(runtime.MakeFloat(math.Copysign(0, x)), runtime.MakeFloat(x)), nil
	}
	ip, fp := math.Modf(x)
	return runtime.MakeTuple(runtime.MakeFloat(fp), runtime.MakeFloat(ip)), nil
}

// frexp is math.frexp(x) = (m, e) with x = m * 2**e and 0.5 <= |m| < 1.
func frexp(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	if err := nargs("frexp", args, kw, 1, 1); err != nil {
		return value{}, err
	}
	x, err := toFloat("frexp", args[0])
	if err != nil {
		return value{}, err
	}
	m, e := math.Frexp(x)
	return runtime.MakeTuple(runtime.MakeFloat(m), runtime.MakeInt(int64(e))), nil
}

// factorial is math.factorial(n) for 0 <= n <= 20 (larger results do not
// fit in sim's 64-bit ints).
func factorial(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	if err := nargs("factorial", args, kw, 1, 1); err != nil {
		return value{}, err
	}
	n, err := toInt("factorial", args[0])
	if err != nil {
		return value{}, err
	}
	if n < 0 {
		return value{}, runtime.Errorf("factorial() not defined for negative values")
	}
	if n > 20 {
		return value{}, runtime.Errorf("factorial(%d) does not fit in a 64-bit int (use math.gamma(n + 1) or math.lgamma for a float)", n)
	}
	r := int64(1)
	for i := int64(2); i <= n; i++ {
		r *= i
	}
	return runtime.MakeInt(r), nil
}

// ints converts every argument of fn to int64.
func ints(fn string, args []value) ([]int64, error) {
	out := make([]int64, len(args))
	for i, a := range args {
		n, err := toInt(fn, a)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

func gcd2(a, b int64) int64 {
	if a < 0 {
		a = -a
	}
	if b < 0 {
		b = -b
	}
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// gcd is math.gcd(*integers); gcd() is 0.
func gcd(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	if err := noKwargs("gcd", kw); err != nil {
		return value{}, err
	}
	ns, err := ints("gcd", args)
	if err != nil {
		return value{}, err
	}
	var g int64
	for _, n := range ns {
		g = gcd2(g, n)
	}
	return runtime.MakeInt(g), nil
}

// lcm is math.lcm(*integers); lcm() is 1.
func lcm(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	if err := noKwargs("lcm", kw); err != nil {
		return value{}, err
	}
	ns, err := ints("lcm", args)
	if err != nil {
		return value{}, err
	}
	l := big.NewInt(1)
	for _, n := range ns {
		if n == 0 {
			return runtime.MakeInt(0), nil
		}
		g := gcd2(l.Int64(), n)
		l.Mul(l, big.NewInt(n/g))
		l.Abs(l)
		if !l.IsInt64() {
			return value{}, runtime.Errorf("math.lcm() result does not fit in a 64-bit int")
		}
	}
	return runtime.MakeInt(l.Int64()), nil
}

// nonNegative reads the integer arguments n, k of comb and perm.
func nonNegative(fn string, args []value, names ...string) ([]int64, error) {
	ns, err := ints(fn, args)
	if err != nil {
		return nil, err
	}
	for i, n := range ns {
		if n < 0 {
			return nil, runtime.Errorf("%s must be a non-negative integer", names[i])
		}
	}
	return ns, nil
}

// fitInt returns the big result as an int, or an error naming fn.
func fitInt(fn string, r *big.Int) (value, error) {
	if !r.IsInt64() {
		return value{}, runtime.Errorf("math.%s() result does not fit in a 64-bit int", fn)
	}
	return runtime.MakeInt(r.Int64()), nil
}

// comb is math.comb(n, k), the binomial coefficient (0 when k > n).
func comb(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	if err := nargs("comb", args, kw, 2, 2); err != nil {
		return value{}, err
	}
	ns, err := nonNegative("comb", args, "n", "k")
	if err != nil {
		return value{}, err
	}
	if ns[1] > ns[0] {
		return runtime.MakeInt(0), nil
	}
	return fitInt("comb", new(big.Int).Binomial(ns[0], ns[1]))
}

// perm is math.perm(n, k=None) = n! / (n-k)! (0 when k > n).
func perm(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	if err := nargs("perm", args, kw, 1, 2); err != nil {
		return value{}, err
	}
	if len(args) == 2 && args[1].IsNone() {
		args = args[:1]
	}
	ns, err := nonNegative("perm", args, "n", "k")
	if err != nil {
		return value{}, err
	}
	n, k := ns[0], ns[0]
	if len(ns) == 2 {
		k = ns[1]
	}
	if k > n {
		return runtime.MakeInt(0), nil
	}
	r := big.NewInt(1)
	for i := n - k + 1; i <= n; i++ {
		r.Mul(r, big.NewInt(i))
		if r.BitLen() > 64 {
			break
		}
	}
	return fitInt("perm", r)
}

// seqFloats returns the numbers of an iterable argument.
func seqFloats(fn string, v value) ([]float64, error) {
	var elems []value
	switch o := v.Obj().(type) {
	case *runtime.List:
		elems = o.Elems
	case runtime.Tuple:
		elems = o
	default:
		it, err := runtime.Iterate(v)
		if err != nil {
			return nil, runtime.Errorf("math.%s() argument must be iterable, not %s", fn, runtime.TypeName(v))
		}
		var x value
		for it.Next(&x) {
			elems = append(elems, x)
		}
	}
	return floats(fn, elems)
}

// fsum is math.fsum(iterable): an accurately rounded float sum (Neumaier's
// compensated summation).
func fsum(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	if err := nargs("fsum", args, kw, 1, 1); err != nil {
		return value{}, err
	}
	xs, err := seqFloats("fsum", args[0])
	if err != nil {
		return value{}, err
	}
	var sum, c float64
	for _, x := range xs {
		t := sum + x
		if math.Abs(sum) >= math.Abs(x) {
			c += (sum - t) + x
		} else {
			c += (x - t) + sum
		}
		sum = t
	}
	return runtime.MakeFloat(sum + c), nil
}

// prod is math.prod(iterable, *, start=1): an int when every factor is an
// int, else a float.
func prod(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	var it, start value
	if err := runtime.UnpackArgs("prod", args, kw, "iterable", &it, "start?", &start); err != nil {
		return value{}, err
	}
	var elems []value
	switch o := it.Obj().(type) {
	case *runtime.List:
		elems = o.Elems
	case runtime.Tuple:
		elems = o
	default:
		iter, err := runtime.Iterate(it)
		if err != nil {
			return value{}, runtime.Errorf("math.prod() argument must be iterable, not %s", runtime.TypeName(it))
		}
		var x value
		for iter.Next(&x) {
			elems = append(elems, x)
		}
	}
	if !start.IsValid() {
		start = runtime.MakeInt(1)
	}
	allInt := true
	for _, e := range append([]value{start}, elems...) {
		if _, ok := e.ToInt(); !ok {
			allInt = false
		}
	}
	if allInt {
		s, _ := start.ToInt()
		r := big.NewInt(s)
		for _, e := range elems {
			n, _ := e.ToInt()
			r.Mul(r, big.NewInt(n))
			if r.BitLen() > 64 {
				break
			}
		}
		return fitInt("prod", r)
	}
	xs, err := floats("prod", append([]value{start}, elems...))
	if err != nil {
		return value{}, err
	}
	r := 1.0
	for _, x := range xs {
		r *= x
	}
	return runtime.MakeFloat(r), nil
}
