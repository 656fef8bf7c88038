package engine

import (
	"fmt"
	"math"
)

// EpsilonDt is the tolerance, in units of dt, within which two times are
// considered equal (Brian2's Clock.epsilon_dt).
const EpsilonDt = 1e-4

// Clock holds a time step and an integer step counter; the time is always
// computed as Step*Dt, exactly as Brian2 does, so that it never drifts.
type Clock struct {
	// Name identifies the clock ("defaultclock", "clock_1", ...).
	Name string
	dt   float64
	// oldDt is the dt before the last change, checked at the next run.
	oldDt float64
	// Step is the current time step.
	Step int64
	// End is the first step not simulated by the current run.
	End int64
	// inRun is set while a run simulates with this clock.
	inRun bool
}

// checkNotRunning refuses what (a run, a restore) while one of clocks is
// driving a run in progress: a network operation calling run() or
// restore() from inside the simulation.
func checkNotRunning(clocks []*Clock, what string) error {
	for _, c := range clocks {
		if c.inRun {
			return fmt.Errorf("cannot %s while a run using the clock '%s' is in progress (called from a network operation?)", what, c.Name)
		}
	}
	return nil
}

// NewClock returns a clock at t = 0 with time step dt (seconds).
func NewClock(name string, dt float64) *Clock { return &Clock{Name: name, dt: dt} }

// Dt returns the time step in seconds.
func (c *Clock) Dt() float64 { return c.dt }

// SetDt changes the time step (seconds); it takes effect at the next run.
func (c *Clock) SetDt(dt float64) error {
	if !(dt > 0) || math.IsInf(dt, 0) {
		return fmt.Errorf("dt has to be positive, got %g s", dt)
	}
	if c.oldDt == 0 {
		c.oldDt = c.dt
	}
	c.dt = dt
	return nil
}

// T returns the current time in seconds, Step*Dt.
func (c *Clock) T() float64 { return float64(c.Step) * c.dt }

// CalcTimestep returns the step for time t: t/dt rounded when t is a
// multiple of dt up to EpsilonDt, otherwise rounded up (Brian2's
// Clock._calc_timestep), so that consecutive runs never repeat a step.
func (c *Clock) CalcTimestep(t float64) int64 {
	i := int64(math.Round(t / c.dt))
	nt := float64(i) * c.dt
	if nt == t || math.Abs(nt-t)/c.dt <= EpsilonDt {
		return i
	}
	return int64(math.Ceil(t / c.dt))
}

// SetT moves the clock to the step of time t (seconds).
func (c *Clock) SetT(t float64) error {
	if c.oldDt != 0 && c.oldDt != c.dt {
		// Brian2's check_dt: the current time has to be representable
		// with the new dt.
		steps := t / c.dt
		if math.Abs(steps-math.Round(steps)) > EpsilonDt {
			return fmt.Errorf("cannot set dt from %g s to %g s, the time %g s is not a multiple of %g s", c.oldDt, c.dt, t, c.dt)
		}
	}
	c.oldDt = 0
	c.Step = c.CalcTimestep(t)
	return nil
}

// SetInterval prepares the clock for a run from start to end (seconds).
func (c *Clock) SetInterval(start, end float64) error {
	if err := c.SetT(start); err != nil {
		return err
	}
	c.End = c.CalcTimestep(end)
	return nil
}

// SameTime reports whether two clocks are at the same time, within
// EpsilonDt of the smaller dt.
func (c *Clock) SameTime(o *Clock) bool {
	dt := math.Min(c.dt, o.dt)
	return math.Abs(c.T()-o.T())/dt < EpsilonDt
}

// Timestep is Brian2's timestep(t, dt) function: the integer number of
// steps of size dt in t, robust to rounding (int((t + 1e-3*dt)/dt)).
func Timestep(t, dt float64) int64 {
	return int64((t + 1e-3*dt) / dt)
}
