# The state update of the seed network's conductance-based LIF (euler, no
# synapses, no threshold) for N neurons, under Brian2.
# usage: python3 lif_update.py TARGET N   (TARGET: numpy or cython)
# Prints "elapsed SECONDS" per time step: the best of 5 runs of 20 steps,
# after a warm-up run (code generation and compilation excluded).
import sys
import time
from brian2 import *

prefs.codegen.target = sys.argv[1]
N = int(sys.argv[2])
c = 100*pF; vl = -70*mV; gl = 5*nS
ge_tau = 20*ms; ve = 0*mV; gi_tau = 100*ms; vi = -80*mV
lif = '''
dv/dt = -(gl * (v - vl) + ge * (v - ve) + gi *(v - vi) - I)/c : volt
dge/dt = -ge / ge_tau : siemens
dgi/dt = -gi / gi_tau : siemens
I : amp
'''
G = NeuronGroup(N, lif, method='euler')
G.v = vl
G.I = 0.5*nA
G.ge = 1*nS
G.gi = 1*nS
run(1*ms)
best = 1e9
for k in range(5):
    t0 = time.perf_counter()
    run(2*ms)
    best = min(best, time.perf_counter() - t0)
print('elapsed', best/20)
print('check', G.v[0]/mV)
