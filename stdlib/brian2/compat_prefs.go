package brian2

import (
	_ "embed"
	"encoding/json"
	"sort"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/stdlib/unitsmod"
)

// prefsJSON lists every preference Brian2 2.5.1 registers: key, default,
// the kind of value its validator accepts and its documentation.
//
//go:embed compat_prefs.json
var prefsJSON []byte

// prefDef is one registered preference.
type prefDef struct {
	Key     string `json:"key"`
	Default any    `json:"default"`
	Kind    string `json:"kind"`
	Doc     string `json:"doc"`
}

var prefDefs = func() map[string]*prefDef {
	var list []*prefDef
	out := map[string]*prefDef{}
	if json.Unmarshal(prefsJSON, &list) != nil {
		return out
	}
	for _, p := range list {
		out[p.Key] = p
	}
	return out
}()

// prefKeys are the registered keys, sorted.
var prefKeys = func() []string {
	var ks []string
	for k := range prefDefs {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}()

// prefsDoc is the doc of the prefs object: what sim does with them.
const prefsDoc = `Brian2's preferences (prefs.codegen.target = 'numpy', prefs['core.default_float_dtype']).
Every key Brian2 2.5.1 registers is accepted and validated as Brian2 does; unknown keys are an
error with a did-you-mean. Most preferences choose code generation, compilers, devices or log
files, which sim does not have: sim always compiles models to its own vector bytecode and runs
them in float64, so such settings are stored and read back but change nothing. The exceptions:
core.default_float_dtype accepts only float64 (float32 is refused since sim computes in float64);
logging.console_log_level sets the level of the INFO/WARNING lines sim prints (as BrianLogger does).`

func init() {
	p := runtime.MakeObj(prefsProxy{})
	runtime.Predeclare("prefs", p)
	unitsmod.AddBrian2Member("prefs", p)
}

// defaultPrefs returns the default value of every preference.
func defaultPrefs() map[string]runtime.Value {
	out := map[string]runtime.Value{}
	for k, p := range prefDefs {
		out[k] = jsonValue(p.Default, p.Kind)
	}
	return out
}

// jsonValue converts a default from the JSON table to a script value.
func jsonValue(x any, kind string) runtime.Value {
	switch v := x.(type) {
	case nil:
		return runtime.None
	case bool:
		return runtime.MakeBool(v)
	case float64:
		if kind == "int" {
			return runtime.MakeInt(int64(v))
		}
		return runtime.MakeFloat(v)
	case string:
		switch kind {
		case "float_dtype":
			return runtime.MakeObj(array.DTypeObject{DT: array.Float})
		case "int_dtype":
			return runtime.MakeObj(array.DTypeObject{DT: array.Int})
		}
		return runtime.MakeStr(v)
	case []any:
		var out []runtime.Value
		for _, e := range v {
			out = append(out, jsonValue(e, ""))
		}
		return runtime.NewList(out)
	case map[string]any:
		d := runtime.NewDict()
		var ks []string
		for k := range v {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			d.Set(runtime.MakeStr(k), jsonValue(v[k], ""))
		}
		return runtime.MakeObj(d)
	}
	return runtime.None
}

// codegenTargets are the targets Brian2 2.5.1's runtime device knows.
var codegenTargets = []string{"auto", "numpy", "cython"}

// validatePref checks a value for key as Brian2's validator does.
func validatePref(key string, v runtime.Value) error {
	p, ok := prefDefs[key]
	if !ok {
		return unknownPref(key)
	}
	s, isStr := runtime.AsString(v)
	invalid := func() error {
		return runtime.Errorf("PreferenceError: Value '%s' for preference '%s' is invalid.", runtime.Str(v), key)
	}
	valid := false
	switch p.Kind {
	case "bool":
		valid = v.Kind() == runtime.BoolKind
	case "int":
		valid = v.Kind() == runtime.IntKind || v.Kind() == runtime.BoolKind
	case "str":
		valid = isStr
	case "list":
		_, valid = v.Obj().(*runtime.List)
	case "dict":
		_, valid = v.Obj().(*runtime.Dict)
	case "any":
		valid = true
	case "none_or_str":
		valid = v.IsNone() || isStr
	case "str_or_list":
		_, isList := v.Obj().(*runtime.List)
		valid = isStr || isList
	case "strategy":
		valid = v.IsNone() || s == "branches" || s == "systems"
	case "log_level":
		switch strings.ToUpper(s) {
		case "CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG", "DIAGNOSTIC":
			valid = isStr
		}
	case "target":
		if !isStr {
			return invalid()
		}
		for _, t := range codegenTargets {
			if s == t {
				return nil
			}
		}
		return runtime.Errorf("ValueError: Unknown code generation target: '%s', should be one of ['auto', 'numpy', 'cython'] (sim accepts them all and always runs its own vector engine)", s)
	case "float_dtype":
		if dt, ok := v.Obj().(array.DTypeObject); ok && dt.DT == array.Float {
			return nil
		}
		if strings.Contains(strings.ToLower(runtime.Str(v)), "float32") {
			return runtime.Errorf("prefs.core.default_float_dtype = float32 is not supported: sim computes every model in float64")
		}
	case "int_dtype":
		_, valid = v.Obj().(array.DTypeObject)
	}
	if !valid {
		return invalid()
	}
	return nil
}

func unknownPref(key string) error {
	return runtime.Errorf("PreferenceError: Preference '%s' is unregistered. Spelling error?%s", key, runtime.Suggest(key, prefKeys))
}

// get reads a preference; a category prefix gives a view.
func (st *compatState) getPref(key string) (runtime.Value, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if v, ok := st.prefs[key]; ok {
		return v, nil
	}
	if isPrefCategory(key) {
		return runtime.MakeObj(&prefsView{st: st, prefix: key}), nil
	}
	return runtime.Value{}, runtime.Errorf("KeyError: '%s'%s", key, runtime.Suggest(key, prefKeys))
}

// set validates and stores a preference.
func (st *compatState) setPref(key string, v runtime.Value) error {
	if isPrefCategory(key) {
		return runtime.Errorf("PreferenceError: Cannot set a preference category.")
	}
	if err := validatePref(key, v); err != nil {
		return err
	}
	st.mu.Lock()
	st.prefs[key] = v
	st.mu.Unlock()
	if key == "logging.console_log_level" {
		s, _ := runtime.AsString(v)
		st.setLogLevel(levelByName[strings.ToUpper(s)])
	}
	return nil
}

// isPrefCategory reports whether key is a category ("codegen",
// "codegen.cpp").
func isPrefCategory(key string) bool {
	if key == "" {
		return true
	}
	for _, k := range prefKeys {
		if strings.HasPrefix(k, key+".") {
			return true
		}
	}
	return false
}

// prefsProxy is the predeclared `prefs`: attribute access resolves to
// the calling interpreter's preferences (runtime.PerThread); indexing,
// which has no thread, uses the interpreter that used them last.
type prefsProxy struct{}

// ForThread implements runtime.PerThread.
func (prefsProxy) ForThread(th *runtime.Thread) runtime.Value {
	return runtime.MakeObj(&prefsView{st: compatOf(th)})
}

func (prefsProxy) view() *prefsView { return &prefsView{st: compatOf(nil)} }

// Type implements runtime.Object.
func (prefsProxy) Type() string { return "BrianGlobalPreferences" }

// String implements runtime.Object.
func (p prefsProxy) String() string { return p.view().String() }

// Truth implements runtime.Object.
func (prefsProxy) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs.
func (p prefsProxy) Attr(name string) (runtime.Value, error) { return p.view().Attr(name) }

// AttrNames implements runtime.HasAttrs.
func (p prefsProxy) AttrNames() []string { return p.view().AttrNames() }

// SetAttr implements runtime.HasSetAttr.
func (p prefsProxy) SetAttr(name string, v runtime.Value) error { return p.view().SetAttr(name, v) }

// Index implements runtime.Indexable: prefs['codegen.target'].
func (p prefsProxy) Index(key runtime.Value) (runtime.Value, error) { return p.view().Index(key) }

// SetIndex implements runtime.HasSetIndex.
func (p prefsProxy) SetIndex(key, v runtime.Value) error { return p.view().SetIndex(key, v) }

// prefsView is the preference tree below prefix ("" for the root).
type prefsView struct {
	st     *compatState
	prefix string
}

func (p *prefsView) full(name string) string {
	if p.prefix == "" {
		return name
	}
	return p.prefix + "." + name
}

// Type implements runtime.Object.
func (p *prefsView) Type() string { return "BrianGlobalPreferences" }

// String implements runtime.Object.
func (p *prefsView) String() string {
	if p.prefix == "" {
		return "<BrianGlobalPreferences>"
	}
	return `<BrianGlobalPreferencesView for preference category "` + p.prefix + `">`
}

// Truth implements runtime.Object.
func (p *prefsView) Truth() (bool, error) { return true, nil }

// AttrNames implements runtime.HasAttrs: the next level of names.
func (p *prefsView) AttrNames() []string {
	seen := map[string]bool{}
	var out []string
	pre := p.full("")
	for _, k := range prefKeys {
		if strings.HasPrefix(k, pre) {
			n, _, _ := strings.Cut(k[len(pre):], ".")
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	if p.prefix == "" {
		out = append(out, "get", "keys", "reset_to_defaults", "__doc__")
	}
	return out
}

// Attr implements runtime.HasAttrs.
func (p *prefsView) Attr(name string) (runtime.Value, error) {
	if p.prefix == "" {
		switch name {
		case "__doc__":
			return runtime.MakeStr(prefsDoc), nil
		case "keys":
			return runtime.NewBuiltin("keys", func(*runtime.Thread, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
				return runtime.NewStrList(prefKeys), nil
			}), nil
		case "get":
			return runtime.NewBuiltin("get", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
				var key string
				def := runtime.None
				if err := runtime.UnpackArgs("get", args, kwargs, "key", &key, "default?", &def); err != nil {
					return runtime.Value{}, err
				}
				if _, ok := prefDefs[key]; !ok {
					return def, nil
				}
				return p.st.getPref(key)
			}), nil
		case "reset_to_defaults":
			return runtime.NewBuiltin("reset_to_defaults", func(*runtime.Thread, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
				p.st.mu.Lock()
				p.st.prefs = defaultPrefs()
				p.st.mu.Unlock()
				p.st.setLogLevel(levelInfo)
				return runtime.None, nil
			}), nil
		}
	}
	key := p.full(name)
	if _, ok := prefDefs[key]; !ok && !isPrefCategory(key) {
		return runtime.Value{}, unknownPref(key)
	}
	return p.st.getPref(key)
}

// SetAttr implements runtime.HasSetAttr.
func (p *prefsView) SetAttr(name string, v runtime.Value) error {
	return p.st.setPref(p.full(name), v)
}

// Index implements runtime.Indexable.
func (p *prefsView) Index(key runtime.Value) (runtime.Value, error) {
	k, ok := runtime.AsString(key)
	if !ok {
		return runtime.Value{}, runtime.Errorf("preference keys are strings, not %s", runtime.TypeName(key))
	}
	return p.st.getPref(p.full(k))
}

// SetIndex implements runtime.HasSetIndex.
func (p *prefsView) SetIndex(key, v runtime.Value) error {
	k, ok := runtime.AsString(key)
	if !ok {
		return runtime.Errorf("preference keys are strings, not %s", runtime.TypeName(key))
	}
	return p.st.setPref(p.full(k), v)
}
