"""Shared by the gen_<family>.py scripts: save a Keras model as NAME.keras with NAME.io.npz.

Run a family's script from this directory with Keras 3 on jax, e.g.
    KERAS_BACKEND=jax python gen_conv.py
It writes into ./<family>/. Inputs are seeded; y is Keras's own prediction.
"""

import os

import numpy as np

import keras


def save_case(family, name, model, inputs):
    """Saves model as family/name.keras and its io (x or x0, x1, ...; y or y0, y1, ...)."""
    os.makedirs(family, exist_ok=True)
    model.save(os.path.join(family, name + ".keras"))
    ys = model.predict(_feedable(inputs), verbose=0)
    io = {}
    # String outputs come back as object arrays of bytes: store them as numpy unicode arrays
    # (a pickled object array would not be plain .npy data).
    if isinstance(ys, (list, tuple)):
        ys = [_plain(y) for y in ys]
    else:
        ys = _plain(ys)
    if isinstance(inputs, (list, tuple)):
        io.update({f"x{i}": np.asarray(x) for i, x in enumerate(inputs)})
    else:
        io["x"] = np.asarray(inputs)
    if isinstance(ys, (list, tuple)):
        io.update({f"y{i}": np.asarray(y) for i, y in enumerate(ys)})
    else:
        io["y"] = np.asarray(ys)
    np.savez(os.path.join(family, name + ".io.npz"), **io)


def _feedable(inputs):
    """Keras's predict takes strings as TensorFlow string tensors, not as numpy unicode arrays."""
    if isinstance(inputs, (list, tuple)):
        return [_feedable(x) for x in inputs]
    x = np.asarray(inputs)
    if x.dtype.kind == "U":
        import tensorflow as tf

        return tf.constant(x)
    return inputs


def _plain(y):
    y = np.asarray(y)
    if y.dtype == object:
        return np.vectorize(lambda v: v.decode("utf-8") if isinstance(v, bytes) else str(v), otypes=[str])(y)
    return y


def rand(seed, *shape, low=-1.0, high=1.0):
    return np.random.default_rng(seed).uniform(low, high, size=shape).astype("float32")
