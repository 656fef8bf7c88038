# A 4000-neuron uncoupled LIF group (CUBA's neurons without synapses,
# euler, threshold, reset, refractoriness, a spike monitor) simulated for
# 1 s under Brian2.
# usage: python3 lif_group.py TARGET [warm]   (TARGET: numpy or cython)
# With "warm", a 1 ms warm-up run comes first (code generation and
# compilation excluded) and "elapsed SECONDS" is the time of run(1*second).
import sys
import time
from brian2 import *

prefs.codegen.target = sys.argv[1]
warm = len(sys.argv) > 2 and sys.argv[2] == 'warm'
taum = 20*ms; taue = 5*ms; taui = 10*ms
Vt = -50*mV; Vr = -60*mV; El = -49*mV
eqs = '''
dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
'''
P = NeuronGroup(4000, eqs, threshold='v>Vt', reset='v = Vr', refractory=5*ms, method='euler')
P.v = 'Vr + rand() * (Vt - Vr)'
P.ge = 0*mV
P.gi = 0*mV
S = SpikeMonitor(P)
if warm:
    run(1*ms)
t0 = time.perf_counter()
run(1*second)
print('elapsed', time.perf_counter() - t0)
print('spikes', S.num_spikes)
