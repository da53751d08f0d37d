"""Masked ConvLSTM layers for family rnn3 (see gen_rnn3.py), written with the torch backend:
    KERAS_BACKEND=torch keras-py gen_rnn3_masked.py
Keras's jax loop cannot broadcast a [batch, 1] step mask against ConvLSTM's
[batch, rows, cols, filters] states; its torch loop can.
"""

import numpy as np

import keras
from genlib import rand, save_case

L = keras.layers
FAMILY = "rnn3"

keras.utils.set_random_seed(41)

mask = np.array([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1], [0, 1, 1, 1, 0]], dtype=bool)

x = keras.Input((5, 4, 4, 2))
m = keras.Input((5,), dtype="bool")
y = L.ConvLSTM2D(2, 3, padding="same", return_sequences=True, bias_initializer="random_normal",
                 name="conv_lstm")(x, mask=m)
z = L.ConvLSTM2D(2, 3, padding="same", zero_output_for_mask=True, return_sequences=True,
                 name="conv_lstm_zero")(x, mask=m)
save_case(FAMILY, "conv_lstm2d_masked", keras.Model([x, m], [y, z], name="conv_lstm2d_masked"),
          [rand(1, 3, 5, 4, 4, 2), mask])
keras.backend.clear_session()

x = keras.Input((5, 6, 2))
m = keras.Input((5,), dtype="bool")
y, h, c = L.ConvLSTM1D(3, 2, go_backwards=True, return_sequences=True, return_state=True,
                       name="conv_lstm_back")(x, mask=m)
save_case(FAMILY, "conv_lstm1d_masked_backwards", keras.Model([x, m], [y, h, c], name="conv_lstm1d_masked_backwards"),
          [rand(2, 3, 5, 6, 2), mask])
