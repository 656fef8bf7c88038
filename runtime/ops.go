package runtime

import "github.com/sim-lang/sim/lang"

// Operator dispatch shared by the VM and Go code. These are placeholders
// to be replaced by the full implementations.

// Binary applies a binary operator (arithmetic, bitwise, comparison,
// membership) to x and y.
func Binary(op lang.Op, x, y Value) (Value, error) { return Value{}, Errorf("not implemented") }

// Unary applies -, +, ~ or not to x.
func Unary(op lang.Op, x Value) (Value, error) { return Value{}, Errorf("not implemented") }

// Truth returns the truth value of v (an error for ambiguous arrays).
func Truth(v Value) (bool, error) { return false, Errorf("not implemented") }

// Equal reports whether x == y as a single bool (for dict keys, `in`, tests).
func Equal(x, y Value) (bool, error) { return false, Errorf("not implemented") }

// Iterate returns an iterator over v, or an error if v is not iterable.
func Iterate(v Value) (Iterator, error) { return nil, Errorf("not implemented") }

// Len returns len(v).
func Len(v Value) (int, error) { return 0, Errorf("not implemented") }

// GetIndex returns x[key].
func GetIndex(x, key Value) (Value, error) { return Value{}, Errorf("not implemented") }

// SetIndex performs x[key] = v.
func SetIndex(x, key, v Value) error { return Errorf("not implemented") }

// GetAttr returns x.name, with a did-you-mean error when absent.
func GetAttr(x Value, name string) (Value, error) { return Value{}, Errorf("not implemented") }

// SetAttr performs x.name = v.
func SetAttr(x Value, name string, v Value) error { return Errorf("not implemented") }

// FormatSpec formats v under a format spec such as ".3f" (f-strings,
// format(), str.format).
func FormatSpec(v Value, spec string) (string, error) { return "", Errorf("not implemented") }
