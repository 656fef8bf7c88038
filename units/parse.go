package units

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseUnit evaluates a unit expression as written after the colon of an
// equation or given to in_unit: unit names, numbers, * and /, powers with
// ** (or ^) and parentheses. Examples: "mV", "1", "volt/second",
// "siemens/meter**2", "mV*ms**-1", "(nS*mV)", "second**-0.5",
// "second**(-1/2)", "1/second". It returns the scale in SI base units and
// the dimension. Errors name the unknown unit and suggest a near name.
func ParseUnit(expr string) (scale float64, d Dim, err error) {
	p := &unitParser{src: expr}
	p.next()
	if p.tok.kind == tEOF {
		return 0, Dim{}, fmt.Errorf("empty unit expression")
	}
	scale, d, err = p.expr()
	if err != nil {
		return 0, Dim{}, err
	}
	if p.tok.kind != tEOF {
		return 0, Dim{}, p.errorf("unexpected %s", p.tok.describe())
	}
	return round15(scale), d, nil
}

type tokKind int

const (
	tEOF tokKind = iota
	tName
	tNum
	tOp // * / ** ( ) + -
	tBad
)

type unitTok struct {
	kind tokKind
	text string
	pos  int
}

func (t unitTok) describe() string {
	switch t.kind {
	case tEOF:
		return "end of expression"
	case tBad:
		return fmt.Sprintf("character '%s'", t.text)
	}
	return fmt.Sprintf("'%s'", t.text)
}

type unitParser struct {
	src string
	off int
	tok unitTok
}

func (p *unitParser) errorf(format string, args ...any) error {
	return fmt.Errorf("invalid unit expression '%s': %s", p.src, fmt.Sprintf(format, args...))
}

// next scans the next token into p.tok.
func (p *unitParser) next() {
	s := p.src
	for p.off < len(s) && (s[p.off] == ' ' || s[p.off] == '\t') {
		p.off++
	}
	start := p.off
	if p.off >= len(s) {
		p.tok = unitTok{tEOF, "", start}
		return
	}
	c := s[p.off]
	switch {
	case isLetter(c):
		for p.off < len(s) && (isLetter(s[p.off]) || isDigit(s[p.off])) {
			p.off++
		}
		p.tok = unitTok{tName, s[start:p.off], start}
	case isDigit(c) || (c == '.' && p.off+1 < len(s) && isDigit(s[p.off+1])):
		for p.off < len(s) && (isDigit(s[p.off]) || s[p.off] == '.') {
			p.off++
		}
		if p.off < len(s) && (s[p.off] == 'e' || s[p.off] == 'E') {
			j := p.off + 1
			if j < len(s) && (s[j] == '+' || s[j] == '-') {
				j++
			}
			if j < len(s) && isDigit(s[j]) {
				for j < len(s) && isDigit(s[j]) {
					j++
				}
				p.off = j
			}
		}
		p.tok = unitTok{tNum, s[start:p.off], start}
	case c == '*' && p.off+1 < len(s) && s[p.off+1] == '*':
		p.off += 2
		p.tok = unitTok{tOp, "**", start}
	case strings.IndexByte("*/()+-^", c) >= 0:
		p.off++
		p.tok = unitTok{tOp, string(c), start}
	default:
		p.off++
		p.tok = unitTok{tBad, string(c), start}
	}
}

func isLetter(c byte) bool { return c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z') }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

func (p *unitParser) isOp(op string) bool { return p.tok.kind == tOp && p.tok.text == op }

// expr := power (('*' | '/') power)*
func (p *unitParser) expr() (float64, Dim, error) {
	scale, d, err := p.power()
	if err != nil {
		return 0, Dim{}, err
	}
	for p.isOp("*") || p.isOp("/") {
		div := p.tok.text == "/"
		p.next()
		s2, d2, err := p.power()
		if err != nil {
			return 0, Dim{}, err
		}
		if div {
			scale, d = scale/s2, d.Div(d2)
		} else {
			scale, d = scale*s2, d.Mul(d2)
		}
	}
	return scale, d, nil
}

// power := atom (('**' | '^') exponent)?
func (p *unitParser) power() (float64, Dim, error) {
	scale, d, err := p.atom()
	if err != nil {
		return 0, Dim{}, err
	}
	if p.isOp("**") || p.isOp("^") {
		p.next()
		num, den, err := p.exponent()
		if err != nil {
			return 0, Dim{}, err
		}
		x := num / den
		nd, ok := d.PowFloat(x)
		if !ok {
			return 0, Dim{}, p.errorf("exponent %g is not a simple fraction", x)
		}
		if num == math.Trunc(num) && den == math.Trunc(den) && math.Abs(num) < 128 && den < 128 && den > 0 {
			nd = d.Pow(R(int(num), int(den)))
		}
		return math.Pow(scale, x), nd, nil
	}
	return scale, d, nil
}

// exponent := ['+'|'-'] NUMBER | '(' ['+'|'-'] NUMBER ['/' NUMBER] ')'
func (p *unitParser) exponent() (num, den float64, err error) {
	paren := p.isOp("(")
	if paren {
		p.next()
	}
	num, err = p.signedNumber()
	if err != nil {
		return 0, 0, err
	}
	den = 1
	if paren {
		if p.isOp("/") {
			p.next()
			if den, err = p.signedNumber(); err != nil {
				return 0, 0, err
			}
			if den == 0 {
				return 0, 0, p.errorf("division by zero in exponent")
			}
			if den < 0 {
				num, den = -num, -den
			}
		}
		if !p.isOp(")") {
			return 0, 0, p.errorf("expected ')' in exponent, found %s", p.tok.describe())
		}
		p.next()
	}
	return num, den, nil
}

func (p *unitParser) signedNumber() (float64, error) {
	sign := 1.0
	for p.isOp("-") || p.isOp("+") {
		if p.tok.text == "-" {
			sign = -sign
		}
		p.next()
	}
	if p.tok.kind != tNum {
		return 0, p.errorf("expected a number, found %s", p.tok.describe())
	}
	x, err := strconv.ParseFloat(p.tok.text, 64)
	if err != nil {
		return 0, p.errorf("bad number '%s'", p.tok.text)
	}
	p.next()
	return sign * x, nil
}

// atom := NAME | NUMBER | '(' expr ')'
func (p *unitParser) atom() (float64, Dim, error) {
	switch {
	case p.tok.kind == tName:
		name := p.tok.text
		scale, d, ok := Lookup(name)
		if !ok {
			msg := fmt.Sprintf("unknown unit '%s'", name)
			if name != p.src {
				msg += " in '" + p.src + "'"
			}
			if s := Suggest(name); s != "" {
				msg += " (did you mean '" + s + "'?)"
			}
			return 0, Dim{}, fmt.Errorf("%s", msg)
		}
		p.next()
		return scale, d, nil
	case p.tok.kind == tNum:
		x, err := strconv.ParseFloat(p.tok.text, 64)
		if err != nil {
			return 0, Dim{}, p.errorf("bad number '%s'", p.tok.text)
		}
		p.next()
		return x, Dim{}, nil
	case p.isOp("("):
		p.next()
		scale, d, err := p.expr()
		if err != nil {
			return 0, Dim{}, err
		}
		if !p.isOp(")") {
			return 0, Dim{}, p.errorf("expected ')', found %s", p.tok.describe())
		}
		p.next()
		return scale, d, nil
	}
	return 0, Dim{}, p.errorf("expected a unit, found %s", p.tok.describe())
}
