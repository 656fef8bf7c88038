package runtime

import (
	"io"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/sim-lang/sim/lang"
)

// The built-in functions predeclared in every script. Conversion
// functions that are also types (int, float, str, bool, list, tuple,
// dict) are Type objects; see builtins_conv.go.
func init() {
	for name, fn := range map[string]BuiltinFunc{
		"print":      builtinPrint,
		"len":        builtinLen,
		"repr":       oneArg("repr", func(v Value) (Value, error) { return MakeStr(Repr(v)), nil }),
		"type":       builtinType,
		"isinstance": builtinIsinstance,
		"hasattr":    builtinHasattr,
		"dir":        builtinDir,
		"getattr":    builtinGetattr,
		"setattr":    builtinSetattr,
		"format":     builtinFormat,
		"chr":        builtinChr,
		"ord":        builtinOrd,
		"hash":       oneArg("hash", builtinHash),
		"callable":   oneArg("callable", builtinCallable),
		"abs":        oneArg("abs", Abs),
		"round":      builtinRound,
		"divmod":     builtinDivmod,
		"pow":        builtinPow,
		"range":      builtinRange,
		"enumerate":  builtinEnumerate,
		"zip":        builtinZip,
		"map":        builtinMap,
		"filter":     builtinFilter,
		"sorted":     builtinSorted,
		"reversed":   builtinReversed,
		"min":        minMax("min", -1),
		"max":        minMax("max", 1),
		"sum":        builtinSum,
		"any":        anyAll("any", true),
		"all":        anyAll("all", false),
	} {
		Predeclare(name, NewBuiltinFlags(name, coreFlags[name], fn))
	}
	// the script being run is __main__; an imported .sim file gets its own
	// name as a global (so `if __name__ == "__main__":` works as in Python)
	Predeclare("__name__", MakeStr("__main__"))
}

// coreFlags marks the builtins that only read their arguments during the
// call (BorrowsArgs: no copy of the argument list per call).
var coreFlags = map[string]BuiltinFlags{
	"print": BorrowsArgs, "len": BorrowsArgs, "repr": BorrowsArgs, "isinstance": BorrowsArgs,
	"hasattr": BorrowsArgs, "getattr": BorrowsArgs, "chr": BorrowsArgs, "ord": BorrowsArgs,
	"hash": BorrowsArgs, "callable": BorrowsArgs, "abs": BorrowsArgs, "round": BorrowsArgs,
	"divmod": BorrowsArgs, "pow": BorrowsArgs, "min": BorrowsArgs, "max": BorrowsArgs,
	"sum": BorrowsArgs, "any": BorrowsArgs, "all": BorrowsArgs,
}

// oneArg adapts a function of one positional argument.
func oneArg(name string, f func(Value) (Value, error)) BuiltinFunc {
	return func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		var x Value
		if err := UnpackArgs(name, args, kwargs, "x", &x); err != nil {
			return Value{}, err
		}
		return f(x)
	}
}

func builtinPrint(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	sep, end := " ", "\n"
	for _, kw := range kwargs {
		switch kw.Name {
		case "sep", "end":
			s := " "
			if kw.Name == "end" {
				s = "\n"
			}
			if !kw.Value.IsNone() {
				var ok bool
				if s, ok = AsString(kw.Value); !ok {
					return Value{}, Errorf("%s must be None or a string, not %s", kw.Name, TypeName(kw.Value))
				}
			}
			if kw.Name == "sep" {
				sep = s
			} else {
				end = s
			}
		case "flush":
		case "file":
			if !kw.Value.IsNone() {
				return Value{}, Errorf("print() does not support file=; output goes to the script's stdout")
			}
		default:
			return Value{}, Errorf("print() got an unexpected keyword argument '%s'%s", kw.Name, Suggest(kw.Name, []string{"sep", "end", "file", "flush"}))
		}
	}
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(Str(a))
	}
	b.WriteString(end)
	var w io.Writer = io.Discard
	if th != nil && th.Stdout != nil {
		w = th.Stdout
	}
	_, err := io.WriteString(w, b.String())
	return None, err
}

func builtinLen(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x Value
	if err := UnpackArgs("len", args, kwargs, "obj", &x); err != nil {
		return Value{}, err
	}
	n, err := Len(x)
	return MakeInt(int64(n)), err
}

func builtinType(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if len(args) != 1 || len(kwargs) != 0 {
		return Value{}, Errorf("type() takes 1 argument")
	}
	return MakeObj(TypeOf(args[0])), nil
}

func builtinIsinstance(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x, cls Value
	if err := UnpackArgs("isinstance", args, kwargs, "obj", &x, "class_or_tuple", &cls); err != nil {
		return Value{}, err
	}
	cands := []Value{cls}
	if t, ok := cls.obj.(Tuple); ok {
		cands = t
	}
	for _, c := range cands {
		t, ok := c.obj.(*Type)
		if !ok {
			return Value{}, Errorf("isinstance() arg 2 must be a type or tuple of types, not %s", TypeName(c))
		}
		if IsInstance(x, t) {
			return True, nil
		}
	}
	return False, nil
}

// builtinDir is dir(obj): the sorted attribute names of obj; dir() lists
// the names defined where it is called.
func builtinDir(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x Value
	if err := UnpackArgs("dir", args, kwargs, "obj?", &x); err != nil {
		return Value{}, err
	}
	var names []string
	if x.IsValid() {
		names = AttrNamesOf(x)
	} else {
		seen := map[string]bool{}
		for _, n := range CallerNames(th) {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
		sort.Strings(names)
	}
	return NewStrList(names), nil
}

func builtinHasattr(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x Value
	var name string
	if err := UnpackArgs("hasattr", args, kwargs, "obj", &x, "name", &name); err != nil {
		return Value{}, err
	}
	return MakeBool(HasAttr(x, name)), nil
}

func builtinGetattr(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x, def Value
	var name string
	if err := UnpackArgs("getattr", args, kwargs, "obj", &x, "name", &name, "default?", &def); err != nil {
		return Value{}, err
	}
	v, err := GetAttrOn(th, x, name)
	if err != nil && def.IsValid() {
		return def, nil
	}
	return v, err
}

func builtinSetattr(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x, v Value
	var name string
	if err := UnpackArgs("setattr", args, kwargs, "obj", &x, "name", &name, "value", &v); err != nil {
		return Value{}, err
	}
	return None, SetAttrOn(th, x, name, v)
}

func builtinFormat(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x Value
	spec := ""
	if err := UnpackArgs("format", args, kwargs, "value", &x, "format_spec?", &spec); err != nil {
		return Value{}, err
	}
	s, err := FormatSpec(x, spec)
	return MakeStr(s), err
}

func builtinChr(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var i int64
	if err := UnpackArgs("chr", args, kwargs, "i", &i); err != nil {
		return Value{}, err
	}
	if i < 0 || i > 0x10ffff {
		return Value{}, Errorf("chr() arg not in range(0x110000)")
	}
	return MakeStr(string(rune(i))), nil
}

func builtinOrd(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var s string
	if err := UnpackArgs("ord", args, kwargs, "c", &s); err != nil {
		return Value{}, err
	}
	rs := []rune(s)
	if len(rs) != 1 {
		return Value{}, Errorf("ord() expected a character, but string of length %d found", len(rs))
	}
	return MakeInt(int64(rs[0])), nil
}

func builtinHash(v Value) (Value, error) {
	h, err := Hash(v)
	if err != nil {
		return Value{}, err
	}
	if i, ok := v.ToInt(); ok {
		return MakeInt(i), nil // ints hash to themselves, as in Python
	}
	if f, ok := v.ToFloat(); ok && f == math.Trunc(f) && math.Abs(f) < 9e18 {
		return MakeInt(int64(f)), nil // so hash(1.0) == hash(1)
	}
	return MakeInt(int64(h >> 1)), nil
}

func builtinCallable(v Value) (Value, error) {
	_, ok := v.obj.(Callable)
	return MakeBool(ok), nil
}

// Abs returns abs(x) for numbers, quantities and objects implementing
// HasAbs.
func Abs(x Value) (Value, error) {
	switch x.kind {
	case BoolKind, IntKind:
		i, _ := x.ToInt()
		if i == minInt {
			return Value{}, errOverflow
		}
		if i < 0 {
			i = -i
		}
		return MakeInt(i), nil
	case FloatKind:
		return MakeFloat(math.Abs(x.AsFloat())), nil
	}
	switch o := x.obj.(type) {
	case Quantity:
		return MakeObj(Quantity{math.Abs(o.V), o.D}), nil
	case HasAbs:
		return o.Abs()
	}
	return Value{}, Errorf("bad operand type for abs(): '%s'", TypeName(x))
}

func builtinRound(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x, nd Value
	if err := UnpackArgs("round", args, kwargs, "number", &x, "ndigits?", &nd); err != nil {
		return Value{}, err
	}
	hasNd := nd.IsValid() && !nd.IsNone()
	n := int64(0)
	if hasNd {
		var ok bool
		if n, ok = nd.ToInt(); !ok {
			return Value{}, Errorf("'%s' object cannot be interpreted as an integer", TypeName(nd))
		}
	}
	switch x.kind {
	case BoolKind, IntKind:
		i, _ := x.ToInt()
		if !hasNd || n >= 0 {
			return MakeInt(i), nil
		}
		return MakeInt(roundInt(i, -n)), nil
	case FloatKind:
		f := x.AsFloat()
		if !hasNd {
			return floatToInt(math.RoundToEven(f))
		}
		return MakeFloat(RoundFloat(f, int(n))), nil
	}
	return Value{}, Errorf("type %s doesn't define __round__ method", TypeName(x))
}

// roundInt rounds i to a multiple of 10^k, halves to even.
func roundInt(i, k int64) int64 {
	if k > 18 {
		return 0
	}
	p := int64(1)
	for ; k > 0; k-- {
		p *= 10
	}
	q, r := floorDivInt(i, p), modInt(i, p)
	if 2*r > p || (2*r == p && q%2 != 0) {
		q++
	}
	return q * p
}

// RoundFloat rounds f to nd decimal digits as Python's round does
// (correctly rounded, halves to even on the exact binary value).
func RoundFloat(f float64, nd int) float64 {
	if math.IsInf(f, 0) || math.IsNaN(f) || f == 0 {
		return f
	}
	if nd > 330 {
		return f
	}
	if nd >= 0 {
		g, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', nd, 64), 64)
		return g
	}
	if nd < -330 {
		return math.Copysign(0, f)
	}
	p := math.Pow(10, float64(-nd))
	return math.RoundToEven(f/p) * p
}

func builtinDivmod(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var a, b Value
	if err := UnpackArgs("divmod", args, kwargs, "x", &a, "y", &b); err != nil {
		return Value{}, err
	}
	q, err := Binary(lang.SlashSlash, a, b)
	if err != nil {
		return Value{}, err
	}
	r, err := Binary(lang.Percent, a, b)
	if err != nil {
		return Value{}, err
	}
	return MakeTuple(q, r), nil
}

func builtinPow(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var base, exp, mod Value
	if err := UnpackArgs("pow", args, kwargs, "base", &base, "exp", &exp, "mod?", &mod); err != nil {
		return Value{}, err
	}
	if !mod.IsValid() || mod.IsNone() {
		return Binary(lang.StarStar, base, exp)
	}
	b, ok1 := base.ToInt()
	e, ok2 := exp.ToInt()
	m, ok3 := mod.ToInt()
	if !ok1 || !ok2 || !ok3 {
		return Value{}, Errorf("pow() 3rd argument not allowed unless all arguments are integers")
	}
	if m == 0 {
		return Value{}, Errorf("pow() 3rd argument cannot be 0")
	}
	bb, mm := big.NewInt(b), big.NewInt(m)
	if e < 0 {
		inv := new(big.Int).ModInverse(new(big.Int).Mod(bb, new(big.Int).Abs(mm)), new(big.Int).Abs(mm))
		if inv == nil {
			return Value{}, Errorf("base is not invertible for the given modulus")
		}
		bb, e = inv, -e
	}
	r := new(big.Int).Exp(bb, big.NewInt(e), new(big.Int).Abs(mm))
	res := r.Int64()
	if m < 0 && res != 0 {
		res += m
	}
	return MakeInt(res), nil
}
