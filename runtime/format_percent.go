package runtime

import (
	"strconv"
	"strings"
)

// PercentFormat implements the str % args operator: "%d %5.2f %s %r %%"
// with a tuple of values, a single value, or a dict for %(name)s fields.
func PercentFormat(format string, args Value) (string, error) {
	var list []Value
	var mapping *Dict
	switch a := args.obj.(type) {
	case Tuple:
		list = a
	case *Dict:
		mapping = a
		list = []Value{args}
	default:
		list = []Value{args}
	}
	next := 0
	take := func() (Value, error) {
		if next >= len(list) {
			return Value{}, Errorf("not enough arguments for format string")
		}
		next++
		return list[next-1], nil
	}
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(format) {
			return "", Errorf("incomplete format")
		}
		var arg Value
		haveArg := false
		if format[i] == '(' {
			end := strings.IndexByte(format[i:], ')')
			if end < 0 {
				return "", Errorf("incomplete format key")
			}
			if mapping == nil {
				return "", Errorf("format requires a mapping")
			}
			key := format[i+1 : i+end]
			v, ok, err := mapping.Get(MakeStr(key))
			if err != nil {
				return "", err
			}
			if !ok {
				return "", Errorf("key %s not in dict", Quote(key))
			}
			arg, haveArg = v, true
			i += end + 1
		}
		sp := fmtSpec{prec: -1}
		leftAlign := false
	flags:
		for ; i < len(format); i++ {
			switch format[i] {
			case '-':
				leftAlign = true
			case '+':
				sp.sign = '+'
			case ' ':
				if sp.sign == 0 {
					sp.sign = ' '
				}
			case '#':
				sp.alt = true
			case '0':
				sp.zero = true
			default:
				break flags
			}
		}
		readNum := func() (int, error) {
			if i < len(format) && format[i] == '*' {
				i++
				v, err := take()
				if err != nil {
					return 0, err
				}
				n, ok := v.ToInt()
				if !ok {
					return 0, Errorf("* wants int")
				}
				return int(n), nil
			}
			j := i
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				i++
			}
			if j == i {
				return -1, nil
			}
			return strconv.Atoi(format[j:i])
		}
		w, err := readNum()
		if err != nil {
			return "", err
		}
		if w < 0 && w != -1 {
			leftAlign, w = true, -w
		}
		if w > 0 {
			sp.width = w
		}
		if i < len(format) && format[i] == '.' {
			i++
			p, err := readNum()
			if err != nil {
				return "", err
			}
			if p < 0 {
				p = 0
			}
			sp.prec = p
		}
		for i < len(format) && (format[i] == 'l' || format[i] == 'h' || format[i] == 'L') {
			i++
		}
		if i >= len(format) {
			return "", Errorf("incomplete format")
		}
		conv := format[i]
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		if !haveArg {
			if arg, err = take(); err != nil {
				return "", err
			}
		}
		if leftAlign {
			sp.align, sp.zero = '<', false
		}
		s, err := percentOne(conv, arg, sp)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	if next < len(list) && mapping == nil {
		return "", Errorf("not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// percentOne formats one % conversion.
func percentOne(conv byte, arg Value, sp fmtSpec) (string, error) {
	if sp.align == 0 {
		sp.align = '>'
		if sp.zero {
			sp.fill, sp.align = "0", '='
		}
	}
	switch conv {
	case 's', 'r', 'a':
		s := Str(arg)
		if conv != 's' {
			s = Repr(arg)
		}
		if sp.prec >= 0 && len([]rune(s)) > sp.prec {
			s = string([]rune(s)[:sp.prec])
		}
		sp.fill = " "
		if sp.align == '=' {
			sp.align = '>'
		}
		return pad("", s, sp, '>'), nil
	case 'd', 'i', 'u', 'o', 'x', 'X':
		n, err := percentInt(conv, arg)
		if err != nil {
			return "", err
		}
		prec := sp.prec
		sp.prec = -1
		if conv == 'd' || conv == 'i' || conv == 'u' {
			sp.typ = 'd'
		} else {
			sp.typ = conv
		}
		if prec > 0 {
			// Precision of an integer is a minimum number of digits.
			base := map[byte]int{'d': 10, 'o': 8, 'x': 16, 'X': 16}[sp.typ]
			digits := strconv.FormatUint(absUint(n), base)
			if len(digits) < prec {
				digits = strings.Repeat("0", prec-len(digits)) + digits
			}
			if sp.typ == 'X' {
				digits = strings.ToUpper(digits)
			}
			prefix := signOf(n < 0, sp.sign)
			if sp.alt && sp.typ != 'd' {
				prefix += "0" + string(sp.typ)
			}
			return pad(prefix, digits, sp, '>'), nil
		}
		return formatInt(n, sp, TypeName(arg))
	case 'e', 'E', 'f', 'F', 'g', 'G':
		f, ok := arg.ToFloat()
		if !ok {
			if q, isQ := arg.obj.(Quantity); isQ {
				return "", Errorf("%%%c format: a real number is required, not Quantity %s", conv, formatOperand(MakeObj(q)))
			}
			return "", Errorf("%%%c format: a real number is required, not %s", conv, TypeName(arg))
		}
		sp.typ = conv
		return formatFloat(f, sp)
	case 'c':
		if s, ok := AsString(arg); ok && strLen(s) == 1 {
			return pad("", s, sp, '>'), nil
		}
		n, ok := arg.ToInt()
		if !ok {
			return "", Errorf("%%c requires int or char")
		}
		sp.typ = 'c'
		return formatInt(n, sp, "int")
	}
	return "", Errorf("unsupported format character '%c' (0x%x)", conv, conv)
}

func percentInt(conv byte, arg Value) (int64, error) {
	if n, ok := arg.ToInt(); ok {
		return n, nil
	}
	if arg.kind == FloatKind && (conv == 'd' || conv == 'i' || conv == 'u') {
		f := arg.AsFloat()
		if f != f || f > 9.2e18 || f < -9.2e18 {
			return 0, Errorf("cannot convert float %s to integer", FormatFloat(f))
		}
		return int64(f), nil
	}
	if conv == 'd' || conv == 'i' || conv == 'u' {
		return 0, Errorf("%%%c format: a real number is required, not %s", conv, TypeName(arg))
	}
	return 0, Errorf("%%%c format: an integer is required, not %s", conv, TypeName(arg))
}

func absUint(n int64) uint64 {
	if n < 0 {
		return -uint64(n)
	}
	return uint64(n)
}
