package runtime

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/sim-lang/sim/compiler"
)

// simModules caches the .sim files imported from one root environment
// (each runs once) and tracks those being loaded, to detect cycles.
type simModules struct {
	cache   map[string]*Module
	loading []string
}

func newSimModules() *simModules { return &simModules{cache: map[string]*Module{}} }

// importOp performs IMPORT, IMPORTPKG and IMPORTFILE.
func (e *Env) importOp(th *Thread, op compiler.Opcode, name, importer string) (Value, error) {
	switch op {
	case compiler.IMPORTFILE:
		m, err := e.importFile(th, name, importer)
		if err != nil {
			return Value{}, err
		}
		return MakeObj(m), nil
	case compiler.IMPORTPKG:
		m, err := e.importModule(th, name, importer)
		if err != nil {
			return Value{}, err
		}
		parts := strings.Split(name, ".")
		pkg := e.pkgs[parts[0]]
		if pkg == nil {
			pkg = newPackage(parts[0])
			e.pkgs[parts[0]] = pkg
		}
		cur := pkg
		for i := 1; i < len(parts)-1; i++ {
			sub, ok := cur.Members[parts[i]].obj.(*Module)
			if !ok {
				sub = newPackage(strings.Join(parts[:i+1], "."))
				cur.Members[parts[i]] = MakeObj(sub)
			}
			cur = sub
		}
		cur.Members[parts[len(parts)-1]] = MakeObj(m)
		return MakeObj(pkg), nil
	}
	m, err := e.importModule(th, name, importer)
	if err != nil {
		return Value{}, err
	}
	return MakeObj(m), nil
}

// newPackage returns a package-like module for the first components of a
// dotted import, holding the registered module of that name's members if
// there is one.
func newPackage(name string) *Module {
	pkg := &Module{Name: name, Members: map[string]Value{}}
	if m, ok := LoadModule(name); ok {
		for k, v := range m.Members {
			pkg.Members[k] = v
		}
	}
	return pkg
}

// importModule loads a registered module, or name.sim next to the importer.
func (e *Env) importModule(th *Thread, name, importer string) (*Module, error) {
	if m, ok := LoadModule(name); ok {
		return m, nil
	}
	if !strings.Contains(name, ".") {
		// name.sim next to the importer, else name.py (a Python script's
		// helper module, such as Brian2 examples' params.py)
		for _, ext := range []string{".sim", ".py"} {
			path := filepath.Join(e.baseDir(importer), name+ext)
			if _, err := os.Stat(path); err == nil {
				return e.loadSim(th, path)
			}
		}
	}
	if pkg, ok := packageModule(name); ok {
		return pkg, nil
	}
	return nil, Errorf("no module named '%s' (available: %s)", name, strings.Join(ModuleNames(), ", "))
}

// packageModule returns a package for a name that only prefixes registered
// modules (`import scipy` gives scipy.integrate, scipy.optimize and
// scipy.stats as attributes); ok is false when nothing is registered
// under it.
func packageModule(name string) (*Module, bool) {
	prefix := name + "."
	pkg := &Module{Name: name, Members: map[string]Value{}}
	for _, n := range ModuleNames() {
		sub, ok := strings.CutPrefix(n, prefix)
		if !ok || strings.Contains(sub, ".") {
			continue
		}
		if m, ok := LoadModule(n); ok {
			pkg.Members[sub] = MakeObj(m)
		}
	}
	return pkg, len(pkg.Members) > 0
}

// baseDir is the directory imports in importer are relative to.
func (e *Env) baseDir(importer string) string {
	if importer == "" || strings.HasPrefix(importer, "<") {
		return e.Dir
	}
	return filepath.Dir(importer)
}

// importFile loads a .sim file named by path relative to the importer.
func (e *Env) importFile(th *Thread, path, importer string) (*Module, error) {
	if !filepath.IsAbs(path) {
		path = filepath.Join(e.baseDir(importer), path)
	}
	if _, err := os.Stat(path); err != nil {
		return nil, Errorf("cannot import '%s': no such file", path)
	}
	return e.loadSim(th, path)
}

// loadSim runs a .sim file once in its own environment and returns its
// globals as a module.
func (e *Env) loadSim(th *Thread, path string) (*Module, error) {
	key, err := filepath.Abs(path)
	if err != nil {
		key = path
	}
	mods := e.mods
	if m, ok := mods.cache[key]; ok {
		return m, nil
	}
	for i, l := range mods.loading {
		if l == key {
			chain := append(append([]string(nil), mods.loading[i:]...), key)
			for j := range chain {
				chain[j] = filepath.Base(chain[j])
			}
			return nil, Errorf("import cycle: %s", strings.Join(chain, " imports "))
		}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, Errorf("cannot import '%s': %v", path, err)
	}
	mods.loading = append(mods.loading, key)
	defer func() { mods.loading = mods.loading[:len(mods.loading)-1] }()
	child := &Env{Dir: filepath.Dir(path), table: compiler.NewGlobals(), mods: mods, pkgs: map[string]*Module{}}
	modName := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(path), ".sim"), ".py")
	child.Set("__name__", MakeStr(modName))
	if err := child.Exec(th, path, string(src)); err != nil {
		return nil, err
	}
	m := &Module{Name: modName, Members: map[string]Value{}}
	for i, v := range child.globals {
		if v.IsValid() {
			m.Members[child.table.Name(i)] = v
		}
	}
	mods.cache[key] = m
	return m, nil
}

// importMember returns the member name of the module value m.
func importMember(m Value, name string) (Value, error) {
	if mod, ok := m.obj.(*Module); ok {
		if v, ok := mod.Members[name]; ok {
			return v, nil
		}
		if v, err := mod.Attr(name); err == nil && v.IsValid() {
			return v, nil
		}
		return Value{}, Errorf("cannot import name '%s' from '%s'%s", name, mod.Name, Suggest(name, mod.AttrNames()))
	}
	v, err := GetAttr(m, name)
	if err != nil {
		return Value{}, Errorf("cannot import name '%s' from %s", name, Repr(m))
	}
	return v, nil
}

// importStar copies a module's public members into e's globals.
func (e *Env) importStar(m Value) {
	mod, ok := m.obj.(*Module)
	if !ok {
		return
	}
	for k, v := range mod.Members {
		if !strings.HasPrefix(k, "_") {
			e.Set(k, v)
		}
	}
}
