package brian2

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/stdlib/unitsmod"
)

// Log levels, as Python's logging numbers them.
const (
	levelDiagnostic = 5
	levelDebug      = 10
	levelInfo       = 20
	levelWarning    = 30
	levelError      = 40
	levelCritical   = 50
)

var levelByName = map[string]int{"DIAGNOSTIC": levelDiagnostic, "DEBUG": levelDebug, "INFO": levelInfo,
	"WARNING": levelWarning, "ERROR": levelError, "CRITICAL": levelCritical}

// knownMessages gives the Brian2 logger name of the lines sim prints, so
// that suppress_name/suppress_hierarchy hide them as in Brian2.
var knownMessages = []struct{ contains, logger string }{
	{"No numerical integration method specified", "brian2.stateupdaters.base.method_choice"},
	{"SpikeGeneratorGroup", "brian2.input.spikegeneratorgroup.spikes_before_start"},
}

func (st *compatState) setLogLevel(l int) {
	st.mu.Lock()
	st.logLevel = l
	st.mu.Unlock()
}

// shows reports whether a message of level from logger name is shown.
func (st *compatState) shows(level int, name string) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	if level < st.logLevel {
		return false
	}
	for s := range st.suppressed {
		if name == s || strings.HasSuffix(name, "."+s) {
			return false
		}
	}
	for _, h := range st.hierarchies {
		if name == h || strings.HasPrefix(name, h+".") {
			return false
		}
	}
	return true
}

// logFilter is the writer sim's INFO/WARNING lines go through: it
// drops the lines BrianLogger's level and suppressions hide.
type logFilter struct {
	st *compatState
	w  io.Writer
}

// logWriter returns th's log writer (its stderr, filtered).
func logWriter(th *runtime.Thread) io.Writer {
	w := th.Stderr
	if w == nil {
		w = os.Stderr
	}
	return &logFilter{st: compatOf(th), w: w}
}

// Write implements io.Writer: each line starting with a level name is
// passed on only if shown.
func (f *logFilter) Write(p []byte) (int, error) {
	var out bytes.Buffer
	for _, line := range bytes.SplitAfter(p, []byte("\n")) {
		fields := strings.Fields(string(line))
		if len(fields) > 0 {
			if lvl, ok := levelByName[fields[0]]; ok {
				name := "brian2"
				for _, m := range knownMessages {
					if bytes.Contains(line, []byte(m.contains)) {
						name = m.logger
					}
				}
				if !f.st.shows(lvl, name) {
					continue
				}
			}
		}
		out.Write(line)
	}
	if _, err := f.w.Write(out.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}

func init() {
	l := runtime.MakeObj(loggerProxy{})
	runtime.Predeclare("BrianLogger", l)
	unitsmod.AddBrian2Member("BrianLogger", l)
}

// loggerProxy is the predeclared BrianLogger class with its static
// methods, acting on the calling interpreter's log settings.
type loggerProxy struct{}

// Type implements runtime.Object.
func (loggerProxy) Type() string { return "type" }

// String implements runtime.Object.
func (loggerProxy) String() string { return "<class 'brian2.utils.logger.BrianLogger'>" }

// Truth implements runtime.Object.
func (loggerProxy) Truth() (bool, error) { return true, nil }

var loggerLevels = map[string]int{"log_level_diagnostic": levelDiagnostic, "log_level_debug": levelDebug,
	"log_level_info": levelInfo, "log_level_warn": levelWarning, "log_level_error": levelError}

// AttrNames implements runtime.HasAttrs.
func (loggerProxy) AttrNames() []string {
	return []string{"log_level_diagnostic", "log_level_debug", "log_level_info", "log_level_warn", "log_level_error", "suppress_name", "suppress_hierarchy"}
}

// Attr implements runtime.HasAttrs.
func (loggerProxy) Attr(name string) (runtime.Value, error) {
	if lvl, ok := loggerLevels[name]; ok {
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.UnpackArgs(name, args, kwargs); err != nil {
				return runtime.Value{}, err
			}
			compatOf(th).setLogLevel(lvl)
			return runtime.None, nil
		}), nil
	}
	switch name {
	case "suppress_name", "suppress_hierarchy":
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			var n string
			var filterFile runtime.Value
			if err := runtime.UnpackArgs(name, args, kwargs, "name", &n, "filter_log_file?", &filterFile); err != nil {
				return runtime.Value{}, err
			}
			st := compatOf(th)
			st.mu.Lock()
			if name == "suppress_name" {
				st.suppressed[n] = true
			} else {
				st.hierarchies = append(st.hierarchies, n)
			}
			st.mu.Unlock()
			return runtime.None, nil
		}), nil
	}
	return runtime.Value{}, nil
}

var _ = def("get_logger", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	name := "brian2"
	if err := runtime.UnpackArgs("get_logger", args, kwargs, "module_name?", &name); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(&brianLogger{name: name}), nil
})

// brianLogger is what get_logger returns: debug/info/warn/error print
// "LEVEL      message [name]" to stderr when the level and
// suppressions let them through.
type brianLogger struct{ name string }

// Type implements runtime.Object.
func (l *brianLogger) Type() string { return "BrianLogger" }

// String implements runtime.Object.
func (l *brianLogger) String() string { return "<BrianLogger '" + l.name + "'>" }

// Truth implements runtime.Object.
func (l *brianLogger) Truth() (bool, error) { return true, nil }

var loggerMethods = map[string]int{"debug": levelDebug, "info": levelInfo, "warn": levelWarning, "error": levelError}

var levelNames = map[int]string{levelDebug: "DEBUG", levelInfo: "INFO", levelWarning: "WARNING", levelError: "ERROR"}

// AttrNames implements runtime.HasAttrs.
func (l *brianLogger) AttrNames() []string { return []string{"debug", "info", "warn", "error", "name"} }

// Attr implements runtime.HasAttrs.
func (l *brianLogger) Attr(name string) (runtime.Value, error) {
	if name == "name" {
		return runtime.MakeStr(l.name), nil
	}
	lvl, ok := loggerMethods[name]
	if !ok {
		return runtime.Value{}, nil
	}
	return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var msg runtime.Value
		var suffix string
		once := false
		if err := runtime.UnpackArgs(name, args, kwargs, "msg", &msg, "name_suffix?", &suffix, "once?", &once); err != nil {
			return runtime.Value{}, err
		}
		full := l.name
		if suffix != "" {
			full += "." + suffix
		}
		st := compatOf(th)
		text := runtime.Str(msg)
		if once {
			st.mu.Lock()
			seen := st.onceSeen[full+"\x00"+text]
			st.onceSeen[full+"\x00"+text] = true
			st.mu.Unlock()
			if seen {
				return runtime.None, nil
			}
		}
		if st.shows(lvl, full) {
			w := th.Stderr
			if w == nil {
				w = os.Stderr
			}
			fmt.Fprintf(w, "%-10s %s [%s]\n", levelNames[lvl], text, full)
		}
		return runtime.None, nil
	}), nil
}
