"""Writes every keras.applications member (weights=None: Keras's own random initialisation, at the
smallest input each family allows) into a local cache for ApplicationsCacheTest; the files are far
too big to commit (the committed, low-entropy ones are resources keras/applications/'s).

    KERAS_BACKEND=jax keras-py gen_applications_cache.py [--dir DIR] [name ...]

DIR defaults to $JERAS_APPLICATIONS_CACHE, else $HOME/.cache/jeras/applications; names default to
every member (apps_common.MEMBERS); a member whose files exist is skipped. Each gets NAME.keras and
NAME.io.npz (x, Keras's prediction y, a one-hot target t). BatchNormalization's moving statistics
are set from a calibration batch and the classifier's logits scaled (apps_common.calibrate and
tame_logits) so that predictions differ between samples and the softmax does not saturate.
"""

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "resources", "keras", "applications"))

import keras  # noqa: E402
from apps_common import MEMBERS, calibrate, inputs, save, tame_logits  # noqa: E402

default = os.environ.get("JERAS_APPLICATIONS_CACHE") or os.path.join(
    os.path.expanduser("~"), ".cache", "jeras", "applications")
parser = argparse.ArgumentParser()
parser.add_argument("--dir", default=default)
parser.add_argument("names", nargs="*", default=list(MEMBERS))
args = parser.parse_args()

for i, name in enumerate(args.names):
    if os.path.exists(os.path.join(args.dir, name + ".io.npz")):
        continue
    start = time.time()
    keras.utils.set_random_seed(200 + i)
    model, size = MEMBERS[name]()
    calibration = inputs(name, size, 16, 2000 + i)
    calibrate(model, calibration)
    tame_logits(model, calibration)
    y = save(args.dir, name, model, size, seed=i)
    print(f"{name}: {model.count_params()} parameters, input {size}, {time.time() - start:.0f} s,"
          f" prediction spread {float(y.std(axis=0).mean()):.3g}", flush=True)
    keras.backend.clear_session()
