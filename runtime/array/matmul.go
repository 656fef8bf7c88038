package array

import (
	rt "github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

const matmulSig = "(n?,k),(k,m?)->(n?,m?)"

// blasMin is the number of multiply-adds from which float products go to
// gonum's blas.
const blasMin = 32 * 32 * 32

// MatMul returns x @ y with numpy's matmul rules (1-d operands are
// promoted and the added axis removed, leading axes broadcast as a batch)
// and the product of the units.
func MatMul(x, y *Array) (*Array, error) {
	return matmul(x, y, x.dim.Mul(y.dim))
}

func matmul(x, y *Array, dim units.Dim) (*Array, error) {
	for k, a := range []*Array{x, y} {
		if len(a.shape) == 0 {
			return nil, rt.Errorf("matmul: Input operand %d does not have enough dimensions (has 0, gufunc core with signature %s requires 1)", k, matmulSig)
		}
	}
	xs, ys := x.Shape(), y.Shape()
	xvec, yvec := len(xs) == 1, len(ys) == 1
	if xvec {
		xs = []int{1, xs[0]}
	}
	if yvec {
		ys = []int{ys[0], 1}
	}
	n, kx := xs[len(xs)-2], xs[len(xs)-1]
	ky, m := ys[len(ys)-2], ys[len(ys)-1]
	if kx != ky {
		return nil, rt.Errorf("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature %s (size %d is different from %d)", matmulSig, ky, kx)
	}
	batch, err := broadcastShapes(xs[:len(xs)-2], ys[:len(ys)-2])
	if err != nil {
		return nil, err
	}
	dt := max(x.dtype, y.dtype)
	cdt := dt
	if cdt == Bool {
		cdt = Int
	}
	xa := x.AsTypeView(cdt).reshapeView(xs)
	ya := y.AsTypeView(cdt).reshapeView(ys)
	xb := xa.broadcastTo(append(append([]int(nil), batch...), n, kx)).contig()
	yb := ya.broadcastTo(append(append([]int(nil), batch...), ky, m)).contig()
	nb := prod(batch)
	outShape := append(append([]int(nil), batch...), n, m)
	out := Zeros(cdt, outShape, dim)
	for b := 0; b < nb; b++ {
		if cdt == Float {
			matmulFloat(out.f[b*n*m:(b+1)*n*m], xb.f[b*n*kx:(b+1)*n*kx], yb.f[b*kx*m:(b+1)*kx*m], n, kx, m)
		} else {
			matmulInt(out.i[b*n*m:(b+1)*n*m], xb.i[b*n*kx:(b+1)*n*kx], yb.i[b*kx*m:(b+1)*kx*m], n, kx, m)
		}
	}
	final := append([]int(nil), batch...)
	if !xvec {
		final = append(final, n)
	}
	if !yvec {
		final = append(final, m)
	}
	out = out.reshapeView(final)
	if dt == Bool {
		out = out.AsType(Bool)
	}
	return out, nil
}

func matmulFloat(c, a, b []float64, n, k, m int) {
	if n*k*m >= blasMin && n > 0 && k > 0 && m > 0 {
		blas64.Gemm(blas.NoTrans, blas.NoTrans, 1,
			blas64.General{Rows: n, Cols: k, Stride: k, Data: a},
			blas64.General{Rows: k, Cols: m, Stride: m, Data: b},
			0, blas64.General{Rows: n, Cols: m, Stride: m, Data: c})
		return
	}
	matmulLoop(c, a, b, n, k, m)
}

func matmulInt(c, a, b []int64, n, k, m int) { matmulLoop(c, a, b, n, k, m) }

func matmulLoop[T num](c, a, b []T, n, k, m int) {
	for i := 0; i < n; i++ {
		ci := c[i*m : (i+1)*m]
		for p := 0; p < k; p++ {
			av := a[i*k+p]
			bp := b[p*m : (p+1)*m]
			for j := range ci {
				ci[j] += av * bp[j]
			}
		}
	}
}

// reshapeView returns a view with a new shape when a is contiguous, a
// reshaped copy otherwise; the sizes must agree.
func (a *Array) reshapeView(shape []int) *Array {
	if !a.contiguous() {
		a = a.Copy()
	}
	c := *a
	c.shape = append([]int(nil), shape...)
	c.strides = cStrides(shape)
	return &c
}
