package runtime

import (
	"hash/maphash"
	"math"
)

// hashSeed is fixed per process so that equal keys always hash alike.
var hashSeed = maphash.MakeSeed()

const (
	hashNone  = 0x6e6f6e65
	hashTuple = 0x345678
)

// Hash returns the hash of a hashable value: None, bool, int, float, str,
// a tuple of hashables, or a Quantity. Values that compare equal hash
// equal, so 1, 1.0 and True are the same dict key. Lists, dicts and other
// mutable values give "unhashable type: 'list'".
func Hash(v Value) (uint64, error) {
	switch v.kind {
	case NoneKind:
		return hashNone, nil
	case BoolKind, IntKind:
		i, _ := v.ToInt()
		return hashInt(i), nil
	case FloatKind:
		return hashFloat(v.AsFloat()), nil
	case ObjKind:
		switch o := v.obj.(type) {
		case String:
			return maphash.String(hashSeed, string(o)), nil
		case Tuple:
			h := uint64(hashTuple)
			for _, e := range o {
				eh, err := Hash(e)
				if err != nil {
					return 0, err
				}
				h = (h ^ eh) * 1000003
			}
			return h ^ uint64(len(o)), nil
		case Quantity:
			h := hashFloat(o.V)
			for _, r := range o.D {
				h = h*31 + uint64(uint8(r.Num))<<8 + uint64(uint8(r.Den))
			}
			return h, nil
		case *Type:
			return maphash.String(hashSeed, "type:"+o.Name()), nil
		case *Range:
			return hashInt(o.Start)*31 ^ hashInt(o.Stop)*17 ^ hashInt(o.Step), nil
		}
	}
	return 0, Errorf("unhashable type: '%s'", TypeName(v))
}

func hashInt(i int64) uint64 {
	x := uint64(i)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	return x
}

func hashFloat(f float64) uint64 {
	if f == math.Trunc(f) && f >= -9.2e18 && f <= 9.2e18 {
		return hashInt(int64(f))
	}
	if math.IsNaN(f) {
		return 0x7ff8
	}
	return hashInt(int64(math.Float64bits(f)))
}
