package suggest

import "testing"

// TestClosest checks which near names are offered: typos, swaps and case
// changes are; names that merely share a letter or two are not.
func TestClosest(t *testing.T) {
	cands := []string{"tau_m", "TA", "MA", "mode", "print", "mV", "linspace", "len"}
	for _, c := range []struct{ name, want string }{
		{"taum", "tau_m"},
		{"mdoe", "mode"},
		{"pritn", "print"},
		{"Print", "print"},
		{"lnspace", "linspace"},
		{"math", ""},
		{"x", ""},
		{"lenn", "len"},
		{"mv", "mV"},
	} {
		want := c.want
		if got := Closest(c.name, cands); got != want {
			t.Errorf("Closest(%q) = %q, want %q", c.name, got, want)
		}
	}
}
