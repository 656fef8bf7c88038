package runtime

import (
	"bytes"
	"testing"
)

// callAttr calls recv.name(args...).
func callAttr(t *testing.T, recv Value, name string, args []Value, kwargs []Kwarg) (Value, error) {
	t.Helper()
	m, err := GetAttr(recv, name)
	if err != nil {
		return Value{}, err
	}
	return Call(NewThread("test"), m, args, kwargs)
}

// callBuiltin calls the predeclared function name.
func callBuiltin(t *testing.T, name string, args []Value, kwargs []Kwarg) (Value, error) {
	t.Helper()
	fn, ok := LookupPredeclared(name)
	if !ok {
		t.Fatalf("builtin %s missing", name)
	}
	return Call(NewThread("test"), fn, args, kwargs)
}

func args(vs ...Value) []Value { return vs }

func TestStrMethods(t *testing.T) {
	cases := []struct {
		recv   string
		method string
		args   []Value
		want   string
	}{
		{"a,b,,c", "split", args(S(",")), "list ['a', 'b', '', 'c']"},
		{"  a b  c ", "split", nil, "list ['a', 'b', 'c']"},
		{"a b c", "split", args(None, I(1)), "list ['a', 'b c']"},
		{"a b c", "rsplit", args(None, I(1)), "list ['a b', 'c']"},
		{"a-b-c", "rsplit", args(S("-"), I(1)), "list ['a-b', 'c']"},
		{" x ", "strip", nil, "str 'x'"},
		{"xxhixx", "strip", args(S("x")), "str 'hi'"},
		{"xxhixx", "lstrip", args(S("x")), "str 'hixx'"},
		{"aXbXc", "replace", args(S("X"), S("-"), I(1)), "str 'a-bXc'"},
		{"abc", "startswith", args(T(S("x"), S("a"))), "bool True"},
		{"abc", "endswith", args(S("bc")), "bool True"},
		{"hello", "find", args(S("l")), "int 2"},
		{"hello", "rfind", args(S("l")), "int 3"},
		{"hello", "find", args(S("z")), "int -1"},
		{"héllo", "find", args(S("l")), "int 2"},
		{"hello", "count", args(S("l")), "int 2"},
		{"a", "index", args(S("b")), "error: substring not found"},
		{"12", "isdigit", nil, "bool True"},
		{"ab1", "isalpha", nil, "bool False"},
		{"they're bill's", "title", nil, "str \"They'Re Bill'S\""},
		{"hELLO", "capitalize", nil, "str 'Hello'"},
		{"Ab", "upper", nil, "str 'AB'"},
		{"Ab", "lower", nil, "str 'ab'"},
		{"a:b:c", "partition", args(S(":")), "tuple ('a', ':', 'b:c')"},
		{"a:b:c", "rpartition", args(S(":")), "tuple ('a:b', ':', 'c')"},
		{"ab", "ljust", args(I(4), S(".")), "str 'ab..'"},
		{"ab", "rjust", args(I(4)), "str '  ab'"},
		{"abc", "center", args(I(6)), "str ' abc  '"},
		{"ab", "center", args(I(7), S("*")), "str '***ab**'"},
		{"x", "zfill", args(I(5)), "str '0000x'"},
		{"-3", "zfill", args(I(5)), "str '-0003'"},
		{"a\nb\r\nc", "splitlines", nil, "list ['a', 'b', 'c']"},
		{"a\nb\n", "splitlines", args(True), "list ['a\\n', 'b\\n']"},
		{"-", "join", args(L(S("a"), S("b"))), "str 'a-b'"},
		{"-", "join", args(L(S("a"), I(1))), "error: sequence item 1: expected str instance, int found"},
		{"{} is {:.1f}", "format", args(S("x"), F(2.25)), "str 'x is 2.2'"},
	}
	for _, c := range cases {
		got := result(callAttr(t, S(c.recv), c.method, c.args, nil))
		if got != c.want {
			t.Errorf("%q.%s%s = %s, want %s", c.recv, c.method, Repr(L(c.args...)), got, c.want)
		}
	}
}

func TestListMethods(t *testing.T) {
	l := L(I(3), I(1), I(2))
	steps := []struct {
		method string
		args   []Value
		kwargs []Kwarg
		want   string // the list afterwards, or the error
	}{
		{"append", args(I(4)), nil, "[3, 1, 2, 4]"},
		{"extend", args(T(I(5), I(6))), nil, "[3, 1, 2, 4, 5, 6]"},
		{"insert", args(I(0), I(0)), nil, "[0, 3, 1, 2, 4, 5, 6]"},
		{"insert", args(I(-1), I(9)), nil, "[0, 3, 1, 2, 4, 5, 9, 6]"},
		{"pop", nil, nil, "[0, 3, 1, 2, 4, 5, 9]"},
		{"pop", args(I(0)), nil, "[3, 1, 2, 4, 5, 9]"},
		{"remove", args(I(9)), nil, "[3, 1, 2, 4, 5]"},
		{"remove", args(I(9)), nil, "error: list.remove(x): x not in list"},
		{"sort", nil, nil, "[1, 2, 3, 4, 5]"},
		{"sort", nil, []Kwarg{{"reverse", True}}, "[5, 4, 3, 2, 1]"},
		{"reverse", nil, nil, "[1, 2, 3, 4, 5]"},
		{"index", args(I(7)), nil, "error: 7 is not in list"},
		{"clear", nil, nil, "[]"},
		{"pop", nil, nil, "error: pop from empty list"},
	}
	for _, s := range steps {
		_, err := callAttr(t, l, s.method, s.args, s.kwargs)
		got := Repr(l)
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != s.want {
			t.Errorf("list.%s: got %s, want %s", s.method, got, s.want)
		}
	}
	if v, err := callAttr(t, L(I(1), I(2), I(1)), "count", args(I(1)), nil); err != nil || Repr(v) != "2" {
		t.Errorf("count = %v %v", v, err)
	}
	if v, err := callAttr(t, T(I(1), I(2)), "index", args(I(2)), nil); err != nil || Repr(v) != "1" {
		t.Errorf("tuple.index = %v %v", v, err)
	}
	// Stable sort with a key function.
	words := L(S("bb"), S("a"), S("cc"), S("d"))
	lenFn, _ := LookupPredeclared("len")
	if _, err := callAttr(t, words, "sort", nil, []Kwarg{{"key", lenFn}}); err != nil || Repr(words) != "['a', 'd', 'bb', 'cc']" {
		t.Errorf("sort(key=len) = %s, %v", Repr(words), err)
	}
	if _, err := callAttr(t, words, "sort", nil, []Kwarg{{"key", lenFn}, {"reverse", True}}); err != nil || Repr(words) != "['bb', 'cc', 'a', 'd']" {
		t.Errorf("sort(key=len, reverse=True) = %s, %v", Repr(words), err)
	}
}

func TestDict(t *testing.T) {
	d := NewDict()
	d.Set(I(1), S("a"))
	d.Set(F(1.0), S("b"))
	d.Set(True, S("c"))
	d.Set(S("x"), I(1))
	if Repr(MakeObj(d)) != "{1: 'c', 'x': 1}" || d.Len() != 2 {
		t.Errorf("1 == 1.0 == True keys: %s", Repr(MakeObj(d)))
	}
	if err := d.Set(L(), I(1)); err == nil || err.Error() != "unhashable type: 'list'" {
		t.Errorf("list key error = %v", err)
	}
	d.Set(T(I(1), S("k")), I(2))
	if v, ok, _ := d.Get(T(F(1), S("k"))); !ok || Repr(v) != "2" {
		t.Errorf("tuple key lookup = %v %v", v, ok)
	}
	// Order is kept across deletes and re-inserts.
	for i := int64(0); i < 40; i++ {
		d.Set(I(100+i), I(i))
	}
	for i := int64(0); i < 40; i += 2 {
		d.Delete(I(100 + i))
	}
	d.Set(I(1), S("z"))
	keys := d.Keys()
	if Repr(keys[0]) != "1" || Repr(keys[1]) != "'x'" || Repr(keys[3]) != "101" || len(keys) != 23 {
		t.Errorf("keys after deletes = %s", Repr(L(keys...)))
	}
	e := MakeObj(NewDict())
	steps := []struct {
		method string
		args   []Value
		want   string
	}{
		{"setdefault", args(S("a"), I(1)), "int 1"},
		{"setdefault", args(S("a"), I(2)), "int 1"},
		{"get", args(S("b")), "NoneType None"},
		{"get", args(S("b"), I(0)), "int 0"},
		{"update", args(L(T(S("b"), I(2)))), "NoneType None"},
		{"keys", nil, "list ['a', 'b']"},
		{"values", nil, "list [1, 2]"},
		{"items", nil, "list [('a', 1), ('b', 2)]"},
		{"pop", args(S("a")), "int 1"},
		{"pop", args(S("a")), "error: key 'a' not in dict"},
		{"pop", args(S("a"), None), "NoneType None"},
		{"copy", nil, "dict {'b': 2}"},
	}
	for _, s := range steps {
		if got := result(callAttr(t, e, s.method, s.args, nil)); got != s.want {
			t.Errorf("dict.%s = %s, want %s", s.method, got, s.want)
		}
	}
	d2 := NewDict()
	d2.Set(S("b"), I(2))
	if eq, _ := Equal(e, MakeObj(d2)); !eq {
		t.Errorf("dict equality failed: %s", Repr(e))
	}
}

func TestBuiltins(t *testing.T) {
	lenFn, _ := LookupPredeclared("len")
	absFn, _ := LookupPredeclared("abs")
	intT, _ := LookupPredeclared("int")
	strT, _ := LookupPredeclared("str")
	cases := []struct {
		name   string
		args   []Value
		kwargs []Kwarg
		want   string
	}{
		{"len", args(L(I(1), I(2))), nil, "int 2"},
		{"sorted", args(L(I(3), I(1), I(2))), []Kwarg{{"reverse", True}}, "list [3, 2, 1]"},
		{"sorted", args(L(S("b"), S("A"), S("a"))), nil, "list ['A', 'a', 'b']"},
		{"sorted", args(L(S("bb"), S("a"))), []Kwarg{{"key", lenFn}}, "list ['a', 'bb']"},
		{"sorted", args(L(I(1), S("a"))), nil, "error: '<' not supported between instances of 'str' and 'int'"},
		{"max", args(I(3), I(7), I(5)), nil, "int 7"},
		{"min", args(L()), []Kwarg{{"default", I(9)}}, "int 9"},
		{"min", args(L()), nil, "error: min() arg is an empty sequence"},
		{"min", args(L(I(-3), I(2))), []Kwarg{{"key", absFn}}, "int 2"},
		{"sum", args(L(I(1), I(2), I(3)), I(10)), nil, "int 16"},
		{"sum", args(L(F(0.5), I(2))), nil, "float 2.5"},
		{"divmod", args(I(-7), I(2)), nil, "tuple (-4, 1)"},
		{"divmod", args(F(7.5), I(2)), nil, "tuple (3.0, 1.5)"},
		{"divmod", args(I(1), I(0)), nil, "error: integer division or modulo by zero"},
		{"pow", args(I(3), I(4), I(5)), nil, "int 1"},
		{"pow", args(I(3), I(-1), I(7)), nil, "int 5"},
		{"pow", args(I(2), I(-2)), nil, "float 0.25"},
		{"abs", args(I(-3)), nil, "int 3"},
		{"round", args(F(0.5)), nil, "int 0"},
		{"round", args(F(1.5)), nil, "int 2"},
		{"round", args(F(-2.5)), nil, "int -2"},
		{"round", args(F(2.675), I(2)), nil, "float 2.67"},
		{"round", args(F(1234.5678), I(-2)), nil, "float 1200.0"},
		{"round", args(I(1250), I(-2)), nil, "int 1200"},
		{"round", args(I(1350), I(-2)), nil, "int 1400"},
		{"round", args(F(inf())), nil, "error: cannot convert float infinity to integer"},
		{"int", args(S("  -12 ")), nil, "int -12"},
		{"int", args(S("ff"), I(16)), nil, "int 255"},
		{"int", args(S("0o17"), I(0)), nil, "int 15"},
		{"int", args(S("1_000")), nil, "int 1000"},
		{"int", args(S("abc")), nil, "error: invalid literal for int() with base 10: 'abc'"},
		{"int", args(F(-3.9)), nil, "int -3"},
		{"int", args(F(nan())), nil, "error: cannot convert float NaN to integer"},
		{"float", args(S("1_000.5")), nil, "float 1000.5"},
		{"float", args(S(" -inf ")), nil, "float -inf"},
		{"float", args(S("-Infinity")), nil, "float -inf"},
		{"float", args(S("1e-3")), nil, "float 0.001"},
		{"float", args(S("abc")), nil, "error: could not convert string to float: 'abc'"},
		{"float", args(S("0x10")), nil, "error: could not convert string to float: '0x10'"},
		{"str", args(F(1.0)), nil, "str '1.0'"},
		{"str", args(S("a")), nil, "str 'a'"},
		{"bool", args(L()), nil, "bool False"},
		{"list", args(rng(0, 3, 1)), nil, "list [0, 1, 2]"},
		{"tuple", args(S("ab")), nil, "tuple ('a', 'b')"},
		{"dict", args(L(T(S("a"), I(1)))), []Kwarg{{"b", I(2)}}, "dict {'a': 1, 'b': 2}"},
		{"dict", args(L(T(S("a"), I(1), I(2)))), nil, "error: dictionary update sequence element #0 has length 3; 2 is required"},
		{"enumerate", args(S("ab")), []Kwarg{{"start", I(1)}}, "list [(1, 'a'), (2, 'b')]"},
		{"zip", args(L(I(1), I(2), I(3)), S("ab")), nil, "list [(1, 'a'), (2, 'b')]"},
		{"map", args(strT, L(I(1), I(2))), nil, "list ['1', '2']"},
		{"filter", args(None, L(I(0), I(1), S(""), I(2))), nil, "list [1, 2]"},
		{"reversed", args(rng(0, 3, 1)), nil, "list [2, 1, 0]"},
		{"any", args(L(I(0), I(1))), nil, "bool True"},
		{"all", args(L(I(0), I(1))), nil, "bool False"},
		{"all", args(L()), nil, "bool True"},
		{"range", args(I(0), I(10), I(0)), nil, "error: range() arg 3 must not be zero"},
		{"type", args(I(1)), nil, "type <class 'int'>"},
		{"isinstance", args(True, intT), nil, "bool True"},
		{"isinstance", args(S("a"), T(intT, strT)), nil, "bool True"},
		{"isinstance", args(F(1), intT), nil, "bool False"},
		{"hasattr", args(L(), S("append")), nil, "bool True"},
		{"getattr", args(L(), S("nope"), I(5)), nil, "int 5"},
		{"format", args(F(3.14159), S(".2f")), nil, "str '3.14'"},
		{"chr", args(I(65)), nil, "str 'A'"},
		{"chr", args(I(-1)), nil, "error: chr() arg not in range(0x110000)"},
		{"ord", args(S("é")), nil, "int 233"},
		{"ord", args(S("ab")), nil, "error: ord() expected a character, but string of length 2 found"},
		{"hash", args(L()), nil, "error: unhashable type: 'list'"},
		{"callable", args(lenFn), nil, "bool True"},
		{"callable", args(intT), nil, "bool True"},
		{"callable", args(I(1)), nil, "bool False"},
		{"repr", args(S("a")), nil, "str \"'a'\""},
	}
	for _, c := range cases {
		got := result(callBuiltin(t, c.name, c.args, c.kwargs))
		if got != c.want {
			t.Errorf("%s%s = %s, want %s", c.name, Repr(T(c.args...)), got, c.want)
		}
	}
	if h1, _ := callBuiltin(t, "hash", args(F(1.0)), nil); Repr(h1) != "1" {
		t.Errorf("hash(1.0) = %s", Repr(h1))
	}
	ti, _ := callBuiltin(t, "type", args(I(1)), nil)
	if !Identical(ti, intT) {
		t.Error("type(1) is not int")
	}
}

func TestPrint(t *testing.T) {
	var buf bytes.Buffer
	th := NewThread("test")
	th.Stdout = &buf
	fn, _ := LookupPredeclared("print")
	if _, err := Call(th, fn, args(S("a"), I(1), F(2.5), None), []Kwarg{{"sep", S("|")}, {"end", S("!\n")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := Call(th, fn, args(L(S("x"))), nil); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "a|1|2.5|None!\n['x']\n" {
		t.Errorf("print wrote %q", buf.String())
	}
}
