"""Core layers with non-default arguments (see genlib.py for how to run)."""

import keras
from genlib import rand, save_case

keras.utils.set_random_seed(1)

inp = keras.Input((6,), name="x")
h = keras.layers.Dense(5, activation="gelu", use_bias=True, kernel_initializer="he_normal",
                       bias_initializer="ones", name="gelu_dense")(inp)
out = keras.layers.Dense(3, activation="log_softmax", use_bias=False, name="head")(h)
save_case("core", "dense_gelu_log_softmax", keras.Model(inp, out, name="dense_args"), rand(2, 4, 6))
