package array

import rt "github.com/sim-lang/sim/runtime"

// The runtime interfaces an Array implements.
var (
	_ rt.HasBinary   = (*Array)(nil)
	_ rt.HasUnary    = (*Array)(nil)
	_ rt.HasAttrs    = (*Array)(nil)
	_ rt.HasSetIndex = (*Array)(nil)
	_ rt.Sequence    = (*Array)(nil)
	_ rt.Iterable    = (*Array)(nil)
	_ rt.HasStr      = (*Array)(nil)
	_ rt.HasDim      = (*Array)(nil)
	_ rt.HasAbs      = (*Array)(nil)
	_ rt.HasFloats   = (*Array)(nil)
	_ rt.HasInPlace  = (*Array)(nil)
)
