package integrate

import "math"

// integrand is a function of one variable whose evaluation may fail (a
// script error); the first failure ends the integration.
type integrand func(x float64) (float64, error)

// qkRule applies one Gauss–Kronrod rule on [a, b] and returns, as
// QUADPACK's dqk* routines do, the Kronrod estimate, its error estimate,
// the integral of |f| (resabs) and of |f - mean| (resasc).
type qkRule func(a, b float64) (result, abserr, resabs, resasc float64, err error)

// Constants of QUADPACK's d1mach: the machine epsilon, the smallest
// normal number and the largest finite number.
const (
	qpEpmach = eps
	qpUflow  = 2.2250738585072014e-308
	qpOflow  = math.MaxFloat64
)

// Nodes and weights of the 21-point Kronrod rule (qk21) in QUADPACK's
// order: k21X[0], k21X[2], ... are the Kronrod-only abscissae and
// k21X[1], k21X[3], ..., k21X[9] the 10-point Gauss nodes (weights g10W).
var (
	k21X = [11]float64{
		0.995657163025808080735527280689003, 0.973906528517171720077964012084452,
		0.930157491355708226001207180059508, 0.865063366688984510732096688423493,
		0.780817726586416897063717578345042, 0.679409568299024406234327365114874,
		0.562757134668604683339000099272694, 0.433395394129247190799265943165784,
		0.294392862701460198131126603103866, 0.148874338981631210884826001129720, 0}
	k21W = [11]float64{
		0.011694638867371874278064396062192, 0.032558162307964727478818972459390,
		0.054755896574351996031381300244580, 0.075039674810919952767043140916190,
		0.093125454583697605535065465083366, 0.109387158802297641899210590325805,
		0.123491976262065851077958109831074, 0.134709217311473325928054001771707,
		0.142775938577060080797094273138717, 0.147739104901338491374841515972068,
		0.149445554002916905664936468389821}
	g10W = [5]float64{
		0.066671344308688137593568809893332, 0.149451349150580593145776339657697,
		0.219086362515982043995534934228163, 0.269266719309996355091226921569469,
		0.295524224714752870173892994651338}
)

// Nodes and weights of the 15-point Kronrod rule (qk15i), with the
// 7-point Gauss weights at the odd positions (zero elsewhere).
var (
	k15X = [8]float64{
		0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
		0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
		0.586087235467691130294144838258730, 0.405845151377397166906606412076961,
		0.207784955007898467600689403773245, 0}
	k15W = [8]float64{
		0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
		0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
		0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
		0.204432940075298892414161999234649, 0.209482141084727828012999174891714}
	g7W = [8]float64{
		0, 0.129484966168869693270611432679082,
		0, 0.279705391489276667901467771423780,
		0, 0.381830050505118944950369775488975,
		0, 0.417959183673469387755102040816327}
)

// kronrodError is QUADPACK's error estimate of a rule from the
// Gauss–Kronrod difference |resk - resg| (already scaled by the half
// length) and the scaled resabs and resasc.
func kronrodError(diff, resabs, resasc float64) float64 {
	abserr := diff
	if resasc != 0 && abserr != 0 {
		abserr = resasc * math.Min(1, pow15(200*abserr/resasc))
	}
	if resabs > qpUflow/(50*qpEpmach) {
		abserr = math.Max(qpEpmach*50*resabs, abserr)
	}
	return abserr
}

// pow15 is x**1.5 rounded as C's pow rounds it (math.Pow(x, 1.5) goes
// through exp and log and may be a few ulps off): x·sqrt(x) evaluated in
// double-double arithmetic.
func pow15(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 0) {
		return math.Pow(x, 1.5)
	}
	s := math.Sqrt(x)
	sLo := math.FMA(-s, s, x) / (2 * s)
	p := x * s
	e := math.FMA(x, s, -p) + x*sLo
	return p + e
}

// qk21 returns the 21-point Gauss–Kronrod rule of f on [a, b],
// evaluating f in QUADPACK's order (centre, Gauss pairs, Kronrod pairs)
// and summing in that order, so that results match dqk21's bits.
func qk21(f integrand) qkRule {
	return func(a, b float64) (float64, float64, float64, float64, error) {
		centr := 0.5 * (a + b)
		hlgth := 0.5 * (b - a)
		dhlgth := math.Abs(hlgth)
		fc, err := f(centr)
		if err != nil {
			return 0, 0, 0, 0, err
		}
		resg := 0.0
		resk := k21W[10] * fc
		resabs := math.Abs(resk)
		var fv1, fv2 [10]float64
		for pass := 1; pass >= 0; pass-- { // Gauss nodes first, then the others
			for j := pass; j < 10; j += 2 {
				absc := hlgth * k21X[j]
				f1, err := f(centr - absc)
				if err != nil {
					return 0, 0, 0, 0, err
				}
				f2, err := f(centr + absc)
				if err != nil {
					return 0, 0, 0, 0, err
				}
				fv1[j], fv2[j] = f1, f2
				fsum := f1 + f2
				if pass == 1 {
					resg += g10W[j/2] * fsum
				}
				resk += k21W[j] * fsum
				resabs += k21W[j] * (math.Abs(f1) + math.Abs(f2))
			}
		}
		reskh := resk * 0.5
		resasc := k21W[10] * math.Abs(fc-reskh)
		for j := 0; j < 10; j++ {
			resasc += k21W[j] * (math.Abs(fv1[j]-reskh) + math.Abs(fv2[j]-reskh))
		}
		result := resk * hlgth
		resabs *= dhlgth
		resasc *= dhlgth
		return result, kronrodError(math.Abs((resk-resg)*hlgth), resabs, resasc), resabs, resasc, nil
	}
}

// qk15i returns QUADPACK's dqk15i: the 15-point rule on a piece [a, b]
// of (0, 1] after the substitution x = boun + dinf·(1-t)/t that maps
// (boun, +inf) (inf = 1) or (-inf, boun) (inf = -1) onto (0, 1]; with
// inf = 2 the whole line is integrated as f(x) + f(-x) over (0, +inf).
func qk15i(f integrand, boun float64, inf int) qkRule {
	dinf := float64(min(1, inf))
	at := func(t float64) (float64, error) {
		x := boun + dinf*(1-t)/t
		v, err := f(x)
		if err != nil || inf != 2 {
			return v, err
		}
		w, err := f(-x)
		return v + w, err
	}
	return func(a, b float64) (float64, float64, float64, float64, error) {
		centr := 0.5 * (a + b)
		hlgth := 0.5 * (b - a)
		v, err := at(centr)
		if err != nil {
			return 0, 0, 0, 0, err
		}
		fc := (v / centr) / centr
		resg := g7W[7] * fc
		resk := k15W[7] * fc
		resabs := math.Abs(resk)
		var fv1, fv2 [7]float64
		for j := 0; j < 7; j++ {
			absc := hlgth * k15X[j]
			absc1, absc2 := centr-absc, centr+absc
			f1, err := at(absc1)
			if err != nil {
				return 0, 0, 0, 0, err
			}
			f2, err := at(absc2)
			if err != nil {
				return 0, 0, 0, 0, err
			}
			f1 = (f1 / absc1) / absc1
			f2 = (f2 / absc2) / absc2
			fv1[j], fv2[j] = f1, f2
			fsum := f1 + f2
			resg += g7W[j] * fsum
			resk += k15W[j] * fsum
			resabs += k15W[j] * (math.Abs(f1) + math.Abs(f2))
		}
		reskh := resk * 0.5
		resasc := k15W[7] * math.Abs(fc-reskh)
		for j := 0; j < 7; j++ {
			resasc += k15W[j] * (math.Abs(fv1[j]-reskh) + math.Abs(fv2[j]-reskh))
		}
		result := resk * hlgth
		resasc *= hlgth
		resabs *= hlgth
		return result, kronrodError(math.Abs((resk-resg)*hlgth), resabs, resasc), resabs, resasc, nil
	}
}
