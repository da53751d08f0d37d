"""Keras 3.16 layers of issue #13 (part): adaptive pooling (odd sizes, both data formats, fewer
and more outputs than inputs), ReversibleEmbedding (tied and untied, reverse call, logit soft cap),
SpectralNormalization around Dense and Conv2D, TernaryDense and GroupedQueryAttention (masks,
causal mask, sliding window, gate, attention scores). See genlib.py for how to run."""

import numpy as np

import keras
from keras import layers as L
from genlib import rand, save_case

F = "layers3"
keras.utils.set_random_seed(23)


def ids(seed, *shape, high=10, zeros=True):
    a = np.random.default_rng(seed).integers(1, high, size=shape).astype("int32")
    if zeros:
        a[:, -2:] = 0  # padding at the end, so mask_zero masks something
    return a


# Adaptive pooling, 1D: fewer outputs than inputs (7 -> 3), more outputs than inputs (3 -> 5), channels_first.
inp = keras.Input((7, 3), name="x")
a = L.AdaptiveAveragePooling1D(3, name="aap1")(inp)
m = L.AdaptiveMaxPooling1D((4,), data_format="channels_first", name="amp1_cf")(inp)
s = L.Cropping1D((2, 2), name="crop")(inp)
u = L.AdaptiveAveragePooling1D(5, name="aap1_up")(s)
v = L.AdaptiveMaxPooling1D(5, name="amp1_up")(s)
save_case(F, "adaptive_1d", keras.Model(inp, [a, m, u, v], name="adaptive_1d"), rand(1, 2, 7, 3))

# 2D: odd sizes, channels_last and channels_first, one int and a tuple.
inp = keras.Input((5, 7, 3), name="x")
a = L.AdaptiveAveragePooling2D((3, 2), name="aap2")(inp)
m = L.AdaptiveMaxPooling2D(3, name="amp2")(inp)
acf = L.AdaptiveAveragePooling2D((2, 4), data_format="channels_first", name="aap2_cf")(inp)
mcf = L.AdaptiveMaxPooling2D((4, 3), data_format="channels_first", name="amp2_cf")(inp)
save_case(F, "adaptive_2d", keras.Model(inp, [a, m, acf, mcf], name="adaptive_2d"), rand(2, 2, 5, 7, 3))

# 3D, then a Dense head so the pooled values feed trainable weights.
inp = keras.Input((5, 4, 6, 2), name="x")
a = L.AdaptiveAveragePooling3D((2, 3, 4), name="aap3")(inp)
m = L.AdaptiveMaxPooling3D(3, data_format="channels_first", name="amp3_cf")(inp)
acf = L.AdaptiveAveragePooling3D((3, 2, 5), data_format="channels_first", name="aap3_cf")(inp)
mcl = L.AdaptiveMaxPooling3D((3, 3, 4), name="amp3")(inp)
h = L.Dense(3, name="head")(L.Flatten(name="flat")(a))
save_case(F, "adaptive_3d", keras.Model(inp, [h, m, acf, mcl], name="adaptive_3d"), rand(3, 2, 5, 4, 6, 2))

# ReversibleEmbedding, tied, mask_zero, soft-capped logits of the reverse call.
inp = keras.Input((6,), dtype="int32", name="ids")
emb = L.ReversibleEmbedding(11, 8, mask_zero=True, logit_soft_cap=2.0, name="emb")
h = emb(inp)
h = L.Dense(8, activation="tanh", name="mix")(h)
out = emb(h, reverse=True)
save_case(F, "reversible_tied", keras.Model(inp, out, name="reversible_tied"), ids(4, 3, 6, high=11))

# Untied: a separate reverse_embeddings, a reverse_dtype, no soft cap, normal initializer.
inp = keras.Input((5,), dtype="int32", name="ids")
emb = L.ReversibleEmbedding(9, 4, tie_weights=False, reverse_dtype="float32",
                            embeddings_initializer="random_normal", name="emb_untied")
h = emb(inp)
out = emb(L.Dense(4, name="mix")(h), reverse=True)
save_case(F, "reversible_untied", keras.Model(inp, out, name="reversible_untied"), ids(5, 2, 5, high=9, zeros=False))

# SpectralNormalization around Dense and Conv2D, trained a few steps so the kernels are normalized
# and vector_u moved away from its initial value.
inp = keras.Input((6, 6, 2), name="x")
h = L.SpectralNormalization(L.Conv2D(3, 3, name="conv"), name="sn_conv")(inp)
h = L.Flatten(name="flat")(h)
out = L.SpectralNormalization(L.Dense(4, name="dense"), power_iterations=2, name="sn_dense")(h)
model = keras.Model(inp, out, name="spectral_norm")
model.compile(optimizer="sgd", loss="mse")
model.fit(rand(6, 8, 6, 6, 2), rand(7, 8, 4), batch_size=4, epochs=1, verbose=0, shuffle=False)
save_case(F, "spectral_norm", model, rand(8, 3, 6, 6, 2))

# TernaryDense: automatic threshold (scaled by mean |kernel|) and a fixed one with an activation.
inp = keras.Input((7,), name="x")
a = L.TernaryDense(5, name="tern_auto")(inp)
b = L.TernaryDense(4, threshold=0.2, activation="relu", use_bias=False, name="tern_fixed")(inp)
out = L.Concatenate(name="cat")([a, b])
save_case(F, "ternary_dense", keras.Model(inp, out, name="ternary_dense"), rand(9, 3, 7))

# GroupedQueryAttention, self-attention with the causal mask (4 query heads, 2 key/value heads).
inp = keras.Input((5, 6), name="x")
gqa = L.GroupQueryAttention(head_dim=3, num_query_heads=4, num_key_value_heads=2, name="gqa")
out = gqa(inp, inp, use_causal_mask=True)
save_case(F, "gqa_causal", keras.Model(inp, out, name="gqa_causal"), rand(10, 2, 5, 6))

# Fresh sublayer names (softmax, dropout) in each GroupQueryAttention, as a file loaded alone gets.
keras.backend.clear_session()

# Cross-attention with key, masks from mask_zero embeddings, one key/value head, attention scores.
q_ids = keras.Input((4,), dtype="int32", name="q_ids")
v_ids = keras.Input((6,), dtype="int32", name="v_ids")
q = L.Embedding(10, 8, mask_zero=True, name="q_emb")(q_ids)
v = L.Embedding(10, 8, mask_zero=True, name="v_emb")(v_ids)
k = L.Dense(5, name="k_proj")(v)
gqa = L.GroupQueryAttention(head_dim=2, num_query_heads=3, num_key_value_heads=1, use_bias=False, name="gqa_x")
out, scores = gqa(q, v, key=k, return_attention_scores=True)
save_case(F, "gqa_masked_scores", keras.Model([q_ids, v_ids], [out, scores], name="gqa_masked_scores"),
          [ids(11, 2, 4), ids(12, 2, 6)])

keras.backend.clear_session()

# Sliding window, gate and an explicit attention mask.
x = keras.Input((6, 4), name="x")
am = keras.Input((6, 6), dtype="bool", name="attention_mask")
gqa = L.GroupQueryAttention(head_dim=2, num_query_heads=2, num_key_value_heads=2, sliding_window=3,
                              use_gate=True, name="gqa_win")
out = gqa(x, x, attention_mask=am)
mask = np.random.default_rng(14).uniform(size=(2, 6, 6)) > 0.3
mask[:, :, 0] = True
save_case(F, "gqa_window_gate", keras.Model([x, am], out, name="gqa_window_gate"), [rand(13, 2, 6, 4), mask])
