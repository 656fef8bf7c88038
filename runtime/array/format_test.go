package array

import (
	"math"
	"testing"
)

func arangeF(n int, step float64) *Array {
	out := make([]float64, n)
	for k := range out {
		out[k] = float64(k) * step
	}
	return FromFloats(out)
}

func arangeI(n int, shape ...int) *Array {
	out := make([]int64, n)
	for k := range out {
		out[k] = int64(k)
	}
	return FromInts(out, shape...)
}

// Expected strings come from numpy 1.24 (str() and repr()).
func TestFormatLikeNumpy(t *testing.T) {
	lin := make([]float64, 1001)
	for k := range lin {
		lin[k] = float64(k) / 1000
	}
	cases := []struct {
		name      string
		a         *Array
		str, repr string
	}{
		{"f123", FromFloats([]float64{1, 2, 3}), "[1. 2. 3.]", "array([1., 2., 3.])"},
		{"mixed", FromFloats([]float64{1.5, 2.25, -3}), "[ 1.5   2.25 -3.  ]", "array([ 1.5 ,  2.25, -3.  ])"},
		{"third", FromFloats([]float64{1.0 / 3, 2.0 / 3, 10}), "[ 0.33333333  0.66666667 10.        ]", "array([ 0.33333333,  0.66666667, 10.        ])"},
		{"small", FromFloats([]float64{1e-5, 1}), "[1.e-05 1.e+00]", "array([1.e-05, 1.e+00])"},
		{"big", FromFloats([]float64{1e10, 1}), "[1.e+10 1.e+00]", "array([1.e+10, 1.e+00])"},
		{"nan", FromFloats([]float64{math.NaN(), 1.5, math.Inf(-1)}), "[ nan  1.5 -inf]", "array([ nan,  1.5, -inf])"},
		{"i2d", FromInts([]int64{1, 2, 3, 4}, 2, 2), "[[1 2]\n [3 4]]", "array([[1, 2],\n       [3, 4]])"},
		{"ineg", FromInts([]int64{1, -20, 300, 4}, 2, 2), "[[  1 -20]\n [300   4]]", "array([[  1, -20],\n       [300,   4]])"},
		{"bools", FromBools([]bool{true, false}), "[ True False]", "array([ True, False])"},
		{"ar3d", arangeI(12, 2, 2, 3), "[[[ 0  1  2]\n  [ 3  4  5]]\n\n [[ 6  7  8]\n  [ 9 10 11]]]", "array([[[ 0,  1,  2],\n        [ 3,  4,  5]],\n\n       [[ 6,  7,  8],\n        [ 9, 10, 11]]])"},
		{"long", arangeF(30, 1.5), "[ 0.   1.5  3.   4.5  6.   7.5  9.  10.5 12.  13.5 15.  16.5 18.  19.5\n 21.  22.5 24.  25.5 27.  28.5 30.  31.5 33.  34.5 36.  37.5 39.  40.5\n 42.  43.5]", "array([ 0. ,  1.5,  3. ,  4.5,  6. ,  7.5,  9. , 10.5, 12. , 13.5, 15. ,\n       16.5, 18. , 19.5, 21. , 22.5, 24. , 25.5, 27. , 28.5, 30. , 31.5,\n       33. , 34.5, 36. , 37.5, 39. , 40.5, 42. , 43.5])"},
		{"summ", arangeI(2000), "[   0    1    2 ... 1997 1998 1999]", "array([   0,    1,    2, ..., 1997, 1998, 1999])"},
		{"summf", FromFloats(lin), "[0.    0.001 0.002 ... 0.998 0.999 1.   ]", "array([0.   , 0.001, 0.002, ..., 0.998, 0.999, 1.   ])"},
		{"summ2d", arangeI(3000, 100, 30), "[[   0    1    2 ...   27   28   29]\n [  30   31   32 ...   57   58   59]\n [  60   61   62 ...   87   88   89]\n ...\n [2910 2911 2912 ... 2937 2938 2939]\n [2940 2941 2942 ... 2967 2968 2969]\n [2970 2971 2972 ... 2997 2998 2999]]", "array([[   0,    1,    2, ...,   27,   28,   29],\n       [  30,   31,   32, ...,   57,   58,   59],\n       [  60,   61,   62, ...,   87,   88,   89],\n       ...,\n       [2910, 2911, 2912, ..., 2937, 2938, 2939],\n       [2940, 2941, 2942, ..., 2967, 2968, 2969],\n       [2970, 2971, 2972, ..., 2997, 2998, 2999]])"},
		{"zeros", FromFloats([]float64{0, 0, 0}), "[0. 0. 0.]", "array([0., 0., 0.])"},
		{"negz", FromFloats([]float64{-0.5, 0.25}), "[-0.5   0.25]", "array([-0.5 ,  0.25])"},
		{"exp3", FromFloats([]float64{1e-20, 2.5e3, 1e100}), "[1.0e-020 2.5e+003 1.0e+100]", "array([1.0e-020, 2.5e+003, 1.0e+100])"},
		{"empty", FromFloats([]float64{}), "[]", "array([], dtype=float64)"},
	}
	for _, c := range cases {
		if got := c.a.Str(); got != c.str {
			t.Errorf("%s: str = %q, want %q", c.name, got, c.str)
		}
		if got := c.a.String(); got != c.repr {
			t.Errorf("%s: repr = %q, want %q", c.name, got, c.repr)
		}
	}
}
