// Package sim embeds the sim interpreter in Go programs.
//
// sim runs a Python-like scientific scripting language with physical units
// and numpy-style arrays. A Go program creates an Interp, injects values
// and Go functions, runs code, and reads results back:
//
//	in := sim.New(sim.Options{})
//	in.Set("gain", sim.Q(2.5, "nS"))
//	err := in.Exec(ctx, "model.sim", src)
//	v, err := in.Get("result")
//
// Values cross the boundary as ordinary Go values: nil, bool, int64,
// float64, string, []any (lists and tuples), map[string]any (dicts with
// string keys), Quantity (a number with a unit) and Array (n-d data with a
// unit). Errors from scripts carry "file:line:col: message", the source
// line with a caret, and a traceback. No Go panic escapes the API.
package sim
