"""RMSNormalization (Keras 3.16) on the last axis and on two trailing axes, with learned scales
set away from their initial ones (see genlib.py for how to run)."""

import keras
from keras import layers as L
from genlib import rand, save_case

F = "normalization"
keras.utils.set_random_seed(17)

inp = keras.Input((6, 8), name="x")
h = L.Dense(8, name="proj")(inp)
norm = L.RMSNormalization(name="rms")
h = norm(h)
out = L.Dense(3, name="head")(h)
norm.scale.assign(rand(3, 8, low=0.5, high=1.5))
save_case(F, "rms_last_axis", keras.Model(inp, out, name="rms_last_axis"), rand(4, 2, 6, 8))

inp = keras.Input((4, 5), name="x")
norm = L.RMSNormalization(axis=[-2, -1], epsilon=1e-3, name="rms_2d")
out = norm(inp)
norm.scale.assign(rand(5, 4, 5, low=-2.0, high=2.0))
save_case(F, "rms_two_axes", keras.Model(inp, out, name="rms_two_axes"), rand(6, 3, 4, 5, low=-0.2, high=0.2))
