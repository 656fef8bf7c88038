package engine

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
)

// ObjectState is the stored state of one object.
type ObjectState struct {
	Floats map[string][]float64
	Ints   map[string][]int64
}

// Snapshot is the state of a whole network at one time.
type Snapshot struct {
	T       float64
	Objects map[string]*ObjectState
}

// Stateful is an Object whose state can be stored and restored.
type Stateful interface {
	Object
	SaveState() *ObjectState
	LoadState(*ObjectState) error
}

func newState() *ObjectState {
	return &ObjectState{Floats: map[string][]float64{}, Ints: map[string][]int64{}}
}

func cloneF(x []float64) []float64 { return append([]float64{}, x...) }
func cloneI(x []int64) []int64     { return append([]int64{}, x...) }

// Store takes a snapshot of every object under name (and writes it to
// filename when that is not empty, atomically).
func (n *Network) Store(name, filename string) error {
	s := &Snapshot{T: n.T, Objects: map[string]*ObjectState{}}
	for _, o := range n.Objects {
		if st, ok := o.(Stateful); ok {
			s.Objects[o.Name()] = st.SaveState()
		}
	}
	if filename == "" {
		n.Stored[name] = s
		return nil
	}
	var all map[string]*Snapshot
	if data, err := os.ReadFile(filename); err == nil {
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&all); err != nil {
			return fmt.Errorf("store: %s exists but is not a stored state: %v", filename, err)
		}
	}
	if all == nil {
		all = map[string]*Snapshot{}
	}
	all[name] = s
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(all); err != nil {
		return err
	}
	return WriteFileAtomic(filename, buf.Bytes())
}

// Restore sets every object back to the snapshot called name (read from
// filename when that is not empty).
func (n *Network) Restore(name, filename string) error {
	_, clocks, err := n.ops()
	if err != nil {
		return err
	}
	if err := checkNotRunning(clocks, "restore"); err != nil {
		return err
	}
	var s *Snapshot
	if filename == "" {
		s = n.Stored[name]
		if s == nil {
			return fmt.Errorf("no state stored under the name '%s'", name)
		}
	} else {
		data, err := os.ReadFile(filename)
		if err != nil {
			return fmt.Errorf("restore: %v", err)
		}
		var all map[string]*Snapshot
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&all); err != nil {
			return fmt.Errorf("restore: %s is not a stored state: %v", filename, err)
		}
		if s = all[name]; s == nil {
			return fmt.Errorf("restore: %s holds no state called '%s'", filename, name)
		}
	}
	for _, o := range n.Objects {
		st, ok := o.(Stateful)
		if !ok {
			continue
		}
		os, ok := s.Objects[o.Name()]
		if !ok {
			return fmt.Errorf("the stored state '%s' has no state for '%s': the names of all objects have to be identical to the names when they were stored", name, o.Name())
		}
		if err := st.LoadState(os); err != nil {
			return fmt.Errorf("restoring '%s': %v", o.Name(), err)
		}
	}
	n.T = s.T
	for _, c := range clocks {
		c.Step = c.CalcTimestep(n.T)
	}
	return nil
}

// WriteFileAtomic writes data to a temporary file in the same directory
// and renames it over filename, so that a crash never leaves half a file.
func WriteFileAtomic(filename string, data []byte) error {
	dir := filepath.Dir(filename)
	f, err := os.CreateTemp(dir, "."+filepath.Base(filename)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, filename); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// SaveState implements Stateful.
func (g *NeuronGroup) SaveState() *ObjectState {
	s := newState()
	for name, v := range g.vars {
		s.Floats[name] = cloneF(v.Data)
	}
	return s
}

// LoadState implements Stateful: values are copied into the existing
// storage.
func (g *NeuronGroup) LoadState(s *ObjectState) error {
	for name, v := range g.vars {
		d, ok := s.Floats[name]
		if !ok || len(d) != len(v.Data) {
			return fmt.Errorf("the stored state does not match variable '%s'", name)
		}
		copy(v.Data, d)
	}
	for _, e := range g.events {
		e.idx = e.idx[:0]
	}
	return nil
}

// SaveState implements Stateful.
func (m *StateMonitor) SaveState() *ObjectState {
	s := newState()
	s.Floats["t"] = cloneF(m.T)
	for k, name := range m.Vars {
		s.Floats["var:"+name] = cloneF(m.Data[k])
	}
	return s
}

// LoadState implements Stateful.
func (m *StateMonitor) LoadState(s *ObjectState) error {
	m.T = cloneF(s.Floats["t"])
	for k, name := range m.Vars {
		m.Data[k] = cloneF(s.Floats["var:"+name])
	}
	return nil
}

// SaveState implements Stateful.
func (m *EventMonitor) SaveState() *ObjectState {
	s := newState()
	s.Floats["t"] = cloneF(m.T)
	is := make([]int64, len(m.I))
	for k, i := range m.I {
		is[k] = int64(i)
	}
	s.Ints["i"] = is
	s.Ints["count"] = cloneI(m.Count)
	s.Ints["total"] = []int64{m.Total}
	for k, name := range m.Vars {
		s.Floats["var:"+name] = cloneF(m.Data[k])
	}
	return s
}

// LoadState implements Stateful.
func (m *EventMonitor) LoadState(s *ObjectState) error {
	m.T = cloneF(s.Floats["t"])
	m.I = m.I[:0]
	for _, i := range s.Ints["i"] {
		m.I = append(m.I, int32(i))
	}
	if c := s.Ints["count"]; len(c) == len(m.Count) {
		copy(m.Count, c)
	}
	if t := s.Ints["total"]; len(t) == 1 {
		m.Total = t[0]
	}
	for k, name := range m.Vars {
		m.Data[k] = cloneF(s.Floats["var:"+name])
	}
	return nil
}

// SaveState implements Stateful.
func (m *PopulationRateMonitor) SaveState() *ObjectState {
	s := newState()
	s.Floats["t"] = cloneF(m.T)
	s.Floats["rate"] = cloneF(m.Rate)
	return s
}

// LoadState implements Stateful.
func (m *PopulationRateMonitor) LoadState(s *ObjectState) error {
	m.T = cloneF(s.Floats["t"])
	m.Rate = cloneF(s.Floats["rate"])
	return nil
}
