package unitsmod

import (
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// physicalConstants are Brian2's brian2.units.constants (CODATA 2014, the
// values Brian2 2.5.1 carries), with their units as unit expressions.
var physicalConstants = []struct {
	name  string
	value float64
	unit  string
}{
	{"avogadro_constant", 6.022140857e+23, "1/mole"},
	{"boltzmann_constant", 1.38064852e-23, "joule/kelvin"},
	{"electric_constant", 8.854187817e-12, "farad/metre"},
	{"electron_mass", 9.10938356e-31, "kilogram"},
	{"elementary_charge", 1.6021766208e-19, "coulomb"},
	{"faraday_constant", 96485.33289, "coulomb/mole"},
	{"gas_constant", 8.3144598, "joule/(kelvin*mole)"},
	{"magnetic_constant", 1.2566370614359173e-06, "henry/metre"},
	{"molar_mass_constant", 0.001, "kilogram/mole"},
	{"zero_celsius", 273.15, "kelvin"},
}

func init() {
	runtime.RegisterModule([]string{"brian2.units.constants"}, func() *runtime.Module {
		m := &runtime.Module{Name: "brian2.units.constants", Members: map[string]runtime.Value{}}
		for _, c := range physicalConstants {
			scale, d, err := units.ParseUnit(c.unit)
			if err != nil {
				panic("unitsmod: bad constant unit " + c.unit)
			}
			m.Members[c.name] = runtime.MakeQuantity(c.value*scale, d)
		}
		return m
	})
}
