package np

import (
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
	"gonum.org/v1/gonum/mat"
)

// The np.linalg submodule: 2-d linear algebra through gonum, with units.

var linalgMembers = map[string]fn{}

func buildLinalg() *runtime.Module {
	m := &runtime.Module{Name: "numpy.linalg", Members: map[string]runtime.Value{}}
	for name, f := range linalgMembers {
		m.Members[name] = runtime.NewBuiltin(name, f)
	}
	return m
}

func linalgError(msg string) error { return runtime.Errorf("LinAlgError: %s", msg) }

// matrixArg reads a 2-d array argument as a gonum matrix.
func matrixArg(name string, v runtime.Value, square bool) (*mat.Dense, *array.Array, error) {
	a, err := toArray(v)
	if err != nil {
		return nil, nil, err
	}
	if a.NDim() != 2 {
		return nil, nil, linalgError(itoa(a.NDim()) + "-dimensional array given. Array must be two-dimensional")
	}
	sh := a.Shape()
	if square && sh[0] != sh[1] {
		return nil, nil, linalgError("Last 2 dimensions of the array must be square")
	}
	data := append([]float64(nil), a.Float64s()...)
	if sh[0] == 0 || sh[1] == 0 {
		return nil, nil, linalgError("Arrays cannot be empty")
	}
	return mat.NewDense(sh[0], sh[1], data), a, nil
}

func fromDense(m mat.Matrix, dim units.Dim) *array.Array {
	r, c := m.Dims()
	out := make([]float64, r*c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			out[i*c+j] = m.At(i, j)
		}
	}
	return array.New([]int{r, c}, out, dim)
}

func oneMatrix(name string, args []runtime.Value, kwargs []runtime.Kwarg, square bool) (*mat.Dense, *array.Array, error) {
	var x runtime.Value
	if err := runtime.UnpackArgs(name, args, kwargs, "a", &x); err != nil {
		return nil, nil, err
	}
	return matrixArg(name, x, square)
}

func itoa(i int) string { return runtime.Repr(runtime.MakeInt(int64(i))) }

func init() {
	linalgMembers["inv"] = func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		m, a, err := oneMatrix("inv", args, kwargs, true)
		if err != nil {
			return runtime.Value{}, err
		}
		var inv mat.Dense
		if err := inv.Inverse(m); err != nil || singular(m) {
			return runtime.Value{}, linalgError("Singular matrix")
		}
		return array.Value(fromDense(&inv, a.Dim().Inv())), nil
	}
	linalgMembers["det"] = func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		m, a, err := oneMatrix("det", args, kwargs, true)
		if err != nil {
			return runtime.Value{}, err
		}
		n, _ := m.Dims()
		return runtime.MakeQuantity(mat.Det(m), a.Dim().Pow(units.R(n, 1))), nil
	}
	linalgMembers["solve"] = func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var x, y runtime.Value
		if err := runtime.UnpackArgs("solve", args, kwargs, "a", &x, "b", &y); err != nil {
			return runtime.Value{}, err
		}
		m, a, err := matrixArg("solve", x, true)
		if err != nil {
			return runtime.Value{}, err
		}
		b, err := toArray(y)
		if err != nil {
			return runtime.Value{}, err
		}
		n, _ := m.Dims()
		vec := b.NDim() == 1
		bm := b
		if vec {
			bm, _ = b.Reshape([]int{b.Size(), 1})
		}
		if bm.NDim() != 2 || bm.Shape()[0] != n {
			return runtime.Value{}, runtime.Errorf("solve: Input operand 1 has a mismatch in its core dimension 0 (size %d is different from %d)", bm.Shape()[0], n)
		}
		bd := mat.NewDense(n, bm.Shape()[1], append([]float64(nil), bm.Float64s()...))
		if singular(m) {
			return runtime.Value{}, linalgError("Singular matrix")
		}
		var sol mat.Dense
		if err := sol.Solve(m, bd); err != nil {
			return runtime.Value{}, linalgError("Singular matrix")
		}
		r := fromDense(&sol, b.Dim().Div(a.Dim()))
		if vec {
			r = r.Ravel()
		}
		return array.Value(r), nil
	}
	linalgMembers["norm"] = norm
	linalgMembers["eig"] = func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		m, a, err := oneMatrix("eig", args, kwargs, true)
		if err != nil {
			return runtime.Value{}, err
		}
		var e mat.Eigen
		if !e.Factorize(m, mat.EigenRight) {
			return runtime.Value{}, linalgError("Eigenvalues did not converge")
		}
		vals := e.Values(nil)
		n := len(vals)
		w := make([]float64, n)
		for k, v := range vals {
			if imag(v) != 0 {
				return runtime.Value{}, runtime.Errorf("eig: the matrix has complex eigenvalues (%v); complex results are not supported yet", v)
			}
			w[k] = real(v)
		}
		var cv mat.CDense
		e.VectorsTo(&cv)
		vv := make([]float64, n*n)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				vv[i*n+j] = real(cv.At(i, j))
			}
		}
		return runtime.MakeTuple(array.Value(array.New([]int{n}, w, a.Dim())), array.Value(array.FromFloats(vv, n, n))), nil
	}
	eigh := func(name string, vectors bool) fn {
		return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			var x, uplo runtime.Value
			if err := runtime.UnpackArgs(name, args, kwargs, "a", &x, "UPLO?", &uplo); err != nil {
				return runtime.Value{}, err
			}
			m, a, err := matrixArg(name, x, true)
			if err != nil {
				return runtime.Value{}, err
			}
			n, _ := m.Dims()
			lower := true
			if s, ok := runtime.AsString(uplo); ok && s == "U" {
				lower = false
			}
			sym := mat.NewSymDense(n, nil)
			for i := 0; i < n; i++ {
				for j := 0; j <= i; j++ {
					v := m.At(i, j)
					if !lower {
						v = m.At(j, i)
					}
					sym.SetSym(i, j, v)
				}
			}
			var es mat.EigenSym
			if !es.Factorize(sym, vectors) {
				return runtime.Value{}, linalgError("Eigenvalues did not converge")
			}
			w := array.New([]int{n}, es.Values(nil), a.Dim())
			if !vectors {
				return array.Value(w), nil
			}
			var v mat.Dense
			es.VectorsTo(&v)
			return runtime.MakeTuple(array.Value(w), array.Value(fromDense(&v, units.Dim{}))), nil
		}
	}
	linalgMembers["eigh"] = eigh("eigh", true)
	linalgMembers["eigvalsh"] = eigh("eigvalsh", false)
	linalgMembers["eigvals"] = func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		r, err := linalgMembers["eig"](th, args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return r.Obj().(runtime.Tuple)[0], nil
	}
	linalgMembers["svd"] = func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var x runtime.Value
		full, uv := true, true
		if err := runtime.UnpackArgs("svd", args, kwargs, "a", &x, "full_matrices?", &full, "compute_uv?", &uv); err != nil {
			return runtime.Value{}, err
		}
		m, a, err := matrixArg("svd", x, false)
		if err != nil {
			return runtime.Value{}, err
		}
		kind := mat.SVDThin
		if full {
			kind = mat.SVDFull
		}
		if !uv {
			kind = mat.SVDNone
		}
		var s mat.SVD
		if !s.Factorize(m, kind) {
			return runtime.Value{}, linalgError("SVD did not converge")
		}
		sv := s.Values(nil)
		sa := array.New([]int{len(sv)}, sv, a.Dim())
		if !uv {
			return array.Value(sa), nil
		}
		var u, v mat.Dense
		s.UTo(&u)
		s.VTo(&v)
		return runtime.MakeTuple(array.Value(fromDense(&u, units.Dim{})), array.Value(sa), array.Value(fromDense(v.T(), units.Dim{}))), nil
	}
	linalgMembers["pinv"] = func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var x runtime.Value
		rcond := 1e-15
		if err := runtime.UnpackArgs("pinv", args, kwargs, "a", &x, "rcond?", &rcond); err != nil {
			return runtime.Value{}, err
		}
		m, a, err := matrixArg("pinv", x, false)
		if err != nil {
			return runtime.Value{}, err
		}
		p, _, err := pinv(m, rcond)
		if err != nil {
			return runtime.Value{}, err
		}
		return array.Value(fromDense(p, a.Dim().Inv())), nil
	}
	linalgMembers["matrix_rank"] = func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var x, tolV runtime.Value
		if err := runtime.UnpackArgs("matrix_rank", args, kwargs, "A", &x, "tol?", &tolV); err != nil {
			return runtime.Value{}, err
		}
		a, err := toArray(x)
		if err != nil {
			return runtime.Value{}, err
		}
		if a.NDim() < 2 {
			for _, v := range a.Float64s() {
				if v != 0 {
					return runtime.MakeInt(1), nil
				}
			}
			return runtime.MakeInt(0), nil
		}
		m, _, err := matrixArg("matrix_rank", x, false)
		if err != nil {
			return runtime.Value{}, err
		}
		var s mat.SVD
		if !s.Factorize(m, mat.SVDNone) {
			return runtime.Value{}, linalgError("SVD did not converge")
		}
		sv := s.Values(nil)
		r, c := m.Dims()
		tol := sv[0] * float64(max(r, c)) * 2.220446049250313e-16
		if t, ok := tolV.ToFloat(); ok {
			tol = t
		}
		rank := 0
		for _, v := range sv {
			if v > tol {
				rank++
			}
		}
		return runtime.MakeInt(int64(rank)), nil
	}
	linalgMembers["lstsq"] = func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var x, y, rc runtime.Value
		if err := runtime.UnpackArgs("lstsq", args, kwargs, "a", &x, "b", &y, "rcond?", &rc); err != nil {
			return runtime.Value{}, err
		}
		m, a, err := matrixArg("lstsq", x, false)
		if err != nil {
			return runtime.Value{}, err
		}
		b, err := toArray(y)
		if err != nil {
			return runtime.Value{}, err
		}
		rows, cols := m.Dims()
		rcond := 2.220446049250313e-16 * float64(max(rows, cols))
		if f, ok := rc.ToFloat(); ok {
			rcond = f
		}
		p, sv, err := pinv(m, rcond)
		if err != nil {
			return runtime.Value{}, err
		}
		vec := b.NDim() == 1
		bm := b
		if vec {
			bm, _ = b.Reshape([]int{b.Size(), 1})
		}
		if bm.Shape()[0] != rows {
			return runtime.Value{}, linalgError("Incompatible dimensions")
		}
		k := bm.Shape()[1]
		bd := mat.NewDense(rows, k, append([]float64(nil), bm.Float64s()...))
		var sol mat.Dense
		sol.Mul(p, bd)
		rank := 0
		for _, v := range sv {
			if v > rcond*sv[0] {
				rank++
			}
		}
		xr := fromDense(&sol, b.Dim().Div(a.Dim()))
		res := array.New([]int{0}, []float64{}, b.Dim().Mul(b.Dim()))
		if rank == cols && rows > cols {
			var pred mat.Dense
			pred.Mul(m, &sol)
			rs := make([]float64, k)
			for j := 0; j < k; j++ {
				for i := 0; i < rows; i++ {
					d := bd.At(i, j) - pred.At(i, j)
					rs[j] += d * d
				}
			}
			res = array.New([]int{k}, rs, b.Dim().Mul(b.Dim()))
		}
		if vec {
			xr = xr.Ravel()
		}
		return runtime.MakeTuple(array.Value(xr), array.Value(res), runtime.MakeInt(int64(rank)), array.Value(array.New([]int{len(sv)}, sv, a.Dim()))), nil
	}
}

// singular reports an exactly singular matrix, which gonum may invert
// with a warning only.
func singular(m *mat.Dense) bool {
	var lu mat.LU
	lu.Factorize(m)
	n, _ := m.Dims()
	var u mat.TriDense
	lu.UTo(&u)
	for i := 0; i < n; i++ {
		if u.At(i, i) == 0 {
			return true
		}
	}
	return false
}

// pinv returns the Moore-Penrose pseudo-inverse and the singular values.
func pinv(m *mat.Dense, rcond float64) (*mat.Dense, []float64, error) {
	var s mat.SVD
	if !s.Factorize(m, mat.SVDThin) {
		return nil, nil, linalgError("SVD did not converge")
	}
	sv := s.Values(nil)
	var u, v mat.Dense
	s.UTo(&u)
	s.VTo(&v)
	cut := 0.0
	if len(sv) > 0 {
		cut = rcond * sv[0]
	}
	k := len(sv)
	inv := mat.NewDense(k, k, nil)
	for i, x := range sv {
		if x > cut {
			inv.Set(i, i, 1/x)
		}
	}
	var tmp, out mat.Dense
	tmp.Mul(&v, inv)
	out.Mul(&tmp, u.T())
	return &out, sv, nil
}

func norm(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var x, ord, axis runtime.Value
	keep := false
	if err := runtime.UnpackArgs("norm", args, kwargs, "x", &x, "ord?", &ord, "axis?", &axis, "keepdims?", &keep); err != nil {
		return runtime.Value{}, err
	}
	a, err := toArray(x)
	if err != nil {
		return runtime.Value{}, err
	}
	if axis.IsValid() && !axis.IsNone() {
		if _, isTuple := axis.Obj().(runtime.Tuple); !isTuple {
			p, err := vectorOrd(ord)
			if err != nil {
				return runtime.Value{}, err
			}
			return vectorNorm(a, p, axis, keep)
		}
	}
	if a.NDim() == 2 && ord.IsValid() && !ord.IsNone() {
		return matrixNorm(a, ord)
	}
	if a.NDim() != 1 && ord.IsValid() && !ord.IsNone() {
		return runtime.Value{}, runtime.Errorf("Improper number of dimensions to norm.")
	}
	p, err := vectorOrd(ord)
	if err != nil {
		return runtime.Value{}, err
	}
	return vectorNorm(a.Ravel(), p, runtime.None, keep)
}

func vectorOrd(ord runtime.Value) (float64, error) {
	if !ord.IsValid() || ord.IsNone() {
		return 2, nil
	}
	f, ok := ord.ToFloat()
	if !ok {
		return 0, runtime.Errorf("Invalid norm order '%s' for vectors", runtime.Str(ord))
	}
	return f, nil
}

func vectorNorm(a *array.Array, p float64, axis runtime.Value, keep bool) (runtime.Value, error) {
	abs := array.AbsArray(a).AsTypeView(array.Float)
	plain := abs.WithDim(units.Dim{})
	var r *array.Array
	var err error
	switch {
	case math.IsInf(p, 1):
		r, err = array.ReduceArray("max", plain, axis, keep, 0)
	case math.IsInf(p, -1):
		r, err = array.ReduceArray("min", plain, axis, keep, 0)
	case p == 0:
		r, err = array.ReduceArray("sum", array.MapFloat(plain, func(v float64) float64 {
			if v != 0 {
				return 1
			}
			return 0
		}, units.Dim{}), axis, keep, 0)
		if err == nil {
			return array.Result(r), nil
		}
	default:
		pw := array.MapFloat(plain, func(v float64) float64 { return math.Pow(v, p) }, units.Dim{})
		if r, err = array.ReduceArray("sum", pw, axis, keep, 0); err == nil {
			r = array.MapFloat(r, func(v float64) float64 { return math.Pow(v, 1/p) }, units.Dim{})
		}
	}
	if err != nil {
		return runtime.Value{}, err
	}
	return array.Result(r.WithDim(a.Dim())), nil
}

func matrixNorm(a *array.Array, ord runtime.Value) (runtime.Value, error) {
	m := mat.NewDense(a.Shape()[0], a.Shape()[1], append([]float64(nil), a.Float64s()...))
	if s, ok := runtime.AsString(ord); ok {
		switch s {
		case "fro":
			return runtime.MakeQuantity(mat.Norm(m, 2), a.Dim()), nil
		case "nuc":
			var sv mat.SVD
			sv.Factorize(m, mat.SVDNone)
			t := 0.0
			for _, v := range sv.Values(nil) {
				t += v
			}
			return runtime.MakeQuantity(t, a.Dim()), nil
		}
		return runtime.Value{}, runtime.Errorf("Invalid norm order '%s' for matrices", s)
	}
	p, _ := ord.ToFloat()
	r, c := m.Dims()
	var out float64
	switch {
	case p == 2 || p == -2:
		var sv mat.SVD
		sv.Factorize(m, mat.SVDNone)
		vals := sv.Values(nil)
		out = vals[0]
		if p < 0 {
			out = vals[len(vals)-1]
		}
	case p == 1 || p == -1 || math.IsInf(p, 0):
		outer, inner := c, r // column sums
		if math.IsInf(p, 0) {
			outer, inner = r, c
		}
		best := math.NaN()
		for i := 0; i < outer; i++ {
			s := 0.0
			for j := 0; j < inner; j++ {
				if math.IsInf(p, 0) {
					s += math.Abs(m.At(i, j))
				} else {
					s += math.Abs(m.At(j, i))
				}
			}
			if math.IsNaN(best) || (p > 0 && s > best) || (p < 0 && s < best) {
				best = s
			}
		}
		out = best
	default:
		return runtime.Value{}, runtime.Errorf("Invalid norm order for matrices.")
	}
	return runtime.MakeQuantity(out, a.Dim()), nil
}
