package ml

import (
	"regexp"
	"strings"

	"github.com/sim-lang/sim/runtime"
)

var _ = def("make_column_selector", makeColumnSelector, "compose")

// colSelector is make_column_selector's callable: given a DataFrame it
// returns the names of the columns whose name matches pattern (a regular
// expression searched in the name) and whose kind is included and not
// excluded. A column's kind is "number" for numeric columns and "object"
// for categorical (string) ones.
type colSelector struct {
	pattern          *regexp.Regexp
	include, exclude []string
	repr             string
}

// numberKinds and objectKinds are the dtype names each column kind answers to.
var (
	numberKinds = []string{"number", "float", "float64", "int", "int64", "numeric"}
	objectKinds = []string{"object", "category", "string", "str", "O"}
)

func makeColumnSelector(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "make_column_selector"
	var pat, inc, exc runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "pattern?", &pat, "dtype_include?", &inc, "dtype_exclude?", &exc); err != nil {
		return runtime.Value{}, err
	}
	s := &colSelector{repr: "make_column_selector(...)"}
	if pat.IsValid() && !pat.IsNone() {
		p, ok := runtime.AsString(pat)
		if !ok {
			return runtime.Value{}, runtime.Errorf("%s: pattern must be a string, not %s", fn, runtime.TypeName(pat))
		}
		re, err := regexp.Compile(p)
		if err != nil {
			return runtime.Value{}, runtime.Errorf("%s: bad pattern %q: %v", fn, p, err)
		}
		s.pattern = re
	}
	var err error
	if s.include, err = dtypeList(fn, "dtype_include", inc); err != nil {
		return runtime.Value{}, err
	}
	if s.exclude, err = dtypeList(fn, "dtype_exclude", exc); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(s), nil
}

// dtypeList reads dtype_include/dtype_exclude: a dtype name or a list of
// them, each mapped to "number" or "object"; the types float, int and
// str are accepted by name too.
func dtypeList(fn, name string, v runtime.Value) ([]string, error) {
	if !v.IsValid() || v.IsNone() {
		return nil, nil
	}
	var items []runtime.Value
	if _, ok := runtime.AsString(v); ok {
		items = []runtime.Value{v}
	} else if l, err := listOf(fn, name, v); err == nil {
		items = l
	} else {
		items = []runtime.Value{v}
	}
	var out []string
	for _, x := range items {
		s, ok := runtime.AsString(x)
		if !ok {
			s = runtime.Repr(x) // a type such as float or str
			s = strings.TrimSuffix(strings.TrimPrefix(s, "<class '"), "'>")
		}
		switch {
		case contains(numberKinds, s):
			out = append(out, "number")
		case contains(objectKinds, s):
			out = append(out, "object")
		default:
			return nil, runtime.Errorf("%s: %s must name 'number' or 'object' (or 'category'), not %s", fn, name, runtime.Repr(x))
		}
	}
	return out, nil
}

// Type implements runtime.Object.
func (s *colSelector) Type() string { return "make_column_selector" }

// String implements runtime.Object.
func (s *colSelector) String() string { return s.repr }

// Truth implements runtime.Object.
func (s *colSelector) Truth() (bool, error) { return true, nil }

// Name implements runtime.Callable.
func (s *colSelector) Name() string { return "make_column_selector" }

// Call implements runtime.Callable: the selected column names of df.
func (s *colSelector) Call(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var df runtime.Value
	if err := runtime.UnpackArgs("make_column_selector", args, kwargs, "df", &df); err != nil {
		return runtime.Value{}, err
	}
	t, ok := df.Obj().(*Table)
	if !ok {
		return runtime.Value{}, runtime.Errorf("make_column_selector can only be applied to pandas dataframes (a DataFrame), not %s", runtime.TypeName(df))
	}
	var out []string
	for _, c := range t.cols {
		kind := "number"
		if c.isCat {
			kind = "object"
		}
		if s.include != nil && !contains(s.include, kind) {
			continue
		}
		if contains(s.exclude, kind) {
			continue
		}
		if s.pattern != nil && !s.pattern.MatchString(c.name) {
			continue
		}
		out = append(out, c.name)
	}
	return strList(out), nil
}
