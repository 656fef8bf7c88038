package iomod

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteAtomicFailureKeepsOldFile checks that a write failing half-way
// leaves the previous file as it was and no temporary file behind.
func TestWriteAtomicFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "result.csv")
	if err := WriteAtomic(path, func(w *bufio.Writer) error {
		_, err := w.WriteString("old contents\n")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("crash in the middle")
	err := WriteAtomic(path, func(w *bufio.Writer) error {
		for i := 0; i < 100000; i++ { // more than the buffer: bytes reach the temp file
			w.WriteString("partial line of new data\n")
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the writer's error", err)
	}
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "old contents\n" {
		t.Fatalf("old file changed: %q, %v", b, err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Fatalf("left behind: %v", names)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}
}

// TestWriteAtomicMissingDirectory reports the file in the error.
func TestWriteAtomicMissingDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "dir.npy")
	err := WriteAtomic(path, func(w *bufio.Writer) error { return nil })
	if err == nil || err.Error() != "cannot write '"+path+"': no such file or directory" {
		t.Fatalf("got %v", err)
	}
}
