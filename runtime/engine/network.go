package engine

import (
	"context"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/units"
)

// Object is something a network simulates: a group or a monitor.
type Object interface {
	// Name is unique within a network.
	Name() string
	// Prepare compiles the object's code for a run.
	Prepare(rc *RunContext) error
	// Ops returns the object's scheduled operations.
	Ops() []*Op
}

// Network is a set of objects simulated together. Its time T carries
// over from one run to the next.
type Network struct {
	Name    string
	Objects []Object
	// T is the network's time in seconds.
	T float64
	// Stored holds the snapshots taken by Store, by name.
	Stored map[string]*Snapshot
	// stopping is set by Stop during a run: the run ends after the
	// current time step.
	stopping bool
}

// Stop ends the current run after the time step in progress (Brian2's
// Network.stop(), for network operations); the network's time is then
// that of the next step. It does nothing outside a run.
func (n *Network) Stop() { n.stopping = true }

// NewNetwork returns a network of objs.
func NewNetwork(name string, objs ...Object) (*Network, error) {
	n := &Network{Name: name, Stored: map[string]*Snapshot{}}
	return n, n.Add(objs...)
}

// Add adds objects (once each; names must be unique).
func (n *Network) Add(objs ...Object) error {
	for _, o := range objs {
		dup := false
		for _, x := range n.Objects {
			if x == o {
				dup = true
				break
			}
			if x.Name() == o.Name() {
				return fmt.Errorf("the network already contains an object called '%s'", o.Name())
			}
		}
		if !dup {
			n.Objects = append(n.Objects, o)
		}
	}
	return nil
}

// Remove removes an object.
func (n *Network) Remove(o Object) {
	for k, x := range n.Objects {
		if x == o {
			n.Objects = append(n.Objects[:k], n.Objects[k+1:]...)
			return
		}
	}
}

// RunOptions configure one run.
type RunOptions struct {
	// Namespace resolves external names in model code.
	Namespace model.Namespace
	// Info receives notes such as the chosen integration method.
	Info io.Writer
	// Report, when set, receives a progress report with an estimate of
	// the remaining time every ReportPeriod of wall time.
	Report       io.Writer
	ReportPeriod time.Duration
	// Ctx cancels the run (checked every few steps).
	Ctx context.Context
}

// ops collects and sorts every operation of the network.
func (n *Network) ops() ([]*Op, []*Clock, error) {
	var ops []*Op
	seen := map[string]bool{}
	for _, o := range n.Objects {
		for _, op := range o.Ops() {
			if seen[op.Name] {
				return nil, nil, fmt.Errorf("two operations are called '%s'; give the objects different names", op.Name)
			}
			seen[op.Name] = true
			ops = append(ops, op)
		}
	}
	if err := sortOps(ops); err != nil {
		return nil, nil, err
	}
	var clocks []*Clock
	for _, op := range ops {
		found := false
		for _, c := range clocks {
			if c == op.Clock {
				found = true
				break
			}
		}
		if !found {
			clocks = append(clocks, op.Clock)
		}
	}
	return ops, clocks, nil
}

// nextClocks returns the clock with the smallest time and every clock at
// the same time.
func nextClocks(clocks []*Clock, cur []*Clock) (*Clock, []*Clock) {
	min := clocks[0]
	for _, c := range clocks[1:] {
		if c.T() < min.T() && !c.SameTime(min) {
			min = c
		}
	}
	cur = cur[:0]
	for _, c := range clocks {
		if c == min || c.SameTime(min) {
			cur = append(cur, c)
		}
	}
	return min, cur
}

// Run simulates the network for duration seconds, continuing from T.
func (n *Network) Run(duration float64, opts RunOptions) error {
	if math.IsNaN(duration) || duration < 0 {
		return fmt.Errorf("the duration of a run has to be non-negative, got %s", units.Format(duration, secondDim))
	}
	ops, clocks, err := n.ops()
	if err != nil {
		return err
	}
	if err := checkNotRunning(clocks, "run"); err != nil {
		return err
	}
	tStart, tEnd := n.T, n.T+duration
	for _, c := range clocks {
		if err := c.SetInterval(tStart, tEnd); err != nil {
			return err
		}
	}
	if err := checkSummed(n.Objects); err != nil {
		return err
	}
	rc := &RunContext{Namespace: opts.Namespace, Info: opts.Info}
	for _, o := range n.Objects {
		if err := o.Prepare(rc); err != nil {
			return err
		}
	}
	trackRefractory(n.Objects)
	if len(ops) == 0 {
		n.T = tEnd
		return nil
	}
	ctx := opts.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	// a network operation could call run() again: the clocks of this run
	// are busy until it returns
	for _, c := range clocks {
		c.inRun = true
	}
	defer func() {
		for _, c := range clocks {
			c.inRun = false
		}
	}()
	rep := newReporter(opts.Report, opts.ReportPeriod, tStart, duration)
	clock, cur := nextClocks(clocks, nil)
	steps := 0
	n.stopping = false
	for clock.Step < clock.End {
		n.T = clock.T()
		rep.maybe(n.T)
		for _, op := range ops {
			if op.Active && (len(clocks) == 1 || inClocks(op.Clock, cur)) {
				if err := op.Run(); err != nil {
					return err
				}
			}
		}
		for _, c := range cur {
			c.Step++
		}
		clock, cur = nextClocks(clocks, cur)
		steps++
		if n.stopping {
			n.stopping = false
			n.T = clock.T()
			for _, c := range clocks {
				c.End = c.Step // the next run starts from here
			}
			rep.done()
			return nil
		}
		if steps&63 == 0 {
			if err := ctx.Err(); err != nil {
				n.T = clock.T()
				return fmt.Errorf("run interrupted at t = %s: %w", units.Format(n.T, secondDim), err)
			}
		}
	}
	n.T = tEnd
	rep.done()
	return nil
}

func inClocks(c *Clock, cs []*Clock) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// reporter prints Brian2's text progress report.
type reporter struct {
	w              io.Writer
	period         time.Duration
	start          time.Time
	next           time.Time
	tStart, length float64
}

func newReporter(w io.Writer, period time.Duration, tStart, length float64) *reporter {
	if w == nil {
		return nil
	}
	if period <= 0 {
		period = 10 * time.Second
	}
	r := &reporter{w: w, period: period, start: time.Now(), tStart: tStart, length: length}
	r.next = r.start.Add(period)
	fmt.Fprintf(w, "Starting simulation at t=%s for a duration of %s\n", units.Format(tStart, secondDim), units.Format(length, secondDim))
	return r
}

func (r *reporter) maybe(t float64) {
	if r == nil {
		return
	}
	now := time.Now()
	if now.Before(r.next) || r.length == 0 {
		return
	}
	r.next = now.Add(r.period)
	r.line((t-r.tStart)/r.length, now.Sub(r.start))
}

func (r *reporter) line(done float64, elapsed time.Duration) {
	msg := fmt.Sprintf("%s (%d%%) simulated in %s", units.Format(done*r.length, secondDim), int(done*100), FormatDuration(elapsed.Seconds()))
	if done < 1 && done > 0 {
		remaining := math.Round((1 - done) / done * elapsed.Seconds())
		msg += fmt.Sprintf(", estimated %s remaining.", FormatDuration(remaining))
	}
	fmt.Fprintln(r.w, msg)
}

// FormatDuration writes a wall-clock time as Brian2's reports do:
// "3h 25m 45s", "2m 3s", "12s", "< 1s".
func FormatDuration(s float64) string {
	divisors := []float64{24 * 60 * 60, 60 * 60, 60, 1}
	letters := []string{"d", "h", "m", "s"}
	text := ""
	for k, d := range divisors {
		n := math.Floor(s / d)
		s -= n * d
		if n > 0 || text != "" {
			if text != "" {
				text += " "
			}
			text += fmt.Sprintf("%d%s", int64(n), letters[k])
		}
	}
	if text == "" {
		return "< 1s"
	}
	return text
}

func (r *reporter) done() {
	if r == nil {
		return
	}
	r.line(1, time.Since(r.start))
}
