package runtime

// PerThread is an object that stands for a different object in every
// thread (interpreter) that uses it, such as brian2's defaultclock: one
// predeclared value, one clock per interpreter. Attribute access from
// script code resolves it through the calling thread first.
type PerThread interface {
	Object
	// ForThread returns the object the value stands for in th.
	ForThread(th *Thread) Value
}

// GetAttrOn is GetAttr as seen from thread th: a PerThread value is
// resolved through th first.
func GetAttrOn(th *Thread, x Value, name string) (Value, error) {
	if p, ok := x.obj.(PerThread); ok && th != nil {
		x = p.ForThread(th)
	}
	return GetAttr(x, name)
}

// SetAttrOn is SetAttr as seen from thread th (see GetAttrOn).
func SetAttrOn(th *Thread, x Value, name string, v Value) error {
	if p, ok := x.obj.(PerThread); ok && th != nil {
		x = p.ForThread(th)
	}
	return SetAttr(x, name, v)
}
