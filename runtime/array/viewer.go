package array

// Viewer is an object that stands for an array, such as a neuron group's
// state variable (G.v in Brian2 scripts): From, and so every numpy
// function, converts it through ArrayView.
type Viewer interface {
	ArrayView() (*Array, error)
}
