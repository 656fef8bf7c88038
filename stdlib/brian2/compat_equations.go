package brian2

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// Equations is Brian2's Equations object: model equations parsed from a
// string, with keyword substitutions applied, that can be concatenated
// (eqs + 'w : 1') and passed wherever an equation string is accepted.
type Equations struct {
	lines []*eqLine // in definition order
}

// eqLine is one equation (Brian2's SingleEquation).
type eqLine struct {
	kind lang.EqKind
	name string
	// code is the right-hand side as Brian2 shows it (substituted values
	// as their Brian2 repr); model is the same with substituted values
	// written exactly, which is what sim simulates.
	code, model string
	unit        string // the unit as written ("volt", "siemens/meter**2")
	dim         units.Dim
	flags       []string
	order       int // Brian2's update_order: subexpressions first (dependency order), then ODEs, then parameters
}

var _ = def("Equations", newEquations)

func newEquations(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if len(args) != 1 {
		return runtime.Value{}, runtime.Errorf("Equations() takes one positional argument, the equation string (got %d)", len(args))
	}
	var base *Equations
	switch o := args[0].Obj().(type) {
	case *Equations:
		base = o
	default:
		s, ok := runtime.AsString(args[0])
		if !ok {
			return runtime.Value{}, runtime.Errorf("Equations() needs an equation string, not %s", runtime.TypeName(args[0]))
		}
		var err error
		if base, err = parseEquationsObj(s); err != nil {
			return runtime.Value{}, err
		}
	}
	e, err := base.substitute(kwargs)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(e), nil
}

// parseEquationsObj parses and checks an equation string.
func parseEquationsObj(src string) (*Equations, error) {
	eqs, err := model.ParseEquations(src)
	if err != nil {
		return nil, err
	}
	lines, err := lang.ParseEquationLines(src)
	if err != nil {
		return nil, err
	}
	e := &Equations{}
	for _, l := range lines {
		v, _ := eqs.Lookup(l.Name)
		el := &eqLine{kind: l.Kind, name: l.Name, code: l.ExprText, model: l.ExprText, unit: l.Unit, flags: l.Flags}
		if v != nil {
			el.dim = v.Dim
		}
		e.lines = append(e.lines, el)
	}
	e.sortLines()
	return e, nil
}

// fromLines builds Equations from lines (copied), checking the result
// as a whole (duplicate names, cycles, reserved names).
func fromLines(lines []*eqLine) (*Equations, error) {
	e := &Equations{}
	seen := map[string]bool{}
	for _, l := range lines {
		if seen[l.name] {
			return nil, runtime.Errorf("EquationError: Duplicate definition of variable '%s'", l.name)
		}
		seen[l.name] = true
		c := *l
		e.lines = append(e.lines, &c)
	}
	if _, err := model.ParseEquations(e.modelSource()); err != nil {
		return nil, err
	}
	e.sortLines()
	return e, nil
}

// validName matches a variable name.
var validName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// identRe matches identifiers as Brian2's get_identifiers does.
var identRe = regexp.MustCompile(`\b[A-Za-z_][A-Za-z0-9_]*\b`)

// exprKeywords are words of expressions that are not identifiers.
var exprKeywords = map[string]bool{"and": true, "or": true, "not": true, "True": true, "False": true}

// identifiers returns the names used in an expression (sorted).
func identifiers(code string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range identRe.FindAllStringIndex(code, -1) {
		w := code[m[0]:m[1]]
		// a word right after digits is an exponent or suffix ("1e-3")
		if exprKeywords[w] || seen[w] || (m[0] > 0 && (code[m[0]-1] == '.' || (code[m[0]-1] >= '0' && code[m[0]-1] <= '9'))) {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// substitute applies Brian2's keyword substitutions: a string renames a
// name (a model variable or an external one), a value replaces an
// external name in every right-hand side.
func (e *Equations) substitute(kwargs []runtime.Kwarg) (*Equations, error) {
	if len(kwargs) == 0 {
		return e, nil
	}
	defined := map[string]bool{}
	for _, l := range e.lines {
		defined[l.name] = true
	}
	var out []*eqLine
	newNames := map[string]bool{}
	for _, l := range e.lines {
		c := *l
		for _, kw := range kwargs {
			if kw.Name != l.name {
				continue
			}
			s, ok := runtime.AsString(kw.Value)
			if !ok {
				return nil, runtime.Errorf("ValueError: Cannot replace model variable '%s' with a value.", l.name)
			}
			if defined[s] || newNames[s] {
				return nil, runtime.Errorf("EquationError: Cannot replace model variable '%s' with '%s', duplicate definition of '%s'.", l.name, s, s)
			}
			if !validName.MatchString(s) {
				return nil, runtime.Errorf("SyntaxError: '%s' is not a valid variable name.", s)
			}
			if _, err := model.ParseEquations(s + " : 1"); err != nil {
				return nil, runtime.Errorf("ValueError: cannot rename '%s' to '%s': %s", l.name, s, errMessage(err))
			}
			c.name = s
		}
		newNames[c.name] = true
		if c.kind != lang.ParamEq {
			used := map[string]bool{}
			for _, n := range identifiers(l.code) {
				used[n] = true
			}
			for _, kw := range kwargs {
				if !used[kw.Name] {
					continue
				}
				re := regexp.MustCompile(`\b` + regexp.QuoteMeta(kw.Name) + `\b`)
				shown, exact, err := replacementText(kw)
				if err != nil {
					return nil, err
				}
				c.code = re.ReplaceAllLiteralString(c.code, shown)
				c.model = re.ReplaceAllLiteralString(c.model, exact)
				if _, err := lang.ParseEquationLines("x = " + c.model + " : 1"); err != nil {
					return nil, runtime.Errorf("ValueError: Replacing \"%s\" with \"%s\" failed: %s", kw.Name, runtime.Repr(kw.Value), errMessage(err))
				}
			}
		}
		out = append(out, &c)
	}
	return fromLines(out)
}

// replacementText returns the text a substitution puts into an
// expression as Brian2 shows it and as sim computes it: a name as is, a
// value in parentheses (Brian2's repr, which rounds to 8 decimals, and an
// exact form).
func replacementText(kw runtime.Kwarg) (shown, exact string, err error) {
	if s, ok := runtime.AsString(kw.Value); ok {
		return s, s, nil
	}
	r, ok := brianRepr(kw.Value)
	if !ok {
		return "", "", runtime.Errorf("ValueError: Equations() can replace '%s' only by a name (str) or a single number or quantity, not %s", kw.Name, runtime.TypeName(kw.Value))
	}
	x, d := scalarOf(kw.Value)
	ex := strconv.FormatFloat(x, 'g', -1, 64)
	switch {
	case kw.Value.Kind() == runtime.BoolKind || kw.Value.Kind() == runtime.IntKind:
		ex = runtime.Repr(kw.Value)
	case !d.IsDimensionless():
		ex += " * " + units.DimRepr(d)
	}
	return "(" + r + ")", "(" + ex + ")", nil
}

// scalarOf returns a scalar value's SI number and dimension.
func scalarOf(v runtime.Value) (float64, units.Dim) {
	if q, ok := v.Obj().(runtime.Quantity); ok {
		return q.V, q.D
	}
	if h, ok := v.Obj().(runtime.HasFloats); ok {
		data, _, d := h.Floats()
		if len(data) == 1 {
			return data[0], d
		}
	}
	f, _ := v.ToFloat()
	return f, units.Dim{}
}

// errMessage is an error's message without its source excerpt.
func errMessage(err error) string {
	if le, ok := err.(*lang.Error); ok {
		return le.Msg
	}
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// sortLines sets Brian2's update order: subexpressions in dependency
// order (independent ones in definition order), then differential
// equations, then parameters.
func (e *Equations) sortLines() {
	subs := map[string]*eqLine{}
	for _, l := range e.lines {
		if l.kind == lang.SubEq {
			subs[l.name] = l
		}
	}
	done := map[string]bool{}
	k := 0
	for len(done) < len(subs) {
		var ready []*eqLine
		for _, l := range e.lines {
			if l.kind != lang.SubEq || done[l.name] {
				continue
			}
			ok := true
			for _, n := range identifiers(l.code) {
				if subs[n] != nil && !done[n] && n != l.name {
					ok = false
				}
			}
			if ok {
				ready = append(ready, l)
			}
		}
		if len(ready) == 0 { // a cycle (rejected by the model parser)
			break
		}
		for _, l := range ready {
			l.order, done[l.name] = k, true
			k++
		}
	}
	for _, l := range e.lines {
		switch l.kind {
		case lang.DiffEq:
			l.order = len(subs)
		case lang.ParamEq:
			l.order = len(subs) + 1
		}
	}
}

// ordered returns the lines as Brian2's Equations.ordered does.
func (e *Equations) ordered() []*eqLine {
	out := append([]*eqLine(nil), e.lines...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].order != out[j].order {
			return out[i].order < out[j].order
		}
		return out[i].name < out[j].name
	})
	return out
}

// text writes one equation with the given right-hand side and unit.
func (l *eqLine) text(rhs, unit string) string {
	var b strings.Builder
	if l.kind == lang.DiffEq {
		b.WriteString("d" + l.name + "/dt")
	} else {
		b.WriteString(l.name)
	}
	if l.kind != lang.ParamEq {
		b.WriteString(" = " + rhs)
	}
	b.WriteString(" : " + unit)
	if len(l.flags) > 0 {
		b.WriteString(" (" + strings.Join(l.flags, ", ") + ")")
	}
	return b.String()
}

// modelSource is the equation string sim simulates (definition order,
// units as written, substituted values exact).
func (e *Equations) modelSource() string {
	var parts []string
	for _, l := range e.lines {
		parts = append(parts, l.text(l.model, l.unit))
	}
	return strings.Join(parts, "\n")
}

// Type implements runtime.Object.
func (e *Equations) Type() string { return "Equations" }

// String implements runtime.Object with Brian2's repr.
func (e *Equations) String() string {
	return fmt.Sprintf("<Equations object consisting of %d equations>", len(e.lines))
}

// Str implements runtime.HasStr with Brian2's str: one equation per
// line in update order, units as get_unit_for_display shows them.
func (e *Equations) Str() string {
	var parts []string
	for _, l := range e.ordered() {
		parts = append(parts, l.text(l.code, unitForDisplay(l.dim, l.unit)))
	}
	return strings.Join(parts, "\n")
}

// Truth implements runtime.Object.
func (e *Equations) Truth() (bool, error) { return len(e.lines) > 0, nil }

// Len implements runtime.Sequence.
func (e *Equations) Len() int { return len(e.lines) }

// Iterate implements runtime.Iterable: the variable names.
func (e *Equations) Iterate() runtime.Iterator {
	var names []runtime.Value
	for _, l := range e.lines {
		names = append(names, runtime.MakeStr(l.name))
	}
	return &nameIter{names}
}

// nameIter iterates over a fixed list of values.
type nameIter struct{ rest []runtime.Value }

// Next implements runtime.Iterator.
func (it *nameIter) Next(p *runtime.Value) bool {
	if len(it.rest) == 0 {
		return false
	}
	*p, it.rest = it.rest[0], it.rest[1:]
	return true
}

// Index implements runtime.Indexable: eqs['v'] is the equation of v.
func (e *Equations) Index(key runtime.Value) (runtime.Value, error) {
	name, _ := runtime.AsString(key)
	for _, l := range e.lines {
		if l.name == name {
			return runtime.MakeObj(&singleEquation{l}), nil
		}
	}
	return runtime.Value{}, runtime.Errorf("KeyError: %s", runtime.Repr(key))
}

// Binary implements runtime.HasBinary: Equations + Equations and
// Equations + str concatenate (str + Equations is an error, as in
// Python).
func (e *Equations) Binary(op lang.Op, other runtime.Value, side runtime.Side) (runtime.Value, error) {
	if op != lang.Plus {
		return runtime.Value{}, nil
	}
	if side == runtime.Right {
		if _, ok := runtime.AsString(other); ok {
			return runtime.Value{}, runtime.Errorf("can only concatenate str (not \"Equations\") to str")
		}
		return runtime.Value{}, nil
	}
	var more *Equations
	if o, ok := other.Obj().(*Equations); ok {
		more = o
	} else if s, ok := runtime.AsString(other); ok {
		var err error
		if more, err = parseEquationsObj(s); err != nil {
			return runtime.Value{}, err
		}
	} else {
		return runtime.Value{}, nil
	}
	sum, err := fromLines(append(append([]*eqLine(nil), e.lines...), more.lines...))
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(sum), nil
}

var equationsAttrNames = []string{"names", "diff_eq_names", "subexpr_names", "eq_names", "parameter_names", "identifiers", "substitute", "ordered"}

// AttrNames implements runtime.HasAttrs.
func (e *Equations) AttrNames() []string { return equationsAttrNames }

// Attr implements runtime.HasAttrs. Brian2's name sets are sorted lists
// here (sim has no set type).
func (e *Equations) Attr(name string) (runtime.Value, error) {
	pick := func(keep func(*eqLine) bool) runtime.Value {
		var out []string
		for _, l := range e.lines {
			if keep(l) {
				out = append(out, l.name)
			}
		}
		sort.Strings(out)
		return runtime.NewStrList(out)
	}
	switch name {
	case "names":
		return pick(func(*eqLine) bool { return true }), nil
	case "diff_eq_names":
		return pick(func(l *eqLine) bool { return l.kind == lang.DiffEq }), nil
	case "subexpr_names":
		return pick(func(l *eqLine) bool { return l.kind == lang.SubEq }), nil
	case "eq_names":
		return pick(func(l *eqLine) bool { return l.kind != lang.ParamEq }), nil
	case "parameter_names":
		return pick(func(l *eqLine) bool { return l.kind == lang.ParamEq }), nil
	case "identifiers":
		defined := map[string]bool{}
		for _, l := range e.lines {
			defined[l.name] = true
		}
		seen := map[string]bool{}
		var out []string
		for _, l := range e.lines {
			for _, n := range identifiers(l.code) {
				if !defined[n] && !seen[n] {
					seen[n] = true
					out = append(out, n)
				}
			}
		}
		sort.Strings(out)
		return runtime.NewStrList(out), nil
	case "ordered":
		var out []runtime.Value
		for _, l := range e.ordered() {
			out = append(out, runtime.MakeObj(&singleEquation{l}))
		}
		return runtime.NewList(out), nil
	case "substitute":
		return runtime.NewBuiltin("substitute", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if len(args) > 0 {
				return runtime.Value{}, runtime.Errorf("substitute() takes only keyword arguments")
			}
			s, err := e.substitute(kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.MakeObj(s), nil
		}), nil
	}
	return runtime.Value{}, nil
}

// singleEquation is one equation of an Equations object (eqs['v']).
type singleEquation struct{ l *eqLine }

var eqTypeNames = map[lang.EqKind]string{lang.DiffEq: "differential equation", lang.SubEq: "subexpression", lang.ParamEq: "parameter"}

// Type implements runtime.Object.
func (s *singleEquation) Type() string { return "SingleEquation" }

// String implements runtime.Object with Brian2's repr.
func (s *singleEquation) String() string {
	l := s.l
	r := "<" + eqTypeNames[l.kind] + " " + l.name
	if l.kind != lang.ParamEq {
		r += ": " + l.code
	}
	r += " (Unit: " + unitForDisplay(l.dim, l.unit)
	if len(l.flags) > 0 {
		r += ", flags: " + strings.Join(l.flags, ", ")
	}
	return r + ")>"
}

// Str implements runtime.HasStr.
func (s *singleEquation) Str() string { return s.l.text(s.l.code, unitForDisplay(s.l.dim, s.l.unit)) }

// Truth implements runtime.Object.
func (s *singleEquation) Truth() (bool, error) { return true, nil }

// AttrNames implements runtime.HasAttrs.
func (s *singleEquation) AttrNames() []string {
	return []string{"varname", "type", "expr", "flags", "unit", "dim"}
}

// Attr implements runtime.HasAttrs.
func (s *singleEquation) Attr(name string) (runtime.Value, error) {
	l := s.l
	switch name {
	case "varname":
		return runtime.MakeStr(l.name), nil
	case "type":
		return runtime.MakeStr(eqTypeNames[l.kind]), nil
	case "expr":
		if l.kind == lang.ParamEq {
			return runtime.None, nil
		}
		return runtime.MakeStr(l.code), nil
	case "flags":
		return runtime.NewStrList(l.flags), nil
	case "unit", "dim":
		return runtime.MakeQuantity(1, l.dim), nil
	}
	return runtime.Value{}, nil
}

// modelString reads a model= argument: an equation string or an
// Equations object (nil/None gives "").
func modelString(fn string, v runtime.Value) (string, error) {
	if e, ok := v.Obj().(*Equations); ok && v.IsValid() {
		return e.modelSource(), nil
	}
	return optString(fn, "model", v)
}
