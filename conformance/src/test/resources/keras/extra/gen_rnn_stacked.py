"""Recurrent layers stacked behind Embedding(mask_zero=True) (see genlib.py).

Since Keras 3.16 the recurrent layers, Bidirectional and TimeDistributed do not pass their input's
mask on: the next layer runs over every step, reading at masked steps what the layer wrote there
(the previous output repeated, or zeros with zero_output_for_mask, as Bidirectional sets it).
Token rows mix right padding, left padding, a fully masked row and a full row. Each model outputs
every recurrent layer's result, so a mismatch shows which layer differs.
"""

import numpy as np

import keras
from genlib import rand, save_case

L = keras.layers
FAMILY = "rnn_stacked"
VOCAB = 20
STEPS = 7


def case(name, inputs, outputs, xs):
    save_case(FAMILY, name, keras.Model(inputs, outputs, name=name), xs)
    keras.backend.clear_session()


def tokens(seed, fully_masked=False, left_padded=True):
    """Four rows of ids in [1, VOCAB): right-padded by 3, right-padded by 1, unpadded, left-padded
    by 2 (unpadded without left_padded); with fully_masked the unpadded row is all padding."""
    t = np.random.default_rng(seed).integers(1, VOCAB, size=(4, STEPS)).astype("int32")
    t[0, -3:] = 0
    t[1, -1:] = 0
    if fully_masked:
        t[2, :] = 0
    if left_padded:
        t[3, :2] = 0
    return t


def embedded(units=3):
    t = keras.Input((STEPS,), dtype="int32", name="tokens")
    return t, L.Embedding(VOCAB, units, mask_zero=True, name="emb")(t)


keras.utils.set_random_seed(11)

# --- Two layers: every pairing -----------------------------------------------------------------
PAIRS = {
    "lstm_lstm": (L.LSTM, L.LSTM),
    "gru_gru": (L.GRU, L.GRU),
    "lstm_gru": (L.LSTM, L.GRU),
    "gru_lstm": (L.GRU, L.LSTM),
    "simple_rnn_gru": (L.SimpleRNN, L.GRU),
    "simple_rnn_lstm": (L.SimpleRNN, L.LSTM),
}
for i, (name, (first, second)) in enumerate(PAIRS.items()):
    t, e = embedded()
    seq = first(3, return_sequences=True, bias_initializer="random_normal", name="first")(e)
    out = second(2, bias_initializer="random_normal", name="second")(seq)
    seq2 = second(2, return_sequences=True, name="second_seq")(seq)
    case(name, t, [seq, out, seq2], tokens(100 + i, fully_masked=i % 2 == 1))

# --- Bidirectional(LSTM) then GRU, each merge mode -------------------------------------------
for i, mode in enumerate(("concat", "sum", "mul", "ave")):
    t, e = embedded()
    bi = L.Bidirectional(L.LSTM(2, return_sequences=True, bias_initializer="random_normal"),
                         merge_mode=mode, name="bi_lstm")(e)
    out = L.GRU(3, return_sequences=True, name="gru")(bi)
    case("bi_lstm_" + mode + "_gru", t, [bi, out], tokens(110 + i, fully_masked=i == 2))

t, e = embedded()
fw, bw = L.Bidirectional(L.LSTM(2, return_sequences=True, bias_initializer="random_normal"),
                         merge_mode=None, name="bi_lstm")(e)
out_fw = L.GRU(3, name="gru_fw")(fw)
out_bw = L.GRU(3, go_backwards=True, name="gru_bw")(bw)
case("bi_lstm_none_gru", t, [fw, bw, out_fw, out_bw], tokens(114))

# --- LSTM then Bidirectional(GRU), each merge mode -------------------------------------------
for i, mode in enumerate(("concat", "sum", "mul", "ave")):
    t, e = embedded()
    seq = L.LSTM(3, return_sequences=True, bias_initializer="random_normal", name="lstm")(e)
    bi = L.Bidirectional(L.GRU(2, return_sequences=True), merge_mode=mode, name="bi_gru")(seq)
    last = L.Bidirectional(L.GRU(2), merge_mode=mode, name="bi_gru_last")(seq)
    case("lstm_bi_gru_" + mode, t, [seq, bi, last], tokens(120 + i, fully_masked=i == 1))

t, e = embedded()
seq = L.LSTM(3, return_sequences=True, bias_initializer="random_normal", name="lstm")(e)
fw, bw = L.Bidirectional(L.GRU(2, return_sequences=True), merge_mode=None, name="bi_gru")(seq)
case("lstm_bi_gru_none", t, [seq, fw, bw], tokens(124))

# --- go_backwards ------------------------------------------------------------------------------
t, e = embedded()
seq = L.LSTM(3, go_backwards=True, return_sequences=True, bias_initializer="random_normal",
             name="lstm_back")(e)
seq2 = L.GRU(3, go_backwards=True, return_sequences=True, name="gru_back")(seq)
out = L.SimpleRNN(2, go_backwards=True, name="rnn_back")(seq2)
case("backwards_stack", t, [seq, seq2, out], tokens(130, fully_masked=True))

t, e = embedded()
seq = L.GRU(3, return_sequences=True, bias_initializer="random_normal", name="gru")(e)
out = L.LSTM(2, go_backwards=True, return_sequences=True, name="lstm_back")(seq)
case("forward_then_backwards", t, [seq, out], tokens(131))

# --- Initial states ----------------------------------------------------------------------------
# With initial_state the sequences are not the call's only tensor, so Keras fills no mask: the
# first layer runs unmasked unless the mask is passed; the second gets none either way. No row
# starts masked: there Keras's backends disagree (jax repeats the initial state h0 as the output,
# torch and tensorflow write zeros, as Jeras does).
t, e = embedded()
h0 = keras.Input((3,), name="h0")
c0 = keras.Input((3,), name="c0")
seq = L.LSTM(3, return_sequences=True, name="lstm_init")(e, initial_state=[h0, c0])
masked = L.LSTM(3, return_sequences=True, name="lstm_init_masked")(
    e, initial_state=[h0, c0], mask=keras.ops.not_equal(t, 0))
out = L.GRU(2, return_sequences=True, name="gru")(masked)
case("initial_state_stack", [t, h0, c0], [seq, masked, out],
     [tokens(140, left_padded=False), rand(141, 4, 3), rand(142, 4, 3)])

# --- Three layers ------------------------------------------------------------------------------
t, e = embedded()
a = L.LSTM(3, return_sequences=True, bias_initializer="random_normal", name="lstm")(e)
b = L.GRU(3, return_sequences=True, name="gru")(a)
c = L.SimpleRNN(2, name="rnn")(b)
case("three_lstm_gru_rnn", t, [a, b, c], tokens(150, fully_masked=True))

t, e = embedded()
a = L.GRU(3, return_sequences=True, bias_initializer="random_normal", name="gru")(e)
b = L.Bidirectional(L.LSTM(2, return_sequences=True), merge_mode="ave", name="bi_lstm")(a)
c = L.LSTM(2, return_sequences=True, name="lstm")(b)
case("three_gru_bi_lstm", t, [a, b, c], tokens(151))

# --- GRU with reset_after=False ----------------------------------------------------------------
t, e = embedded()
a = L.GRU(3, reset_after=False, return_sequences=True, bias_initializer="random_normal",
          name="gru_v1")(e)
b = L.GRU(2, reset_after=False, return_sequences=True, bias_initializer="random_normal",
          name="gru_v1_second")(a)
c = L.Bidirectional(L.GRU(2, reset_after=False, return_sequences=True), merge_mode="sum",
                    name="bi_gru_v1")(a)
case("gru_reset_before", t, [a, b, c], tokens(160, fully_masked=True))

# --- zero_output_for_mask, return_state, TimeDistributed --------------------------------------
t, e = embedded()
a = L.LSTM(3, return_sequences=True, zero_output_for_mask=True, name="lstm_zero")(e)
b = L.GRU(2, return_sequences=True, name="gru")(a)
case("zero_output_for_mask_stack", t, [a, b], tokens(170))

t, e = embedded()
seq, h, c = L.LSTM(3, return_sequences=True, return_state=True, name="lstm_state")(e)
out = L.GRU(2, return_sequences=True, name="gru")(seq)
case("return_state_stack", t, [seq, h, c, out], tokens(171, fully_masked=True))

t, e = embedded()
d = L.TimeDistributed(L.Dense(3, activation="tanh"), name="td_dense")(e)
out = L.GRU(2, return_sequences=True, name="gru")(d)
case("time_distributed_gru", t, [d, out], tokens(172))

# --- Sequential --------------------------------------------------------------------------------
# A Sequential model's config lists layers, not calls: each layer is called on the previous
# output with no recorded mask, so only what that output carries decides the next layer's mask.
SEQUENTIAL = {
    "seq_lstm_lstm": lambda: [L.LSTM(3, return_sequences=True), L.LSTM(2)],
    "seq_gru_gru": lambda: [L.GRU(3, return_sequences=True), L.GRU(2, return_sequences=True)],
    "seq_lstm_gru": lambda: [L.LSTM(3, return_sequences=True), L.GRU(2)],
    "seq_gru_lstm_back": lambda: [L.GRU(3, return_sequences=True, go_backwards=True),
                                  L.LSTM(2, go_backwards=True)],
    "seq_simple_rnn_lstm": lambda: [L.SimpleRNN(3, return_sequences=True),
                                    L.LSTM(2, return_sequences=True)],
    "seq_bi_lstm_gru": lambda: [L.Bidirectional(L.LSTM(2, return_sequences=True)), L.GRU(2)],
    "seq_lstm_bi_gru_ave": lambda: [L.LSTM(3, return_sequences=True),
                                    L.Bidirectional(L.GRU(2, return_sequences=True),
                                                    merge_mode="ave")],
    "seq_three_gru_v1": lambda: [L.GRU(3, reset_after=False, return_sequences=True),
                                 L.LSTM(3, return_sequences=True), L.SimpleRNN(2)],
    "seq_time_distributed_gru": lambda: [L.TimeDistributed(L.Dense(3)), L.GRU(2)],
}
for i, (name, stack) in enumerate(SEQUENTIAL.items()):
    layers = [keras.Input((STEPS,), dtype="int32"), L.Embedding(VOCAB, 3, mask_zero=True)]
    model = keras.Sequential(layers + stack(), name=name)
    save_case(FAMILY, name, model, tokens(180 + i, fully_masked=i % 3 == 0))
    keras.backend.clear_session()
