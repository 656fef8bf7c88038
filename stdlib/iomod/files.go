package iomod

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"

	"github.com/sim-lang/sim/runtime"
)

// mkdtemp creates a new empty temporary directory and returns its path
// (tempfile.mkdtemp).
func mkdtemp(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var prefix runtime.Value
	if err := runtime.UnpackArgs("mkdtemp", args, kwargs, "prefix?", &prefix); err != nil {
		return runtime.Value{}, err
	}
	p, err := optStr("mkdtemp", "prefix", prefix, "sim")
	if err != nil {
		return runtime.Value{}, err
	}
	dir, err := os.MkdirTemp("", p)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("mkdtemp(): %v", err)
	}
	return runtime.MakeStr(dir), nil
}

// listdir returns the sorted names in a directory (hidden ones included).
func listdir(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var path string
	if err := runtime.UnpackArgs("listdir", args, kwargs, "path", &path); err != nil {
		return runtime.Value{}, err
	}
	ents, err := os.ReadDir(path)
	if err != nil {
		return runtime.Value{}, fileError("list", path, err)
	}
	names := make([]string, len(ents))
	for i, e := range ents {
		names[i] = e.Name()
	}
	sort.Strings(names)
	out := make([]runtime.Value, len(names))
	for i, n := range names {
		out[i] = runtime.MakeStr(n)
	}
	return runtime.NewList(out), nil
}

// exists reports whether a path exists.
func exists(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var path string
	if err := runtime.UnpackArgs("exists", args, kwargs, "path", &path); err != nil {
		return runtime.Value{}, err
	}
	_, err := os.Stat(path)
	return runtime.MakeBool(err == nil), nil
}

// remove deletes a file or an empty directory.
func remove(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var path string
	if err := runtime.UnpackArgs("remove", args, kwargs, "path", &path); err != nil {
		return runtime.Value{}, err
	}
	if err := os.Remove(path); err != nil {
		return runtime.Value{}, fileError("remove", path, err)
	}
	return runtime.None, nil
}

// readText returns a file's contents as a str.
func readText(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var path string
	if err := runtime.UnpackArgs("read_text", args, kwargs, "path", &path); err != nil {
		return runtime.Value{}, err
	}
	b, err := readFile(path)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeStr(string(b)), nil
}

// writeText writes a str to a file atomically.
func writeText(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var path, text string
	if err := runtime.UnpackArgs("write_text", args, kwargs, "path", &path, "text", &text); err != nil {
		return runtime.Value{}, err
	}
	err := WriteAtomic(path, func(w *bufio.Writer) error {
		_, err := w.WriteString(text)
		return err
	})
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, nil
}

// rmtree deletes a directory and everything in it (shutil.rmtree).
func rmtree(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var path string
	if err := runtime.UnpackArgs("rmtree", args, kwargs, "path", &path); err != nil {
		return runtime.Value{}, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return runtime.Value{}, fileError("remove", path, err)
	}
	if !info.IsDir() {
		return runtime.Value{}, runtime.Errorf("rmtree(): '%s' is not a directory", path)
	}
	if abs, err := filepath.Abs(path); err != nil || abs == filepath.Dir(abs) {
		return runtime.Value{}, runtime.Errorf("rmtree(): refusing to remove '%s'", path)
	}
	if err := os.RemoveAll(path); err != nil {
		return runtime.Value{}, fileError("remove", path, err)
	}
	return runtime.None, nil
}
