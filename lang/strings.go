package lang

import (
	"strings"
	"unicode/utf8"
)

// splitStringLit splits a raw string token ("r'...'", `"""..."""`) into
// its prefix flags and body, returning the body's offset in text.
func splitStringLit(text string) (body string, off int, raw, f bool) {
	i := 0
	for i < len(text) && text[i] != '"' && text[i] != '\'' {
		switch text[i] | 0x20 {
		case 'r':
			raw = true
		case 'f':
			f = true
		}
		i++
	}
	q := 1
	if len(text)-i >= 6 && text[i+1] == text[i] && text[i+2] == text[i] {
		q = 3
	}
	return text[i+q : len(text)-q], i + q, raw, f
}

// decodeStringLit decodes a string literal starting at its opening quote
// (no prefix). On a bad escape it returns the escape's offset in lit and a
// message.
func decodeStringLit(lit string, raw bool) (string, int, string) {
	q := 1
	if len(lit) >= 6 && lit[1] == lit[0] && lit[2] == lit[0] {
		q = 3
	}
	body := lit[q : len(lit)-q]
	if raw {
		return body, 0, ""
	}
	v, bad, msg := decodeEscapes(body)
	return v, bad + q, msg
}

// decodeEscapes replaces backslash escapes in s. Unknown escapes keep their
// backslash, as in Python. On error it returns the offset of the bad
// escape and a message.
func decodeEscapes(s string) (string, int, string) {
	if strings.IndexByte(s, '\\') < 0 {
		return s, 0, ""
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(s) {
			b.WriteByte('\\')
			break
		}
		start := i
		i++
		switch e := s[i]; e {
		case '\n':
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case '\\', '\'', '"':
			b.WriteByte(e)
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := 0
			n := 0
			for n < 3 && i < len(s) && s[i] >= '0' && s[i] <= '7' {
				v = v*8 + int(s[i]-'0')
				i++
				n++
			}
			i--
			b.WriteRune(rune(v))
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			v := 0
			for k := 1; k <= n; k++ {
				if i+k >= len(s) {
					return "", start, "truncated \\" + string(e) + " escape"
				}
				d := hexVal(s[i+k])
				if d < 0 {
					return "", start, "truncated \\" + string(e) + " escape"
				}
				v = v*16 + d
			}
			i += n
			if v > utf8.MaxRune || (v >= 0xD800 && v < 0xE000 && e != 'x') {
				return "", start, "invalid unicode escape"
			}
			b.WriteRune(rune(v))
		case 'N':
			return "", start, "\\N{...} escapes are not supported in sim"
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return b.String(), 0, ""
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c|0x20 >= 'a' && c|0x20 <= 'f':
		return int(c|0x20-'a') + 10
	}
	return -1
}
