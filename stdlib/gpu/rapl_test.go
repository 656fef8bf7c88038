package gpu

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeZone makes a fake powercap zone.
func writeZone(t *testing.T, root, dir, name, energy, max string) {
	t.Helper()
	d := filepath.Join(root, dir)
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	for file, s := range map[string]string{"name": name, "energy_uj": energy, "max_energy_range_uj": max} {
		if err := os.WriteFile(filepath.Join(d, file), []byte(s+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRAPL reads a fake sysfs tree: package zones only (not their
// subzones, not psys), summed, with a counter that wraps.
func TestRAPL(t *testing.T) {
	root := t.TempDir()
	writeZone(t, root, "intel-rapl:0", "package-0", "1000000", "262143328850")
	writeZone(t, root, "intel-rapl:0:0", "core", "500000", "262143328850")
	writeZone(t, root, "intel-rapl:1", "package-1", "262143000000", "262143328850")
	writeZone(t, root, "intel-rapl:2", "psys", "9", "262143328850")
	os.MkdirAll(filepath.Join(root, "intel-rapl-mmio:0"), 0o755)
	doms, err := FindRAPL(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(doms) != 2 || doms[0].Name != "package-0" || doms[1].Name != "package-1" || doms[0].MaxRange != 262143328850 {
		t.Fatalf("domains: %+v", doms)
	}
	before, err := ReadRAPL(doms)
	if err != nil {
		t.Fatal(err)
	}
	if RAPLTotal(before) != 1+262143 {
		t.Errorf("total %v J", RAPLTotal(before))
	}
	// package-0 uses 2.5 J; package-1 wraps: 328850 µJ to the top, then 171150 µJ
	os.WriteFile(filepath.Join(root, "intel-rapl:0", "energy_uj"), []byte("3500000\n"), 0o644)
	os.WriteFile(filepath.Join(root, "intel-rapl:1", "energy_uj"), []byte("171150\n"), 0o644)
	after, err := ReadRAPL(doms)
	if err != nil {
		t.Fatal(err)
	}
	if d := RAPLDelta(doms, before, after); d != 3.0 {
		t.Errorf("delta %v J, want 3 (2.5 + 0.5 across the wrap)", d)
	}
}

// TestRAPLUnreadable checks the messages when there is nothing to read.
func TestRAPLUnreadable(t *testing.T) {
	_, err := FindRAPL(filepath.Join(t.TempDir(), "missing"))
	if err == nil || !strings.HasPrefix(err.Error(), "CPU energy (RAPL) not readable: ") || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing root: %v", err)
	}
	root := t.TempDir()
	_, err = FindRAPL(root)
	if err == nil || !strings.Contains(err.Error(), "no RAPL domains under") {
		t.Errorf("empty root: %v", err)
	}
	writeZone(t, root, "intel-rapl:0", "package-0", "garbage", "10")
	_, err = FindRAPL(root)
	if err == nil || !strings.Contains(err.Error(), "not a counter") {
		t.Errorf("bad counter: %v", err)
	}
}
