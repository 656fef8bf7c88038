// Package suggest picks the near name offered in "did you mean" hints,
// for script names, keyword arguments, attributes and model variables.
package suggest

// Closest returns the candidate closest to name, or "" when none is
// close. As in CPython's suggestions, a change of case costs half an edit
// and a candidate counts as close only within about a third of the two
// names' combined length, so `math` does not suggest the unit `MA`, while
// `taum` suggests `tau_m` and `mdoe` suggests `mode`.
func Closest(name string, candidates []string) string {
	best, bestD := "", 0
	for _, c := range candidates {
		if c == name {
			continue
		}
		d := editDistance(name, c)
		if d > (len(name)+len(c)+3)*2/6 {
			continue
		}
		if best == "" || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the edit distance in half edits: inserting, deleting
// or replacing a character, or swapping two adjacent ones, costs 2;
// changing only a character's case costs 1.
func editDistance(a, b string) int {
	rows := [3][]int{make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)}
	prev2, prev, cur := rows[0], rows[1], rows[2]
	for j := range prev {
		prev[j] = 2 * j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = 2 * i
		for j := 1; j <= len(b); j++ {
			cost := 2
			switch {
			case a[i-1] == b[j-1]:
				cost = 0
			case toLowerASCII(a[i-1]) == toLowerASCII(b[j-1]):
				cost = 1
			}
			cur[j] = min(prev[j]+2, cur[j-1]+2, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+2)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func toLowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
