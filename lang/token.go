package lang

// Op is an operator in the script language, shared by the parser, the
// compiler and the runtime's operator dispatch.
type Op uint8

// Operators. Comparison operators come after the arithmetic ones.
const (
	Illegal    Op = iota
	Plus          // +
	Minus         // -
	Star          // *
	Slash         // /
	SlashSlash    // //
	Percent       // %
	StarStar      // **
	At            // @
	Amp           // &
	Pipe          // |
	Hat           // ^
	LShift        // <<
	RShift        // >>
	Tilde         // ~ (unary)
	Not           // not (unary)
	And           // and
	Or            // or
	Eq            // ==
	Ne            // !=
	Lt            // <
	Gt            // >
	Le            // <=
	Ge            // >=
	In            // in
	NotIn         // not in
	Is            // is
	IsNot         // is not
)

var opNames = [...]string{
	Illegal: "?", Plus: "+", Minus: "-", Star: "*", Slash: "/", SlashSlash: "//",
	Percent: "%", StarStar: "**", At: "@", Amp: "&", Pipe: "|", Hat: "^",
	LShift: "<<", RShift: ">>", Tilde: "~", Not: "not", And: "and", Or: "or",
	Eq: "==", Ne: "!=", Lt: "<", Gt: ">", Le: "<=", Ge: ">=", In: "in",
	NotIn: "not in", Is: "is", IsNot: "is not",
}

// String returns the operator as written in source.
func (op Op) String() string {
	if int(op) < len(opNames) {
		return opNames[op]
	}
	return "?"
}

// IsComparison reports whether op is one of == != < > <= >= in, not in, is, is not.
func (op Op) IsComparison() bool { return op >= Eq }
