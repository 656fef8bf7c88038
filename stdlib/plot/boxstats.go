package plot

import (
	"math"
	"sort"
)

// boxStats are the statistics of one box of boxplot(), as matplotlib's
// cbook.boxplot_stats computes them.
type boxStats struct {
	mean, med, q1, q3, iqr float64
	whislo, whishi         float64
	cilo, cihi             float64 // notch: median ∓ 1.57·IQR/√n
	fliers                 []float64
}

// percentile is numpy's percentile (linear interpolation) of sorted
// values, p in 0..100.
func percentile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	pos := p / 100 * float64(n-1)
	lo := int(math.Floor(pos))
	if lo >= n-1 {
		return sorted[n-1]
	}
	if lo < 0 {
		return sorted[0]
	}
	f := pos - float64(lo)
	// numpy's _lerp: a + (b-a)*t, or b - (b-a)*(1-t) past the middle
	a, b := sorted[lo], sorted[lo+1]
	if f >= 0.5 {
		return b - (b-a)*(1-f)
	}
	return a + (b-a)*f
}

// computeBoxStats computes the box of data: quartiles, whiskers at the
// furthest data within whis·IQR of the box (or at the percentiles
// whisP when given), and the fliers beyond them, low ones first, each in
// data order. With autorange and a zero IQR the whiskers go to the
// extremes. NaN values are left out.
func computeBoxStats(data []float64, whis float64, whisP *[2]float64, autorange bool) boxStats {
	var x []float64
	for _, v := range data {
		if !math.IsNaN(v) {
			x = append(x, v)
		}
	}
	var s boxStats
	if len(x) == 0 {
		nan := math.NaN()
		return boxStats{mean: nan, med: nan, q1: nan, q3: nan, iqr: nan, whislo: nan, whishi: nan, cilo: nan, cihi: nan}
	}
	sorted := append([]float64(nil), x...)
	sort.Float64s(sorted)
	sum := 0.0
	for _, v := range x {
		sum += v
	}
	s.mean = sum / float64(len(x))
	s.q1, s.med, s.q3 = percentile(sorted, 25), percentile(sorted, 50), percentile(sorted, 75)
	s.iqr = s.q3 - s.q1
	half := 1.57 * s.iqr / math.Sqrt(float64(len(x)))
	s.cilo, s.cihi = s.med-half, s.med+half
	var loval, hival float64
	switch {
	case s.iqr == 0 && autorange:
		loval, hival = sorted[0], sorted[len(sorted)-1]
	case whisP != nil:
		loval, hival = percentile(sorted, whisP[0]), percentile(sorted, whisP[1])
	default:
		loval, hival = s.q1-whis*s.iqr, s.q3+whis*s.iqr
	}
	s.whishi = math.Inf(-1)
	s.whislo = math.Inf(1)
	for _, v := range x {
		if v <= hival {
			s.whishi = math.Max(s.whishi, v)
		}
		if v >= loval {
			s.whislo = math.Min(s.whislo, v)
		}
	}
	if math.IsInf(s.whishi, -1) || s.whishi < s.q3 {
		s.whishi = s.q3
	}
	if math.IsInf(s.whislo, 1) || s.whislo > s.q1 {
		s.whislo = s.q1
	}
	for _, v := range x {
		if v < s.whislo {
			s.fliers = append(s.fliers, v)
		}
	}
	for _, v := range x {
		if v > s.whishi {
			s.fliers = append(s.fliers, v)
		}
	}
	return s
}
