package brian2

import (
	"sync"

	"github.com/sim-lang/sim/runtime"
)

// compatState is one interpreter's state of Brian2's global settings
// that sim accepts for compatibility: preferences, the device and the
// logger's filter.
type compatState struct {
	mu          sync.Mutex
	prefs       map[string]runtime.Value
	device      string
	buildOnRun  bool
	deviceKw    []runtime.Kwarg
	logLevel    int
	suppressed  map[string]bool // logger names (suffixes) hidden by suppress_name
	hierarchies []string        // logger name prefixes hidden by suppress_hierarchy
	onceSeen    map[string]bool
}

const compatKey = "brian2.compat"

var (
	compatMu      sync.Mutex
	compatCurrent *compatState
)

// compatOf returns th's compat state (created with Brian2's defaults);
// with a nil thread, the state used most recently.
func compatOf(th *runtime.Thread) *compatState {
	compatMu.Lock()
	defer compatMu.Unlock()
	if th == nil {
		if compatCurrent == nil {
			compatCurrent = newCompatState()
		}
		return compatCurrent
	}
	if s, ok := th.Local(compatKey).(*compatState); ok {
		compatCurrent = s
		return s
	}
	s := newCompatState()
	th.SetLocal(compatKey, s)
	compatCurrent = s
	return s
}

func newCompatState() *compatState {
	return &compatState{
		prefs:      defaultPrefs(),
		device:     "runtime",
		buildOnRun: true,
		logLevel:   levelInfo,
		suppressed: map[string]bool{},
		onceSeen:   map[string]bool{},
	}
}
