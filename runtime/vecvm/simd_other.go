//go:build !amd64

package vecvm

import "github.com/sim-lang/sim/compiler/vector"

// compareMasks has no vector loop on this architecture.
func compareMasks(op vector.Opcode, xs []float64, c float64, masks []uint16) int { return 0 }

// finitePrefix has no vector loop on this architecture.
func finitePrefix(xs []float64) (bool, int) { return true, 0 }
