package runtime

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"

	"github.com/sim-lang/sim/compiler"
)

// CodeHash returns a stable hash of what the function computes: its name,
// parameters, bytecode with every constant, global name, attribute name and
// nested function resolved to its content (not to its index in the
// program's tables), and the repr of its default values. Editing the body
// or a constant changes the hash; moving the function to another line or
// file, or compiling it in another program, does not. The io module's
// cache() keys its entries on it. Functions the body calls are not
// followed (as joblib does not).
func (f *Function) CodeHash() [32]byte {
	h := sha256.New()
	hashFuncode(h, f.code, map[*compiler.Funcode]bool{})
	for _, d := range f.defaults {
		if d.IsValid() {
			fmt.Fprintf(h, "default %s\n", Repr(d))
		} else {
			h.Write([]byte("nodefault\n"))
		}
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

type hashWriter interface{ Write([]byte) (int, error) }

// hashFuncode writes fc's content to h.
func hashFuncode(h hashWriter, fc *compiler.Funcode, seen map[*compiler.Funcode]bool) {
	if seen[fc] {
		fmt.Fprintf(h, "recursive %s\n", fc.Name)
		return
	}
	seen[fc] = true
	prog := fc.Prog
	fmt.Fprintf(h, "func %q params=%q npos=%d nkw=%d var=%t kw=%t def=%v locals=%q cells=%v free=%q\n",
		fc.Name, fc.Params, fc.NumPos, fc.NumKwonly, fc.HasVarargs, fc.HasKwargs, fc.HasDefault, fc.Locals, fc.Cells, fc.FreeNames)
	konst := func(k int) {
		if prog == nil || k < 0 || k >= len(prog.Consts) {
			fmt.Fprintf(h, "k?%d;", k)
			return
		}
		switch c := prog.Consts[k].(type) {
		case *compiler.Funcode:
			h.Write([]byte("k{"))
			hashFuncode(h, c, seen)
			h.Write([]byte("};"))
		case float64:
			var b [8]byte
			binary.LittleEndian.PutUint64(b[:], math.Float64bits(c))
			fmt.Fprintf(h, "kf%x;", b)
		default:
			fmt.Fprintf(h, "k%T%q;", c, fmt.Sprint(c))
		}
	}
	var w [4]byte
	for pc := 0; pc < len(fc.Code); pc++ {
		ins := fc.Code[pc]
		op, arg := compiler.Opcode(ins&0xff), int(ins>>8)
		fmt.Fprintf(h, "%d:", op)
		switch op {
		case compiler.CONST, compiler.GETATTR, compiler.SETATTR, compiler.IMPORT, compiler.IMPORTPKG,
			compiler.IMPORTFILE, compiler.IMPORTFROM, compiler.MAKEFUNC,
			compiler.LTK, compiler.LEK, compiler.GTK, compiler.GEK, compiler.EQK, compiler.NEK:
			konst(arg)
		case compiler.ADDK, compiler.SUBK, compiler.MULK:
			fmt.Fprintf(h, "t%d;", arg&compiler.KTempFlag)
			konst(arg & compiler.KIndexMask)
		case compiler.GLOBAL, compiler.SETGLOBAL, compiler.DELGLOBAL:
			if prog != nil && prog.Globals != nil && arg < prog.Globals.Len() {
				fmt.Fprintf(h, "g%q;", prog.Globals.Name(arg))
			} else {
				fmt.Fprintf(h, "g?%d;", arg)
			}
		case compiler.FORMAT:
			fmt.Fprintf(h, "c%d;", arg&0xff)
			if k := arg >> 8; k > 0 {
				konst(k - 1)
			}
		case compiler.JCMPK:
			fmt.Fprintf(h, "%d;", arg)
			if pc+1 < len(fc.Code) {
				pc++
				x := fc.Code[pc]
				fmt.Fprintf(h, "cmp%d;", x&0xff)
				konst(int(x >> 8))
			}
		case compiler.CALL:
			fmt.Fprintf(h, "%d;", arg)
			if (arg>>8)&0xff > 0 && pc+1 < len(fc.Code) {
				pc++
				konst(int(fc.Code[pc]))
			}
		default:
			binary.LittleEndian.PutUint32(w[:], uint32(arg))
			h.Write(w[:])
		}
	}
}
