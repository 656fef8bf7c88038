// Package gpu is the `gpu` module: NVIDIA power, energy, utilization,
// memory and temperature through NVML, a background PowerMonitor, energy
// measurement of calls, CPU package energy from RAPL, and a deterministic
// fake device for tests.
package gpu
