package iomod

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// npzEntry is one named array of an .npz archive.
type npzEntry struct {
	name string // without ".npy"
	a    *array.Array
}

// EncodeNpz returns a zip archive holding one .npy member per entry, as
// numpy's savez (compress false: stored) and savez_compressed (deflated)
// write it: members "name.npy" in the given order, dated 1980-01-01 like
// numpy's, no data descriptors.
func EncodeNpz(names []string, arrays []*array.Array, compress bool) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for k, name := range names {
		data := EncodeNpy(arrays[k])
		h := &zip.FileHeader{
			Name:               name + ".npy",
			Method:             zip.Store,
			CRC32:              crc32.ChecksumIEEE(data),
			UncompressedSize64: uint64(len(data)),
			ModifiedDate:       1<<5 | 1, // 1980-01-01, numpy's date
		}
		body := data
		if compress {
			var c bytes.Buffer
			fw, err := flate.NewWriter(&c, flate.DefaultCompression)
			if err != nil {
				return nil, err
			}
			if _, err := fw.Write(data); err != nil {
				return nil, err
			}
			if err := fw.Close(); err != nil {
				return nil, err
			}
			h.Method, body = zip.Deflate, c.Bytes()
		}
		h.CompressedSize64 = uint64(len(body))
		w, err := zw.CreateRaw(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// isZip reports whether data starts like a zip archive (numpy's test for
// an .npz file: a local file header or an empty archive's end record).
func isZip(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06"))
}

// npzPath adds numpy's .npz extension when a file name has none.
func npzPath(p string) string {
	if strings.HasSuffix(p, ".npz") {
		return p
	}
	return p + ".npz"
}

// savezFunc returns np.savez(file, *args, **kwds) or, compressed,
// np.savez_compressed: keyword arrays under their names, then positional
// ones as arr_0, arr_1, ..., as numpy orders them.
func savezFunc(fn string, compress bool) runtime.BuiltinFunc {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var file runtime.Value
		var named []runtime.Kwarg
		for _, kw := range kwargs {
			if kw.Name == "file" {
				file = kw.Value
				continue
			}
			named = append(named, kw)
		}
		if !file.IsValid() {
			if len(args) == 0 {
				return runtime.Value{}, runtime.Errorf("%s() missing 1 required positional argument: 'file'", fn)
			}
			file, args = args[0], args[1:]
		}
		path, err := pathArg(fn, file)
		if err != nil {
			return runtime.Value{}, err
		}
		var entries []npzEntry
		seen := map[string]bool{}
		add := func(name string, v runtime.Value) error {
			a, err := array.From(v)
			if err != nil {
				return runtime.Errorf("%s(): array '%s': %v", fn, name, err)
			}
			seen[name] = true
			entries = append(entries, npzEntry{name, a})
			return nil
		}
		for _, kw := range named {
			if err := add(kw.Name, kw.Value); err != nil {
				return runtime.Value{}, err
			}
		}
		for i, v := range args {
			name := fmt.Sprintf("arr_%d", i)
			if seen[name] {
				return runtime.Value{}, runtime.Errorf("%s(): cannot use un-named variables and keyword %s", fn, name)
			}
			if err := add(name, v); err != nil {
				return runtime.Value{}, err
			}
		}
		names := make([]string, len(entries))
		arrays := make([]*array.Array, len(entries))
		for k, e := range entries {
			names[k], arrays[k] = e.name, e.a
		}
		data, err := EncodeNpz(names, arrays, compress)
		if err != nil {
			return runtime.Value{}, runtime.Errorf("%s(): %v", fn, err)
		}
		err = WriteAtomic(npzPath(path), func(w *bufio.Writer) error {
			_, err := w.Write(data)
			return err
		})
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.None, nil
	}
}

// NpzFile is what np.load returns for an .npz archive: a read-only
// mapping from names to arrays. f.files lists the names (members without
// ".npy"), f['name'] decodes a member (cached), `in`, len() and iteration
// go over the names, and keys(), values(), items(), get() and close()
// behave as numpy's.
type NpzFile struct {
	path   string
	names  []string // user-facing names, in archive order
	member map[string]*zip.File
	cache  map[string]runtime.Value
}

// DecodeNpz opens an .npz archive held in data; path names it in messages.
func DecodeNpz(path string, data []byte) (*NpzFile, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a valid .npz (zip) file: %v", err)
	}
	f := &NpzFile{path: path, member: map[string]*zip.File{}, cache: map[string]runtime.Value{}}
	for _, zf := range zr.File {
		name := strings.TrimSuffix(zf.Name, ".npy")
		if _, dup := f.member[name]; dup {
			continue
		}
		f.names = append(f.names, name)
		f.member[name] = zf
	}
	return f, nil
}

// Files returns the member names (without ".npy").
func (f *NpzFile) Files() []string { return append([]string(nil), f.names...) }

// Get decodes the member called name ("name" or "name.npy"); ok is false
// when there is none.
func (f *NpzFile) Get(name string) (runtime.Value, bool, error) {
	key := name
	if _, ok := f.member[key]; !ok {
		key = strings.TrimSuffix(name, ".npy")
	}
	zf, ok := f.member[key]
	if !ok {
		return runtime.Value{}, false, nil
	}
	if v, ok := f.cache[key]; ok {
		return v, true, nil
	}
	r, err := zf.Open()
	if err != nil {
		return runtime.Value{}, true, runtime.Errorf("load('%s'): member '%s': %v", f.path, zf.Name, err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		return runtime.Value{}, true, runtime.Errorf("load('%s'): member '%s': %v", f.path, zf.Name, err)
	}
	var v runtime.Value
	if strings.HasSuffix(zf.Name, ".npy") {
		a, err := DecodeNpy(data)
		if err != nil {
			return runtime.Value{}, true, runtime.Errorf("load('%s'): member '%s': %v", f.path, zf.Name, err)
		}
		v = array.Value(a)
	} else {
		// numpy returns the raw bytes of members that are not arrays
		v = runtime.MakeStr(string(data))
	}
	f.cache[key] = v
	return v, true, nil
}

// Type implements runtime.Object.
func (f *NpzFile) Type() string { return "NpzFile" }

// String implements runtime.Object.
func (f *NpzFile) String() string {
	return fmt.Sprintf("NpzFile '%s' with keys: %s", f.path, strings.Join(f.names, ", "))
}

// Truth implements runtime.Object.
func (f *NpzFile) Truth() (bool, error) { return true, nil }

// Len implements runtime.Sequence: the number of members.
func (f *NpzFile) Len() int { return len(f.names) }

// Iterate implements runtime.Iterable: the names (so `in` tests names).
func (f *NpzFile) Iterate() runtime.Iterator {
	it, _ := runtime.Iterate(f.filesList())
	return it
}

// filesList returns the names as a list of str.
func (f *NpzFile) filesList() runtime.Value { return runtime.NewStrList(f.names) }

// Index implements runtime.Indexable: f['name'].
func (f *NpzFile) Index(key runtime.Value) (runtime.Value, error) {
	s, ok := runtime.AsString(key)
	if !ok {
		return runtime.Value{}, runtime.Errorf("an NpzFile is indexed by a member name (str), not %s", runtime.TypeName(key))
	}
	v, ok, err := f.Get(s)
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok {
		return runtime.Value{}, runtime.Errorf("KeyError: '%s is not a file in the archive'%s", s, runtime.Suggest(s, f.names))
	}
	return v, nil
}

// npzMethods are the methods of NpzFile.
var npzMethods = map[string]func(f *NpzFile, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error){
	"keys": func(f *NpzFile, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return f.filesList(), runtime.UnpackArgs("keys", args, kwargs)
	},
	"values": func(f *NpzFile, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("values", args, kwargs); err != nil {
			return runtime.Value{}, err
		}
		out := make([]runtime.Value, len(f.names))
		for i, n := range f.names {
			v, _, err := f.Get(n)
			if err != nil {
				return runtime.Value{}, err
			}
			out[i] = v
		}
		return runtime.NewList(out), nil
	},
	"items": func(f *NpzFile, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("items", args, kwargs); err != nil {
			return runtime.Value{}, err
		}
		out := make([]runtime.Value, len(f.names))
		for i, n := range f.names {
			v, _, err := f.Get(n)
			if err != nil {
				return runtime.Value{}, err
			}
			out[i] = runtime.MakeTuple(runtime.MakeStr(n), v)
		}
		return runtime.NewList(out), nil
	},
	"get": func(f *NpzFile, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var key string
		def := runtime.None
		if err := runtime.UnpackArgs("get", args, kwargs, "key", &key, "default?", &def); err != nil {
			return runtime.Value{}, err
		}
		v, ok, err := f.Get(key)
		if err != nil || !ok {
			return def, err
		}
		return v, nil
	},
	// close releases nothing (the archive was read whole) but is accepted,
	// as are __enter__/__exit__ for code written for `with`.
	"close": func(f *NpzFile, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.None, runtime.UnpackArgs("close", args, kwargs)
	},
	"__enter__": func(f *NpzFile, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.MakeObj(f), runtime.UnpackArgs("__enter__", args, kwargs)
	},
	"__exit__": func(f *NpzFile, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.False, nil
	},
}

// Attr implements runtime.HasAttrs: files and the methods.
func (f *NpzFile) Attr(name string) (runtime.Value, error) {
	if name == "files" {
		return f.filesList(), nil
	}
	if m, ok := npzMethods[name]; ok {
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return m(f, args, kwargs)
		}), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (f *NpzFile) AttrNames() []string {
	return []string{"close", "files", "get", "items", "keys", "values"}
}
