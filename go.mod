module github.com/sim-lang/sim

go 1.24.0

require (
	github.com/alecthomas/participle/v2 v2.1.4 // indirect
	github.com/chzyer/readline v1.5.1 // indirect
	golang.org/x/sys v0.0.0-20220310020820-b874c991c1a5 // indirect
	gonum.org/v1/gonum v0.17.0 // indirect
)
