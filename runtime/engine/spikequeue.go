package engine

import "fmt"

// spikeQueue delivers the synapses of spiking neurons after their delays,
// as Brian2's SpikeQueue does: delays are rounded to whole time steps
// (int(delay/dt + 0.5)), a ring of buckets holds the synapses due at each
// future step, and a CSR index lists each source neuron's synapses in
// ascending order. Pushing the spikes of a step and then peeking at the
// current bucket makes a zero delay act in the same step.
type spikeQueue struct {
	buckets [][]int32
	offset  int
	dt      float64

	// scalar: every synapse has the delay homog (in steps); otherwise
	// steps holds one delay per synapse.
	scalar bool
	homog  int
	steps  []int32

	// start..stop are the absolute indices of the source neurons; the
	// synapses of source neuron n (relative) are syn[ptr[n]:ptr[n+1]].
	start, stop int
	ptr         []int32
	syn         []int32
	// built identifies the sources the index was built from.
	built csrKey
}

// csrKey identifies a list of synapse sources: its storage, length,
// source range and a checksum of its contents.
type csrKey struct {
	n, start, stop int
	sum            uint64
	first          *int32
}

// checksum is a position-dependent sum of xs (one sequential pass, much
// cheaper than building the index).
func checksum(xs []int32) uint64 {
	var h uint64
	for k, x := range xs {
		h += uint64(uint32(x)) * uint64(2*k+1)
	}
	return h
}

// prepare sets the delays (seconds: one value, or one per synapse) and
// builds the index of synapses by source. sources holds each synapse's
// source neuron relative to start. Spikes already queued are kept
// (rescaled when dt changed, as in Brian2).
func (q *spikeQueue) prepare(delays []float64, scalar bool, dt float64, sources []int32, start, stop int) error {
	if q.dt != 0 && q.dt != dt && len(q.buckets) > 0 {
		old, off := q.buckets, q.offset
		factor := q.dt / dt
		q.buckets = make([][]int32, int(float64(len(old))*factor)+1)
		for k := range old {
			q.buckets[int(float64(k)*factor+0.5)] = old[(k+off)%len(old)]
		}
		q.offset = 0
	}
	q.dt, q.start, q.stop = dt, start, stop
	maxD := 0
	if scalar || len(sources) == 0 {
		q.scalar, q.steps = true, nil
		q.homog = 0
		if scalar && len(delays) > 0 {
			q.homog = delayStep(delays[0], dt)
		}
		maxD = q.homog
	} else {
		if len(delays) != len(sources) {
			return fmt.Errorf("internal error: %d delays for %d synapses", len(delays), len(sources))
		}
		if cap(q.steps) >= len(delays) {
			q.steps = q.steps[:len(delays)]
		} else {
			q.steps = make([]int32, len(delays))
		}
		minD := -1
		for k, d := range delays {
			st := delayStep(d, dt)
			if st < 0 {
				return fmt.Errorf("synaptic delays cannot be negative (synapse %d has %g s)", k, d)
			}
			q.steps[k] = int32(st)
			maxD = max(maxD, st)
			if minD < 0 || st < minD {
				minD = st
			}
		}
		q.scalar = minD == maxD
		q.homog = maxD
	}
	if q.homog < 0 {
		return fmt.Errorf("synaptic delays cannot be negative")
	}
	n := stop - start
	key := csrKey{n: len(sources), start: start, stop: stop, sum: checksum(sources)}
	if len(sources) > 0 {
		key.first = &sources[0]
	}
	if key == q.built && q.ptr != nil {
		// the same synapses as the last run: the index still holds
		q.ensure(maxD + 1)
		return nil
	}
	q.built = key
	q.ptr = make([]int32, n+1)
	for _, src := range sources {
		q.ptr[src+1]++
	}
	for k := 0; k < n; k++ {
		q.ptr[k+1] += q.ptr[k]
	}
	q.syn = make([]int32, len(sources))
	fill := append([]int32(nil), q.ptr[:n]...)
	for k, src := range sources {
		q.syn[fill[src]] = int32(k)
		fill[src]++
	}
	q.ensure(maxD + 1)
	return nil
}

// delayStep rounds a delay to time steps as Brian2 does.
func delayStep(d, dt float64) int {
	return int(d/dt + 0.5)
}

// ensure grows the ring to at least n buckets, keeping queued spikes at
// their delays.
func (q *spikeQueue) ensure(n int) {
	if len(q.buckets) >= n {
		return
	}
	if len(q.buckets) == 0 {
		q.buckets = make([][]int32, n)
		q.offset = 0
		return
	}
	rot := append(append([][]int32{}, q.buckets[q.offset:]...), q.buckets[:q.offset]...)
	q.buckets = append(rot, make([][]int32, n-len(rot))...)
	q.offset = 0
}

// push queues the synapses of the spiking neurons (absolute indices,
// ascending; those outside start..stop are ignored).
func (q *spikeQueue) push(spikes []int32) {
	if len(spikes) == 0 || len(q.syn) == 0 {
		return
	}
	nb := len(q.buckets)
	if q.scalar {
		b := &q.buckets[(q.offset+q.homog)%nb]
		for _, sp := range spikes {
			n := int(sp) - q.start
			if n < 0 || sp >= int32(q.stop) {
				continue
			}
			*b = append(*b, q.syn[q.ptr[n]:q.ptr[n+1]]...)
		}
		return
	}
	for _, sp := range spikes {
		n := int(sp) - q.start
		if n < 0 || sp >= int32(q.stop) {
			continue
		}
		for _, syn := range q.syn[q.ptr[n]:q.ptr[n+1]] {
			k := (q.offset + int(q.steps[syn])) % nb
			q.buckets[k] = append(q.buckets[k], syn)
		}
	}
}

// peek returns the synapses due in the current step.
func (q *spikeQueue) peek() []int32 {
	if len(q.buckets) == 0 {
		return nil
	}
	return q.buckets[q.offset]
}

// advance empties the current bucket (keeping its memory) and moves on.
func (q *spikeQueue) advance() {
	if len(q.buckets) == 0 {
		return
	}
	q.buckets[q.offset] = q.buckets[q.offset][:0]
	q.offset = (q.offset + 1) % len(q.buckets)
}

// state flattens the queued synapses, from the current step on:
// [number of buckets, len, synapses..., len, synapses..., ...].
func (q *spikeQueue) state() []int64 {
	out := []int64{int64(len(q.buckets))}
	for k := range q.buckets {
		b := q.buckets[(q.offset+k)%len(q.buckets)]
		out = append(out, int64(len(b)))
		for _, x := range b {
			out = append(out, int64(x))
		}
	}
	return out
}

// setState restores a queue flattened by state.
func (q *spikeQueue) setState(st []int64) error {
	if len(st) == 0 {
		q.buckets, q.offset = nil, 0
		return nil
	}
	n := int(st[0])
	q.buckets = make([][]int32, n)
	q.offset = 0
	pos := 1
	for k := 0; k < n; k++ {
		if pos >= len(st) {
			return fmt.Errorf("corrupt spike queue state")
		}
		l := int(st[pos])
		pos++
		if pos+l > len(st) {
			return fmt.Errorf("corrupt spike queue state")
		}
		b := make([]int32, l)
		for j := range b {
			b[j] = int32(st[pos+j])
		}
		q.buckets[k] = b
		pos += l
	}
	return nil
}
