package engine

import (
	"regexp"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/lang"
)

// subRef is a subexpression of the pre- or postsynaptic group as
// synaptic code sees it (I_post for `I = g*(E - v) : amp` in the target
// group, or the bare name I): its expression is rewritten so that the
// group's names refer to the group's side (g_post, v_post; i and N
// become the whole group's index and size, even through a subgroup), as
// Brian2's add_referred_subexpression does.
// External names stay: they resolve in the synapses' namespace.
type subRef struct {
	v *model.Variable
	// post: a subexpression of the target (else of the source)
	post bool
	// deps are the names its expression uses.
	deps []string
}

// addSubRefs makes the subexpressions of the source (name_pre) and
// target (name_post and, unless the synapses define it, the bare name)
// visible to synaptic code.
func (s *Synapses) addSubRefs() {
	s.subRefs = map[string]*subRef{}
	for _, side := range []struct {
		src    Source
		suffix string
	}{{s.Source, "_pre"}, {s.Target, "_post"}} {
		g := side.src.G
		repl := map[string]lang.Expr{
			"i": &lang.Ident{Name: groupI + side.suffix},
			"N": &lang.Ident{Name: groupN + side.suffix},
		}
		for _, name := range g.varOrder {
			repl[name] = &lang.Ident{Name: name + side.suffix}
		}
		for _, v := range g.Eqs.Vars {
			if v.Kind == model.SubExpr || v.HasFlag("linked") {
				repl[v.Name] = &lang.Ident{Name: v.Name + side.suffix}
			}
		}
		for _, v := range g.Eqs.Vars {
			if v.Kind != model.SubExpr {
				continue
			}
			name := v.Name + side.suffix
			if _, taken := s.refs[name]; taken {
				continue
			}
			expr := model.Substitute(v.Expr, repl)
			mv := &model.Variable{Name: name, Kind: model.SubExpr, Dim: v.Dim, Type: v.Type, Expr: expr,
				Line: v.Line, Src: g.Eqs.Src, Text: v.Text + " (of group '" + g.name + "')"}
			post := side.suffix == "_post"
			s.subRefs[name] = &subRef{v: mv, post: post, deps: model.Identifiers(expr)}
			if side.suffix == "_post" && !s.definesName(v.Name) {
				bare := &model.Variable{Name: v.Name, Kind: model.SubExpr, Dim: v.Dim, Type: v.Type,
					Expr: &lang.Ident{Name: name}, Line: v.Line, Src: g.Eqs.Src, Text: mv.Text}
				s.subRefs[v.Name] = &subRef{v: bare, post: true, deps: []string{name}}
			}
		}
	}
}

// definesName reports whether name is a synaptic variable or a
// reference to a stored variable of the groups.
func (s *Synapses) definesName(name string) bool {
	if _, ok := s.Eqs.Lookup(name); ok {
		return true
	}
	_, ok := s.refs[name]
	return ok
}

// Internal names of a group's own index and size in synaptic code (with
// the suffix _pre or _post): a subgroup's group subexpressions use them.
const (
	groupI = "_group_i"
	groupN = "_group_N"
)

var identRE = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)

// usedSubRefs returns the subexpressions of the groups that the synaptic
// equations, the pathways' code or texts (code or expressions about to be
// compiled) use, directly or through each other, sorted by name. Only
// those are added, so that a group's subexpression that synaptic code
// never mentions is never checked in the synapses' namespace. Connect
// expressions (textsOnly) look at texts only.
func (s *Synapses) usedSubRefs(texts []string, textsOnly ...bool) []*model.Variable {
	if len(s.subRefs) == 0 {
		return nil
	}
	var todo []string
	if len(textsOnly) == 0 || !textsOnly[0] {
		for _, v := range s.Eqs.Vars {
			if v.Expr != nil {
				todo = append(todo, model.Identifiers(v.Expr)...)
			}
		}
		for _, p := range s.pathways {
			texts = append(texts, p.Code)
		}
	}
	for _, t := range texts {
		todo = append(todo, identRE.FindAllString(t, -1)...)
	}
	used := map[string]bool{}
	for len(todo) > 0 {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		r, ok := s.subRefs[n]
		if !ok || used[n] {
			continue
		}
		used[n] = true
		todo = append(todo, r.deps...)
	}
	var out []*model.Variable
	for _, n := range sortedNames(used) {
		out = append(out, s.subRefs[n].v)
	}
	return out
}

// refSide reports whether name refers to a variable, subexpression or
// linked variable of the target (post) or source group (ok false for
// other names), for connect's analysis of what an expression depends on.
func (s *Synapses) refSide(name string) (post, ok bool) {
	if r, ok := s.refs[name]; ok {
		return r.post, true
	}
	if r, ok := s.subRefs[name]; ok {
		return r.post, true
	}
	if r, ok := s.linkRefs()[name]; ok {
		return r.post, true
	}
	return false, false
}
