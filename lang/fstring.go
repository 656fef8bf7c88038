package lang

import (
	"strings"
)

// fstring parses the f-string token raw, which starts at p in the file,
// appending its parts. Replacement-field expressions are parsed with the
// expression grammar; their positions point into the original file.
func (c *converter) fstring(parts []FStringPart, raw string, p Pos) []FStringPart {
	body, off, isRaw, _ := splitStringLit(raw)
	at := func(k int) Pos { return offsetPos(p, raw, off+k) }
	var chunk strings.Builder // raw literal text awaiting escape decoding
	chunkStart := 0
	flush := func() {
		if chunk.Len() == 0 {
			return
		}
		text := chunk.String()
		if !isRaw {
			v, bad, msg := decodeEscapes(text)
			if msg != "" {
				c.fail(at(chunkStart+bad), "%s", msg)
			}
			text = v
		}
		parts = appendText(parts, text)
		chunk.Reset()
	}
	i := 0
	for i < len(body) {
		ch := body[i]
		switch {
		case ch == '{' && i+1 < len(body) && body[i+1] == '{':
			if chunk.Len() == 0 {
				chunkStart = i
			}
			chunk.WriteByte('{')
			i += 2
		case ch == '}':
			if i+1 < len(body) && body[i+1] == '}' {
				if chunk.Len() == 0 {
					chunkStart = i
				}
				chunk.WriteByte('}')
				i += 2
				continue
			}
			c.fail(at(i), "f-string: single '}' is not allowed")
			return parts
		case ch == '{':
			flush()
			var ok bool
			parts, i, ok = c.field(parts, body, i, at)
			if !ok {
				return parts
			}
			chunkStart = i
		default:
			if chunk.Len() == 0 {
				chunkStart = i
			}
			chunk.WriteByte(ch)
			if ch == '\\' && i+1 < len(body) {
				chunk.WriteByte(body[i+1])
				i++
			}
			i++
		}
	}
	flush()
	return parts
}

// field parses the replacement field starting at body[i] == '{' and
// returns the offset after its closing '}'.
func (c *converter) field(parts []FStringPart, body string, i int, at func(int) Pos) ([]FStringPart, int, bool) {
	start := i + 1
	j := start
	depth := 0
	for j < len(body) {
		ch := body[j]
		if ch == '\'' || ch == '"' {
			k := j + 1
			for k < len(body) && body[k] != ch {
				if body[k] == '\\' {
					k++
				}
				k++
			}
			j = k + 1
			continue
		}
		if depth == 0 && (ch == '}' || ch == ':' || (ch == '!' && !(j+1 < len(body) && body[j+1] == '='))) {
			break
		}
		switch ch {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '#':
			c.fail(at(j), "f-string expression part cannot include '#'")
			return parts, j, false
		}
		j++
	}
	if j >= len(body) {
		c.fail(at(i), "f-string: expecting '}'")
		return parts, j, false
	}
	src := body[start:j]
	trimmed := strings.TrimRight(src, " \t\n")
	selfDoc := false
	if strings.HasSuffix(trimmed, "=") && !strings.HasSuffix(trimmed, "==") &&
		!strings.HasSuffix(trimmed, "!=") && !strings.HasSuffix(trimmed, "<=") && !strings.HasSuffix(trimmed, ">=") {
		selfDoc = true
		parts = appendText(parts, src)
		src = trimmed[:len(trimmed)-1]
	}
	if strings.TrimSpace(src) == "" {
		c.fail(at(i), "f-string: empty expression not allowed")
		return parts, j, false
	}
	part := FStringPart{Expr: c.subExpr(src, at(start))}
	if body[j] == '!' {
		if j+1 >= len(body) || strings.IndexByte("rsa", body[j+1]) < 0 {
			c.fail(at(j), "f-string: invalid conversion character: expected 's', 'r', or 'a'")
			return parts, j, false
		}
		part.Conv = body[j+1]
		j += 2
	}
	if j < len(body) && body[j] == ':' {
		k := j + 1
		for k < len(body) && body[k] != '}' {
			if body[k] == '{' {
				c.fail(at(k), "nested replacement fields in f-string format specs are not supported in sim")
				return parts, k, false
			}
			k++
		}
		part.Format = body[j+1 : k]
		j = k
	}
	if j >= len(body) || body[j] != '}' {
		c.fail(at(i), "f-string: expecting '}'")
		return parts, j, false
	}
	if selfDoc && part.Conv == 0 && part.Format == "" {
		part.Conv = 'r'
	}
	return append(parts, part), j + 1, true
}

// subExpr parses an expression embedded in the file at p.
func (c *converter) subExpr(src string, p Pos) Expr {
	e, err := parseExprAt(c.file, src, Pos{Line: p.Line, Col: p.Col}, c.src)
	if err != nil {
		if c.err == nil {
			c.err = err
		}
		return &Literal{Pos: p, Kind: NoneLit}
	}
	return e
}
