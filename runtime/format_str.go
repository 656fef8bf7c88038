package runtime

import (
	"strconv"
	"strings"
)

// StrFormat implements str.format: replacement fields {} {0} {name}
// {x:.3f} {0.attr} {0[key]} {!r}, nested {} inside a spec, and {{ }}.
func StrFormat(format string, args []Value, kwargs []Kwarg) (string, error) {
	var b strings.Builder
	auto := 0
	mode := 0 // 0 unknown, 1 automatic, 2 manual numbering
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c == '}' {
			if i+1 < len(format) && format[i+1] == '}' {
				b.WriteByte('}')
				i++
				continue
			}
			return "", Errorf("Single '}' encountered in format string")
		}
		if c != '{' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(format) && format[i+1] == '{' {
			b.WriteByte('{')
			i++
			continue
		}
		// Find the matching '}', allowing one level of nesting in the spec.
		depth, j := 1, i+1
		for ; j < len(format) && depth > 0; j++ {
			switch format[j] {
			case '{':
				depth++
			case '}':
				depth--
			}
		}
		if depth != 0 {
			return "", Errorf("expected '}' before end of string")
		}
		field := format[i+1 : j-1]
		i = j - 1
		name, conv, spec := splitField(field)
		if strings.Contains(spec, "{") {
			s, err := StrFormat(spec, args, kwargs)
			if err != nil {
				return "", err
			}
			spec = s
		}
		// The first part of the name selects the argument.
		k := strings.IndexAny(name, ".[")
		head, rest := name, ""
		if k >= 0 {
			head, rest = name[:k], name[k:]
		}
		var v Value
		switch {
		case head == "":
			if mode == 2 {
				return "", Errorf("cannot switch from manual field specification to automatic field numbering")
			}
			mode = 1
			if auto >= len(args) {
				return "", Errorf("Replacement index %d out of range for positional args tuple", auto)
			}
			v = args[auto]
			auto++
		case head[0] >= '0' && head[0] <= '9':
			if mode == 1 {
				return "", Errorf("cannot switch from automatic field numbering to manual field specification")
			}
			mode = 2
			n, err := strconv.Atoi(head)
			if err != nil || n >= len(args) {
				return "", Errorf("Replacement index %s out of range for positional args tuple", head)
			}
			v = args[n]
		default:
			found := false
			for _, kw := range kwargs {
				if kw.Name == head {
					v, found = kw.Value, true
				}
			}
			if !found {
				return "", Errorf("format field '%s' has no value (pass it as %s=...)", head, head)
			}
		}
		v, err := fieldPath(v, rest)
		if err != nil {
			return "", err
		}
		switch conv {
		case "":
		case "r", "a":
			v = MakeStr(Repr(v))
		case "s":
			v = MakeStr(Str(v))
		default:
			return "", Errorf("Unknown conversion specifier %s", conv)
		}
		s, err := FormatSpec(v, spec)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

// splitField splits "name!conv:spec".
func splitField(field string) (name, conv, spec string) {
	name = field
	if k := strings.IndexByte(name, ':'); k >= 0 {
		name, spec = name[:k], name[k+1:]
	}
	if k := strings.IndexByte(name, '!'); k >= 0 {
		name, conv = name[:k], name[k+1:]
	}
	return
}

// fieldPath follows ".attr" and "[key]" parts of a replacement field.
func fieldPath(v Value, path string) (Value, error) {
	for path != "" {
		var err error
		switch path[0] {
		case '.':
			k := strings.IndexAny(path[1:], ".[")
			name := path[1:]
			if k >= 0 {
				name, path = path[1:k+1], path[k+1:]
			} else {
				path = ""
			}
			v, err = GetAttr(v, name)
		case '[':
			k := strings.IndexByte(path, ']')
			if k < 0 {
				return Value{}, Errorf("Missing ']' in format string")
			}
			key := path[1:k]
			path = path[k+1:]
			kv := MakeStr(key)
			if n, e := strconv.Atoi(key); e == nil {
				kv = MakeInt(int64(n))
			}
			v, err = GetIndex(v, kv)
		default:
			return Value{}, Errorf("Only '.' or '[' may follow ']' in format field specifier")
		}
		if err != nil {
			return Value{}, err
		}
	}
	return v, nil
}
