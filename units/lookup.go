package units

import (
	"math"
	"sort"
	"strings"
	"sync"
)

// lookupTables indexes unitDefs by long name and by symbol, and the
// prefixes by short form. Built once, on first use (a few dozen entries).
type lookupTables struct {
	long, short map[string]*unitDef
	prefix      map[string]int
}

var (
	tablesOnce sync.Once
	tables     lookupTables
)

func getTables() *lookupTables {
	tablesOnce.Do(func() {
		t := lookupTables{
			long:   make(map[string]*unitDef, 64),
			short:  make(map[string]*unitDef, 48),
			prefix: make(map[string]int, len(prefixes)),
		}
		for i := range unitDefs {
			u := &unitDefs[i]
			for _, n := range u.long {
				t.long[n] = u
			}
			for _, n := range u.short {
				t.short[n] = u
			}
		}
		for _, p := range prefixes {
			t.prefix[p.short] = p.exp
		}
		tables = t
	})
	return &tables
}

// Lookup returns the scale (in SI base units) and dimension of the unit
// called name. Accepted forms, as in Brian2: a long name with an optional
// short prefix ("volt", "mvolt", "nsiemens", "kgram"), a symbol with an
// optional short prefix ("V", "mV", "nS", "kHz", "mM"), a long name with a
// long prefix ("millivolt"), and a power suffix 2 or 3 on long names and on
// lengths ("metre2", "msecond3", "cm2", "um3").
func Lookup(name string) (scale float64, d Dim, ok bool) {
	u, exp, pow, ok := resolve(name)
	if !ok {
		return 0, Dim{}, false
	}
	d = u.dim
	if pow != 1 {
		d = d.Pow(R(pow, 1))
	}
	return math.Pow10(pow * (exp + u.exp10)), d, true
}

// resolve splits name into a unit, a prefix exponent and a power.
func resolve(name string) (u *unitDef, prefixExp, pow int, ok bool) {
	t := getTables()
	pow = 1
	base := name
	if n := len(name); n > 1 && (name[n-1] == '2' || name[n-1] == '3') {
		pow = int(name[n-1] - '0')
		base = name[:n-1]
	}
	var viaLong bool
	u, prefixExp, viaLong, ok = resolveBase(t, base)
	if !ok {
		return nil, 0, 0, false
	}
	if pow != 1 && !viaLong && !u.shortPowers {
		return nil, 0, 0, false
	}
	return u, prefixExp, pow, true
}

// resolveBase finds a unit name without power suffix; viaLong says the
// name was spelled with the unit's long name.
func resolveBase(t *lookupTables, s string) (u *unitDef, exp int, viaLong, ok bool) {
	if u, ok := t.long[s]; ok {
		return u, 0, true, true
	}
	if u, ok := t.short[s]; ok {
		return u, 0, false, true
	}
	// Short prefix (one letter, or "da") + long name or symbol.
	for _, plen := range [2]int{1, 2} {
		if len(s) <= plen {
			break
		}
		e, ok := t.prefix[s[:plen]]
		if !ok {
			continue
		}
		rest := s[plen:]
		if u, ok := t.long[rest]; ok {
			return u, e, true, true
		}
		if u, ok := t.short[rest]; ok && !u.noShortPrefix {
			return u, e, false, true
		}
	}
	// Long prefix + long name ("millivolt").
	for _, p := range prefixes {
		if len(s) > len(p.long) && strings.HasPrefix(s, p.long) {
			if u, ok := t.long[s[len(p.long):]]; ok {
				return u, p.exp, true, true
			}
		}
	}
	return nil, 0, false, false
}

var (
	namesOnce sync.Once
	allNames  []string
)

// Names returns the unit names that Brian2 scripts use, sorted: every long
// name with every short prefix and the powers 2 and 3, every symbol with
// every short prefix, and the powers of lengths ("cm2"). Long-prefix
// spellings ("millivolt") are accepted by Lookup but not listed.
func Names() []string {
	namesOnce.Do(func() {
		seen := make(map[string]bool, 4096)
		add := func(n string) {
			if !seen[n] {
				seen[n] = true
				allNames = append(allNames, n)
			}
		}
		pre := append([]string{""}, shortPrefixes()...)
		for _, u := range unitDefs {
			for _, l := range u.long {
				for _, p := range pre {
					add(p + l)
					add(p + l + "2")
					add(p + l + "3")
				}
			}
			for _, s := range u.short {
				if u.noShortPrefix {
					add(s)
					continue
				}
				for _, p := range pre {
					add(p + s)
					if u.shortPowers {
						add(p + s + "2")
						add(p + s + "3")
					}
				}
			}
		}
		sort.Strings(allNames)
	})
	return append([]string(nil), allNames...)
}

func shortPrefixes() []string {
	out := make([]string, len(prefixes))
	for i, p := range prefixes {
		out[i] = p.short
	}
	return out
}

// Suggest returns the unit name closest to name (for "did you mean"), or
// "" when none is close enough.
func Suggest(name string) string {
	maxD := 0
	if len(name) > 1 {
		maxD = (len(name) + 2) / 3
	}
	best, bestD, bestCS := "", maxD, 0
	lname := strings.ToLower(name)
	for _, c := range Names() {
		d := editDistance(lname, strings.ToLower(c))
		if d > bestD {
			continue
		}
		cs := editDistance(name, c)
		if d < bestD || best == "" || cs < bestCS || (cs == bestCS && len(c) < len(best)) {
			best, bestD, bestCS = c, d, cs
		}
	}
	if best == name {
		return ""
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
