package iomod

import (
	"bufio"
	"os"
	"path/filepath"

	"github.com/sim-lang/sim/runtime"
)

// WriteAtomic writes a file through write: into a temporary file in the
// same directory as path, flushed and synced, then renamed over path. When
// write (or any step) fails, the temporary file is removed and whatever
// was at path before is left as it was.
func WriteAtomic(path string, write func(w *bufio.Writer) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fileError("write", path, err)
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	if err := write(w); err != nil {
		return fail(err)
	}
	if err := w.Flush(); err != nil {
		return fail(fileError("write", path, err))
	}
	if err := f.Sync(); err != nil {
		return fail(fileError("write", path, err))
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fileError("write", path, err)
	}
	// CreateTemp makes the file 0600; give it the usual permissions.
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return fileError("write", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fileError("write", path, err)
	}
	return nil
}

// fileError turns an os error into a script error naming the file.
func fileError(verb, path string, err error) error {
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	if le, ok := err.(*os.LinkError); ok {
		err = le.Err
	}
	return runtime.Errorf("cannot %s '%s': %v", verb, path, err)
}

// readFile reads a whole file with a script error on failure.
func readFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fileError("read", path, err)
	}
	return b, nil
}
