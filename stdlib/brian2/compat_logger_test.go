package brian2

import (
	"bytes"
	"testing"
)

// TestLogFilter checks that the level and suppressions hide sim's
// INFO/WARNING lines and leave other output alone.
func TestLogFilter(t *testing.T) {
	method := "INFO       No numerical integration method specified for group 'g', using method 'exact'.\n"
	spikes := "WARNING    The SpikeGeneratorGroup 'sg' contains spike times earlier than the start time\n"
	for _, c := range []struct {
		name  string
		setup func(st *compatState)
		want  string
	}{
		{"default", func(*compatState) {}, method + spikes + "plain\n"},
		{"warn", func(st *compatState) { st.setLogLevel(levelWarning) }, spikes + "plain\n"},
		{"error", func(st *compatState) { st.setLogLevel(levelError) }, "plain\n"},
		{"name", func(st *compatState) { st.suppressed["method_choice"] = true }, spikes + "plain\n"},
		{"hierarchy", func(st *compatState) { st.hierarchies = append(st.hierarchies, "brian2.input") }, method + "plain\n"},
	} {
		st := newCompatState()
		c.setup(st)
		var buf bytes.Buffer
		f := &logFilter{st: st, w: &buf}
		for _, s := range []string{method, spikes, "plain\n"} {
			if n, err := f.Write([]byte(s)); err != nil || n != len(s) {
				t.Fatalf("%s: Write = %d, %v", c.name, n, err)
			}
		}
		if buf.String() != c.want {
			t.Errorf("%s: got %q, want %q", c.name, buf.String(), c.want)
		}
	}
}
