// Package timemod is the `time` module: wall-clock and monotonic timers
// for scripts that measure their own work (time.perf_counter(),
// time.time(), time.sleep()).
package timemod

import (
	"time"

	"github.com/sim-lang/sim/runtime"
)

// start anchors perf_counter so its values stay small and precise.
var start = time.Now()

func init() {
	runtime.RegisterModule([]string{"time"}, build)
}

func build() *runtime.Module {
	return &runtime.Module{Name: "time", Members: map[string]runtime.Value{
		"time":         runtime.NewBuiltin("time", timeNow),
		"perf_counter": runtime.NewBuiltin("perf_counter", perfCounter),
		"monotonic":    runtime.NewBuiltin("monotonic", perfCounter),
		"sleep":        runtime.NewBuiltin("sleep", sleep),
	}}
}

// timeNow returns seconds since the Unix epoch as a float.
func timeNow(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("time", args, kwargs); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeFloat(float64(time.Now().UnixNano()) / 1e9), nil
}

// perfCounter returns a monotonic clock in seconds as a float.
func perfCounter(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("perf_counter", args, kwargs); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeFloat(time.Since(start).Seconds()), nil
}

// sleep pauses for the given seconds (a number or a time quantity); it
// returns early, with an error, when the script is cancelled.
func sleep(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var secs runtime.Value
	if err := runtime.UnpackArgs("sleep", args, kwargs, "secs", &secs); err != nil {
		return runtime.Value{}, err
	}
	s, ok := secs.ToFloat()
	if q, isQ := secs.Obj().(runtime.Quantity); isQ {
		if q.D != runtime.SecondDim {
			return runtime.Value{}, runtime.Errorf("sleep() argument must be a time, got %s", q)
		}
		s, ok = q.V, true
	}
	if !ok || s < 0 {
		return runtime.Value{}, runtime.Errorf("sleep() argument must be a non-negative number of seconds, got %s", runtime.Repr(secs))
	}
	select {
	case <-time.After(time.Duration(s * float64(time.Second))):
		return runtime.None, nil
	case <-th.Ctx.Done():
		return runtime.Value{}, th.Ctx.Err()
	}
}
