package iomod

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// npyMagic starts every .npy file.
const npyMagic = "\x93NUMPY"

// npyAlign is numpy's header alignment (numpy >= 1.14 uses 64 bytes).
const npyAlign = 64

// npyGrowthDigits is numpy's spare room for the first axis' length
// (numpy >= 1.24 pads the header so the shape can grow in place).
const npyGrowthDigits = 21

// EncodeNpy returns a in numpy's .npy format: version 1.0 (2.0 when the
// header is longer than 65535 bytes), little-endian <f8, <i8 or |b1 in C
// order, the header laid out exactly as numpy 1.24 writes it. The unit is
// dropped: values are in SI base units.
func EncodeNpy(a *array.Array) []byte {
	descr := map[array.DType]string{array.Float: "<f8", array.Int: "<i8", array.Bool: "|b1"}[a.DType()]
	shape := a.Shape()
	header := fmt.Sprintf("{'descr': '%s', 'fortran_order': False, 'shape': %s, }", descr, pyTuple(shape))
	if len(shape) > 0 {
		header += strings.Repeat(" ", max(0, npyGrowthDigits-len(strconv.Itoa(shape[0]))))
	}
	var buf bytes.Buffer
	hlen := len(header) + 1
	if pad := npyAlign - (len(npyMagic)+2+2+hlen)%npyAlign; hlen+pad < 1<<16 {
		buf.WriteString(npyMagic + "\x01\x00")
		binary.Write(&buf, binary.LittleEndian, uint16(hlen+pad))
		buf.WriteString(header + strings.Repeat(" ", pad) + "\n")
	} else {
		pad := npyAlign - (len(npyMagic)+2+4+hlen)%npyAlign
		buf.WriteString(npyMagic + "\x02\x00")
		binary.Write(&buf, binary.LittleEndian, uint32(hlen+pad))
		buf.WriteString(header + strings.Repeat(" ", pad) + "\n")
	}
	switch a.DType() {
	case array.Float:
		var b [8]byte
		for _, x := range a.Float64s() {
			binary.LittleEndian.PutUint64(b[:], math.Float64bits(x))
			buf.Write(b[:])
		}
	case array.Int:
		var b [8]byte
		for _, x := range a.Int64s() {
			binary.LittleEndian.PutUint64(b[:], uint64(x))
			buf.Write(b[:])
		}
	case array.Bool:
		for _, x := range a.Bools() {
			if x {
				buf.WriteByte(1)
			} else {
				buf.WriteByte(0)
			}
		}
	}
	return buf.Bytes()
}

// pyTuple formats a shape as Python's repr of a tuple of ints.
func pyTuple(shape []int) string {
	switch len(shape) {
	case 0:
		return "()"
	case 1:
		return "(" + strconv.Itoa(shape[0]) + ",)"
	}
	parts := make([]string, len(shape))
	for i, n := range shape {
		parts[i] = strconv.Itoa(n)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// npyHeader is the parsed header dictionary.
type npyHeader struct {
	descr   string
	fortran bool
	shape   []int
}

// DecodeNpy reads a .npy file (versions 1.0, 2.0 and 3.0): floating
// (f2 excluded), signed and unsigned integer and bool descriptors of either
// byte order, in C or Fortran order. Floats give float64 arrays, integers
// int64 arrays and bools bool arrays, all dimensionless.
func DecodeNpy(data []byte) (*array.Array, error) {
	if len(data) < 10 || string(data[:6]) != npyMagic {
		return nil, fmt.Errorf("not a .npy file (the magic string \\x93NUMPY is missing)")
	}
	major := data[6]
	var hlen, start int
	switch major {
	case 1:
		hlen, start = int(binary.LittleEndian.Uint16(data[8:10])), 10
	case 2, 3:
		if len(data) < 12 {
			return nil, fmt.Errorf("truncated .npy header")
		}
		hlen, start = int(binary.LittleEndian.Uint32(data[8:12])), 12
	default:
		return nil, fmt.Errorf("unsupported .npy format version %d.%d", major, data[7])
	}
	if start+hlen > len(data) {
		return nil, fmt.Errorf("truncated .npy header")
	}
	h, err := parseNpyHeader(string(data[start : start+hlen]))
	if err != nil {
		return nil, err
	}
	body := data[start+hlen:]
	kind, size, order, err := parseDescr(h.descr)
	if err != nil {
		return nil, err
	}
	n := 1
	for _, d := range h.shape {
		n *= d
	}
	if len(body) < n*size {
		return nil, fmt.Errorf(".npy data is truncated: %d bytes for %d elements of %d bytes", len(body), n, size)
	}
	var a *array.Array
	switch kind {
	case 'b':
		out := make([]bool, n)
		for i := range out {
			out[i] = body[i] != 0
		}
		a = array.FromBools(out)
	case 'f':
		out := make([]float64, n)
		for i := range out {
			b := body[i*size : (i+1)*size]
			if size == 8 {
				out[i] = math.Float64frombits(order.Uint64(b))
			} else {
				out[i] = float64(math.Float32frombits(order.Uint32(b)))
			}
		}
		a = array.FromFloats(out)
	default:
		out := make([]int64, n)
		for i := range out {
			out[i] = readInt(body[i*size:(i+1)*size], kind == 'i', order)
		}
		a = array.FromInts(out)
	}
	shape := h.shape
	if h.fortran && len(shape) > 1 {
		// The data is the transpose's C order: read it with the reversed
		// shape and transpose back.
		rev := make([]int, len(shape))
		for i, d := range shape {
			rev[len(shape)-1-i] = d
		}
		if a, err = a.Reshape(rev); err != nil {
			return nil, err
		}
		if a, err = a.Transpose(nil); err != nil {
			return nil, err
		}
		return a.Copy(), nil
	}
	if shape == nil {
		shape = []int{}
	}
	return a.Reshape(shape)
}

// readInt decodes one integer of len(b) bytes.
func readInt(b []byte, signed bool, order binary.ByteOrder) int64 {
	switch len(b) {
	case 1:
		if signed {
			return int64(int8(b[0]))
		}
		return int64(b[0])
	case 2:
		if signed {
			return int64(int16(order.Uint16(b)))
		}
		return int64(order.Uint16(b))
	case 4:
		if signed {
			return int64(int32(order.Uint32(b)))
		}
		return int64(order.Uint32(b))
	}
	return int64(order.Uint64(b))
}

// parseDescr reads a numpy dtype descriptor: kind ('b', 'i', 'u', 'f'),
// item size and byte order.
func parseDescr(d string) (byte, int, binary.ByteOrder, error) {
	var order binary.ByteOrder = binary.LittleEndian
	s := d
	if s != "" && strings.ContainsRune("<>|=", rune(s[0])) {
		if s[0] == '>' {
			order = binary.BigEndian
		}
		s = s[1:]
	}
	bad := fmt.Errorf("unsupported .npy dtype '%s' (numbers and bools only: f4, f8, i1-i8, u1-u8, b1)", d)
	if len(s) < 2 {
		return 0, 0, nil, bad
	}
	size, err := strconv.Atoi(s[1:])
	if err != nil {
		return 0, 0, nil, bad
	}
	switch kind := s[0]; {
	case kind == 'b' && size == 1, kind == 'f' && (size == 4 || size == 8),
		(kind == 'i' || kind == 'u') && (size == 1 || size == 2 || size == 4 || size == 8):
		return kind, size, order, nil
	}
	return 0, 0, nil, bad
}

// parseNpyHeader parses the header dictionary literal.
func parseNpyHeader(s string) (npyHeader, error) {
	var h npyHeader
	bad := func(what string) (npyHeader, error) {
		return h, fmt.Errorf("malformed .npy header (%s): %s", what, strings.TrimSpace(s))
	}
	get := func(key string) (string, bool) {
		i := strings.Index(s, "'"+key+"'")
		if i < 0 {
			i = strings.Index(s, `"`+key+`"`)
		}
		if i < 0 {
			return "", false
		}
		rest := strings.TrimSpace(s[i+len(key)+2:])
		rest, ok := strings.CutPrefix(rest, ":")
		return strings.TrimSpace(rest), ok
	}
	v, ok := get("descr")
	if !ok || len(v) < 2 || (v[0] != '\'' && v[0] != '"') {
		return bad("descr")
	}
	end := strings.IndexByte(v[1:], v[0])
	if end < 0 {
		return bad("descr")
	}
	h.descr = v[1 : end+1]
	if v, ok = get("fortran_order"); !ok {
		return bad("fortran_order")
	}
	switch {
	case strings.HasPrefix(v, "True"):
		h.fortran = true
	case strings.HasPrefix(v, "False"):
	default:
		return bad("fortran_order")
	}
	if v, ok = get("shape"); !ok || !strings.HasPrefix(v, "(") {
		return bad("shape")
	}
	end = strings.IndexByte(v, ')')
	if end < 0 {
		return bad("shape")
	}
	h.shape = []int{}
	for _, f := range strings.Split(v[1:end], ",") {
		f = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f), "L"))
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return bad("shape")
		}
		h.shape = append(h.shape, n)
	}
	return h, nil
}

// npyPath adds numpy's .npy extension when a file name has none.
func npyPath(p string) string {
	if strings.HasSuffix(p, ".npy") {
		return p
	}
	return p + ".npy"
}

// npySave is np.save(file, arr): write arr to file (".npy" added when
// missing), atomically.
func npySave(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var file, arr, allowPickle, fixImports runtime.Value
	if err := runtime.UnpackArgs("save", args, kwargs, "file", &file, "arr", &arr, "allow_pickle?", &allowPickle, "fix_imports?", &fixImports); err != nil {
		return runtime.Value{}, err
	}
	path, err := pathArg("save", file)
	if err != nil {
		return runtime.Value{}, err
	}
	a, err := array.From(arr)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("save(): %v", err)
	}
	data := EncodeNpy(a)
	err = WriteAtomic(npyPath(path), func(w *bufio.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, nil
}

// npyLoad is np.load(file): read a .npy file into an array, or open an
// .npz archive as an NpzFile.
func npyLoad(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var file, mmap, allowPickle, fixImports, encoding runtime.Value
	if err := runtime.UnpackArgs("load", args, kwargs, "file", &file, "mmap_mode?", &mmap, "allow_pickle?", &allowPickle, "fix_imports?", &fixImports, "encoding?", &encoding); err != nil {
		return runtime.Value{}, err
	}
	path, err := pathArg("load", file)
	if err != nil {
		return runtime.Value{}, err
	}
	data, err := readFile(path)
	if err != nil {
		return runtime.Value{}, err
	}
	if isZip(data) {
		f, err := DecodeNpz(path, data)
		if err != nil {
			return runtime.Value{}, runtime.Errorf("load('%s'): %v", path, err)
		}
		return runtime.MakeObj(f), nil
	}
	a, err := DecodeNpy(data)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("load('%s'): %v", path, err)
	}
	return array.Value(a), nil
}
