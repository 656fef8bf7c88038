package iomod

import (
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/stdlib/np"
)

func init() {
	runtime.RegisterModule([]string{"io"}, build)
	for _, name := range numpyNames {
		np.Define(name, functions[name])
	}
}

// numpyNames are the functions that numpy also has; they are added to
// the numpy module.
var numpyNames = []string{"save", "load", "savez", "savez_compressed", "savetxt", "loadtxt"}

// functions is the module table.
var functions = map[string]runtime.BuiltinFunc{
	"save":             npySave,
	"load":             npyLoad,
	"savez":            savezFunc("savez", false),
	"savez_compressed": savezFunc("savez_compressed", true),
	"savetxt":          savetxt,
	"loadtxt":          loadtxt,
	"read_csv":         readCSV,
	"write_csv":        writeCSV,
	"save_monitor":     saveMonitor,
	"cache":            cacheFunc,
	"mkdtemp":          mkdtemp,
	"listdir":          listdir,
	"exists":           exists,
	"remove":           remove,
	"rmtree":           rmtree,
	"read_text":        readText,
	"write_text":       writeText,
}

func build() *runtime.Module {
	m := &runtime.Module{Name: "io", Members: map[string]runtime.Value{}}
	for name, f := range functions {
		m.Members[name] = runtime.NewBuiltin(name, f)
	}
	m.Members["Table"] = runtime.NewBuiltin("Table", newTable)
	return m
}

// pathArg reads a file name argument.
func pathArg(fn string, v runtime.Value) (string, error) {
	s, ok := runtime.AsString(v)
	if !ok || s == "" {
		return "", runtime.Errorf("%s() needs a file name (a non-empty str), not %s", fn, runtime.TypeName(v))
	}
	return s, nil
}

// optStr reads an optional str argument.
func optStr(fn, name string, v runtime.Value, def string) (string, error) {
	if !v.IsValid() || v.IsNone() {
		return def, nil
	}
	s, ok := runtime.AsString(v)
	if !ok {
		return "", runtime.Errorf("%s() argument '%s' must be a str, not %s", fn, name, runtime.TypeName(v))
	}
	return s, nil
}

// optBool reads an optional bool argument.
func optBool(fn, name string, v runtime.Value, def bool) (bool, error) {
	if !v.IsValid() || v.IsNone() {
		return def, nil
	}
	if v.Kind() != runtime.BoolKind {
		if i, ok := v.ToInt(); ok && v.Kind() == runtime.IntKind {
			return i != 0, nil
		}
		return false, runtime.Errorf("%s() argument '%s' must be True or False, not %s", fn, name, runtime.TypeName(v))
	}
	return v.AsBool(), nil
}

// optInt reads an optional int argument.
func optInt(fn, name string, v runtime.Value, def int) (int, error) {
	if !v.IsValid() || v.IsNone() {
		return def, nil
	}
	if v.Kind() != runtime.IntKind {
		return 0, runtime.Errorf("%s() argument '%s' must be an int, not %s", fn, name, runtime.TypeName(v))
	}
	return int(v.AsInt()), nil
}

// strList reads a str or a sequence of str.
func strList(fn, name string, v runtime.Value) ([]string, error) {
	if s, ok := runtime.AsString(v); ok {
		return []string{s}, nil
	}
	elems, err := runtime.ToSlice(v)
	if err != nil {
		return nil, runtime.Errorf("%s() argument '%s' must be a str or a list of str, not %s", fn, name, runtime.TypeName(v))
	}
	out := make([]string, len(elems))
	for i, e := range elems {
		s, ok := runtime.AsString(e)
		if !ok {
			return nil, runtime.Errorf("%s() argument '%s' must hold str values, not %s", fn, name, runtime.TypeName(e))
		}
		out[i] = s
	}
	return out, nil
}
