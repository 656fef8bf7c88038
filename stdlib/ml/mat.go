package ml

import (
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// mat is a dense row-major matrix of float64.
type mat struct {
	r, c int
	d    []float64
}

func newMat(r, c int) *mat { return &mat{r, c, make([]float64, r*c)} }

func (m *mat) row(i int) []float64 { return m.d[i*m.c : (i+1)*m.c] }

func (m *mat) at(i, j int) float64 { return m.d[i*m.c+j] }

// rows returns a new matrix of the given rows.
func (m *mat) rows(idx []int) *mat {
	out := newMat(len(idx), m.c)
	for k, i := range idx {
		copy(out.row(k), m.row(i))
	}
	return out
}

func (m *mat) clone() *mat { return &mat{m.r, m.c, append([]float64(nil), m.d...)} }

// general returns the blas view of m.
func (m *mat) general() blas64.General {
	return blas64.General{Rows: m.r, Cols: m.c, Stride: max(m.c, 1), Data: m.d}
}

// useKernel switches the assembly matrix kernel on (tests compare both).
var useKernel = true

// gemm computes c = alpha*op(a)*op(b) + beta*c.
func gemm(ta, tb bool, alpha float64, a, b *mat, beta float64, c *mat) {
	t := func(x bool) blas.Transpose {
		if x {
			return blas.Trans
		}
		return blas.NoTrans
	}
	if c.r == 0 || c.c == 0 {
		return
	}
	if haveFMA && useKernel {
		fastGemm(ta, tb, alpha, a, b, beta, c)
		return
	}
	blas64.Gemm(t(ta), t(tb), alpha, a.general(), b.general(), beta, c.general())
}

// value returns m as a 2-d float array.
func (m *mat) value() runtime.Value {
	return array.Value(array.New([]int{m.r, m.c}, m.d, units.Dim{}))
}

func floatsValue(x []float64) runtime.Value {
	return array.Value(array.New([]int{len(x)}, x, units.Dim{}))
}

func intsValue(x []int) runtime.Value {
	out := make([]int64, len(x))
	for k, v := range x {
		out[k] = int64(v)
	}
	return array.Value(array.FromInts(out, len(x)))
}

// toMat converts X to a 2-d matrix (a copy), rejecting NaN and infinity
// unless allowNaN.
func toMat(fn string, v runtime.Value, allowNaN bool) (*mat, error) {
	if t, ok := v.Obj().(*Table); ok {
		return t.matrix(fn)
	}
	a, err := array.From(v)
	if err != nil {
		return nil, runtime.Errorf("%s: X must be an array-like of numbers: %v", fn, err)
	}
	sh := a.Shape()
	if len(sh) != 2 {
		return nil, runtime.Errorf("%s: Expected 2D array, got %dD array instead (reshape your data with X.reshape(-1, 1) for a single feature or X.reshape(1, -1) for a single sample)", fn, len(sh))
	}
	d := append([]float64(nil), a.Float64s()...)
	if !allowNaN {
		for _, x := range d {
			if math.IsNaN(x) {
				return nil, runtime.Errorf("%s: Input X contains NaN (impute missing values first, e.g. with SimpleImputer)", fn)
			}
			if math.IsInf(x, 0) {
				return nil, runtime.Errorf("%s: Input X contains infinity", fn)
			}
		}
	}
	if sh[0] == 0 {
		return nil, runtime.Errorf("%s: Found array with 0 sample(s) (shape=(0, %d)) while a minimum of 1 is required", fn, sh[1])
	}
	return &mat{sh[0], sh[1], d}, nil
}

// toVec converts y to a 1-d float slice (a copy).
func toVec(fn, name string, v runtime.Value) ([]float64, bool, error) {
	a, err := array.From(v)
	if err != nil {
		return nil, false, runtime.Errorf("%s: %s must be an array-like of numbers: %v", fn, name, err)
	}
	sh := a.Shape()
	if len(sh) == 2 && sh[1] == 1 {
		sh = sh[:1]
	}
	if len(sh) != 1 {
		return nil, false, runtime.Errorf("%s: %s must be 1-d, got shape %s", fn, name, array.ShapeString(a.Shape()))
	}
	d := append([]float64(nil), a.Float64s()...)
	for _, x := range d {
		if math.IsNaN(x) {
			return nil, false, runtime.Errorf("%s: Input %s contains NaN", fn, name)
		}
	}
	return d, a.DType() != array.Float, nil
}

// checkXY checks that X and y have the same number of samples.
func checkXY(fn string, X *mat, y []float64) error {
	if X.r != len(y) {
		return runtime.Errorf("%s: Found input variables with inconsistent numbers of samples: [%d, %d]", fn, X.r, len(y))
	}
	return nil
}

// rowNorms returns the squared norms of the rows.
func rowNorms(m *mat) []float64 {
	out := make([]float64, m.r)
	for i := range out {
		s := 0.0
		for _, x := range m.row(i) {
			s += x * x
		}
		out[i] = s
	}
	return out
}

// sqDist fills D (a.r × b.r) with squared Euclidean distances, GEMM-style.
func sqDist(a, b *mat, an, bn []float64, D *mat) {
	gemm(false, true, -2, a, b, 0, D)
	for i := 0; i < a.r; i++ {
		r := D.row(i)
		for j := range r {
			v := r[j] + an[i] + bn[j]
			if v < 0 {
				v = 0
			}
			r[j] = v
		}
	}
}

// colMeans returns the column means.
func colMeans(m *mat) []float64 {
	mu := make([]float64, m.c)
	for i := 0; i < m.r; i++ {
		for j, x := range m.row(i) {
			mu[j] += x
		}
	}
	for j := range mu {
		mu[j] /= float64(m.r)
	}
	return mu
}

// colVars returns the population variances of the columns.
func colVars(m *mat, mu []float64) []float64 {
	v := make([]float64, m.c)
	for i := 0; i < m.r; i++ {
		for j, x := range m.row(i) {
			d := x - mu[j]
			v[j] += d * d
		}
	}
	for j := range v {
		v[j] /= float64(m.r)
	}
	return v
}

// reshape reshapes an array value.
func reshape(v runtime.Value, shape ...int) (runtime.Value, error) {
	a, err := array.From(v)
	if err != nil {
		return runtime.Value{}, err
	}
	r, err := a.Reshape(shape)
	if err != nil {
		return runtime.Value{}, err
	}
	return array.Value(r), nil
}
