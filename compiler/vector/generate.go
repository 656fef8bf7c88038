package vector

//go:generate go run ./internal/genkernels
