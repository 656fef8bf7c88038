package iomod

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/sim-lang/sim/runtime/array"
)

// The files in testdata/ were written by Debian's python3-numpy 1.24.2
// (np.save); each test names the array numpy saved.

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestNpyWriteMatchesNumpy checks that EncodeNpy writes the same bytes as
// numpy for the dtypes it writes.
func TestNpyWriteMatchesNumpy(t *testing.T) {
	empty := array.FromFloats([]float64{})
	zeroD, _ := array.FromFloats([]float64{3.25}).Reshape([]int{})
	seq := func(n int) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = float64(i)
		}
		return out
	}
	half := seq(6)
	for i := range half {
		half[i] *= 0.5
	}
	cases := []struct {
		file string
		a    *array.Array
	}{
		{"f8_1d.npy", array.FromFloats([]float64{1.5, -2.25, 3e-10, math.Inf(1), 0.1})},
		{"f8_2d.npy", array.FromFloats(half, 2, 3)},
		{"f8_3d.npy", array.FromFloats(seq(24), 2, 3, 4)},
		{"f8_0d.npy", zeroD},
		{"f8_empty.npy", empty},
		{"i8_1d.npy", array.FromInts([]int64{1, -2, 3, 1 << 40})},
		{"i8_2d.npy", array.FromInts([]int64{0, 1, 2, 3, 4, 5}, 3, 2)},
		{"b1_1d.npy", array.FromBools([]bool{true, false, true})},
	}
	for _, c := range cases {
		want := readTestdata(t, c.file)
		if got := EncodeNpy(c.a); !bytes.Equal(got, want) {
			t.Errorf("%s: bytes differ from numpy's\n got %q\nwant %q", c.file, got, want)
		}
	}
}

// TestNpyReadNumpyFiles checks the values and shapes read from numpy's
// files, including dtypes, byte orders, Fortran order and version 2.0.
func TestNpyReadNumpyFiles(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		file   string
		dt     array.DType
		shape  []int
		floats []float64 // values as float64, C order
	}{
		{"f8_1d.npy", array.Float, []int{5}, []float64{1.5, -2.25, 3e-10, math.Inf(1), 0.1}},
		{"f8_2d.npy", array.Float, []int{2, 3}, []float64{0, 0.5, 1, 1.5, 2, 2.5}},
		{"f8_0d.npy", array.Float, []int{}, []float64{3.25}},
		{"f8_empty.npy", array.Float, []int{0}, []float64{}},
		{"f8_nan.npy", array.Float, []int{3}, []float64{nan, 1, math.Inf(-1)}},
		{"f8_fortran.npy", array.Float, []int{2, 3}, []float64{0, 1, 2, 3, 4, 5}},
		{"f8_big_endian.npy", array.Float, []int{2}, []float64{1, 2.5}},
		{"f8_v2.npy", array.Float, []int{4}, []float64{0, 1, 2, 3}},
		{"f4_1d.npy", array.Float, []int{3}, []float64{0.5, 1.25, -3}},
		{"i8_1d.npy", array.Int, []int{4}, []float64{1, -2, 3, 1 << 40}},
		{"i8_2d.npy", array.Int, []int{3, 2}, []float64{0, 1, 2, 3, 4, 5}},
		{"i4_1d.npy", array.Int, []int{2}, []float64{7, -8}},
		{"u1_1d.npy", array.Int, []int{2}, []float64{0, 255}},
		{"b1_1d.npy", array.Bool, []int{3}, []float64{1, 0, 1}},
	}
	for _, c := range cases {
		a, err := DecodeNpy(readTestdata(t, c.file))
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		if a.DType() != c.dt || !reflect.DeepEqual(a.Shape(), c.shape) {
			t.Errorf("%s: got %v %v, want %v %v", c.file, a.DType(), a.Shape(), c.dt, c.shape)
			continue
		}
		got := a.AsType(array.Float).Float64s()
		for i, w := range c.floats {
			if !(got[i] == w || math.IsNaN(got[i]) && math.IsNaN(w)) {
				t.Errorf("%s: element %d = %v, want %v", c.file, i, got[i], w)
			}
		}
	}
}

// TestNpyRoundTrip writes and reads back arrays of every dtype.
func TestNpyRoundTrip(t *testing.T) {
	for _, a := range []*array.Array{
		array.FromFloats([]float64{math.NaN(), -0.0, 5e-324, math.MaxFloat64}, 2, 2),
		array.FromInts([]int64{math.MinInt64, math.MaxInt64}),
		array.FromBools([]bool{false, true, true, false}, 2, 1, 2),
	} {
		b, err := DecodeNpy(EncodeNpy(a))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(EncodeNpy(b), EncodeNpy(a)) {
			t.Errorf("round trip changed %v into %v", a, b)
		}
	}
}

// TestNpyBadInput checks the errors for files that are not .npy data.
func TestNpyBadInput(t *testing.T) {
	good := readTestdata(t, "f8_2d.npy")
	cases := map[string][]byte{
		"not a .npy file":     []byte("hello world, this is text"),
		"truncated":           good[:len(good)-3],
		"unsupported .npy dt": bytes.Replace(good, []byte("'<f8'"), []byte("'<c8'"), 1),
		"format version":      append([]byte("\x93NUMPY\x09\x00"), good[8:]...),
	}
	for want, data := range cases {
		_, err := DecodeNpy(data)
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(want)) {
			t.Errorf("got %v, want an error containing %q", err, want)
		}
	}
}
