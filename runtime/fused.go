package runtime

import "github.com/sim-lang/sim/compiler"

// Fuse evaluates a fused arithmetic expression (see compiler.Fused) over
// its leaf values in one vectorized pass. It returns ok false, and the VM
// runs the ordinary code instead, unless the result is exactly what the
// ordinary operators would compute. Package runtime/array sets it.
var Fuse func(f *compiler.Fused, leaves []Value) (v Value, ok bool)

// fusedCode is the constant a FUSEDTRY instruction refers to.
type fusedCode struct {
	f *compiler.Fused
}

// Type implements Object.
func (*fusedCode) Type() string { return "fused" }

// String implements Object.
func (*fusedCode) String() string { return "<fused expression>" }

// Truth implements Object.
func (*fusedCode) Truth() (bool, error) { return true, nil }

// maxFusedLeaves bounds the leaves gathered on the Go stack.
const maxFusedLeaves = 16

// leaves loads the values of f's leaves from the frame whose locals start
// at s[bp:]; ok is false when a leaf is unset or there are too many.
func (fc *fusedCode) leaves(buf []Value, s []Value, bp int, fn *Function, env *Env, consts []Value) ([]Value, bool) {
	f := fc.f
	if len(f.Leaves) > len(buf) {
		return nil, false
	}
	out := buf[:len(f.Leaves)]
	for k, l := range f.Leaves {
		var v Value
		switch l.Kind {
		case compiler.LeafLocal:
			v = s[bp+l.Index]
		case compiler.LeafCell:
			if c, ok := s[bp+l.Index].obj.(*Cell); ok {
				v = c.v
			}
		case compiler.LeafFree:
			v = fn.free[l.Index].v
		case compiler.LeafGlobal:
			if l.Index < len(env.globals) {
				v = env.globals[l.Index]
			}
			if !v.IsValid() && l.Index < len(env.pre) {
				v = env.pre[l.Index]
				if !v.IsValid() {
					if p, ok := LookupPredeclared(env.table.Name(l.Index)); ok {
						env.pre[l.Index], v = p, p
					}
				}
			}
		case compiler.LeafConst:
			v = consts[l.Index]
		}
		if !v.IsValid() {
			return nil, false
		}
		out[k] = v
	}
	return out, true
}

// anyObject reports whether a leaf holds an Object (only then can the
// expression involve arrays); it is the cheap check the VM's fast loop
// makes before trying to fuse.
func (fc *fusedCode) anyObject(s []Value, bp int, env *Env) bool {
	for _, l := range fc.f.Leaves {
		switch l.Kind {
		case compiler.LeafLocal:
			if s[bp+l.Index].kind == ObjKind {
				return true
			}
		case compiler.LeafGlobal:
			if l.Index >= len(env.globals) {
				return true
			}
			if v := env.globals[l.Index]; v.kind == ObjKind || v.kind == Invalid {
				return true
			}
		case compiler.LeafConst:
		default:
			return true
		}
	}
	return false
}
