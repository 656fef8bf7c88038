package np

import "testing"

func TestBriefNames(t *testing.T) {
	names := "array asarray zeros ones full empty zeros_like ones_like full_like arange linspace logspace eye identity diag meshgrid concatenate stack vstack hstack column_stack reshape transpose swapaxes expand_dims squeeze ravel argsort argpartition sort partition where nonzero clip cumsum cumprod diff unique sum prod mean std var median percentile min max amin amax argmin argmax ptp average dot outer inner matmul cross trace allclose isclose array_equal count_nonzero all any maximum minimum roll tile repeat flip fliplr flipud searchsorted histogram bincount floor ceil round around trunc sign isnan isinf isfinite nan_to_num square power sqrt exp log log10 log2 log1p expm1 sin cos tan arcsin arccos arctan arctan2 sinh cosh tanh abs absolute hypot deg2rad rad2deg logical_and logical_or logical_not newaxis pi e inf nan float64 int64 bool_ copy shape size ndim linalg random"
	m := mod(t, "numpy")
	for _, n := range splitWords(names) {
		if _, ok := m.Members[n]; !ok {
			t.Errorf("np.%s missing", n)
		}
	}
	for _, n := range splitWords("inv solve det norm eig eigh svd lstsq pinv matrix_rank") {
		if _, ok := mod(t, "numpy.linalg").Members[n]; !ok {
			t.Errorf("np.linalg.%s missing", n)
		}
	}
	for _, n := range splitWords("default_rng seed rand randn random normal uniform randint choice permutation shuffle") {
		if _, ok := mod(t, "numpy.random").Members[n]; !ok {
			t.Errorf("np.random.%s missing", n)
		}
	}
}

func splitWords(s string) []string {
	var out []string
	w := ""
	for _, c := range s + " " {
		if c == ' ' {
			if w != "" {
				out = append(out, w)
			}
			w = ""
		} else {
			w += string(c)
		}
	}
	return out
}
