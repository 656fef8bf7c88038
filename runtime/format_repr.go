package runtime

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote returns the Python repr of a string: single quotes unless the
// text contains a single quote and no double quote; backslash escapes for
// control and non-printable characters.
func Quote(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(q)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x` + hex2(uint64(s[i])))
		case r == '\\':
			b.WriteString(`\\`)
		case r == rune(q):
			b.WriteByte('\\')
			b.WriteByte(q)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			b.WriteString(`\x` + hex2(uint64(r)))
		case r < utf8.RuneSelf || unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xffff:
			b.WriteString(`\u` + pad0(strconv.FormatUint(uint64(r), 16), 4))
		default:
			b.WriteString(`\U` + pad0(strconv.FormatUint(uint64(r), 16), 8))
		}
		i += n
	}
	b.WriteByte(q)
	return b.String()
}

func hex2(x uint64) string { return pad0(strconv.FormatUint(x, 16), 2) }

func pad0(s string, n int) string {
	if len(s) < n {
		return strings.Repeat("0", n-len(s)) + s
	}
	return s
}
