# CUBA in Brian2 (examples/CUBA.py) for bench/cuba: the same model as
# cuba.sim. Usage: python3 cuba.py TARGET [warm]
#   TARGET numpy | cython: with "warm", a 1 ms run first compiles the code,
#     then run(1*second) is timed ("elapsed" line); without it the whole
#     script is the workload (timed as a process by main.go).
#   TARGET cpp_standalone: builds and runs the project; "elapsed" is the
#     simulation loop's own time as measured by the generated C++ code.
import os, sys, time, tempfile
from brian2 import *

target = sys.argv[1]
warm = len(sys.argv) > 2 and sys.argv[2] == 'warm'
if target == 'cpp_standalone':
    # a fixed directory lets make reuse the objects of an earlier build
    outdir = os.path.join(tempfile.gettempdir(), 'sim_bench_cuba_standalone')
    set_device('cpp_standalone', directory=outdir, build_on_run=False)
else:
    prefs.codegen.target = target
seed(1)

taum = 20*ms
taue = 5*ms
taui = 10*ms
Vt = -50*mV
Vr = -60*mV
El = -49*mV

eqs = '''
dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
'''

P = NeuronGroup(4000, eqs, threshold='v>Vt', reset='v = Vr', refractory=5*ms,
                method='exact')
P.v = 'Vr + rand() * (Vt - Vr)'
P.ge = 0*mV
P.gi = 0*mV

we = (60*0.27/10)*mV
wi = (-20*4.5/10)*mV
Ce = Synapses(P, P, on_pre='ge += we')
Ci = Synapses(P, P, on_pre='gi += wi')
Ce.connect('i<3200', p=0.02)
Ci.connect('i>=3200', p=0.02)

s_mon = SpikeMonitor(P)
if target == 'cpp_standalone':
    run(1*second)
    device.build(directory=outdir, compile=True, run=True)
    print('elapsed', device._last_run_time)
elif warm:
    run(1*ms)
    t0 = time.perf_counter()
    run(1*second)
    print('elapsed', time.perf_counter() - t0)
else:
    run(1*second)
print('synapses', len(Ce) + len(Ci))
print('spikes', s_mon.num_spikes)
