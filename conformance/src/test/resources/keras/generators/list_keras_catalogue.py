#!/usr/bin/env python3
"""Lists the loss, metric and optimizer classes Keras exports (keras.losses, keras.metrics,
keras.optimizers), for the catalogue coverage test.

Usage:  python3 list_keras_catalogue.py OUT.json
"""
import inspect
import json
import sys

import keras

BASES = {"losses": keras.losses.Loss, "metrics": keras.metrics.Metric, "optimizers": keras.optimizers.Optimizer}
out = {"keras_version": keras.__version__}
for module, base in BASES.items():
    m = getattr(keras, module)
    out[module] = sorted(n for n in dir(m)
                         if inspect.isclass(getattr(m, n)) and issubclass(getattr(m, n), base)
                         and getattr(m, n) is not base)
with open(sys.argv[1], "w") as f:
    json.dump(out, f, indent=1)
print({k: len(v) for k, v in out.items() if k != "keras_version"})
