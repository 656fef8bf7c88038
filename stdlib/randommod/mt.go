package randommod

// mt19937 is the Mersenne Twister as CPython's _random module runs it, so
// that seeded sequences equal CPython's.
type mt19937 struct {
	mt  [624]uint32
	idx int
}

func (m *mt19937) initGenrand(s uint32) {
	m.mt[0] = s
	for i := 1; i < 624; i++ {
		m.mt[i] = 1812433253*(m.mt[i-1]^(m.mt[i-1]>>30)) + uint32(i)
	}
	m.idx = 624
}

// initByArray seeds from 32-bit words, as CPython's init_by_array.
func (m *mt19937) initByArray(key []uint32) {
	m.initGenrand(19650218)
	i, j := 1, 0
	k := max(624, len(key))
	for ; k > 0; k-- {
		m.mt[i] = (m.mt[i] ^ ((m.mt[i-1] ^ (m.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= 624 {
			m.mt[0] = m.mt[623]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = 623; k > 0; k-- {
		m.mt[i] = (m.mt[i] ^ ((m.mt[i-1] ^ (m.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= 624 {
			m.mt[0] = m.mt[623]
			i = 1
		}
	}
	m.mt[0] = 0x80000000
}

// uint32 returns the next tempered output.
func (m *mt19937) uint32() uint32 {
	if m.idx >= 624 {
		const upper, lower = 0x80000000, 0x7fffffff
		for kk := 0; kk < 624; kk++ {
			y := (m.mt[kk] & upper) | (m.mt[(kk+1)%624] & lower)
			v := m.mt[(kk+397)%624] ^ (y >> 1)
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			m.mt[kk] = v
		}
		m.idx = 0
	}
	y := m.mt[m.idx]
	m.idx++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// random is CPython's random(): 53 random bits in [0, 1).
func (m *mt19937) random() float64 {
	a, b := m.uint32()>>5, m.uint32()>>6
	return (float64(a)*67108864 + float64(b)) * (1.0 / 9007199254740992.0)
}

// getrandbits returns k random bits (k ≤ 64), assembled from 32-bit words
// least significant first, as CPython does.
func (m *mt19937) getrandbits(k int) uint64 {
	if k <= 32 {
		if k == 0 {
			return 0
		}
		return uint64(m.uint32() >> (32 - k))
	}
	lo := uint64(m.uint32())
	hi := uint64(m.uint32() >> (64 - k))
	return lo | hi<<32
}

// below returns a uniform integer in [0, n), n > 0, as CPython's
// _randbelow_with_getrandbits.
func (m *mt19937) below(n uint64) uint64 {
	k := 0
	for x := n; x > 0; x >>= 1 {
		k++
	}
	r := m.getrandbits(k)
	for r >= n {
		r = m.getrandbits(k)
	}
	return r
}
