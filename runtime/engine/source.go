package engine

import "fmt"

// Source is a group or a contiguous subgroup of it (G[10:20]): the
// elements Start..Stop-1 of G.
type Source struct {
	G           *NeuronGroup
	Start, Stop int
}

// Whole returns the source covering all of g.
func Whole(g *NeuronGroup) Source { return Source{G: g, Start: 0, Stop: g.N} }

// Len returns the number of elements.
func (s Source) Len() int { return s.Stop - s.Start }

// Sub returns the elements lo..hi-1 of s (relative to s) as a source.
func (s Source) Sub(lo, hi int) (Source, error) {
	if lo < 0 || hi > s.Len() || lo > hi {
		return Source{}, fmt.Errorf("subgroup %d:%d out of range for %d neurons", lo, hi, s.Len())
	}
	if lo == hi {
		return Source{}, fmt.Errorf("subgroups cannot be empty (%d:%d)", lo, hi)
	}
	return Source{G: s.G, Start: s.Start + lo, Stop: s.Start + hi}, nil
}

// Indices returns the absolute element indices of s.
func (s Source) Indices() []int32 {
	idx := make([]int32, s.Len())
	for k := range idx {
		idx[k] = int32(s.Start + k)
	}
	return idx
}

// Name names the source in messages.
func (s Source) Name() string {
	if s.Start == 0 && s.Stop == s.G.N {
		return s.G.name
	}
	return fmt.Sprintf("%s[%d:%d]", s.G.name, s.Start, s.Stop)
}
