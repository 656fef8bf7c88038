package runtime

// CallerNames lists the names CallerLookup can resolve on th that script
// code defined: the innermost script frame's locals and free variables
// and its module's globals (not the predeclared names). Libraries use it
// for "did you mean" suggestions.
func CallerNames(th *Thread) []string {
	m := th.vm
	if m == nil || m.depth == 0 {
		return nil
	}
	var names []string
	fr := m.frames[m.depth-1]
	if fr.fn != nil {
		names = append(names, fr.fn.code.Locals...)
		names = append(names, fr.fn.code.FreeNames...)
	}
	if fr.env != nil {
		names = append(names, fr.env.Names()...)
	}
	return names
}
