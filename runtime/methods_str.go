package runtime

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func init() {
	registerMethods("str", map[string]method{
		"format": func(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
			s, err := StrFormat(recvStr(recv), args, kwargs)
			return MakeStr(s), err
		},
		"join":       strJoin,
		"split":      func(th *Thread, r Value, a []Value, kw []Kwarg) (Value, error) { return strSplit("split", r, a, kw) },
		"rsplit":     func(th *Thread, r Value, a []Value, kw []Kwarg) (Value, error) { return strSplit("rsplit", r, a, kw) },
		"strip":      strStripper("strip", strings.Trim, strings.TrimSpace),
		"lstrip":     strStripper("lstrip", strings.TrimLeft, func(s string) string { return strings.TrimLeftFunc(s, unicode.IsSpace) }),
		"rstrip":     strStripper("rstrip", strings.TrimRight, func(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }),
		"replace":    strReplace,
		"startswith": strAffix("startswith", strings.HasPrefix),
		"endswith":   strAffix("endswith", strings.HasSuffix),
		"upper":      strMap("upper", strings.ToUpper),
		"lower":      strMap("lower", strings.ToLower),
		"title":      strMap("title", strTitle),
		"capitalize": strMap("capitalize", strCapitalize),
		"swapcase":   strMap("swapcase", strSwapcase),
		"find":       strFinder("find", false, false),
		"rfind":      strFinder("rfind", true, false),
		"index":      strFinder("index", false, true),
		"rindex":     strFinder("rindex", true, true),
		"count":      strCount,
		"isdigit":    strIs("isdigit", unicode.IsDigit),
		"isalpha":    strIs("isalpha", unicode.IsLetter),
		"isspace":    strIs("isspace", unicode.IsSpace),
		"isalnum":    strIs("isalnum", func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }),
		"isupper":    strCased("isupper", unicode.IsUpper, unicode.IsLower),
		"islower":    strCased("islower", unicode.IsLower, unicode.IsUpper),
		"splitlines": strSplitlines,
		"zfill":      strZfill,
		"center":     strJustifier("center"),
		"ljust":      strJustifier("ljust"),
		"rjust":      strJustifier("rjust"),
		"partition":  strPartitioner("partition", false),
		"rpartition": strPartitioner("rpartition", true),
	})
}

func recvStr(v Value) string { s, _ := AsString(v); return s }

func strMap(name string, f func(string) string) method {
	return func(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := UnpackArgs(name, args, kwargs); err != nil {
			return Value{}, err
		}
		return MakeStr(f(recvStr(recv))), nil
	}
}

func strTitle(s string) string {
	var b strings.Builder
	prevCased := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) && !prevCased:
			b.WriteRune(unicode.ToTitle(r))
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
		}
		prevCased = unicode.IsLetter(r)
	}
	return b.String()
}

func strCapitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + strings.ToLower(s[n:])
}

func strSwapcase(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		return unicode.ToUpper(r)
	}, s)
}

func strIs(name string, pred func(rune) bool) method {
	return func(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := UnpackArgs(name, args, kwargs); err != nil {
			return Value{}, err
		}
		s := recvStr(recv)
		if s == "" {
			return False, nil
		}
		for _, r := range s {
			if !pred(r) {
				return False, nil
			}
		}
		return True, nil
	}
}

// strCased implements isupper/islower: at least one cased character and
// none of the opposite case.
func strCased(name string, want, bad func(rune) bool) method {
	return func(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := UnpackArgs(name, args, kwargs); err != nil {
			return Value{}, err
		}
		seen := false
		for _, r := range recvStr(recv) {
			if bad(r) {
				return False, nil
			}
			seen = seen || want(r)
		}
		return MakeBool(seen), nil
	}
}

func strJoin(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	var it Value
	if err := UnpackArgs("join", args, kwargs, "iterable", &it); err != nil {
		return Value{}, err
	}
	elems, err := ToSlice(it)
	if err != nil {
		return Value{}, Errorf("can only join an iterable")
	}
	parts := make([]string, len(elems))
	for i, e := range elems {
		s, ok := AsString(e)
		if !ok {
			return Value{}, Errorf("sequence item %d: expected str instance, %s found", i, TypeName(e))
		}
		parts[i] = s
	}
	return MakeStr(strings.Join(parts, recvStr(recv))), nil
}

// strSplit implements split and rsplit.
func strSplit(name string, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	var sepV Value
	maxsplit := -1
	if err := UnpackArgs(name, args, kwargs, "sep?", &sepV, "maxsplit?", &maxsplit); err != nil {
		return Value{}, err
	}
	s := recvStr(recv)
	var parts []string
	if !sepV.IsValid() || sepV.IsNone() {
		parts = splitWhitespace(s, maxsplit, name == "rsplit")
	} else {
		sep, ok := AsString(sepV)
		if !ok {
			return Value{}, Errorf("must be str or None, not %s", TypeName(sepV))
		}
		if sep == "" {
			return Value{}, Errorf("empty separator")
		}
		if maxsplit < 0 {
			parts = strings.Split(s, sep)
		} else if name == "split" {
			parts = strings.SplitN(s, sep, maxsplit+1)
		} else {
			parts = rsplitN(s, sep, maxsplit)
		}
	}
	out := make([]Value, len(parts))
	for i, p := range parts {
		out[i] = MakeStr(p)
	}
	return NewList(out), nil
}

func rsplitN(s, sep string, n int) []string {
	var rev []string
	for n > 0 {
		i := strings.LastIndex(s, sep)
		if i < 0 {
			break
		}
		rev = append(rev, s[i+len(sep):])
		s = s[:i]
		n--
	}
	out := []string{s}
	for i := len(rev) - 1; i >= 0; i-- {
		out = append(out, rev[i])
	}
	return out
}

// splitWhitespace splits on runs of whitespace as Python's split() and
// rsplit() without a separator do.
func splitWhitespace(s string, maxsplit int, fromRight bool) []string {
	if maxsplit < 0 {
		return strings.Fields(s)
	}
	var out []string
	if !fromRight {
		for {
			s = strings.TrimLeftFunc(s, unicode.IsSpace)
			if s == "" {
				return out
			}
			if len(out) == maxsplit {
				return append(out, s)
			}
			i := strings.IndexFunc(s, unicode.IsSpace)
			if i < 0 {
				return append(out, s)
			}
			out = append(out, s[:i])
			s = s[i:]
		}
	}
	var rev []string
	for {
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		if len(rev) == maxsplit {
			rev = append(rev, s)
			break
		}
		i := strings.LastIndexFunc(s, unicode.IsSpace)
		if i < 0 {
			rev = append(rev, s)
			break
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		rev = append(rev, s[i+n:])
		s = s[:i]
	}
	for i := len(rev) - 1; i >= 0; i-- {
		out = append(out, rev[i])
	}
	return out
}

func strStripper(name string, trim func(string, string) string, space func(string) string) method {
	return func(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
		var chars Value
		if err := UnpackArgs(name, args, kwargs, "chars?", &chars); err != nil {
			return Value{}, err
		}
		s := recvStr(recv)
		if !chars.IsValid() || chars.IsNone() {
			return MakeStr(space(s)), nil
		}
		cs, ok := AsString(chars)
		if !ok {
			return Value{}, Errorf("%s arg must be None or str", name)
		}
		return MakeStr(trim(s, cs)), nil
	}
}

func strReplace(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	var old, repl string
	count := -1
	if err := UnpackArgs("replace", args, kwargs, "old", &old, "new", &repl, "count?", &count); err != nil {
		return Value{}, err
	}
	return MakeStr(strings.Replace(recvStr(recv), old, repl, count)), nil
}

// strRange applies optional start/end character positions to s, returning
// the substring and its byte offset in s.
func strRange(s string, start, end Value) (string, int, error) {
	if (!start.IsValid() || start.IsNone()) && (!end.IsValid() || end.IsNone()) {
		return s, 0, nil
	}
	sl := &Slice{Start: start, Stop: end, Step: None}
	if !sl.Start.IsValid() {
		sl.Start = None
	}
	if !sl.Stop.IsValid() {
		sl.Stop = None
	}
	n := strLen(s)
	a, b, _, _, err := sl.Indices(n)
	if err != nil {
		return "", 0, err
	}
	if b < a {
		b = a
	}
	ba, bb := runeOffset(s, a), runeOffset(s, b)
	return s[ba:bb], ba, nil
}

// runeOffset returns the byte offset of the i-th character of s.
func runeOffset(s string, i int) int {
	if isASCII(s) {
		return i
	}
	off := 0
	for k := 0; k < i && off < len(s); k++ {
		_, n := utf8.DecodeRuneInString(s[off:])
		off += n
	}
	return off
}

func strAffix(name string, test func(string, string) bool) method {
	return func(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
		var affix, start, end Value
		if err := UnpackArgs(name, args, kwargs, "prefix", &affix, "start?", &start, "end?", &end); err != nil {
			return Value{}, err
		}
		s, _, err := strRange(recvStr(recv), start, end)
		if err != nil {
			return Value{}, err
		}
		cands := []Value{affix}
		if t, ok := affix.obj.(Tuple); ok {
			cands = t
		}
		for _, c := range cands {
			cs, ok := AsString(c)
			if !ok {
				return Value{}, Errorf("%s first arg must be str or a tuple of str, not %s", name, TypeName(c))
			}
			if test(s, cs) {
				return True, nil
			}
		}
		return False, nil
	}
}

func strFinder(name string, fromRight, raise bool) method {
	return func(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
		var sub string
		var start, end Value
		if err := UnpackArgs(name, args, kwargs, "sub", &sub, "start?", &start, "end?", &end); err != nil {
			return Value{}, err
		}
		full := recvStr(recv)
		s, off, err := strRange(full, start, end)
		if err != nil {
			return Value{}, err
		}
		var i int
		if fromRight {
			i = strings.LastIndex(s, sub)
		} else {
			i = strings.Index(s, sub)
		}
		if i < 0 {
			if raise {
				return Value{}, Errorf("substring not found")
			}
			return MakeInt(-1), nil
		}
		return MakeInt(int64(strLen(full[:off+i]))), nil
	}
}

func strCount(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	var sub string
	var start, end Value
	if err := UnpackArgs("count", args, kwargs, "sub", &sub, "start?", &start, "end?", &end); err != nil {
		return Value{}, err
	}
	s, _, err := strRange(recvStr(recv), start, end)
	if err != nil {
		return Value{}, err
	}
	return MakeInt(int64(strings.Count(s, sub))), nil
}

// isLineBreak reports the characters str.splitlines splits on.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func strSplitlines(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	keep := false
	if err := UnpackArgs("splitlines", args, kwargs, "keepends?", &keep); err != nil {
		return Value{}, err
	}
	s := recvStr(recv)
	var out []Value
	for len(s) > 0 {
		i := strings.IndexFunc(s, isLineBreak)
		if i < 0 {
			out = append(out, MakeStr(s))
			break
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			n = 2
		}
		line := s[:i]
		if keep {
			line = s[:i+n]
		}
		out = append(out, MakeStr(line))
		s = s[i+n:]
	}
	return NewList(out), nil
}

func strZfill(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	var width int
	if err := UnpackArgs("zfill", args, kwargs, "width", &width); err != nil {
		return Value{}, err
	}
	s := recvStr(recv)
	n := strLen(s)
	if width <= n {
		return recv, nil
	}
	sign := ""
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		sign, s = s[:1], s[1:]
	}
	return MakeStr(sign + strings.Repeat("0", width-n) + s), nil
}

func strJustifier(name string) method {
	return func(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
		var width int
		fill := " "
		if err := UnpackArgs(name, args, kwargs, "width", &width, "fillchar?", &fill); err != nil {
			return Value{}, err
		}
		if strLen(fill) != 1 {
			return Value{}, Errorf("The fill character must be exactly one character long")
		}
		s := recvStr(recv)
		marg := width - strLen(s)
		if marg <= 0 {
			return recv, nil
		}
		var left int
		switch name {
		case "ljust":
			left = 0
		case "rjust":
			left = marg
		default:
			left = marg/2 + (marg & width & 1)
		}
		return MakeStr(strings.Repeat(fill, left) + s + strings.Repeat(fill, marg-left)), nil
	}
}

func strPartitioner(name string, fromRight bool) method {
	return func(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
		var sep string
		if err := UnpackArgs(name, args, kwargs, "sep", &sep); err != nil {
			return Value{}, err
		}
		if sep == "" {
			return Value{}, Errorf("empty separator")
		}
		s := recvStr(recv)
		var i int
		if fromRight {
			i = strings.LastIndex(s, sep)
		} else {
			i = strings.Index(s, sep)
		}
		if i < 0 {
			if fromRight {
				return MakeTuple(MakeStr(""), MakeStr(""), recv), nil
			}
			return MakeTuple(recv, MakeStr(""), MakeStr("")), nil
		}
		return MakeTuple(MakeStr(s[:i]), MakeStr(sep), MakeStr(s[i+len(sep):])), nil
	}
}
