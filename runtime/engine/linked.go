package engine

import (
	"fmt"
	"sort"

	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

// link is the target of a linked variable (Brian2's linked_var): a
// variable of another group read through an index.
type link struct {
	src  Source
	name string
	// index holds, for each element of the linking group, the position
	// in the target's storage; nil means src.Start + k.
	index []int32
}

// Link makes the linked variable name (flagged "(linked)" in the model)
// refer to variable srcVar of src, as Brian2's
// `G.name = linked_var(src, srcVar, index=...)`. index, when not nil,
// gives for each neuron of g the element of src (relative to src) it
// reads; without it, src must have g's size (or hold one value: a
// shared variable or a one-neuron group).
func (g *NeuronGroup) Link(name string, src Source, srcVar string, index []int64) error {
	v, ok := g.Eqs.Lookup(name)
	if !ok || !v.HasFlag("linked") {
		return fmt.Errorf("cannot link variable '%s', it has to be marked as a linked variable with '(linked)' in the model equations", name)
	}
	sv, ok := src.G.vars[srcVar]
	if !ok {
		if _, isExpr := src.G.Eqs.Lookup(srcVar); isExpr {
			return fmt.Errorf("cannot link to '%s': it is a subexpression; only stored variables can be link targets", srcVar)
		}
		return fmt.Errorf("group '%s' has no variable '%s'%s", src.G.name, srcVar, suggestName(srcVar, src.G.VarNames()))
	}
	if sv.Dim != v.Dim {
		return fmt.Errorf("unit of variable '%s' (%s) does not match its link target '%s' (%s)", name, units.DimName(v.Dim), srcVar, units.DimName(sv.Dim))
	}
	l := &link{src: src, name: srcVar}
	switch {
	case index != nil:
		if len(index) != g.N {
			return fmt.Errorf("index array for linked variable '%s' has to be a one-dimensional array of length %d, but has length %d", name, g.N, len(index))
		}
		l.index = make([]int32, g.N)
		for k, x := range index {
			if x < 0 || x >= int64(src.Len()) {
				return fmt.Errorf("index array for linked variable '%s' contains values outside of the valid range [0, %d[", name, src.Len())
			}
			l.index[k] = int32(src.Start + int(x))
			if sv.Shared {
				l.index[k] = 0
			}
		}
	case sv.Shared || src.Len() == 1 && g.N != 1:
		at := int32(src.Start)
		if sv.Shared {
			at = 0
		}
		l.index = make([]int32, g.N)
		for k := range l.index {
			l.index[k] = at
		}
	case src.Len() != g.N:
		return fmt.Errorf("cannot link variable '%s' to '%s', the size of the target group does not match (%d != %d); you can provide an indexing scheme with the 'index' keyword to link groups with different sizes", name, srcVar, g.N, src.Len())
	}
	if g.links == nil {
		g.links = map[string]*link{}
	}
	g.links[name] = l
	return nil
}

// Linked reports whether name is a linked variable of g and, if so,
// whether its target has been set.
func (g *NeuronGroup) Linked(name string) (linked, set bool) {
	v, ok := g.Eqs.Lookup(name)
	if !ok || !v.HasFlag("linked") {
		return false, false
	}
	_, set = g.links[name]
	return true, set
}

// checkLinks reports a linked variable without a target.
func (g *NeuronGroup) checkLinks() error {
	for _, v := range g.Eqs.Vars {
		if v.HasFlag("linked") && g.links[v.Name] == nil {
			return fmt.Errorf("link target for variable '%s' of group '%s' has not been set (use %s.%s = linked_var(...))", v.Name, g.name, g.name, v.Name)
		}
	}
	return nil
}

// addLinks adds the targets of linked variables to ctx and records the
// symbols the resolver gives their names: the target's storage itself
// when it lines up with g's elements, else the storage read through an
// index.
func (g *NeuronGroup) addLinks(ctx *vecvm.Context) {
	g.linkSyms = nil
	if len(g.links) == 0 {
		return
	}
	g.linkSyms = map[string]vector.Symbol{}
	names := make([]string, 0, len(g.links))
	for name := range g.links {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		l := g.links[name]
		sv := l.src.G.vars[l.name]
		sym := vector.Symbol{Kind: vector.Array, Type: sv.Type, Slot: len(ctx.Arrays), ReadOnly: true}
		if l.index == nil {
			ctx.Arrays = append(ctx.Arrays, sv.Data[l.src.Start:l.src.Start+g.N])
		} else {
			ctx.Arrays = append(ctx.Arrays, sv.Data)
			sym.Kind, sym.Index = vector.IndexedArray, len(ctx.Indices)
			ctx.Indices = append(ctx.Indices, l.index)
		}
		g.linkSyms[name] = sym
	}
}
