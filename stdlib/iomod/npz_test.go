package iomod

import (
	"archive/zip"
	"bytes"
	"io"
	"reflect"
	"testing"

	"github.com/sim-lang/sim/runtime/array"
)

// zipMembers returns the names and contents of an archive's members.
func zipMembers(t *testing.T, data []byte) ([]string, [][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var bodies [][]byte
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		names, bodies = append(names, f.Name), append(bodies, b)
	}
	return names, bodies
}

// TestNpzMembersMatchNumpy checks that EncodeNpz stores the members numpy
// 1.24's savez stored for the same arrays (testdata/np_savez.npz): same
// names in the same order, same .npy bytes, and that the compressed form
// holds the same members.
func TestNpzMembersMatchNumpy(t *testing.T) {
	v, _ := array.FromFloats([]float64{2.5}).Reshape([]int{})
	arrays := []*array.Array{
		array.FromBools([]bool{true, false}),
		v,
		array.FromFloats([]float64{0, 0.5, 1, 1.5, 2, 2.5}, 2, 3),
		array.FromInts([]int64{1, -2, 3}),
	}
	names := []string{"mask", "v", "arr_0", "arr_1"}
	wantNames, wantBodies := zipMembers(t, readTestdata(t, "np_savez.npz"))
	for _, compress := range []bool{false, true} {
		data, err := EncodeNpz(names, arrays, compress)
		if err != nil {
			t.Fatal(err)
		}
		gotNames, gotBodies := zipMembers(t, data)
		if !reflect.DeepEqual(gotNames, wantNames) {
			t.Errorf("compress=%v: members %v, numpy wrote %v", compress, gotNames, wantNames)
		}
		if !reflect.DeepEqual(gotBodies, wantBodies) {
			t.Errorf("compress=%v: member bytes differ from numpy's", compress)
		}
	}
}

// TestNpzDecode reads numpy's compressed archive and rejects a broken one.
func TestNpzDecode(t *testing.T) {
	f, err := DecodeNpz("c.npz", readTestdata(t, "np_savez_compressed.npz"))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Files(); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Fatalf("files %v", got)
	}
	v, ok, err := f.Get("b")
	if err != nil || !ok {
		t.Fatalf("Get(b): %v %v", ok, err)
	}
	a := v.Obj().(*array.Array)
	if !reflect.DeepEqual(a.Shape(), []int{2, 2}) || !reflect.DeepEqual(a.Int64s(), []int64{0, 1, 2, 3}) {
		t.Errorf("b = %v", a)
	}
	if _, ok, _ := f.Get("zz"); ok {
		t.Error("Get(zz) found a member")
	}
	data := readTestdata(t, "np_savez.npz")
	if _, err := DecodeNpz("t.npz", data[:len(data)/2]); err == nil {
		t.Error("a truncated archive decoded")
	}
	if !isZip(data) || isZip(readTestdata(t, "f8_1d.npy")) {
		t.Error("isZip")
	}
}
