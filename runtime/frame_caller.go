package runtime

// CallerLookup resolves name the way the script code that is calling a
// builtin on th sees it: the innermost script frame's locals, then its
// free variables (closures), then its module's globals, then the
// predeclared names (builtins and units). Libraries use it to read the
// caller's namespace, as Brian2's run() reads the namespace of the frame
// that calls it. ok is false when the name is not defined there.
func CallerLookup(th *Thread, name string) (Value, bool) {
	m := th.vm
	if m != nil && m.depth > 0 {
		fr := m.frames[m.depth-1]
		if fr.fn != nil {
			fc := fr.fn.code
			for k, local := range fc.Locals {
				if local != name || fr.bp+k >= len(m.stack) {
					continue
				}
				v := m.stack[fr.bp+k]
				if c, ok := v.obj.(*Cell); ok {
					v = c.v
				}
				if v.IsValid() {
					return v, true
				}
			}
			for k, free := range fc.FreeNames {
				if free == name && k < len(fr.fn.free) && fr.fn.free[k] != nil && fr.fn.free[k].v.IsValid() {
					return fr.fn.free[k].v, true
				}
			}
		}
		if fr.env != nil {
			if v, ok := fr.env.Get(name); ok {
				return v, true
			}
		}
	}
	return LookupPredeclared(name)
}
