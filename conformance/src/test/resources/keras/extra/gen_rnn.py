"""Recurrent, attention and normalization layers with non-default arguments (see genlib.py).

All models are small (batch 2, short sequences, few units). Dropout arguments are set in
some layers; predictions run in inference mode, so they must have no effect.
"""

import numpy as np

import keras
from genlib import rand, save_case

L = keras.layers
FAMILY = "rnn"


def case(name, inputs, outputs, xs):
    save_case(FAMILY, name, keras.Model(inputs, outputs, name=name), xs)
    fresh()


def fresh():
    """Restarts Keras's automatic names (a layer's inner dropout_N, softmax_N are in the file) so
    each model's names are those of a model built first in its process."""
    keras.backend.clear_session()


def tokens(seed, batch, steps, vocab, zeros_at_end=2):
    """Token ids in [1, vocab) with the last zeros_at_end steps of row 0 padded by 0."""
    t = np.random.default_rng(seed).integers(1, vocab, size=(batch, steps)).astype("int32")
    if zeros_at_end:
        t[0, -zeros_at_end:] = 0
        t[1, 0] = 0
    return t


keras.utils.set_random_seed(7)

# --- SimpleRNN -----------------------------------------------------------------------------
x = keras.Input((5, 3), name="x")
h = L.SimpleRNN(4, activation="relu", use_bias=False, go_backwards=True, return_sequences=True,
                dropout=0.3, recurrent_dropout=0.2, name="rnn_relu_back")(x)
seq, state = L.SimpleRNN(3, activation="sigmoid", return_sequences=True, return_state=True,
                         bias_initializer="ones", name="rnn_state")(h)
case("simple_rnn_args", x, [seq, state], rand(1, 2, 5, 3))

# --- LSTM ------------------------------------------------------------------------------------
x = keras.Input((5, 3), name="x")
seq, hs, cs = L.LSTM(4, activation="softsign", recurrent_activation="hard_sigmoid",
                     unit_forget_bias=False, bias_initializer="random_normal",
                     return_sequences=True, return_state=True, dropout=0.2,
                     name="lstm_args")(x)
out = L.LSTM(2, use_bias=False, go_backwards=True, activation="relu", name="lstm_nobias_back")(seq)
case("lstm_args", x, [seq, hs, cs, out], rand(2, 2, 5, 3))

x = keras.Input((4, 3), name="x")
h0 = keras.Input((3,), name="h0")
c0 = keras.Input((3,), name="c0")
seq = L.LSTM(3, go_backwards=True, return_sequences=True, name="lstm_init")(x, initial_state=[h0, c0])
case("lstm_initial_state", [x, h0, c0], seq, [rand(3, 2, 4, 3), rand(4, 2, 3), rand(5, 2, 3)])

x = keras.Input((6, 2), name="x")
m = L.Masking(mask_value=0.0, name="mask")(x)
h = L.LSTM(3, return_sequences=True, name="lstm_masked")(m)
out = L.SimpleRNN(2, go_backwards=True, name="rnn_masked")(h)
xm = rand(6, 2, 6, 2)
xm[0, 4:] = 0.0
xm[1, 1] = 0.0
case("masking_lstm", x, out, xm)

# --- GRU -------------------------------------------------------------------------------------
x = keras.Input((5, 3), name="x")
h = L.GRU(4, reset_after=False, recurrent_activation="hard_sigmoid", activation="elu",
          bias_initializer="random_uniform", return_sequences=True, name="gru_v1")(x)
seq, st = L.GRU(3, use_bias=False, go_backwards=True, return_sequences=True, return_state=True,
                name="gru_nobias_back")(h)
out = L.GRU(2, reset_after=False, use_bias=False, name="gru_v1_nobias")(seq)
case("gru_args", x, [seq, st, out], rand(7, 2, 5, 3))

t = keras.Input((6,), dtype="int32", name="tokens")
g0 = keras.Input((3,), name="g0")
e = L.Embedding(9, 4, mask_zero=True, name="emb")(t)
seq = L.GRU(3, bias_initializer="random_normal", return_sequences=True, name="gru_init_mask")(
    e, initial_state=g0)
out = L.GRU(2, go_backwards=True, reset_after=False, bias_initializer="random_normal",
            name="gru_v1_mask_back")(seq)
case("gru_mask_initial_state", [t, g0], [seq, out], [tokens(8, 2, 6, 9), rand(9, 2, 3)])

# --- Bidirectional ---------------------------------------------------------------------------
x = keras.Input((4, 3), name="x")
outs = [L.Bidirectional(L.SimpleRNN(2, return_sequences=True), merge_mode=mode, name="bi_" + mode)(x)
        for mode in ("concat", "sum", "mul", "ave")]
case("bidirectional_merge_modes", x, outs, rand(10, 2, 4, 3))

x = keras.Input((4, 3), name="x")
fw, bw = L.Bidirectional(L.GRU(2, return_sequences=True), merge_mode=None, name="bi_none")(x)
case("bidirectional_merge_none", x, [fw, bw], rand(11, 2, 4, 3))

x = keras.Input((4, 3), name="x")
out, fh, fc, bh, bc = L.Bidirectional(L.LSTM(2, return_state=True), merge_mode="concat", name="bi_state")(x)
seq = L.Bidirectional(L.LSTM(3, return_sequences=True),
                      backward_layer=L.LSTM(3, go_backwards=True, return_sequences=True,
                                            activation="relu", name="custom_backward"),
                      merge_mode="sum", name="bi_backward_layer")(x)
case("bidirectional_state_backward_layer", x, [out, fh, fc, bh, bc, seq], rand(12, 2, 4, 3))

t = keras.Input((5,), dtype="int32", name="tokens")
e = L.Embedding(7, 3, mask_zero=True, name="emb")(t)
s = L.Bidirectional(L.GRU(2, return_sequences=True), merge_mode="ave", name="bi_masked_seq")(e)
o, fh, bh = L.Bidirectional(L.GRU(2, reset_after=False, return_state=True), merge_mode="mul",
                            name="bi_masked_state")(s)
case("bidirectional_masked", t, [s, o, fh, bh], tokens(13, 2, 5, 7))

# --- TimeDistributed -------------------------------------------------------------------------
x = keras.Input((3, 5, 5, 2), name="x")
h = L.TimeDistributed(L.Conv2D(3, 3, padding="same", activation="relu"), name="td_conv")(x)
h = L.TimeDistributed(L.Conv2D(2, 2, strides=2, use_bias=False), name="td_conv_valid")(h)
h = L.TimeDistributed(L.Flatten(), name="td_flatten")(h)
out = L.TimeDistributed(L.Dense(4, activation="tanh"), name="td_dense")(h)
case("time_distributed", x, out, rand(14, 2, 3, 5, 5, 2))

# --- MultiHeadAttention ----------------------------------------------------------------------
q = keras.Input((3, 4), name="q")
v = keras.Input((5, 6), name="v")
k = keras.Input((5, 2), name="k")
o, scores = L.MultiHeadAttention(2, key_dim=3, value_dim=4, output_shape=5, use_bias=False,
                                 dropout=0.3, name="mha_args")(q, v, key=k,
                                                               return_attention_scores=True)
case("mha_value_dim_output_shape", [q, v, k], [o, scores],
     [rand(15, 2, 3, 4), rand(16, 2, 5, 6), rand(17, 2, 5, 2)])

x = keras.Input((3, 4, 5), name="x")
o, scores = L.MultiHeadAttention(2, key_dim=2, attention_axes=(1, 2), name="mha_axes")(
    x, x, return_attention_scores=True)
o2 = L.MultiHeadAttention(1, key_dim=3, attention_axes=2, output_shape=(2, 3), name="mha_axis2")(x, x)
case("mha_attention_axes", x, [o, scores, o2], rand(18, 2, 3, 4, 5))

x = keras.Input((4, 3), name="x")
o = L.MultiHeadAttention(2, key_dim=2, bias_initializer="random_normal", name="mha_causal")(
    x, x, use_causal_mask=True)
case("mha_causal", x, o, rand(19, 2, 4, 3))

# --- Attention / AdditiveAttention -----------------------------------------------------------
q = keras.Input((3, 4), name="q")
v = keras.Input((5, 4), name="v")
k = keras.Input((5, 4), name="k")
o, s = L.Attention(use_scale=True, score_mode="concat", dropout=0.2, name="att_concat")(
    [q, v, k], return_attention_scores=True)
o2 = L.Attention(use_scale=True, name="att_scaled")([q, v])
case("attention_scale_concat", [q, v, k], [o, s, o2],
     [rand(20, 2, 3, 4), rand(21, 2, 5, 4), rand(22, 2, 5, 4)])

x = keras.Input((4, 3), name="x")
o, s = L.Attention(score_mode="concat", name="att_causal")([x, x], use_causal_mask=True,
                                                           return_attention_scores=True)
case("attention_causal", x, [o, s], rand(23, 2, 4, 3))

q = keras.Input((3, 4), name="q")
v = keras.Input((5, 4), name="v")
k = keras.Input((5, 4), name="k")
o, s = L.AdditiveAttention(use_scale=False, name="add_att")([q, v, k], return_attention_scores=True)
o2 = L.AdditiveAttention(name="add_att_causal")([q, q], use_causal_mask=True)
case("additive_attention_args", [q, v, k], [o, s, o2],
     [rand(24, 2, 3, 4), rand(25, 2, 5, 4), rand(26, 2, 5, 4)])

# --- Normalization ---------------------------------------------------------------------------
x = keras.Input((3, 4, 4), name="x")
h = L.BatchNormalization(axis=1, momentum=0.5, epsilon=0.01, name="bn_axis1")(x)
h = L.BatchNormalization(center=False, momentum=0.7, name="bn_no_center")(h)
out = L.BatchNormalization(axis=2, scale=False, epsilon=1e-4, momentum=0.6, name="bn_axes")(h)
trained = keras.Model(x, out, name="batch_norm_args")
trained.compile(optimizer="sgd", loss="mse")
trained.fit(rand(27, 8, 3, 4, 4, low=0.0, high=3.0), rand(28, 8, 3, 4, 4), batch_size=4, epochs=2,
            verbose=0)
bn = keras.Model.from_config(trained.get_config())
bn.set_weights(trained.get_weights())
save_case(FAMILY, "batch_norm_args", bn, rand(29, 2, 3, 4, 4, low=0.0, high=3.0))
fresh()

x = keras.Input((3, 4, 5), name="x")
a = L.LayerNormalization(axis=[1, 3], epsilon=1e-2, gamma_initializer="random_normal",
                         beta_initializer="random_normal", name="ln_axes")(x)
b = L.LayerNormalization(axis=2, center=False, name="ln_no_center")(a)
c = L.LayerNormalization(axis=[1, 2, 3], center=False, scale=False, name="ln_plain")(b)
d = L.LayerNormalization(axis=3, rms_scaling=True, gamma_initializer="random_normal",
                         name="ln_rms")(x)
case("layer_norm_args", x, [a, b, c, d], rand(30, 2, 3, 4, 5))

x = keras.Input((4, 3, 6), name="x")
a = L.GroupNormalization(groups=3, epsilon=1e-2, gamma_initializer="random_normal",
                         beta_initializer="random_normal", name="gn_groups3")(x)
b = L.GroupNormalization(groups=2, axis=1, center=False, name="gn_axis1")(a)
c = L.GroupNormalization(groups=-1, scale=False, beta_initializer="ones", name="gn_instance")(b)
case("group_norm_args", x, [a, b, c], rand(31, 2, 4, 3, 6))

x = keras.Input((3, 4, 2), name="x")
a = L.UnitNormalization(axis=(1, 2), name="unit_12")(x)
b = L.UnitNormalization(axis=1, name="unit_1")(x)
case("unit_norm_args", x, [a, b], rand(32, 2, 3, 4, 2))

# --- Masks through attention, wrappers and unrolled RNNs ------------------------------------
t = keras.Input((5,), dtype="int32", name="tokens")
e = L.Embedding(8, 4, mask_zero=True, name="emb")(t)
o = L.MultiHeadAttention(2, key_dim=2, use_gate=True, name="mha_gate_masked")(e, e, use_causal_mask=True)
# Keras's MultiHeadAttention clears the Keras masks of the tensors it is called on, so a later
# layer reading `e` again would see no mask; the second attention gets its own masked value.
e2 = L.Embedding(8, 4, mask_zero=True, name="emb_value")(t)
o2 = L.MultiHeadAttention(2, key_dim=3, sliding_window=2, name="mha_window")(o, e2)
case("mha_masks_gate_window", t, [o, o2], tokens(33, 2, 5, 8))

q = keras.Input((4,), dtype="int32", name="q_tokens")
v = keras.Input((5,), dtype="int32", name="v_tokens")
qe = L.Embedding(8, 3, mask_zero=True, name="q_emb")(q)
ve = L.Embedding(8, 3, mask_zero=True, name="v_emb")(v)
o, s = L.Attention(use_scale=True, name="att_masked")([qe, ve], return_attention_scores=True)
o2 = L.AdditiveAttention(use_scale=False, name="add_att_masked")([qe, ve, ve])
h = L.LSTM(2, return_sequences=True, name="lstm_after_attention")(o2)
case("attention_masked", [q, v], [o, s, o2, h], [tokens(34, 2, 4, 8), tokens(35, 2, 5, 8, 1)])

x = keras.Input((4, 3), name="x")
states = [keras.Input((2,), name=n) for n in ("fh", "fc", "bh", "bc")]
seq = L.Bidirectional(L.LSTM(2, return_sequences=True), merge_mode="concat", name="bi_init")(
    x, initial_state=states)
case("bidirectional_initial_state", [x] + states, seq,
     [rand(36, 2, 4, 3)] + [rand(37 + i, 2, 2) for i in range(4)])

t = keras.Input((5,), dtype="int32", name="tokens")
e = L.Embedding(8, 3, mask_zero=True, name="emb")(t)
h = L.TimeDistributed(L.Dense(4, activation="relu"), name="td_dense_masked")(e)
h = L.SimpleRNN(3, unroll=True, return_sequences=True, name="rnn_unrolled")(h)
h = L.LSTM(2, unroll=True, go_backwards=True, recurrent_dropout=0.3, name="lstm_unrolled")(h)
case("time_distributed_masked_unroll", t, h, tokens(41, 2, 5, 8))

q = keras.Input((4,), dtype="int32", name="q_tokens")
v = keras.Input((4,), dtype="int32", name="v_tokens")
am = keras.Input((4, 4), dtype="bool", name="attention_mask")
qe = L.Embedding(8, 4, mask_zero=True, name="q_emb")(q)
ve = L.Embedding(8, 4, mask_zero=True, name="v_emb")(v)
o, s = L.Attention(score_mode="concat", dropout=0.1, name="att_causal_masked")(
    [qe, ve], use_causal_mask=True, return_attention_scores=True)
x2 = keras.Input((4, 4), name="x")
o2, s2 = L.MultiHeadAttention(2, key_dim=2, name="mha_explicit_mask")(
    x2, x2, attention_mask=am, return_attention_scores=True)
o3 = L.MultiHeadAttention(2, key_dim=2, name="mha_explicit_mask_fused")(x2, x2, attention_mask=am)
amv = np.ones((2, 4, 4), dtype=bool)
amv[0, :, 2] = False
amv[1, 3, :] = False
case("attention_explicit_masks", [q, v, am, x2], [o, s, o2, s2, o3],
     [tokens(42, 2, 4, 8), tokens(43, 2, 4, 8, 1), amv, rand(44, 2, 4, 4)])

x = keras.Input((5, 2), name="x")
m = L.Masking(mask_value=0.0, name="mask")(x)
fw, bw, fh, bh = L.Bidirectional(L.SimpleRNN(2, return_sequences=True, return_state=True, activation="relu"),
                                 merge_mode=None, name="bi_masked_none_state")(m)
o, h = L.GRU(3, reset_after=False, go_backwards=True, return_state=True, recurrent_dropout=0.2,
             name="gru_masked_back_state")(m)
xm = rand(45, 2, 5, 2)
xm[0, 3:] = 0.0
xm[1, 0] = 0.0
case("masking_bidirectional_gru", x, [fw, bw, fh, bh, o, h], xm)
