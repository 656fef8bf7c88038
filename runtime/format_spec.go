package runtime

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sim-lang/sim/units"
)

// fmtSpec is a parsed format spec:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type].
type fmtSpec struct {
	fill     string
	align    byte // 0, '<', '>', '=', '^'
	sign     byte // 0, '+', '-', ' '
	z        bool
	alt      bool
	zero     bool
	width    int
	grouping byte // 0, ',', '_'
	prec     int  // -1 when absent
	typ      byte // 0 when absent
}

func isAlign(c byte) bool { return c == '<' || c == '>' || c == '=' || c == '^' }

// parseSpec parses Python's format-spec mini-language.
func parseSpec(spec string) (fmtSpec, error) {
	sp := fmtSpec{prec: -1}
	s := spec
	if r, n := utf8.DecodeRuneInString(s); n > 0 && n < len(s) && isAlign(s[n]) {
		sp.fill, sp.align = string(r), s[n]
		s = s[n+1:]
	} else if len(s) > 0 && isAlign(s[0]) {
		sp.align = s[0]
		s = s[1:]
	}
	if len(s) > 0 && (s[0] == '+' || s[0] == '-' || s[0] == ' ') {
		sp.sign = s[0]
		s = s[1:]
	}
	if len(s) > 0 && s[0] == 'z' {
		sp.z = true
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '#' {
		sp.alt = true
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '0' {
		sp.zero = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		sp.width, _ = strconv.Atoi(s[:i])
		s = s[i:]
	}
	if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
		sp.grouping = s[0]
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '.' {
		i = 1
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 1 {
			return sp, Errorf("Format specifier missing precision")
		}
		sp.prec, _ = strconv.Atoi(s[1:i])
		s = s[i:]
	}
	if len(s) > 1 {
		return sp, Errorf("Invalid format specifier '%s'", spec)
	}
	if len(s) == 1 {
		sp.typ = s[0]
	}
	return sp, nil
}

// numeric applies the '0' flag for numbers: zero fill after the sign.
func (sp fmtSpec) numeric() fmtSpec {
	if sp.zero {
		if sp.fill == "" {
			sp.fill = "0"
		}
		if sp.align == 0 {
			sp.align = '='
		}
	}
	return sp
}

// FormatSpec formats v under a format spec such as ".3f" (f-strings,
// format(), str.format). Quantities format their number in the best
// display unit and append the unit: f"{3*mV:.2f}" is "3.00 mV".
func FormatSpec(v Value, spec string) (string, error) {
	if o, ok := v.obj.(HasFormat); ok {
		return o.Format(spec)
	}
	if spec == "" {
		return Str(v), nil
	}
	sp, err := parseSpec(spec)
	if err != nil {
		return "", err
	}
	switch v.kind {
	case BoolKind, IntKind:
		i, _ := v.ToInt()
		return formatInt(i, sp, TypeName(v))
	case FloatKind:
		return formatFloat(v.AsFloat(), sp)
	}
	switch o := v.obj.(type) {
	case String:
		return formatStr(string(o), sp)
	case Quantity:
		num, unit := splitQuantity(o)
		s, err := formatFloat(num, sp)
		if err != nil {
			return "", err
		}
		return s + " " + unit, nil
	}
	return "", Errorf("unsupported format string passed to %s.__format__", TypeName(v))
}

// splitQuantity returns the number and unit text of q's best display form.
func splitQuantity(q Quantity) (float64, string) {
	s := units.Format(q.V, q.D)
	i := strings.IndexByte(s, ' ')
	if i < 0 {
		return q.V, q.D.String()
	}
	f, err := strconv.ParseFloat(s[:i], 64)
	if err != nil {
		return q.V, q.D.String()
	}
	return f, s[i+1:]
}

// pad applies width, fill and alignment. prefix (sign, 0x) stays left of
// the fill under '=' alignment.
func pad(prefix, body string, sp fmtSpec, defAlign byte) string {
	n := utf8.RuneCountInString(prefix) + utf8.RuneCountInString(body)
	if sp.width <= n {
		return prefix + body
	}
	fill := sp.fill
	if fill == "" {
		fill = " "
	}
	k := sp.width - n
	align := sp.align
	if align == 0 {
		align = defAlign
	}
	switch align {
	case '<':
		return prefix + body + strings.Repeat(fill, k)
	case '^':
		return strings.Repeat(fill, k/2) + prefix + body + strings.Repeat(fill, k-k/2)
	case '=':
		return prefix + strings.Repeat(fill, k) + body
	}
	return strings.Repeat(fill, k) + prefix + body
}

// signOf returns the sign text for a number.
func signOf(neg bool, sign byte) string {
	switch {
	case neg:
		return "-"
	case sign == '+':
		return "+"
	case sign == ' ':
		return " "
	}
	return ""
}

// group inserts sep every n digits from the right of digits.
func group(digits string, sep byte, n int) string {
	if sep == 0 || len(digits) <= n {
		return digits
	}
	var b strings.Builder
	first := len(digits) % n
	if first == 0 {
		first = n
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += n {
		b.WriteByte(sep)
		b.WriteString(digits[i : i+n])
	}
	return b.String()
}

// zeroGroup pads digits with zeros so that prefix+grouped digits fill the
// width, grouping the padding too as Python does.
func zeroGroup(prefix, digits string, sp fmtSpec, n int) string {
	g := group(digits, sp.grouping, n)
	if sp.grouping == 0 || sp.fill != "0" || sp.align != '=' {
		return g
	}
	for len(prefix)+len(g) < sp.width {
		digits = "0" + digits
		g = group(digits, sp.grouping, n)
	}
	return g
}

// formatInt formats an int under sp; float presentation types convert it.
func formatInt(i int64, sp fmtSpec, typeName string) (string, error) {
	sp = sp.numeric()
	switch sp.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		return formatFloat(float64(i), sp)
	}
	if sp.prec >= 0 {
		return "", Errorf("Precision not allowed in integer format specifier")
	}
	neg := i < 0
	u := uint64(i)
	if neg {
		u = -u
	}
	base, prefix, n := 10, "", 3
	switch sp.typ {
	case 0, 'd', 'n':
	case 'b':
		base, prefix, n = 2, "0b", 4
	case 'o':
		base, prefix, n = 8, "0o", 4
	case 'x':
		base, prefix, n = 16, "0x", 4
	case 'X':
		base, prefix, n = 16, "0X", 4
	case 'c':
		if sp.sign != 0 {
			return "", Errorf("Sign not allowed with integer format specifier 'c'")
		}
		if i < 0 || i > 0x10ffff {
			return "", Errorf("%%c arg not in range(0x110000)")
		}
		return pad("", string(rune(i)), sp, '<'), nil
	default:
		return "", Errorf("Unknown format code '%c' for object of type '%s'", sp.typ, typeName)
	}
	digits := strconv.FormatUint(u, base)
	if sp.typ == 'X' {
		digits = strings.ToUpper(digits)
	}
	if !sp.alt {
		prefix = ""
	}
	prefix = signOf(neg, sp.sign) + prefix
	return pad(prefix, zeroGroup(prefix, digits, sp, n), sp, '>'), nil
}

// formatFloat formats a float under sp.
func formatFloat(f float64, sp fmtSpec) (string, error) {
	sp = sp.numeric()
	neg := math.Signbit(f) && !math.IsNaN(f)
	a := math.Abs(f)
	prec := sp.prec
	var body string
	upper := false
	switch sp.typ {
	case 0:
		switch {
		case prec < 0:
			body = FormatFloat(a)
		default:
			body = gFormat(a, prec, sp.alt)
			if !strings.ContainsAny(body, ".e") && !math.IsInf(a, 0) && !math.IsNaN(a) {
				body += ".0"
			}
		}
	case 'e', 'E':
		if prec < 0 {
			prec = 6
		}
		body = strconv.FormatFloat(a, 'e', prec, 64)
		if sp.alt && prec == 0 {
			body = strings.Replace(body, "e", ".e", 1)
		}
		upper = sp.typ == 'E'
	case 'f', 'F', '%':
		if prec < 0 {
			prec = 6
		}
		x := a
		if sp.typ == '%' {
			x *= 100
		}
		body = strconv.FormatFloat(x, 'f', prec, 64)
		if sp.alt && prec == 0 {
			body += "."
		}
		if sp.typ == '%' {
			body += "%"
		}
		upper = sp.typ == 'F'
	case 'g', 'G', 'n':
		if prec < 0 {
			prec = 6
		}
		body = gFormat(a, prec, sp.alt)
		upper = sp.typ == 'G'
	default:
		return "", Errorf("Unknown format code '%c' for object of type 'float'", sp.typ)
	}
	if math.IsInf(a, 0) {
		body = "inf"
		if sp.typ == '%' {
			body += "%"
		}
	} else if math.IsNaN(a) {
		body = "nan"
		if sp.typ == '%' {
			body += "%"
		}
	}
	if upper {
		body = strings.ToUpper(body)
	}
	if neg && sp.z && strings.Trim(body, "0.%") == "" {
		neg = false
	}
	if sp.grouping != 0 && !math.IsInf(a, 0) && !math.IsNaN(a) {
		intPart, rest := body, ""
		if k := strings.IndexAny(body, ".eE%"); k >= 0 {
			intPart, rest = body[:k], body[k:]
		}
		prefix := signOf(neg, sp.sign)
		sp2 := sp
		sp2.width -= len(rest)
		return pad(prefix, zeroGroup(prefix, intPart, sp2, 3)+rest, sp, '>'), nil
	}
	return pad(signOf(neg, sp.sign), body, sp, '>'), nil
}

// gFormat is the 'g' presentation of a non-negative a with precision p.
func gFormat(a float64, p int, alt bool) string {
	if math.IsInf(a, 0) || math.IsNaN(a) {
		return "inf"
	}
	if p == 0 {
		p = 1
	}
	es := strconv.FormatFloat(a, 'e', p-1, 64)
	k := strings.IndexByte(es, 'e')
	exp, _ := strconv.Atoi(es[k+1:])
	var s string
	if exp >= -4 && exp < p {
		s = strconv.FormatFloat(a, 'f', p-1-exp, 64)
		if !alt {
			s = trimZeros(s)
		} else if !strings.Contains(s, ".") {
			s += "."
		}
		return s
	}
	mant := es[:k]
	if !alt {
		mant = trimZeros(mant)
	} else if !strings.Contains(mant, ".") {
		mant += "."
	}
	return mant + es[k:]
}

// trimZeros removes trailing zeros after a decimal point, and the point.
func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// formatStr formats a str under sp.
func formatStr(s string, sp fmtSpec) (string, error) {
	if sp.typ != 0 && sp.typ != 's' {
		return "", Errorf("Unknown format code '%c' for object of type 'str'", sp.typ)
	}
	if sp.sign != 0 {
		return "", Errorf("Sign not allowed in string format specifier")
	}
	if sp.align == '=' {
		return "", Errorf("'=' alignment not allowed in string format specifier")
	}
	if sp.zero && sp.fill == "" {
		sp.fill = "0"
	}
	if sp.prec >= 0 && utf8.RuneCountInString(s) > sp.prec {
		s = string([]rune(s)[:sp.prec])
	}
	return pad("", s, sp, '<'), nil
}
