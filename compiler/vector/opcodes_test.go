package vector

import (
	"math"
	"testing"
)

// Every fused superinstruction computes exactly what its pattern of
// simpler opcodes computes, and every kernel mode agrees with the scalar
// form.
func TestFusedMatchPatterns(t *testing.T) {
	fusionsOnce.Do(loadFusions)
	vals := []float64{-3.25, -1, -0.0, 0.5, 1.75, 7, 1e-9}
	for _, f := range fusions {
		info := OpTable[f.op]
		x := make([]float64, info.Arity)
		for trial := 0; trial < 50; trial++ {
			for j := range x {
				x[j] = vals[(trial*7+j*3+j*j)%len(vals)]
			}
			got := f.op.Eval(x)
			want := evalPattern(f.pat, x)
			if !(got == want || math.IsNaN(got) && math.IsNaN(want)) {
				t.Errorf("%s%v = %v, pattern gives %v", info.Name, x, got, want)
			}
		}
	}
	if len(fusions) < 10 {
		t.Errorf("only %d fusion patterns parsed", len(fusions))
	}
}

func evalPattern(p *pattern, x []float64) float64 {
	if p.leaf >= 0 {
		return x[p.leaf]
	}
	var a []float64
	for _, k := range p.kids {
		a = append(a, evalPattern(k, x))
	}
	return p.op.Eval(a)
}

func TestKernelModes(t *testing.T) {
	for op := Opcode(0); op < NumKernelOps; op++ {
		info := OpTable[op]
		if info.Kernel == nil {
			continue
		}
		n := 5
		var ops [4][]float64
		for j := 0; j < 4; j++ {
			ops[j] = make([]float64, n)
			for i := range ops[j] {
				ops[j][i] = 0.3 + float64(i)*0.7 - float64(j)*0.45
			}
		}
		for m := 0; m < 1<<info.Arity-1; m++ {
			d := make([]float64, n)
			info.Kernel(d, ops[0], ops[1], ops[2], ops[3], uint8(m))
			for i := range d {
				x := make([]float64, info.Arity)
				for j := range x {
					if m&(1<<j) != 0 {
						x[j] = ops[j][0]
					} else {
						x[j] = ops[j][i]
					}
				}
				if want := op.Eval(x); !(d[i] == want || math.IsNaN(d[i]) && math.IsNaN(want)) {
					t.Errorf("%s mode %d element %d: %v, want %v", info.Name, m, i, d[i], want)
				}
			}
		}
	}
}
