package vecvm

import "math"

// Random numbers are counter based: every draw is a hash of (Seed, Step,
// call site, element, draw number), so results depend neither on the
// number of threads nor on the block size, and any element's numbers can
// be recomputed on their own.

// mix64 is the SplitMix64 finalizer, a bijective 64-bit mixer.
func mix64(z uint64) uint64 {
	z ^= z >> 30
	z *= 0xbf58476d1ce4e5b9
	z ^= z >> 27
	z *= 0x94d049bb133111eb
	z ^= z >> 31
	return z
}

const (
	golden = 0x9e3779b97f4a7c15
	kStep  = 0xd1b54a32d192ed03
	kSite  = 0xaef17502108ef2d9
	kDraw  = 0xf1357aea2e62a9c5
)

// siteKey is the key of one call site for one run.
func siteKey(seed uint64, step int64, site int32) uint64 {
	return mix64(mix64(seed^golden)+uint64(step)*kStep) ^ mix64(uint64(site+1)*kSite)
}

// elemKey starts the stream of one element at one call site.
func elemKey(key uint64, elem int) uint64 {
	return mix64(key ^ uint64(elem)*golden)
}

// draw returns the j-th 64-bit number of a stream.
func draw(ek uint64, j uint64) uint64 {
	return mix64(ek + (j+1)*kDraw)
}

// uniform maps 64 random bits to [0, 1).
func uniform(x uint64) float64 {
	return float64(x>>11) * 0x1p-53
}

// normal returns a standard normal number (Box–Muller) from a stream.
func normal(ek uint64) float64 {
	u1 := 1 - uniform(draw(ek, 0)) // (0, 1]
	u2 := uniform(draw(ek, 1))
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}

// poisson returns a Poisson number with mean lam from a stream:
// multiplication of uniforms for small means, Hörmann's transformed
// rejection (PTRS) for large ones.
func poisson(ek uint64, lam float64) float64 {
	if !(lam > 0) {
		return 0
	}
	j := uint64(0)
	if lam < 10 {
		l := math.Exp(-lam)
		k, p := 0.0, 1.0
		for {
			p *= uniform(draw(ek, j))
			j++
			if p <= l {
				return k
			}
			k++
		}
	}
	slam, loglam := math.Sqrt(lam), math.Log(lam)
	b := 0.931 + 2.53*slam
	a := -0.059 + 0.02483*b
	invalpha := 1.1239 + 1.1328/(b-3.4)
	vr := 0.9277 - 3.6224/(b-2)
	for {
		u := uniform(draw(ek, j)) - 0.5
		v := uniform(draw(ek, j+1))
		j += 2
		us := 0.5 - math.Abs(u)
		k := math.Floor((2*a/us+b)*u + lam + 0.43)
		if us >= 0.07 && v <= vr {
			return k
		}
		if k < 0 || (us < 0.013 && v > us) {
			continue
		}
		lg, _ := math.Lgamma(k + 1)
		if math.Log(v)+math.Log(invalpha)-math.Log(a/(us*us)+b) <= -lam+k*loglam-lg {
			return k
		}
	}
}
