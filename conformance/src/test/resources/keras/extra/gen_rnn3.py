"""ConvLSTM1D/2D/3D, the generic RNN layer over Keras's cells and StackedRNNCells, and stateful
recurrent layers (see genlib.py).

A stateful model's io holds two consecutive calls: x -> y from zero states, then
x_next -> y_next starting from the states the first call left (Keras keeps them between calls).
"""

import os

import numpy as np

import keras
from genlib import rand, save_case

L = keras.layers
FAMILY = "rnn3"


def case(name, inputs, outputs, xs):
    save_case(FAMILY, name, keras.Model(inputs, outputs, name=name), xs)
    keras.backend.clear_session()


def stateful_case(name, model, x, x_next):
    """Saves model and the io of two consecutive calls (states kept between them)."""
    os.makedirs(FAMILY, exist_ok=True)
    model.save(os.path.join(FAMILY, name + ".keras"))
    # Direct calls: on jax, predict() runs a stateless step that drops the state updates (each
    # predict call starts from zeros), while a call keeps them, as the torch and tf backends do.
    y = np.asarray(model(x))
    y_next = np.asarray(model(x_next))
    np.savez(os.path.join(FAMILY, name + ".io.npz"), x=x, y=y, x_next=x_next, y_next=y_next)
    keras.backend.clear_session()


keras.utils.set_random_seed(31)

# --- ConvLSTM ----------------------------------------------------------------------------------
x = keras.Input((4, 5, 5, 2))
y = L.ConvLSTM2D(3, 3, padding="same", return_sequences=True, name="conv_lstm")(x)
case("conv_lstm2d_same_sequences", x, y, rand(1, 2, 4, 5, 5, 2))

x = keras.Input((3, 7, 6, 2))
out, h, c = L.ConvLSTM2D(2, (3, 2), strides=2, unit_forget_bias=False, bias_initializer="random_normal",
                         return_state=True, name="conv_lstm")(x)
case("conv_lstm2d_strides_state", x, [out, h, c], rand(2, 2, 3, 7, 6, 2))

x = keras.Input((4, 2, 7, 7))
y = L.ConvLSTM2D(2, 3, dilation_rate=2, padding="same", data_format="channels_first",
                 go_backwards=True, return_sequences=True, bias_initializer="random_normal",
                 name="conv_lstm")(x)
case("conv_lstm2d_channels_first_dilation", x, y, rand(3, 2, 4, 2, 7, 7))

x = keras.Input((5, 8, 3))
y = L.ConvLSTM1D(4, 3, padding="same", activation="relu", recurrent_activation="hard_sigmoid",
                 return_sequences=True, name="conv_lstm")(x)
z = L.ConvLSTM1D(2, 2, use_bias=False, name="conv_lstm_last")(y)
case("conv_lstm1d_stack", x, [y, z], rand(4, 3, 5, 8, 3))

x = keras.Input((3, 4, 4, 3, 2))
y = L.ConvLSTM3D(2, 2, padding="same", return_sequences=True, bias_initializer="random_normal",
                 name="conv_lstm")(x)
case("conv_lstm3d_same", x, y, rand(5, 2, 3, 4, 4, 3, 2))

# Masked ConvLSTM cases come from gen_rnn3_masked.py (torch backend): Keras's jax loop cannot
# broadcast a [batch, 1] step mask against the [batch, rows, cols, filters] states.

x = keras.Input((3, 5, 5, 2))
h0 = keras.Input((5, 5, 3))
c0 = keras.Input((5, 5, 3))
y = L.ConvLSTM2D(3, 3, padding="same", name="conv_lstm")(x, initial_state=[h0, c0])
case("conv_lstm2d_initial_state", [x, h0, c0], y, [rand(7, 2, 3, 5, 5, 2), rand(8, 2, 5, 5, 3), rand(9, 2, 5, 5, 3)])

model = keras.Sequential([keras.Input((3, 6, 6, 1)), L.ConvLSTM2D(2, 3), L.Flatten(), L.Dense(3)],
                         name="seq_conv_lstm2d_dense")
model.compile(optimizer="adam", loss="mse")
model.fit(rand(10, 4, 3, 6, 6, 1), rand(11, 4, 3), epochs=1, verbose=0)
save_case(FAMILY, "seq_conv_lstm2d_dense", model, rand(12, 2, 3, 6, 6, 1))
keras.backend.clear_session()

# --- keras.layers.RNN over cells -------------------------------------------------------------
x = keras.Input((5, 3))
a = L.RNN(L.SimpleRNNCell(3, bias_initializer="random_normal"), return_sequences=True, name="rnn_simple")(x)
b, h, c = L.RNN(L.LSTMCell(2), go_backwards=True, return_state=True, name="rnn_lstm")(x)
d = L.RNN(L.GRUCell(3, reset_after=False), return_sequences=True, name="rnn_gru")(x)
case("rnn_cells", x, [a, b, h, c, d], rand(20, 2, 5, 3))

x = keras.Input((5, 3))
cells = [L.SimpleRNNCell(3), L.LSTMCell(2, bias_initializer="random_normal"), L.GRUCell(4)]
y = L.RNN(L.StackedRNNCells(cells), return_sequences=True, name="rnn_stacked")(x)
z = L.RNN(L.StackedRNNCells([L.GRUCell(2), L.SimpleRNNCell(2)]), go_backwards=True, name="rnn_stacked_back")(x)
case("rnn_stacked_cells", x, [y, z], rand(21, 2, 5, 3))

t = keras.Input((6,), dtype="int32")
e = L.Embedding(10, 3, mask_zero=True)(t)
y = L.RNN(L.StackedRNNCells([L.LSTMCell(3), L.GRUCell(2)]), return_sequences=True, name="rnn_stacked")(e)
tok = np.array([[1, 2, 3, 0, 0, 0], [4, 5, 6, 7, 8, 9], [0, 0, 3, 4, 5, 6]], dtype="int32")
case("rnn_stacked_masked", t, y, tok)

# --- stateful ----------------------------------------------------------------------------------
def stateful(name, layer, shape):
    model = keras.Sequential([keras.Input(batch_shape=shape), layer], name=name)
    stateful_case(name, model, rand(40 + len(name), *shape), rand(60 + len(name), *shape))


stateful("stateful_simple_rnn", L.SimpleRNN(3, stateful=True, return_sequences=True), (2, 4, 3))
stateful("stateful_lstm", L.LSTM(3, stateful=True), (2, 4, 3))
stateful("stateful_gru", L.GRU(2, stateful=True, return_sequences=True), (3, 4, 2))
stateful("stateful_conv_lstm2d", L.ConvLSTM2D(2, 3, padding="same", stateful=True), (2, 3, 4, 4, 1))
stateful("stateful_rnn_stacked",
         L.RNN(L.StackedRNNCells([L.LSTMCell(3), L.SimpleRNNCell(2)]), stateful=True, return_sequences=True),
         (2, 4, 3))
