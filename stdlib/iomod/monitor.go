package iomod

import (
	"bufio"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/stdlib/brian2"
	"github.com/sim-lang/sim/units"
)

// saveMonitor is io.save_monitor(monitor, path): the recordings of a
// StateMonitor, SpikeMonitor/EventMonitor or PopulationRateMonitor as a
// table, in CSV (path ending in .csv, with a header row) or .npy (a 2-d
// float64 array, one column per CSV column), values in SI base units:
//
//	StateMonitor            t, v[0], v[1], ..., w[0], ... (one row per time step)
//	SpikeMonitor            i, t, then recorded variables (one row per spike)
//	PopulationRateMonitor   t, rate
func saveMonitor(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "save_monitor"
	var mon, pathV runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "monitor", &mon, "path", &pathV); err != nil {
		return runtime.Value{}, err
	}
	path, err := pathArg(fn, pathV)
	if err != nil {
		return runtime.Value{}, err
	}
	t, err := MonitorTable(mon)
	if err != nil {
		return runtime.Value{}, err
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		err = WriteCSVFile(path, t, ',', true, "")
	case ".npy":
		var a *array.Array
		if a, err = tableMatrix(t); err == nil {
			data := EncodeNpy(a)
			err = WriteAtomic(path, func(w *bufio.Writer) error {
				_, err := w.Write(data)
				return err
			})
		}
	default:
		return runtime.Value{}, runtime.Errorf("save_monitor(): unknown file type '%s' (use .csv or .npy)", filepath.Ext(path))
	}
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, nil
}

// MonitorTable returns a monitor's recordings as a table of columns in
// SI base units (see save_monitor for the layout).
func MonitorTable(mon runtime.Value) (*Table, error) {
	var names []string
	var cols []runtime.Value
	add := func(name string, data []float64) {
		names = append(names, name)
		cols = append(cols, array.Value(array.FromFloats(data)))
	}
	switch M := mon.Obj().(type) {
	case *brian2.StateMonitor:
		m := M.Engine()
		nr, nt := len(m.Record), len(m.T)
		add("t", append([]float64{}, m.T...))
		for k, v := range m.Vars {
			for row, idx := range m.Record {
				col := make([]float64, nt)
				for s := 0; s < nt; s++ {
					col[s] = m.Data[k][s*nr+row]
				}
				add(fmt.Sprintf("%s[%d]", v, idx), col)
			}
		}
	case *brian2.EventMonitor:
		m := M.Engine()
		is := make([]int64, len(m.I))
		for k, i := range m.I {
			is[k] = int64(i)
		}
		names = append(names, "i")
		cols = append(cols, array.Value(array.FromInts(is)))
		add("t", append([]float64{}, m.T...))
		for k, v := range m.Vars {
			add(v, append([]float64{}, m.Data[k]...))
		}
	case *brian2.RateMonitor:
		m := M.Engine()
		add("t", append([]float64{}, m.T...))
		add("rate", append([]float64{}, m.Rate...))
	default:
		return nil, runtime.Errorf("save_monitor() needs a StateMonitor, SpikeMonitor, EventMonitor or PopulationRateMonitor, not %s", runtime.TypeName(mon))
	}
	return NewTable(names, cols)
}

// tableMatrix returns a numeric table as a (rows, columns) float64 array.
func tableMatrix(t *Table) (*array.Array, error) {
	nc := len(t.Cols)
	out := make([]float64, t.Rows*nc)
	for k, col := range t.Cols {
		a, err := array.From(col)
		if err != nil {
			return nil, runtime.Errorf("column '%s' is not numeric: %v", t.Names[k], err)
		}
		for r, x := range a.AsType(array.Float).Float64s() {
			out[r*nc+k] = x
		}
	}
	return array.New([]int{t.Rows, nc}, out, units.Dim{}), nil
}
