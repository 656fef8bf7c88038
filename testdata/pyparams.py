# A Python helper module next to a script (like Brian2 examples'
# params.py): `import pyparams` finds it when no pyparams.sim exists.
from brian2 import *
taum = 20*ms
El = -70*mV
