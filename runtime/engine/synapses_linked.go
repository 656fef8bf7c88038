package engine

import (
	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/runtime/vecvm"
)

// linkRef is a linked variable of the pre- or postsynaptic group seen
// from synaptic code (y_post for `y : 1 (linked)`): read-only, through
// the link's target.
type linkRef struct {
	post bool
	name string // the variable's name in its group
}

// linkRefs lists the linked variables of both groups under the names
// synaptic code uses (y_pre, y_post and, unless defined, the bare y).
func (s *Synapses) linkRefs() map[string]linkRef {
	out := map[string]linkRef{}
	for _, side := range []struct {
		src    Source
		post   bool
		suffix string
	}{{s.Source, false, "_pre"}, {s.Target, true, "_post"}} {
		for _, v := range side.src.G.Eqs.Vars {
			if !v.HasFlag("linked") {
				continue
			}
			out[v.Name+side.suffix] = linkRef{post: side.post, name: v.Name}
			if side.post && !s.definesName(v.Name) {
				if _, sub := s.subRefs[v.Name]; !sub {
					out[v.Name] = linkRef{post: true, name: v.Name}
				}
			}
		}
	}
	return out
}

// linkVars returns the linked variables of the groups as constant
// parameters of the synaptic equations.
func (s *Synapses) linkVars() []*model.Variable {
	refs := s.linkRefs()
	var out []*model.Variable
	for _, name := range sortedNames(refs) {
		r := refs[name]
		g := s.Source.G
		if r.post {
			g = s.Target.G
		}
		v, _ := g.Eqs.Lookup(r.name)
		out = append(out, &model.Variable{Name: name, Kind: model.Parameter, Dim: v.Dim, Type: v.Type,
			Flags: []string{"constant"}, Text: name + " (linked variable of group '" + g.name + "')"})
	}
	return out
}

// addLinkSyms places the targets of the groups' linked variables in ctx,
// each read through a per-synapse index (the link's position for the
// synapse's neuron), and records their symbols for the resolver.
func (s *Synapses) addLinkSyms(ctx *vecvm.Context, l *synLayout) {
	l.linkSyms = nil
	refs := s.linkRefs()
	if len(refs) == 0 {
		return
	}
	l.linkSyms = map[string]vector.Symbol{}
	shared := map[linkRef]vector.Symbol{} // one index per side and variable
	for _, name := range sortedNames(refs) {
		r := refs[name]
		g, neurons := s.Source.G, l.preAbs
		if r.post {
			g, neurons = s.Target.G, l.postAbs
		}
		key := r
		if sym, ok := shared[key]; ok {
			l.linkSyms[name] = sym
			continue
		}
		lk := g.links[r.name]
		if lk == nil {
			continue // not set: the group's own Prepare reports it
		}
		sv := lk.src.G.vars[lk.name]
		idx := make([]int32, len(neurons))
		for k, n := range neurons {
			if lk.index != nil {
				idx[k] = lk.index[n]
			} else {
				idx[k] = int32(lk.src.Start) + n
			}
		}
		sym := vector.Symbol{Kind: vector.IndexedArray, Type: sv.Type, Slot: len(ctx.Arrays), Index: len(ctx.Indices), ReadOnly: true}
		ctx.Arrays = append(ctx.Arrays, sv.Data)
		ctx.Indices = append(ctx.Indices, idx)
		shared[key] = sym
		l.linkSyms[name] = sym
	}
}
