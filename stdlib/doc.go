// Package stdlib is the root of sim's standard library. Each module of
// DESIGN.md §4 lives in its own subpackage and registers itself into the
// runtime (predeclared names and importable modules) from an init
// function; package stdlib/all links every one of them.
package stdlib
