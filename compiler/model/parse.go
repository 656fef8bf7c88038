package model

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/units"
)

// allowedFlags lists the flags each kind of equation accepts (the union
// over NeuronGroup and Synapses; groups may restrict them further).
var allowedFlags = map[VarKind][]string{
	StateVar:  {"unless refractory", "clock-driven", "event-driven"},
	Parameter: {"constant", "shared", "linked"},
	SubExpr:   {"shared", "constant over dt", "summed"},
}

var kindNames = map[VarKind]string{StateVar: "differential equations", Parameter: "parameters", SubExpr: "subexpressions"}

// reservedNames have a special meaning in equations (as in Brian2).
var reservedNames = map[string]bool{"t": true, "dt": true, "t_in_timesteps": true, "xi": true, "i": true, "N": true}

// pythonKeywords cannot name variables.
var pythonKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "break": true,
	"class": true, "continue": true, "def": true, "del": true, "elif": true, "else": true, "except": true,
	"finally": true, "for": true, "from": true, "global": true, "if": true, "import": true, "in": true,
	"is": true, "lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true, "raise": true,
	"return": true, "try": true, "while": true, "with": true, "yield": true,
}

// ParseEquations parses and checks an equation string: syntax, units,
// flags, duplicate definitions, reserved names and cycles among
// subexpressions. Dimensions of right-hand sides are checked later, by
// StateUpdate, when the namespace is known.
func ParseEquations(src string) (*Equations, error) {
	lines, err := lang.ParseEquationLines(src)
	if err != nil {
		return nil, err
	}
	eqs := &Equations{Src: src, byName: map[string]*Variable{}}
	for _, l := range lines {
		v, err := makeVariable(src, l)
		if err != nil {
			return nil, err
		}
		if old, dup := eqs.byName[v.Name]; dup {
			return nil, lang.Errorf(lang.EqFile, src, l.Pos, "duplicate definition of variable '%s' (first defined on line %d: %s)", v.Name, old.Line, old.Text)
		}
		eqs.byName[v.Name] = v
		eqs.Vars = append(eqs.Vars, v)
	}
	if err := eqs.orderSubexpressions(); err != nil {
		return nil, err
	}
	return eqs, nil
}

// makeVariable checks one parsed equation and turns it into a Variable.
func makeVariable(src string, l lang.EquationLine) (*Variable, error) {
	kind := map[lang.EqKind]VarKind{lang.DiffEq: StateVar, lang.SubEq: SubExpr, lang.ParamEq: Parameter}[l.Kind]
	v := &Variable{Name: l.Name, Kind: kind, Expr: l.Expr, Line: int(l.Pos.Line), Text: l.Text}
	fail := func(p lang.Pos, format string, args ...any) error {
		return lang.Errorf(lang.EqFile, src, p, "%s: %s", l.Text, fmt.Sprintf(format, args...))
	}
	if msg := checkIdentifier(l.Name); msg != "" {
		return nil, fail(l.Pos, "%s", msg)
	}
	switch l.Unit {
	case "1":
	case "boolean":
		v.Type = vector.Bool
	case "integer":
		v.Type = vector.Int
	case "bool":
		return nil, fail(l.UnitPos, "use 'boolean' not 'bool' as the unit of a boolean variable")
	case "int":
		return nil, fail(l.UnitPos, "use 'integer' not 'int' as the unit of an integer variable")
	default:
		scale, d, err := units.ParseUnit(l.Unit)
		if err != nil {
			return nil, fail(l.UnitPos, "invalid unit '%s': %v", l.Unit, err)
		}
		if scale != 1 {
			return nil, fail(l.UnitPos, "the unit of a variable must be a base unit: use '%s' instead of '%s'", units.DimName(d), l.Unit)
		}
		v.Dim = d
	}
	if kind == StateVar && v.Type != vector.Float {
		return nil, fail(l.UnitPos, "differential equations can only define floating point variables, not %s ones", l.Unit)
	}
	for i, f := range l.Flags {
		ok := false
		for _, a := range allowedFlags[kind] {
			ok = ok || a == f
		}
		if !ok {
			var all []string
			for _, fs := range allowedFlags {
				all = append(all, fs...)
			}
			hint := ""
			if s := suggest(f, all); s != "" {
				hint = fmt.Sprintf(" (did you mean '%s'?)", s)
			}
			return nil, fail(l.FlagPos[i], "flag '%s' is not allowed for %s%s; allowed: %s", f, kindNames[kind], hint, strings.Join(allowedFlags[kind], ", "))
		}
		if v.HasFlag(f) {
			return nil, fail(l.FlagPos[i], "flag '%s' given twice", f)
		}
		v.Flags = append(v.Flags, f)
	}
	return v, nil
}

// checkIdentifier returns why name cannot name a variable, or "".
func checkIdentifier(name string) string {
	switch {
	case pythonKeywords[name]:
		return fmt.Sprintf("'%s' is a Python keyword and cannot be used as a variable name", name)
	case strings.HasPrefix(name, "_"):
		return fmt.Sprintf("variable '%s' starts with an underscore, which is reserved for internal variables", name)
	case reservedNames[name] || strings.HasPrefix(name, "xi_"):
		return fmt.Sprintf("'%s' has a special meaning in equations and cannot be used as a variable name", name)
	case funcs[name] != nil:
		return fmt.Sprintf("'%s' is the name of a function and cannot be used as a variable name", name)
	case constants[name] != 0:
		return fmt.Sprintf("'%s' is the name of a constant and cannot be used as a variable name", name)
	}
	if isUnitName(name) && brian2Units()[name] {
		return fmt.Sprintf("'%s' is the name of a unit and cannot be used as a variable name", name)
	}
	return ""
}

// isUnitName reports whether name is a unit visible in equations (bare
// one-letter SI symbols are not, as in sim scripts).
func isUnitName(name string) bool {
	if len(name) < 2 {
		return false
	}
	_, _, ok := units.Lookup(name)
	return ok
}

// orderSubexpressions sorts the subexpressions so that each comes after
// those it uses; a cycle is an error naming it.
func (e *Equations) orderSubexpressions() error {
	deps := map[string][]string{}
	var subs []*Variable
	for _, v := range e.Vars {
		if v.Kind != SubExpr {
			continue
		}
		subs = append(subs, v)
		for _, n := range identNames(v.Expr) {
			if d, ok := e.byName[n]; ok && d.Kind == SubExpr {
				deps[v.Name] = append(deps[v.Name], n)
			}
		}
	}
	state := map[string]int{} // 0 new, 1 visiting, 2 done
	var order []*Variable
	var stack []string
	var visit func(n string) error
	visit = func(n string) error {
		switch state[n] {
		case 2:
			return nil
		case 1:
			i := 0
			for stack[i] != n {
				i++
			}
			cycle := append(append([]string{}, stack[i:]...), n)
			v := e.byName[n]
			return lang.Errorf(lang.EqFile, e.Src, lang.Pos{Line: int32(v.Line), Col: 1},
				"subexpressions depend on each other in a cycle: %s", strings.Join(cycle, " -> "))
		}
		state[n] = 1
		stack = append(stack, n)
		ds := append([]string{}, deps[n]...)
		sort.Strings(ds)
		for _, d := range ds {
			if err := visit(d); err != nil {
				return err
			}
		}
		stack = stack[:len(stack)-1]
		state[n] = 2
		order = append(order, e.byName[n])
		return nil
	}
	for _, v := range subs {
		if err := visit(v.Name); err != nil {
			return err
		}
	}
	e.subOrder = order
	return nil
}
