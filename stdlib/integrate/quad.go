package integrate

import (
	"container/heap"
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// The 21-point Gauss–Kronrod rule of QUADPACK's qk21: Kronrod abscissae
// (the odd ones are the 10-point Gauss nodes) and weights.
var (
	gkX = [11]float64{
		0.995657163025808080735527280689003, 0.973906528517171720077964012084452,
		0.930157491355708226001207180059508, 0.865063366688984510732096688423493,
		0.780817726586416897063717578345042, 0.679409568299024406234327365114874,
		0.562757134668604683339000099272694, 0.433395394129247190799265943165784,
		0.294392862701460198131126603103866, 0.148874338981631210884826001129720, 0}
	gkW = [11]float64{
		0.011694638867371874278064396062192, 0.032558162307964727478818972459390,
		0.054755896574351996031381300244580, 0.075039674810919952767043140916190,
		0.093125454583697605535065465083366, 0.109387158802297641899210590325805,
		0.123491976262065851077958109831074, 0.134709217311473325928054001771707,
		0.142775938577060080797094273138717, 0.147739104901338491374841515972068,
		0.149445554002916905664936468389821}
	gW = [5]float64{
		0.066671344308688137593568809893332, 0.149451349150580593145776339657697,
		0.219086362515982043995534934228163, 0.269266719309996355091226921569469,
		0.295524224714752870173892994651338}
)

// qk21 applies the rule on [a, b]: the integral, QUADPACK's error
// estimate, and the number of evaluations.
func qk21(f func(float64) (float64, error), a, b float64) (float64, float64, error) {
	const epmach, uflow = eps, 2.2250738585072014e-308
	centr := 0.5 * (a + b)
	hl := 0.5 * (b - a)
	dhl := math.Abs(hl)
	fc, err := f(centr)
	if err != nil {
		return 0, 0, err
	}
	resg := 0.0
	resk := gkW[10] * fc
	resabs := math.Abs(resk)
	var fv1, fv2 [10]float64
	for j := 0; j < 10; j++ {
		absc := hl * gkX[j]
		f1, err := f(centr - absc)
		if err != nil {
			return 0, 0, err
		}
		f2, err := f(centr + absc)
		if err != nil {
			return 0, 0, err
		}
		fv1[j], fv2[j] = f1, f2
		resk += gkW[j] * (f1 + f2)
		resabs += gkW[j] * (math.Abs(f1) + math.Abs(f2))
		if j%2 == 1 {
			resg += gW[j/2] * (f1 + f2)
		}
	}
	reskh := resk * 0.5
	resasc := gkW[10] * math.Abs(fc-reskh)
	for j := 0; j < 10; j++ {
		resasc += gkW[j] * (math.Abs(fv1[j]-reskh) + math.Abs(fv2[j]-reskh))
	}
	result := resk * hl
	resabs *= dhl
	resasc *= dhl
	abserr := math.Abs((resk - resg) * hl)
	if resasc != 0 && abserr != 0 {
		abserr = resasc * math.Min(1, math.Pow(200*abserr/resasc, 1.5))
	}
	if resabs > uflow/(50*epmach) {
		abserr = math.Max(epmach*50*resabs, abserr)
	}
	return result, abserr, nil
}

// interval is one piece of the adaptive subdivision.
type interval struct{ a, b, val, err float64 }

type intervalHeap []interval

func (h intervalHeap) Len() int           { return len(h) }
func (h intervalHeap) Less(i, j int) bool { return h[i].err > h[j].err }
func (h intervalHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intervalHeap) Push(x any)        { *h = append(*h, x.(interval)) }
func (h *intervalHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// adaptQuad integrates f over [a, b] (finite) by globally adaptive
// bisection of the interval with the largest error, as QUADPACK's qag.
func adaptQuad(f func(float64) (float64, error), a, b, epsabs, epsrel float64, limit int) (float64, float64, bool, error) {
	v, e, err := qk21(f, a, b)
	if err != nil {
		return 0, 0, false, err
	}
	h := &intervalHeap{{a, b, v, e}}
	total, totErr := v, e
	for k := 1; k < limit; k++ {
		if totErr <= math.Max(epsabs, epsrel*math.Abs(total)) {
			return total, totErr, true, nil
		}
		w := heap.Pop(h).(interval)
		m := 0.5 * (w.a + w.b)
		v1, e1, err := qk21(f, w.a, m)
		if err != nil {
			return 0, 0, false, err
		}
		v2, e2, err := qk21(f, m, w.b)
		if err != nil {
			return 0, 0, false, err
		}
		heap.Push(h, interval{w.a, m, v1, e1})
		heap.Push(h, interval{m, w.b, v2, e2})
		// Re-sum to avoid drift.
		total, totErr = 0, 0
		for _, it := range *h {
			total += it.val
			totErr += it.err
		}
		if math.IsNaN(total) {
			return total, totErr, false, nil
		}
	}
	return total, totErr, totErr <= math.Max(epsabs, epsrel*math.Abs(total)), nil
}

// quadBuiltin is scipy.integrate.quad(func, a, b, args=(), epsabs,
// epsrel, limit): (value, abserr), with units (the value carries
// func's unit times x's).
func quadBuiltin(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "quad"
	var fun, aV, bV, extra, full, epsabsV, epsrelV, limitV runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "func", &fun, "a", &aV, "b", &bV, "args?", &extra,
		"full_output?", &full, "epsabs?", &epsabsV, "epsrel?", &epsrelV, "limit?", &limitV); err != nil {
		return runtime.Value{}, err
	}
	if _, ok := fun.Obj().(runtime.Callable); !ok {
		return runtime.Value{}, runtime.Errorf("%s: func must be a function, not %s", fname, runtime.TypeName(fun))
	}
	a, da, ok1 := scalarOf(aV)
	b, db, ok2 := scalarOf(bV)
	if !ok1 || !ok2 {
		return runtime.Value{}, runtime.Errorf("%s: the limits a and b must be numbers", fname)
	}
	xDim := da
	if da != db {
		switch {
		case da.IsDimensionless() && (a == 0 || math.IsInf(a, 0)):
			xDim = db
		case db.IsDimensionless() && (b == 0 || math.IsInf(b, 0)):
		default:
			return runtime.Value{}, runtime.Errorf("%s: the limits have units of %s and %s", fname, array.DimName(da), array.DimName(db))
		}
	}
	xargs, err := extraArgs(fname, extra)
	if err != nil {
		return runtime.Value{}, err
	}
	epsabs, epsrel, limit := 1.49e-8, 1.49e-8, 50
	if isGiven(epsabsV) {
		epsabs, _, _ = scalarOf(epsabsV)
	}
	if isGiven(epsrelV) {
		epsrel, _, _ = scalarOf(epsrelV)
	}
	if isGiven(limitV) {
		l, _, _ := scalarOf(limitV)
		limit = max(1, int(l))
	}
	callArgs := make([]runtime.Value, 1+len(xargs))
	copy(callArgs[1:], xargs)
	var fDim units.Dim
	first := true
	neval := 0
	f := func(x float64) (float64, error) {
		neval++
		callArgs[0] = runtime.MakeQuantity(x, xDim)
		v, err := runtime.Call(th, fun, callArgs, nil)
		if err != nil {
			return 0, err
		}
		y, d, ok := scalarOf(v)
		if !ok {
			return 0, runtime.Errorf("%s: func must return a number, not %s", fname, runtime.TypeName(v))
		}
		if first {
			fDim, first = d, false
		} else if d != fDim && y != 0 {
			return 0, runtime.Errorf("%s: func returned values with units of %s and %s", fname, array.DimName(fDim), array.DimName(d))
		}
		return y, nil
	}
	sign := 1.0
	if b < a {
		a, b, sign = b, a, -1
	}
	g := f
	lo, hi := a, b
	switch {
	case a == b:
		return runtime.MakeTuple(runtime.MakeQuantity(0, fDim.Mul(xDim)), runtime.MakeFloat(0)), nil
	case math.IsInf(a, -1) && math.IsInf(b, 1):
		// x = (1-t)/t on (0, 1], both halves.
		g = func(t float64) (float64, error) {
			x := (1 - t) / t
			y1, err := f(x)
			if err != nil {
				return 0, err
			}
			y2, err := f(-x)
			if err != nil {
				return 0, err
			}
			return (y1 + y2) / (t * t), nil
		}
		lo, hi = 0, 1
	case math.IsInf(b, 1):
		g = func(t float64) (float64, error) {
			y, err := f(a + (1-t)/t)
			return y / (t * t), err
		}
		lo, hi = 0, 1
	case math.IsInf(a, -1):
		g = func(t float64) (float64, error) {
			y, err := f(b - (1-t)/t)
			return y / (t * t), err
		}
		lo, hi = 0, 1
	}
	val, abserr, ok, err := adaptQuad(g, lo, hi, epsabs, epsrel, limit)
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok && th != nil && th.Stderr != nil {
		_, _ = th.Stderr.Write([]byte("IntegrationWarning: The maximum number of subdivisions (" + fmtG(float64(limit)) + ") has been achieved.\n"))
	}
	resDim := fDim.Mul(xDim)
	out := []runtime.Value{runtime.MakeQuantity(sign*val, resDim), runtime.MakeQuantity(abserr, resDim)}
	if isGiven(full) {
		if fo, _ := runtime.Truth(full); fo {
			info := runtime.NewDict()
			info.Set(runtime.MakeStr("neval"), runtime.MakeInt(int64(neval)))
			out = append(out, runtime.MakeObj(info))
		}
	}
	return runtime.MakeTuple(out...), nil
}
