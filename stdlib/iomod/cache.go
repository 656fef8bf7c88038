package iomod

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sim-lang/sim/runtime"
)

// cacheFunc is io.cache(f, dir): f memoized on disk, like joblib.Memory.
// Entries live in dir/<name>/<key>.simc, the key hashing the function's
// code (runtime.Function.CodeHash) and its arguments; when the code
// changes, the function's old entries are removed. Arguments and results
// must be serialisable (see EncodeValue); functions a cached function
// calls, and values it closes over, are not part of the key.
func cacheFunc(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var f runtime.Value
	var dir string
	if err := runtime.UnpackArgs("cache", args, kwargs, "f", &f, "dir", &dir); err != nil {
		return runtime.Value{}, err
	}
	c, err := NewCached(f, dir)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(c), nil
}

// Cached is a function memoized on disk (io.cache's result). Calling it
// returns the stored result for arguments seen before with the same code,
// and otherwise calls the function and stores the result.
type Cached struct {
	fn      runtime.Value
	name    string
	dir     string // dir/<name>
	code    string // hex code hash
	checked bool
	hits    int64
	misses  int64
}

// NewCached returns f memoized in dir.
func NewCached(f runtime.Value, dir string) (*Cached, error) {
	cl, ok := f.Obj().(runtime.Callable)
	if !ok {
		return nil, runtime.Errorf("cache() needs a function, not %s", runtime.TypeName(f))
	}
	if dir == "" {
		return nil, runtime.Errorf("cache() needs a directory")
	}
	h := sha256.New()
	if sf, ok := f.Obj().(*runtime.Function); ok {
		sum := sf.CodeHash()
		h.Write(sum[:])
	} else {
		h.Write([]byte("builtin:" + cl.Name()))
	}
	return &Cached{
		fn:   f,
		name: cl.Name(),
		dir:  filepath.Join(dir, safeName(cl.Name())),
		code: hex.EncodeToString(h.Sum(nil)),
	}, nil
}

// safeName makes a function name usable as a directory name.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, s)
	if s == "" {
		s = "_"
	}
	return s
}

// Type implements runtime.Object.
func (c *Cached) Type() string { return "CachedFunction" }

// String implements runtime.Object.
func (c *Cached) String() string { return "<cached function " + c.name + " in " + c.dir + ">" }

// Truth implements runtime.Object.
func (c *Cached) Truth() (bool, error) { return true, nil }

// Name implements runtime.Callable.
func (c *Cached) Name() string { return c.name }

// Attr implements runtime.HasAttrs: func, dir, hits, misses, clear().
func (c *Cached) Attr(name string) (runtime.Value, error) {
	switch name {
	case "func":
		return c.fn, nil
	case "dir":
		return runtime.MakeStr(c.dir), nil
	case "hits":
		return runtime.MakeInt(c.hits), nil
	case "misses":
		return runtime.MakeInt(c.misses), nil
	case "clear":
		return runtime.NewBuiltin("clear", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.UnpackArgs("clear", args, kwargs); err != nil {
				return runtime.Value{}, err
			}
			return runtime.None, c.clear()
		}), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (c *Cached) AttrNames() []string { return []string{"clear", "dir", "func", "hits", "misses"} }

// clear removes the function's entries.
func (c *Cached) clear() error {
	ents, err := os.ReadDir(c.dir)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return fileError("list", c.dir, err)
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".simc") {
			if err := os.Remove(filepath.Join(c.dir, e.Name())); err != nil {
				return fileError("remove", e.Name(), err)
			}
		}
	}
	return nil
}

// checkCode makes the directory and drops entries of other code versions.
func (c *Cached) checkCode() error {
	if c.checked {
		return nil
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return fileError("create", c.dir, err)
	}
	codeFile := filepath.Join(c.dir, "code.sha256")
	old, _ := os.ReadFile(codeFile)
	if strings.TrimSpace(string(old)) != c.code {
		if err := c.clear(); err != nil {
			return err
		}
		err := WriteAtomic(codeFile, func(w *bufio.Writer) error {
			_, err := w.WriteString(c.code + "\n")
			return err
		})
		if err != nil {
			return err
		}
	}
	c.checked = true
	return nil
}

// key hashes the code and the arguments (keyword arguments sorted by
// name).
func (c *Cached) key(args []runtime.Value, kwargs []runtime.Kwarg) (string, error) {
	var buf bytes.Buffer
	buf.WriteString(c.code)
	if err := EncodeValue(&buf, runtime.MakeTuple(args...)); err != nil {
		return "", runtime.Errorf("%s(): cannot cache a call with this argument: %v", c.name, err)
	}
	kw := append([]runtime.Kwarg{}, kwargs...)
	sort.Slice(kw, func(i, j int) bool { return kw[i].Name < kw[j].Name })
	for _, k := range kw {
		buf.WriteString("\x00" + k.Name + "=")
		if err := EncodeValue(&buf, k.Value); err != nil {
			return "", runtime.Errorf("%s(): cannot cache a call with argument %s: %v", c.name, k.Name, err)
		}
	}
	sum := sha256.Sum256(buf.Bytes())
	return hex.EncodeToString(sum[:16]), nil
}

// Call implements runtime.Callable.
func (c *Cached) Call(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := c.checkCode(); err != nil {
		return runtime.Value{}, err
	}
	key, err := c.key(args, kwargs)
	if err != nil {
		return runtime.Value{}, err
	}
	file := filepath.Join(c.dir, key+".simc")
	if data, err := os.ReadFile(file); err == nil && bytes.HasPrefix(data, []byte(cacheMagic)) {
		if v, err := DecodeValue(data[len(cacheMagic):]); err == nil {
			c.hits++
			return v, nil
		}
	}
	c.misses++
	v, err := runtime.Call(th, c.fn, args, kwargs)
	if err != nil {
		return runtime.Value{}, err
	}
	var buf bytes.Buffer
	buf.WriteString(cacheMagic)
	if err := EncodeValue(&buf, v); err != nil {
		return runtime.Value{}, runtime.Errorf("%s(): cannot cache the result: %v", c.name, err)
	}
	err = WriteAtomic(file, func(w *bufio.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
	if err != nil {
		return runtime.Value{}, err
	}
	return v, nil
}
