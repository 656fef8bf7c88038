package ml

import "github.com/sim-lang/sim/runtime"

// withDecision adds decision_function to a linear classifier's methods:
// X·coef_ᵀ + intercept_, one column per class, or a 1-d array of the
// second class's score when there is one row of coefficients.
func withDecision(m map[string]method, lin func(e *Estimator) *linState) map[string]method {
	m["decision_function"] = func(e *Estimator, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		X, err := e.fittedX("decision_function", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		Z := lin(e).decision(X)
		if Z.c == 1 {
			return floatsValue(Z.d), nil
		}
		return Z.value(), nil
	}
	return m
}
