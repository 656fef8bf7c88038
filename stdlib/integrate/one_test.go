package integrate

import (
	"os"
	"testing"
)

func TestOne(t *testing.T) {
	src, _ := os.ReadFile(os.Getenv("SIMFILE"))
	out, err := runScript(t, "x.sim", string(src))
	t.Log(out, err)
}
