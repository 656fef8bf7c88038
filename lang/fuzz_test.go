package lang

import (
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
)

var fuzzSeeds = []string{
	"x = 1\n",
	"if x:\n    y = [i*2 for i in range(10) if i]\nelse:\n    pass\n",
	"def f(a, b=2, *args, c, **kw):\n    return a, b\n",
	"s = f'{a!r:>10} {{x}} {b=}'\n",
	"a[1:-1, ::2, ..., None] += -2**2\n",
	"from scipy.optimize import (curve_fit, minimize as mn,)\nimport numpy as np\n",
	"x = '''a\nb''' + r'\\d' + \"\\x41\\u00e9\"\n",
	"lambda x, *a, k=1, **kw: x if k else not a < 3 <= 4 is not None\n",
	"while x:\n\tif y: break\n\telse: continue\n",
	"d = {k: v for k, v in z.items()}; t = (1,); u = ()\n",
	"x = (1 +\n  2) \\\n  + 3\n",
	"if x:\n  a\n b\n",
	"f'{",
	"0x_ff + 1_000.5e-3 + .5 + 1.",
}

// FuzzLex checks that the lexer never panics and that tokens stay inside
// the source.
func FuzzLex(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, expr := range []bool{false, true} {
			toks, err := lexSource("f.sim", src, lexer.Position{Line: 1, Column: 1}, expr)
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Fatalf("lex error %T is not *Error", err)
				}
				continue
			}
			if len(toks) == 0 || toks[len(toks)-1].Type != tEOF {
				t.Fatalf("token list does not end with EOF")
			}
			for _, tok := range toks {
				if tok.Pos.Offset < 0 || tok.Pos.Offset > len(src) || tok.Pos.Line < 1 || tok.Pos.Column < 1 {
					t.Fatalf("token %q at bad position %+v", tok.Value, tok.Pos)
				}
			}
		}
		IsIncomplete(src)
	})
}

// FuzzParse checks that parsing never panics, that errors are positioned
// *Error values, and that successful parses can be dumped.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		file, err := ParseFile("f.sim", src)
		checkFuzzResult(t, err)
		if err == nil {
			_ = DumpFile(file)
		}
		e, err := ParseExpr("f.sim", src)
		checkFuzzResult(t, err)
		if err == nil {
			_ = Dump(e)
		}
	})
}

func checkFuzzResult(t *testing.T, err error) {
	if err == nil {
		return
	}
	le, ok := err.(*Error)
	if !ok {
		t.Fatalf("error %T is not *Error: %v", err, err)
	}
	if strings.Contains(le.Msg, "internal") {
		t.Fatalf("internal error: %v", err)
	}
	if !le.Pos.IsValid() || le.Pos.Col < 1 {
		t.Fatalf("error without a valid position: %v", err)
	}
}
