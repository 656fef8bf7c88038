package gpu

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// RAPLRoot is where Linux exposes RAPL energy counters.
const RAPLRoot = "/sys/class/powercap"

// RAPLDomain is one top-level RAPL power domain (a CPU package, or psys).
type RAPLDomain struct {
	Name     string // "package-0"
	Dir      string
	MaxRange uint64 // µJ at which energy_uj wraps to zero
}

// raplTop matches top-level zones (intel-rapl:0), not subzones
// (intel-rapl:0:1, cores or DRAM, already counted in their package).
var raplTop = regexp.MustCompile(`^[a-z]+-rapl:[0-9]+$`)

// FindRAPL lists the CPU package domains under root (normally RAPLRoot)
// whose counters can be read. The psys domain is left out when package
// domains exist, since it includes them.
func FindRAPL(root string) ([]RAPLDomain, error) {
	ents, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("CPU energy (RAPL) not readable: %v", unwrapPath(err))
	}
	var all, pkgs []RAPLDomain
	var firstErr error
	for _, e := range ents {
		if !raplTop.MatchString(e.Name()) {
			continue
		}
		dir := filepath.Join(root, e.Name())
		name, _ := os.ReadFile(filepath.Join(dir, "name"))
		d := RAPLDomain{Name: strings.TrimSpace(string(name)), Dir: dir}
		if d.Name == "" {
			d.Name = e.Name()
		}
		if _, err := readUint(filepath.Join(dir, "energy_uj")); err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if d.MaxRange, err = readUint(filepath.Join(dir, "max_energy_range_uj")); err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		all = append(all, d)
		if strings.HasPrefix(d.Name, "package") {
			pkgs = append(pkgs, d)
		}
	}
	if len(pkgs) == 0 {
		pkgs = all
	}
	if len(pkgs) == 0 {
		if firstErr != nil {
			return nil, fmt.Errorf("CPU energy (RAPL) not readable: %v", firstErr)
		}
		return nil, fmt.Errorf("CPU energy (RAPL) not readable: no RAPL domains under %s", root)
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Dir < pkgs[j].Dir })
	return pkgs, nil
}

// readUint reads a sysfs file holding one unsigned integer.
func readUint(path string) (uint64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		if os.IsPermission(err) {
			return 0, fmt.Errorf("%s: permission denied (recent kernels let only root read RAPL counters)", path)
		}
		return 0, fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	v, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: not a counter: %q", path, strings.TrimSpace(string(b)))
	}
	return v, nil
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return fmt.Errorf("%s: %v", pe.Path, pe.Err)
	}
	return err
}

// RAPLReading is one reading of every domain's counter (µJ).
type RAPLReading []uint64

// ReadRAPL reads the domains' counters.
func ReadRAPL(domains []RAPLDomain) (RAPLReading, error) {
	out := make(RAPLReading, len(domains))
	for k, d := range domains {
		v, err := readUint(filepath.Join(d.Dir, "energy_uj"))
		if err != nil {
			return nil, fmt.Errorf("CPU energy (RAPL) not readable: %v", err)
		}
		out[k] = v
	}
	return out, nil
}

// RAPLDelta returns the energy in joules between two readings of the same
// domains, allowing each counter to have wrapped once at its MaxRange.
func RAPLDelta(domains []RAPLDomain, before, after RAPLReading) float64 {
	total := uint64(0)
	for k, d := range domains {
		total += counterDelta(before[k], after[k], d.MaxRange)
	}
	return float64(total) / 1e6
}

// counterDelta is after-before for a counter that wraps to zero after max.
func counterDelta(before, after, max uint64) uint64 {
	if after >= before {
		return after - before
	}
	return max - before + after
}

// RAPLTotal is the sum of the counters of a reading in joules (a raw
// counter value: only differences are meaningful).
func RAPLTotal(r RAPLReading) float64 {
	t := 0.0
	for _, v := range r {
		t += float64(v) / 1e6
	}
	return t
}
