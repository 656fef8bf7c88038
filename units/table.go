package units

// The unit table. Every named unit is a power of ten (exp10) times a
// coherent SI unit of dimension dim. Prefixed and powered names ("mV",
// "nsiemens", "cm2", "millisecond") are not stored: Lookup splits a name
// into prefix, unit and power, so start-up costs nothing.

// prefix is an SI prefix.
type prefix struct {
	short string // "m", "da", "u"
	long  string // "milli", "deca", "micro"
	exp   int    // power of ten
}

// prefixes lists every SI prefix from yocto to yotta.
var prefixes = []prefix{
	{"y", "yocto", -24}, {"z", "zepto", -21}, {"a", "atto", -18},
	{"f", "femto", -15}, {"p", "pico", -12}, {"n", "nano", -9},
	{"u", "micro", -6}, {"m", "milli", -3}, {"c", "centi", -2},
	{"d", "deci", -1}, {"da", "deca", 1}, {"h", "hecto", 2},
	{"k", "kilo", 3}, {"M", "mega", 6}, {"G", "giga", 9},
	{"T", "tera", 12}, {"P", "peta", 15}, {"E", "exa", 18},
	{"Z", "zetta", 21}, {"Y", "yotta", 24},
}

// isDisplayPrefix reports whether a prefix exponent is used for display
// (multiples of three: no c, d, da, h).
func isDisplayPrefix(exp int) bool { return exp%3 == 0 }

// unitDef is one named unit.
type unitDef struct {
	long    []string // long names: "metre", "meter"
	short   []string // symbols: "m"
	dim     Dim
	exp10   int  // scale = 10^exp10 in SI base units
	display bool // candidate for best-unit display
	// noShortPrefix marks symbols that take no prefix ("kg").
	noShortPrefix bool
	// shortPowers allows "cm2", "um3" for the symbol (length only, as Brian2).
	shortPowers bool
}

// dim builds a Dim from integer exponents of m, kg, s, A, K, mol, cd.
func dim(e ...int) Dim {
	var d Dim
	for i, x := range e {
		if x != 0 {
			d[i] = R(x, 1)
		}
	}
	return d
}

// unitDefs is the table of named units, in display-priority order: the
// first display unit with a given dimension names that dimension.
var unitDefs = []unitDef{
	// SI base units.
	{long: []string{"metre", "meter"}, short: []string{"m"}, dim: dim(1), display: true, shortPowers: true},
	{long: []string{"kilogram", "kilogramme"}, short: []string{"kg"}, dim: dim(0, 1), noShortPrefix: true},
	{long: []string{"gram", "gramme"}, short: []string{"g"}, dim: dim(0, 1), exp10: -3, display: true},
	{long: []string{"second"}, short: []string{"s"}, dim: dim(0, 0, 1), display: true},
	{long: []string{"amp", "ampere"}, short: []string{"A"}, dim: dim(0, 0, 0, 1), display: true},
	{long: []string{"kelvin"}, short: []string{"K"}, dim: dim(0, 0, 0, 0, 1), display: true},
	{long: []string{"mole", "mol"}, short: []string{"mol"}, dim: dim(0, 0, 0, 0, 0, 1), display: true},
	{long: []string{"candle", "candela"}, short: []string{"cd"}, dim: dim(0, 0, 0, 0, 0, 0, 1), display: true},
	// Dimensionless angles.
	{long: []string{"radian"}, short: []string{"rad"}},
	{long: []string{"steradian"}, short: []string{"sr"}},
	// Derived units.
	{long: []string{"hertz"}, short: []string{"Hz"}, dim: dim(0, 0, -1), display: true},
	{long: []string{"newton"}, short: []string{"N"}, dim: dim(1, 1, -2), display: true},
	{long: []string{"pascal"}, short: []string{"Pa"}, dim: dim(-1, 1, -2), display: true},
	{long: []string{"joule"}, short: []string{"J"}, dim: dim(2, 1, -2), display: true},
	{long: []string{"watt"}, short: []string{"W"}, dim: dim(2, 1, -3), display: true},
	{long: []string{"coulomb"}, short: []string{"C"}, dim: dim(0, 0, 1, 1), display: true},
	{long: []string{"volt"}, short: []string{"V"}, dim: dim(2, 1, -3, -1), display: true},
	{long: []string{"farad"}, short: []string{"F"}, dim: dim(-2, -1, 4, 2), display: true},
	{long: []string{"ohm"}, short: []string{"ohm"}, dim: dim(2, 1, -3, -2), display: true},
	{long: []string{"siemens"}, short: []string{"S"}, dim: dim(-2, -1, 3, 2), display: true},
	{long: []string{"weber"}, short: []string{"Wb"}, dim: dim(2, 1, -2, -1), display: true},
	{long: []string{"tesla"}, short: []string{"T"}, dim: dim(0, 1, -2, -1), display: true},
	{long: []string{"henry"}, short: []string{"H"}, dim: dim(2, 1, -2, -2), display: true},
	{long: []string{"lumen"}, short: []string{"lm"}, dim: dim(0, 0, 0, 0, 0, 0, 1)},
	{long: []string{"lux"}, short: []string{"lx"}, dim: dim(-2, 0, 0, 0, 0, 0, 1), display: true},
	{long: []string{"becquerel"}, short: []string{"Bq"}, dim: dim(0, 0, -1)},
	{long: []string{"gray"}, short: []string{"Gy"}, dim: dim(2, 0, -2), display: true},
	{long: []string{"sievert"}, short: []string{"Sv"}, dim: dim(2, 0, -2)},
	{long: []string{"katal"}, short: []string{"kat"}, dim: dim(0, 0, -1, 0, 0, 1), display: true},
	// Volume and concentration (Brian2: l = dm^3, M = mol/l).
	{long: []string{"liter", "litre"}, short: []string{"l", "L"}, dim: dim(3), exp10: -3},
	{long: []string{"molar"}, short: []string{"M"}, dim: dim(-3, 0, 0, 0, 0, 1), exp10: 3, display: true},
}
