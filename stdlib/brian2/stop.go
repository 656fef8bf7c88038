package brian2

import "github.com/sim-lang/sim/runtime"

var _ = def("stop", stopRun)

// stopRun is Brian2's stop(): from a network operation, end the run in
// progress after the current time step (the network's time is then that
// of the next step). Outside a run it does nothing, as in Brian2.
func stopRun(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("stop", args, kwargs); err != nil {
		return runtime.Value{}, err
	}
	if net := stateOf(th).running; net != nil {
		net.Stop()
	}
	return runtime.None, nil
}
