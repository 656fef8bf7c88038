package model

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sim-lang/sim/lang"
)

// dependency is an equation another one depends on, directly (via
// empty) or through the subexpressions or state variables in via.
type dependency struct {
	v   *Variable
	via []string
}

// CheckEventDriven checks synaptic equations as Brian2 does when it
// builds a Synapses object: clock-driven equations and summed variables
// must not depend on event-driven state variables, and event-driven
// equations not on clock-driven ones, directly or through other
// equations. The error points at the offending equation and names both
// variables and the path between them.
func (e *Equations) CheckEventDriven() error {
	deps := e.dependencies()
	for _, name := range e.dependencyOrder() {
		v := e.byName[name]
		var kind, otherKind string
		var bad func(d *Variable) bool
		switch {
		case v.HasFlag("summed"):
			kind, otherKind = "summed", "event-driven"
			bad = func(d *Variable) bool { return d.Kind == StateVar && d.HasFlag("event-driven") }
		case v.Kind != StateVar:
			continue
		case v.HasFlag("event-driven"):
			kind, otherKind = "event-driven", "clock-driven"
			bad = func(d *Variable) bool { return d.Kind == StateVar && !d.HasFlag("event-driven") }
		default:
			kind, otherKind = "clock-driven", "event-driven"
			bad = func(d *Variable) bool { return d.Kind == StateVar && d.HasFlag("event-driven") }
		}
		for _, d := range deps[name] {
			if !bad(d.v) {
				continue
			}
			via := ""
			if len(d.via) > 0 {
				via = " (via '" + strings.Join(d.via, "', '") + "')"
			}
			return lang.Errorf(lang.EqFile, e.Src, lang.Pos{Line: int32(v.Line), Col: 1},
				"the %s '%s' should not depend on the %s variable '%s'%s", kind, v.Name, otherKind, d.v.Name, via)
		}
	}
	return nil
}

// uses returns the names of e's equations that v's right-hand side
// refers to, in definition order.
func (e *Equations) usedBy(v *Variable) []string {
	if v.Expr == nil {
		return nil
	}
	set := map[string]bool{}
	for _, n := range identNames(v.Expr) {
		set[n] = true
	}
	var out []string
	for _, w := range e.Vars {
		if set[w.Name] {
			out = append(out, w.Name)
		}
	}
	return out
}

// dependencyOrder sorts the subexpressions and state variables so that
// each comes after what its right-hand side uses (a state variable's
// value depends on nothing), as Brian2's Equations.dependencies does:
// Kahn's algorithm over the nodes in the order they are first named.
func (e *Equations) dependencyOrder() []string {
	type node struct {
		name  string
		preds int
		succ  []string
	}
	nodes := map[string]*node{}
	var order []string
	get := func(n string) *node {
		if x, ok := nodes[n]; ok {
			return x
		}
		x := &node{name: n}
		nodes[n] = x
		order = append(order, n)
		return x
	}
	for _, v := range e.Vars {
		key := v.Name
		switch v.Kind {
		case StateVar:
			get(v.Name)
			key = v.Name + "'"
		case Parameter:
			continue
		}
		me := get(key)
		for _, d := range e.usedBy(v) {
			if e.byName[d].Kind == Parameter {
				continue
			}
			p := get(d)
			p.succ = append(p.succ, key)
			me.preds++
		}
	}
	var ready, out []string
	for _, n := range order {
		if nodes[n].preds == 0 {
			ready = append(ready, n)
		}
	}
	for len(ready) > 0 {
		var next []string
		for _, n := range ready {
			out = append(out, n)
			for _, s := range nodes[n].succ {
				if nodes[s].preds--; nodes[s].preds == 0 {
					next = append(next, s)
				}
			}
		}
		ready = next
	}
	// state variables stand for their right-hand sides from here on
	var sorted []string
	for _, n := range out {
		if v, ok := e.byName[n]; ok && v.Kind == StateVar {
			continue
		}
		sorted = append(sorted, strings.TrimSuffix(n, "'"))
	}
	return sorted
}

// dependencies returns, for each subexpression and state variable, the
// equations its right-hand side depends on: directly, then through the
// equations it uses (each equation listed once, with the path by which
// it was first reached).
func (e *Equations) dependencies() map[string][]dependency {
	deps := map[string][]dependency{}
	for _, name := range e.dependencyOrder() {
		direct := e.usedBy(e.byName[name])
		list := make([]dependency, 0, len(direct))
		seen := map[string]bool{}
		for _, d := range direct {
			list = append(list, dependency{v: e.byName[d]})
			seen[d] = true
		}
		for _, d := range direct {
			for _, ind := range deps[d] {
				if ind.v.Name == d || seen[ind.v.Name] {
					continue
				}
				seen[ind.v.Name] = true
				list = append(list, dependency{v: ind.v, via: append([]string{d}, ind.via...)})
			}
		}
		deps[name] = list
	}
	return deps
}

// describeDeps formats dependencies for tests and debugging.
func describeDeps(ds []dependency) string {
	parts := make([]string, len(ds))
	for k, d := range ds {
		parts[k] = d.v.Name
		if len(d.via) > 0 {
			parts[k] += fmt.Sprintf("(via %s)", strings.Join(d.via, ","))
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}
