package lang

import (
	"strconv"
	"strings"
)

// Dump renders a syntax tree as a compact S-expression, for tests and
// debugging: `x = a + b*c` gives `(= x (+ a (* b c)))`; nil dumps as `_`.
func Dump(n Node) string {
	var b strings.Builder
	dump(&b, n)
	return b.String()
}

// DumpFile renders every statement of f, one per line.
func DumpFile(f *File) string {
	var b strings.Builder
	for i, s := range f.Stmts {
		if i > 0 {
			b.WriteByte('\n')
		}
		dump(&b, s)
	}
	return b.String()
}

func dumpList[T Node](b *strings.Builder, head string, xs []T) {
	b.WriteString("(" + head)
	for _, x := range xs {
		b.WriteByte(' ')
		dump(b, x)
	}
	b.WriteByte(')')
}

func dumpBody(b *strings.Builder, stmts []Stmt) {
	b.WriteByte('(')
	for i, s := range stmts {
		if i > 0 {
			b.WriteString("; ")
		}
		dump(b, s)
	}
	b.WriteByte(')')
}

func dumpParams(b *strings.Builder, ps []Param) {
	b.WriteByte('(')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.Repeat("*", p.Star) + p.Name)
		if p.Default != nil {
			b.WriteByte('=')
			dump(b, p.Default)
		}
	}
	b.WriteByte(')')
}

func dumpImportNames(b *strings.Builder, ns []ImportName) {
	for _, n := range ns {
		b.WriteString(" " + n.Name)
		if n.Alias != "" {
			b.WriteString(" as " + n.Alias)
		}
	}
}

func dumpOpt(b *strings.Builder, e Expr) {
	if e == nil {
		b.WriteByte('_')
		return
	}
	dump(b, e)
}

func dump(b *strings.Builder, n Node) {
	switch n := n.(type) {
	case nil:
		b.WriteByte('_')
	case *Ident:
		b.WriteString(n.Name)
	case *Literal:
		switch n.Kind {
		case IntLit:
			b.WriteString(strconv.FormatInt(n.Value.(int64), 10))
		case FloatLit:
			s := strconv.FormatFloat(n.Value.(float64), 'g', -1, 64)
			if !strings.ContainsAny(s, ".eIN") {
				s += ".0"
			}
			b.WriteString(s)
		case StringLit:
			b.WriteString(strconv.Quote(n.Value.(string)))
		case TrueLit:
			b.WriteString("True")
		case FalseLit:
			b.WriteString("False")
		case NoneLit:
			b.WriteString("None")
		case EllipsisLit:
			b.WriteString("...")
		}
	case *FString:
		b.WriteString("(f")
		for _, p := range n.Parts {
			b.WriteByte(' ')
			if p.Expr == nil {
				b.WriteString(strconv.Quote(p.Text))
				continue
			}
			b.WriteByte('{')
			dump(b, p.Expr)
			if p.Conv != 0 {
				b.WriteString("!" + string(p.Conv))
			}
			if p.Format != "" {
				b.WriteString(":" + p.Format)
			}
			b.WriteByte('}')
		}
		b.WriteByte(')')
	case *Unary:
		dumpList(b, n.Op.String(), []Expr{n.X})
	case *Binary:
		dumpList(b, n.Op.String(), []Expr{n.X, n.Y})
	case *Compare:
		b.WriteString("(cmp ")
		dump(b, n.Operands[0])
		for i, op := range n.Ops {
			b.WriteString(" " + op.String() + " ")
			dump(b, n.Operands[i+1])
		}
		b.WriteByte(')')
	case *Cond:
		dumpList(b, "if", []Expr{n.Cond, n.True, n.False})
	case *Call:
		b.WriteString("(call ")
		dump(b, n.Fn)
		for _, a := range n.Args {
			b.WriteString(" " + strings.Repeat("*", a.Star))
			if a.Name != "" {
				b.WriteString(a.Name + "=")
			}
			dump(b, a.Value)
		}
		b.WriteByte(')')
	case *Attr:
		b.WriteString("(. ")
		dump(b, n.X)
		b.WriteString(" " + n.Name + ")")
	case *Index:
		dumpList(b, "index", []Expr{n.X, n.Index})
	case *Slice:
		b.WriteString("(slice ")
		dumpOpt(b, n.Lo)
		b.WriteByte(' ')
		dumpOpt(b, n.Hi)
		b.WriteByte(' ')
		dumpOpt(b, n.Step)
		b.WriteByte(')')
	case *List:
		dumpList(b, "list", n.Elts)
	case *Tuple:
		dumpList(b, "tuple", n.Elts)
	case *Dict:
		b.WriteString("(dict")
		for _, e := range n.Entries {
			b.WriteByte(' ')
			dump(b, e.Key)
			b.WriteString(": ")
			dump(b, e.Value)
		}
		b.WriteByte(')')
	case *Lambda:
		b.WriteString("(lambda ")
		dumpParams(b, n.Params)
		b.WriteByte(' ')
		dump(b, n.Body)
		b.WriteByte(')')
	case *Comprehension:
		if n.Kind == DictComp {
			b.WriteString("(dictcomp ")
			dump(b, n.Key)
			b.WriteString(": ")
		} else {
			b.WriteString("(listcomp ")
		}
		dump(b, n.Body)
		for _, c := range n.Clauses {
			b.WriteByte(' ')
			if c.If != nil {
				dumpList(b, "if", []Expr{c.If})
			} else {
				dumpList(b, "for", []Expr{c.Vars, c.Iter})
			}
		}
		b.WriteByte(')')
	case *ExprStmt:
		dump(b, n.X)
	case *Assign:
		dumpList(b, "=", append(append([]Expr{}, n.Targets...), n.Value))
	case *AugAssign:
		dumpList(b, n.Op.String()+"=", []Expr{n.Target, n.Value})
	case *If:
		b.WriteString("(if ")
		dump(b, n.Cond)
		b.WriteByte(' ')
		dumpBody(b, n.Body)
		if n.Else != nil {
			b.WriteString(" else ")
			dumpBody(b, n.Else)
		}
		b.WriteByte(')')
	case *For:
		b.WriteString("(for ")
		dump(b, n.Vars)
		b.WriteByte(' ')
		dump(b, n.Iter)
		b.WriteByte(' ')
		dumpBody(b, n.Body)
		b.WriteByte(')')
	case *While:
		b.WriteString("(while ")
		dump(b, n.Cond)
		b.WriteByte(' ')
		dumpBody(b, n.Body)
		b.WriteByte(')')
	case *Branch:
		b.WriteString([...]string{"break", "continue", "pass"}[n.Kind])
	case *Def:
		b.WriteString("(def " + n.Name + " ")
		for _, d := range n.Decorators {
			b.WriteByte('@')
			dump(b, d.X)
			b.WriteByte(' ')
		}
		dumpParams(b, n.Params)
		b.WriteByte(' ')
		dumpBody(b, n.Body)
		b.WriteByte(')')
	case *Return:
		if n.Value == nil {
			b.WriteString("(return)")
		} else {
			dumpList(b, "return", []Expr{n.Value})
		}
	case *Assert:
		b.WriteString("(assert ")
		dump(b, n.Cond)
		if n.Msg != nil {
			b.WriteByte(' ')
			dump(b, n.Msg)
		}
		b.WriteByte(')')
	case *Del:
		dumpList(b, "del", n.Targets)
	case *Global:
		b.WriteString("(global " + strings.Join(n.Names, " ") + ")")
	case *Import:
		b.WriteString("(import")
		dumpImportNames(b, n.Names)
		b.WriteByte(')')
	case *FromImport:
		mod := n.Module
		if n.IsPath {
			mod = strconv.Quote(mod)
		}
		b.WriteString("(from " + mod + " import")
		if n.Star {
			b.WriteString(" *")
		}
		dumpImportNames(b, n.Names)
		b.WriteByte(')')
	default:
		b.WriteString("?")
	}
}
