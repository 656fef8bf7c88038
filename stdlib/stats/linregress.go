package stats

import (
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

func init() { def("linregress", linregress) }

// linregress is scipy.stats.linregress(x, y=None, alternative='two-sided'):
// the least-squares line through (x, y) with its correlation, p-value
// (Student's t with n-2 degrees of freedom) and standard errors, as
// SciPy 1.10 computes them (population covariances, r clipped to ±1).
// Units are kept: the slope is in y's unit per x's, the intercept in y's.
// It unpacks into five values; intercept_stderr is an attribute.
func linregress(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "linregress"
	var xv, yv, alt runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "x", &xv, "y?", &yv, "alternative?", &alt); err != nil {
		return runtime.Value{}, err
	}
	alternative, err := alternativeArg(fname, alt)
	if err != nil {
		return runtime.Value{}, err
	}
	if !yv.IsValid() || yv.IsNone() {
		// one argument: a (2, N) or (N, 2) array
		a, err := array.From(xv)
		if err != nil {
			return runtime.Value{}, runtime.Errorf("%s(): %v", fname, err)
		}
		s := a.Shape()
		switch {
		case len(s) == 2 && s[0] == 2:
		case len(s) == 2 && s[1] == 2:
			if a, err = a.Transpose(nil); err != nil {
				return runtime.Value{}, err
			}
		default:
			return runtime.Value{}, runtime.Errorf("%s(): If only `x` is given as input, it has to be of shape (2, N) or (N, 2); provided shape was %v", fname, s)
		}
		if xv, err = a.Index(runtime.MakeInt(0)); err != nil {
			return runtime.Value{}, err
		}
		if yv, err = a.Index(runtime.MakeInt(1)); err != nil {
			return runtime.Value{}, err
		}
	}
	x, dx, err := sample(fname, "x", xv)
	if err != nil {
		return runtime.Value{}, err
	}
	y, dy, err := sample(fname, "y", yv)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(x) != len(y) {
		return runtime.Value{}, runtime.Errorf("%s(): x and y must have the same length (%d and %d)", fname, len(x), len(y))
	}
	allSame := true
	for _, v := range x {
		allSame = allSame && v == x[0]
	}
	if allSame {
		return runtime.Value{}, runtime.Errorf("%s(): Cannot calculate a linear regression if all x values are identical", fname)
	}
	n := float64(len(x))
	xm, ym := 0.0, 0.0
	for i := range x {
		xm += x[i]
		ym += y[i]
	}
	xm /= n
	ym /= n
	var ssxm, ssym, ssxym float64
	for i := range x {
		ssxm += (x[i] - xm) * (x[i] - xm)
		ssym += (y[i] - ym) * (y[i] - ym)
		ssxym += (x[i] - xm) * (y[i] - ym)
	}
	ssxm, ssym, ssxym = ssxm/n, ssym/n, ssxym/n
	r := 0.0
	if den := math.Sqrt(ssxm * ssym); den != 0 {
		r = math.Max(-1, math.Min(1, ssxym/den))
	}
	slope := ssxym / ssxm
	intercept := ym - slope*xm
	var p, slopeErr, interErr float64
	if len(x) == 2 {
		if y[0] != y[1] {
			p = 0
		} else {
			p = 1
		}
	} else {
		df := n - 2
		const tiny = 1e-20
		t := r * math.Sqrt(df/((1-r+tiny)*(1+r+tiny)))
		p = tPvalue(t, df, alternative)
		slopeErr = math.Sqrt((1 - r*r) * ssym / ssxm / df)
		interErr = slopeErr * math.Sqrt(ssxm+xm*xm)
	}
	slopeDim := dy.Div(dx)
	return runtime.MakeObj(record("LinregressResult", 5,
		"slope", runtime.MakeQuantity(slope, slopeDim),
		"intercept", runtime.MakeQuantity(intercept, dy),
		"rvalue", runtime.MakeFloat(r),
		"pvalue", runtime.MakeFloat(p),
		"stderr", runtime.MakeQuantity(slopeErr, slopeDim),
		"intercept_stderr", runtime.MakeQuantity(interErr, dy))), nil
}
