// Package integrate is the `integrate` module (answering to
// scipy.integrate): solve_ivp, odeint and quad, with units.
package integrate
