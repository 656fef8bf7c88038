package model

// namesQuery is the name a namespace made by WithNames answers with the
// list of names it knows. It is not an identifier, so model code never
// asks for it.
const namesQuery = "\x00names"

// nameList carries a namespace's list of names (see WithNames).
type nameList struct{ names func() []string }

// WithNames returns ns, able to list its names through names, so that
// an unknown name in model code gets a "did you mean" suggestion from
// the script's names too (names is called only then).
func WithNames(ns Namespace, names func() []string) Namespace {
	return func(name string) (External, bool) {
		if name == namesQuery {
			return External{names: &nameList{names}}, true
		}
		if ns == nil {
			return External{}, false
		}
		return ns(name)
	}
}

// namespaceNames returns the names ns lists (nil unless made by
// WithNames, also through layered namespaces that pass names on).
func namespaceNames(ns Namespace) []string {
	if ns == nil {
		return nil
	}
	if x, ok := ns(namesQuery); ok && x.names != nil {
		return x.names.names()
	}
	return nil
}
