package iomod

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// cacheMagic starts every cache entry file.
const cacheMagic = "SIMCACHE1\n"

// The value format of cache entries (and of the argument keys):
//
//	value  := tag payload
//	'N'    None                      (no payload)
//	'T'/'F' True / False             (no payload)
//	'i'    int                       int64, little-endian
//	'f'    float                     IEEE-754 bits, little-endian
//	'q'    quantity                  float (8 bytes) then dim
//	's'    str                       uvarint byte length, UTF-8 bytes
//	'l'/'t' list / tuple             uvarint count, values
//	'd'    dict                      uvarint count, key value pairs in order
//	'a'    array                     dtype byte (0 bool, 1 int, 2 float), dim,
//	                                 uvarint ndim, uvarint per axis, then the
//	                                 elements in C order (bool 1 byte, int and
//	                                 float 8 bytes little-endian, SI values)
//	dim    7 × (numerator int8, denominator int8): the exponents of
//	       m, kg, s, A, K, mol, cd
//
// A file is the line "SIMCACHE1\n" followed by one value.

// EncodeValue appends the serialised form of v to buf; values other than
// None, bools, numbers, quantities, str, lists, tuples, dicts and arrays
// are an error.
func EncodeValue(buf *bytes.Buffer, v runtime.Value) error {
	var b [8]byte
	putU64 := func(x uint64) {
		binary.LittleEndian.PutUint64(b[:], x)
		buf.Write(b[:])
	}
	putLen := func(n int) {
		buf.Write(binary.AppendUvarint(nil, uint64(n)))
	}
	putDim := func(d units.Dim) {
		for _, r := range d {
			buf.WriteByte(byte(r.Num))
			buf.WriteByte(byte(r.Den))
		}
	}
	switch v.Kind() {
	case runtime.NoneKind:
		buf.WriteByte('N')
		return nil
	case runtime.BoolKind:
		if v.AsBool() {
			buf.WriteByte('T')
		} else {
			buf.WriteByte('F')
		}
		return nil
	case runtime.IntKind:
		buf.WriteByte('i')
		putU64(uint64(v.AsInt()))
		return nil
	case runtime.FloatKind:
		buf.WriteByte('f')
		putU64(math.Float64bits(v.AsFloat()))
		return nil
	}
	switch o := v.Obj().(type) {
	case runtime.Quantity:
		buf.WriteByte('q')
		putU64(math.Float64bits(o.V))
		putDim(o.D)
	case runtime.String:
		buf.WriteByte('s')
		putLen(len(o))
		buf.WriteString(string(o))
	case *runtime.List:
		buf.WriteByte('l')
		putLen(len(o.Elems))
		for _, e := range o.Elems {
			if err := EncodeValue(buf, e); err != nil {
				return err
			}
		}
	case runtime.Tuple:
		buf.WriteByte('t')
		putLen(len(o))
		for _, e := range o {
			if err := EncodeValue(buf, e); err != nil {
				return err
			}
		}
	case *runtime.Dict:
		buf.WriteByte('d')
		items := o.Items()
		putLen(len(items))
		for _, kv := range items {
			if err := EncodeValue(buf, kv[0]); err != nil {
				return err
			}
			if err := EncodeValue(buf, kv[1]); err != nil {
				return err
			}
		}
	case *array.Array:
		buf.WriteByte('a')
		buf.WriteByte(byte(o.DType()))
		putDim(o.Dim())
		shape := o.Shape()
		putLen(len(shape))
		for _, n := range shape {
			putLen(n)
		}
		switch o.DType() {
		case array.Bool:
			for _, x := range o.Bools() {
				if x {
					buf.WriteByte(1)
				} else {
					buf.WriteByte(0)
				}
			}
		case array.Int:
			for _, x := range o.Int64s() {
				putU64(uint64(x))
			}
		default:
			for _, x := range o.Float64s() {
				putU64(math.Float64bits(x))
			}
		}
	default:
		return runtime.Errorf("cannot serialise a %s value (None, bools, numbers, quantities, str, lists, tuples, dicts and arrays only)", runtime.TypeName(v))
	}
	return nil
}

// decoder reads the serialised form.
type decoder struct {
	data []byte
	pos  int
}

var errCorrupt = fmt.Errorf("corrupt cache entry")

func (d *decoder) byte() (byte, error) {
	if d.pos >= len(d.data) {
		return 0, errCorrupt
	}
	d.pos++
	return d.data[d.pos-1], nil
}

func (d *decoder) u64() (uint64, error) {
	if d.pos+8 > len(d.data) {
		return 0, errCorrupt
	}
	d.pos += 8
	return binary.LittleEndian.Uint64(d.data[d.pos-8:]), nil
}

func (d *decoder) length() (int, error) {
	n, k := binary.Uvarint(d.data[d.pos:])
	if k <= 0 || n > uint64(len(d.data)) {
		return 0, errCorrupt
	}
	d.pos += k
	return int(n), nil
}

func (d *decoder) dim() (units.Dim, error) {
	var dim units.Dim
	if d.pos+2*len(dim) > len(d.data) {
		return dim, errCorrupt
	}
	for i := range dim {
		dim[i] = units.Rat{Num: int8(d.data[d.pos]), Den: int8(d.data[d.pos+1])}
		d.pos += 2
	}
	return dim, nil
}

// DecodeValue reads one value written by EncodeValue.
func DecodeValue(data []byte) (runtime.Value, error) {
	d := &decoder{data: data}
	v, err := d.value()
	if err == nil && d.pos != len(data) {
		err = errCorrupt
	}
	return v, err
}

func (d *decoder) value() (runtime.Value, error) {
	tag, err := d.byte()
	if err != nil {
		return runtime.Value{}, err
	}
	switch tag {
	case 'N':
		return runtime.None, nil
	case 'T':
		return runtime.True, nil
	case 'F':
		return runtime.False, nil
	case 'i':
		x, err := d.u64()
		return runtime.MakeInt(int64(x)), err
	case 'f':
		x, err := d.u64()
		return runtime.MakeFloat(math.Float64frombits(x)), err
	case 'q':
		x, err := d.u64()
		if err != nil {
			return runtime.Value{}, err
		}
		dim, err := d.dim()
		return runtime.MakeQuantity(math.Float64frombits(x), dim), err
	case 's':
		n, err := d.length()
		if err != nil || d.pos+n > len(d.data) {
			return runtime.Value{}, errCorrupt
		}
		d.pos += n
		return runtime.MakeStr(string(d.data[d.pos-n : d.pos])), nil
	case 'l', 't':
		n, err := d.length()
		if err != nil {
			return runtime.Value{}, err
		}
		elems := make([]runtime.Value, n)
		for i := range elems {
			if elems[i], err = d.value(); err != nil {
				return runtime.Value{}, err
			}
		}
		if tag == 't' {
			return runtime.MakeTuple(elems...), nil
		}
		return runtime.NewList(elems), nil
	case 'd':
		n, err := d.length()
		if err != nil {
			return runtime.Value{}, err
		}
		dict := runtime.NewDict()
		for i := 0; i < n; i++ {
			k, err := d.value()
			if err != nil {
				return runtime.Value{}, err
			}
			v, err := d.value()
			if err != nil {
				return runtime.Value{}, err
			}
			if err := dict.Set(k, v); err != nil {
				return runtime.Value{}, err
			}
		}
		return runtime.MakeObj(dict), nil
	case 'a':
		return d.array()
	}
	return runtime.Value{}, errCorrupt
}

func (d *decoder) array() (runtime.Value, error) {
	dt, err := d.byte()
	if err != nil || dt > byte(array.Float) {
		return runtime.Value{}, errCorrupt
	}
	dim, err := d.dim()
	if err != nil {
		return runtime.Value{}, err
	}
	nd, err := d.length()
	if err != nil {
		return runtime.Value{}, err
	}
	shape := make([]int, nd)
	size := 1
	for i := range shape {
		if shape[i], err = d.length(); err != nil {
			return runtime.Value{}, err
		}
		size *= shape[i]
	}
	item := 8
	if array.DType(dt) == array.Bool {
		item = 1
	}
	if size < 0 || d.pos+size*item > len(d.data) {
		return runtime.Value{}, errCorrupt
	}
	var a *array.Array
	switch array.DType(dt) {
	case array.Bool:
		out := make([]bool, size)
		for i := range out {
			out[i] = d.data[d.pos+i] != 0
		}
		a = array.FromBools(out, shape...)
	case array.Int:
		out := make([]int64, size)
		for i := range out {
			out[i] = int64(binary.LittleEndian.Uint64(d.data[d.pos+8*i:]))
		}
		a = array.FromInts(out, shape...)
	default:
		out := make([]float64, size)
		for i := range out {
			out[i] = math.Float64frombits(binary.LittleEndian.Uint64(d.data[d.pos+8*i:]))
		}
		a = array.New(shape, out, dim)
	}
	d.pos += size * item
	if nd == 0 {
		if a, err = a.Reshape([]int{}); err != nil {
			return runtime.Value{}, err
		}
	}
	if dim != (units.Dim{}) && array.DType(dt) != array.Float {
		a = a.WithDim(dim)
	}
	return array.Value(a), nil
}
