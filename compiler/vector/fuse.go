package vector

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// pattern is the tree of a fused superinstruction (OpInfo.Pattern).
type pattern struct {
	op   Opcode
	leaf int // operand number for leaves, -1 otherwise
	kids []*pattern
	size int // number of operations
}

type fusion struct {
	op  Opcode
	pat *pattern
}

var (
	fusionsOnce sync.Once
	fusions     []fusion // largest first
)

func loadFusions() {
	byName := map[string]Opcode{}
	for op := Opcode(0); op < NumKernelOps; op++ {
		byName[OpTable[op].Name] = op
	}
	for op := Opcode(0); op < NumKernelOps; op++ {
		if p := OpTable[op].Pattern; p != "" {
			pat, rest := parsePattern(p, byName)
			if pat != nil && rest == "" {
				fusions = append(fusions, fusion{op, pat})
			}
		}
	}
	sort.SliceStable(fusions, func(i, j int) bool { return fusions[i].pat.size > fusions[j].pat.size })
}

// parsePattern parses "name(arg,...)" or "$k".
func parsePattern(s string, byName map[string]Opcode) (*pattern, string) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "$") {
		j := 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		k, err := strconv.Atoi(s[1:j])
		if err != nil || k >= MaxArgs {
			return nil, s
		}
		return &pattern{leaf: k}, s[j:]
	}
	i := strings.IndexByte(s, '(')
	if i < 0 {
		return nil, s
	}
	op, ok := byName[s[:i]]
	if !ok {
		return nil, s
	}
	p := &pattern{op: op, leaf: -1, size: 1}
	s = s[i+1:]
	for {
		kid, rest := parsePattern(s, byName)
		if kid == nil {
			return nil, rest
		}
		p.kids = append(p.kids, kid)
		p.size += kid.size
		rest = strings.TrimSpace(rest)
		if strings.HasPrefix(rest, ",") {
			s = rest[1:]
			continue
		}
		if strings.HasPrefix(rest, ")") {
			return p, rest[1:]
		}
		return nil, rest
	}
}

// fuse rewrites single-use chains of varying operations into fused
// superinstructions, consumers first so that each takes the largest
// pattern it can.
func (b *builder) fuse(live []bool) {
	fusionsOnce.Do(loadFusions)
	for id := int32(len(live)) - 1; id >= 0; id-- {
		nd := &b.nodes[id]
		if !live[id] || nd.dead || nd.uniform || nd.op >= NumKernelOps {
			continue
		}
		if b.fuseLinear(id) {
			continue
		}
		for _, f := range fusions {
			var leaves [MaxArgs]int32
			pads := 0
			var inner []int32
			if b.match(f.pat, id, true, &leaves, &inner, padsFor(f.op, &pads)) {
				for _, in := range inner {
					b.nodes[in].dead = true
				}
				nd = &b.nodes[id] // match may have appended constants
				nd.op = f.op
				nd.n = uint8(OpTable[f.op].Arity)
				nd.args = leaves
				break
			}
		}
	}
}

// padsFor returns the identity-padding budget of a fusion: wide
// patterns may see x as x-0, x*1 or x+(-0) up to twice (exactly the same
// value), so one pattern covers models where a reversal potential is 0.
func padsFor(op Opcode, pads *int) *int {
	if OpTable[op].Wide != nil {
		*pads = 2
	} else {
		*pads = 0
	}
	return pads
}

func (b *builder) match(p *pattern, id int32, root bool, leaves *[MaxArgs]int32, inner *[]int32, pads *int) bool {
	if p.leaf >= 0 {
		leaves[p.leaf] = id
		return true
	}
	nd := &b.nodes[id]
	if nd.op != p.op || nd.dead || int(nd.n) != len(p.kids) {
		if root || *pads <= 0 || len(p.kids) != 2 || p.kids[1].leaf < 0 {
			return false
		}
		var pad float64
		switch p.op {
		case OpSub:
			pad = 0
		case OpAdd:
			pad = math.Copysign(0, -1)
		case OpMul:
			pad = 1
		default:
			return false
		}
		save := *pads
		*pads--
		if !b.match(p.kids[0], id, false, leaves, inner, pads) {
			*pads = save
			return false
		}
		leaves[p.kids[1].leaf] = b.constant(pad)
		return true
	}
	if !root {
		if nd.uniform || nd.uses != 1 {
			return false
		}
	}
	save, savePads := len(*inner), *pads
	if !root {
		*inner = append(*inner, id)
	}
	ok := true
	for j, k := range p.kids {
		if !b.match(k, nd.args[j], false, leaves, inner, pads) {
			ok = false
			break
		}
	}
	if !ok && OpTable[p.op].Commutative && len(p.kids) == 2 {
		*inner = (*inner)[:save]
		*pads = savePads
		if !root {
			*inner = append(*inner, id)
		}
		ok = b.match(p.kids[0], nd.args[1], false, leaves, inner, pads) &&
			b.match(p.kids[1], nd.args[0], false, leaves, inner, pads)
	}
	if !ok {
		*inner = (*inner)[:save]
		*pads = savePads
	}
	return ok
}
