"""Core, merging, activation, reshaping, regularization and preprocessing layers with
non-default arguments, and compiled models trained a few steps (see genlib.py for how to run)."""

import os
import subprocess
import sys

import numpy as np

import keras
from keras import layers as L
from genlib import rand, save_case

F = "misc"


def _resume_in_this_process(name):
    path = os.path.join(F, name + ".resume.npz")
    data = dict(np.load(path))
    loaded = keras.saving.load_model(os.path.join(F, name + ".keras"))
    loaded.fit(data["x"], data["y"], batch_size=2, epochs=1, shuffle=False, verbose=0)
    data.update({f"w{i}": np.asarray(w) for i, w in enumerate(loaded.get_weights())})
    np.savez(path, **data)


if len(sys.argv) == 3 and sys.argv[1] == "--resume":
    _resume_in_this_process(sys.argv[2])
    sys.exit(0)


keras.utils.set_random_seed(7)


def case(name, model, inputs):
    save_case(F, name, model, inputs)


# Dense with named activations, regularizers and constraints.
inp = keras.Input((5,), name="x")
h = L.Dense(4, activation="selu", kernel_regularizer=keras.regularizers.L1L2(l1=0.01, l2=0.02),
            bias_regularizer="l2", kernel_constraint=keras.constraints.MaxNorm(2.0, axis=0),
            bias_constraint="non_neg", bias_initializer="ones", name="d_selu")(inp)
a = L.Dense(3, activation="softplus", activity_regularizer=keras.regularizers.L1(0.001),
            kernel_constraint=keras.constraints.UnitNorm(axis=1), name="d_softplus")(h)
b = L.Dense(3, activation="softsign", kernel_constraint=keras.constraints.MinMaxNorm(0.5, 1.5, rate=0.5),
            name="d_softsign")(h)
c = L.Dense(3, activation="hard_sigmoid", name="d_hsig")(h)
d = L.Dense(3, activation="swish", name="d_swish")(h)
e = L.Dense(3, activation="tanh", name="d_tanh")(h)
f = L.Dense(3, activation="exponential", kernel_initializer="zeros", name="d_exp")(h)
out = L.Concatenate(axis=1, name="cat")([a, b, c, d, e, f])
case("dense_activations_a", keras.Model(inp, out, name="dense_acts_a"), rand(1, 3, 5))

inp = keras.Input((5,), name="x")
outs = []
# (No "glu": it halves the last axis, but Keras's Dense.compute_output_shape still records `units`.)
for act in ["elu", "relu6", "silu", "mish", "hard_silu", "leaky_relu", "sigmoid", "linear",
            "softmax", "log_sigmoid", "hard_tanh", "celu", "soft_shrink", "sparse_plus",
            "squareplus", "tanh_shrink", "hard_shrink", "relu", "gelu"]:
    outs.append(L.Dense(4, activation=act, name="d_" + act)(inp))
out = L.Concatenate(axis=-1, name="cat")(outs)
case("dense_activations_b", keras.Model(inp, out, name="dense_acts_b"), rand(2, 3, 5) * 3)

# Embedding with mask_zero and regularizer, then a masked merge.
inp = keras.Input((4,), dtype="int32", name="ids")
emb = L.Embedding(7, 3, mask_zero=True, embeddings_regularizer=keras.regularizers.L2(0.01),
                  embeddings_initializer=keras.initializers.RandomUniform(-0.5, 0.5, seed=3),
                  embeddings_constraint="unit_norm", name="emb")(inp)
emb2 = L.Embedding(7, 3, name="emb2")(inp)
s = L.Add(name="add")([emb, emb2])
out = L.GlobalAveragePooling1D(name="gap")(s)
case("embedding_mask", keras.Model(inp, out, name="emb_model"),
     np.array([[1, 2, 0, 0], [3, 4, 5, 0], [6, 0, 0, 0]], dtype="int32"))

# EinsumDense with several equations and bias axes.
inp = keras.Input((3, 4), name="x")
e1 = L.EinsumDense("abc,cd->abd", output_shape=(3, 5), bias_axes="d", activation="relu", name="e1")(inp)
e2 = L.EinsumDense("abc,cde->abde", output_shape=(3, 2, 3), bias_axes="de", name="e2")(e1)
e3 = L.EinsumDense("abcd,bd->ac", output_shape=(2,), bias_axes="c",
                   kernel_regularizer="l2", name="e3")(e2)
e4 = L.EinsumDense("abc,bce->ae", output_shape=4, name="e4")(inp)
e5 = L.EinsumDense("...b,bc->...c", output_shape=3, bias_axes="c", name="e5")(inp)
out = L.Concatenate(name="cat")([e3, e4, L.Flatten(name="fl")(e5)])
case("einsum_dense", keras.Model(inp, out, name="einsum"), rand(3, 2, 3, 4))

# Merging layers.
x0 = keras.Input((3, 4), name="a")
x1 = keras.Input((3, 4), name="b")
dot = L.Dot(axes=(2, 2), normalize=True, name="dot")([x0, x1])
dot1 = L.Dot(axes=1, name="dot1")([x0, x1])
sub = L.Subtract(name="sub")([x0, x1])
mul = L.Multiply(name="mul")([x0, x1, sub])
avg = L.Average(name="avg")([x0, x1])
mx = L.Maximum(name="max")([x0, x1, mul])
mn = L.Minimum(name="min")([x0, x1])
cat = L.Concatenate(axis=1, name="cat1")([sub, mul, avg, mx, mn])
out = L.Concatenate(axis=-1, name="cat2")([L.Flatten(name="f1")(cat), L.Flatten(name="f2")(dot),
                                           L.Flatten(name="f3")(dot1)])
case("merging", keras.Model([x0, x1], out, name="merging"), [rand(4, 2, 3, 4), rand(5, 2, 3, 4)])

# Activation layers.
inp = keras.Input((2, 3, 4), name="x")
r1 = L.ReLU(max_value=0.8, threshold=0.1, negative_slope=0.2, name="relu1")(inp)
r2 = L.ReLU(max_value=2.0, name="relu2")(inp)
r3 = L.ReLU(negative_slope=0.3, threshold=0.5, name="relu3")(inp)
lr = L.LeakyReLU(negative_slope=0.15, name="leaky")(inp)
pr = L.PReLU(shared_axes=[1, 2], alpha_initializer=keras.initializers.Constant(0.25),
             alpha_regularizer="l2", alpha_constraint="non_neg", name="prelu")(inp)
pr2 = L.PReLU(alpha_initializer="random_uniform", name="prelu2")(inp)
el = L.ELU(alpha=0.7, name="elu")(inp)
sm = L.Softmax(axis=1, name="sm1")(inp)
sm2 = L.Softmax(axis=(2, 3), name="sm23")(inp)
act = L.Activation("gelu", name="act")(inp)
out = L.Concatenate(axis=-1, name="cat")([r1, r2, r3, lr, pr, pr2, el, sm, sm2, act])
case("activation_layers", keras.Model(inp, out, name="acts"), rand(6, 3, 2, 3, 4) * 2)

# Reshaping and regularization layers (inference).
inp = keras.Input((2, 3, 4), name="x")
p = L.Permute((3, 1, 2), name="perm")(inp)
fcf = L.Flatten(data_format="channels_first", name="flat_cf")(p)
rs = L.Reshape((-1, 4), name="resh")(inp)
rv = L.RepeatVector(3, name="rep")(L.Flatten(name="fl")(rs))
idn = L.Identity(name="ident")(rv)
ar = L.ActivityRegularization(l1=0.01, l2=0.02, name="actreg")(idn)
dr = L.Dropout(0.3, noise_shape=(None, 1, 24), seed=5, name="drop")(ar)
gn = L.GaussianNoise(0.2, seed=1, name="gnoise")(dr)
gd = L.GaussianDropout(0.3, seed=2, name="gdrop")(gn)
ad = L.AlphaDropout(0.2, noise_shape=(None, 3, 1), seed=3, name="adrop")(gd)
sd1 = L.SpatialDropout1D(0.4, name="sd1")(ad)
sd2 = L.SpatialDropout2D(0.4, data_format="channels_first", name="sd2")(inp)
sd3 = L.SpatialDropout3D(0.2, name="sd3")(L.Reshape((2, 3, 2, 2), name="r5")(inp))
out = L.Concatenate(name="cat")([fcf, L.Flatten(name="f2")(sd1), L.Flatten(name="f3")(sd2),
                                 L.Flatten(name="f4")(sd3)])
case("reshaping_regularization", keras.Model(inp, out, name="reshape_reg"), rand(7, 2, 2, 3, 4))

# Preprocessing: Rescaling, Normalization, Discretization.
data = rand(8, 10, 3, 2) * 4 + 1
n_all = L.Normalization(axis=None, name="norm_all")
n_all.adapt(data)
n_t = L.Normalization(axis=(1, 2), name="norm_12")
n_t.adapt(data)
n_inv = L.Normalization(mean=[1.0, 2.0], variance=[4.0, 0.25], invert=True, name="norm_inv")
inp = keras.Input((3, 2), name="x")
y1 = n_all(inp)
y2 = n_t(inp)
y3 = n_inv(inp)
y4 = L.Rescaling(scale=0.5, offset=-1.0, name="resc")(inp)
y5 = L.Rescaling(scale=[1.0, 2.0], offset=[0.5, 0.0], name="resc_vec")(inp)
out = L.Concatenate(name="cat")([y1, y2, y3, y4, y5])
case("normalization_rescaling", keras.Model(inp, out, name="norm"), rand(9, 3, 3, 2) * 4 + 1)

inp = keras.Input((4,), name="x")
d1 = L.Discretization(bin_boundaries=[-0.5, 0.0, 0.5], name="disc_bins")(inp)
# Discretization.adapt needs tensorflow (tf.data) in Keras 3.15, so boundaries are given here.
d2 = L.Discretization(bin_boundaries=[-0.6, -0.1, 0.4], epsilon=0.05, name="disc_b2")(inp)
d3 = L.Discretization(bin_boundaries=[0.0], output_mode="one_hot", name="disc_oh")(inp)
d4 = L.Discretization(bin_boundaries=[-0.3, 0.3], output_mode="count", name="disc_cnt")(inp)
# (No CategoryEncoding: Keras 3.16 adds "sparse" to its config, which 3.15 does not write.)
out = L.Concatenate(name="cat")([d1, d2, L.Flatten(name="f")(d3), d4,
                                 L.Activation("linear", dtype="float32", name="cast1")(d1),
                                 L.Activation("linear", dtype="float32", name="cast2")(d2)])
case("discretization_mixed_dtypes", keras.Model(inp, out, name="disc"), rand(11, 3, 4))

# Sequential models with build_input_shape.
seq = keras.Sequential([L.Dense(4, activation="relu"), L.Reshape((2, 2)), L.Permute((2, 1)),
                        L.Flatten(), L.RepeatVector(2), L.Flatten(), L.Dense(2, activation="softmax")],
                       name="seq_built")
seq.build((None, 3))
case("sequential_build", seq, rand(12, 3, 3))

seq2 = keras.Sequential([keras.Input((2, 3)), L.Flatten(), L.Dense(3, use_bias=False), L.PReLU(),
                         L.Dropout(0.5)], name="seq_input")
case("sequential_input", seq2, rand(13, 2, 2, 3))


# Compiled models trained a few steps.
def train(model, x, y, steps=3, batch=2):
    model.fit(x, y, batch_size=batch, epochs=1, verbose=0, steps_per_epoch=None)


def resume(name, x, y):
    """NAME.resume.npz: x, y and the weights after the saved file, loaded back in a fresh Keras
    process, is fitted 2 more steps on them (batch 2, no shuffling): what a test resuming training
    from the file must reproduce. (In this process, loading the file again does not give a model
    that continues like the saved one, so a new process does it.)"""
    path = os.path.join(F, name + ".resume.npz")
    np.savez(path, x=x[:4], y=np.asarray(y[:4]))
    subprocess.run([sys.executable, __file__, "--resume", name], check=True)


def mlp(name, n_in, n_out, act_out=None):
    inp = keras.Input((n_in,), name="x")
    h = L.Dense(4, activation="tanh", name="h")(inp)
    out = L.Dense(n_out, activation=act_out, name="out")(h)
    return keras.Model(inp, out, name=name)


xr = rand(20, 6, 3)
yr = rand(21, 6, 2)
ycls = keras.utils.to_categorical(np.array([0, 1, 2, 1, 0, 2]), 3)
ybin = (rand(22, 6, 1) > 0).astype("float32")

m = mlp("sgd_huber", 3, 2)
m.compile(optimizer=keras.optimizers.SGD(0.05, momentum=0.9, nesterov=True, clipnorm=1.0),
          loss=keras.losses.Huber(delta=0.5), metrics=["mae", keras.metrics.RootMeanSquaredError()])
train(m, xr, yr)
case("compiled_sgd_huber", m, xr[:3])
resume("compiled_sgd_huber", xr, yr)

m = mlp("rmsprop_cce", 3, 3, "softmax")
m.compile(optimizer=keras.optimizers.RMSprop(0.01, rho=0.8, momentum=0.5, centered=True, clipvalue=0.5),
          loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.1),
          metrics=["accuracy", keras.metrics.TopKCategoricalAccuracy(k=2)])
train(m, xr, ycls)
case("compiled_rmsprop_cce", m, xr[:3])
resume("compiled_rmsprop_cce", xr, ycls)

m = mlp("adagrad_focal", 3, 1, "sigmoid")
m.compile(optimizer=keras.optimizers.Adagrad(0.1, initial_accumulator_value=0.2, global_clipnorm=0.5),
          loss=keras.losses.BinaryFocalCrossentropy(gamma=1.5, alpha=0.3, apply_class_balancing=True),
          metrics=[keras.metrics.Precision(thresholds=0.4), keras.metrics.Recall(), keras.metrics.AUC(num_thresholds=20)])
train(m, xr, ybin)
case("compiled_adagrad_focal", m, xr[:3])
resume("compiled_adagrad_focal", xr, ybin)

m = mlp("adadelta_mse", 3, 2)
m.compile(optimizer=keras.optimizers.Adadelta(1.0, rho=0.9), loss="mse", metrics=["mae"])
train(m, xr, yr)
case("compiled_adadelta_mse", m, xr[:3])
resume("compiled_adadelta_mse", xr, yr)

m = mlp("adamax_bce", 3, 1)
m.compile(optimizer=keras.optimizers.Adamax(0.02, beta_1=0.8), loss="binary_crossentropy",
          metrics=["binary_accuracy"])
train(m, xr, ybin)
case("compiled_adamax_bce", m, xr[:3])
resume("compiled_adamax_bce", xr, ybin)

m = mlp("nadam_logits", 3, 1)
m.compile(optimizer=keras.optimizers.Nadam(0.01), loss=keras.losses.BinaryCrossentropy(from_logits=True),
          metrics=[keras.metrics.AUC(from_logits=True, curve="PR")])
train(m, xr, ybin)
case("compiled_nadam_logits", m, xr[:3])
resume("compiled_nadam_logits", xr, ybin)

m = mlp("lion_sched", 3, 2)
sched = keras.optimizers.schedules.ExponentialDecay(0.01, decay_steps=2, decay_rate=0.5, staircase=True)
m.compile(optimizer=keras.optimizers.Lion(sched, beta_1=0.8), loss="mae", metrics=["mse"])
train(m, xr, yr)
case("compiled_lion_schedule", m, xr[:3])
resume("compiled_lion_schedule", xr, yr)

m = mlp("ftrl_mse", 3, 2)
m.compile(optimizer=keras.optimizers.Ftrl(0.1, l1_regularization_strength=0.01,
                                          l2_regularization_strength=0.02, beta=0.1),
          loss=keras.losses.MeanSquaredError())
train(m, xr, yr)
case("compiled_ftrl", m, xr[:3])
resume("compiled_ftrl", xr, yr)

m = mlp("adamw_scce", 3, 3)
m.compile(optimizer=keras.optimizers.AdamW(0.01, weight_decay=0.05, amsgrad=True, clipnorm=2.0),
          loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
          metrics=[keras.metrics.SparseCategoricalAccuracy()])
train(m, xr, np.array([0, 1, 2, 1, 0, 2]))
case("compiled_adamw_scce", m, xr[:3])
resume("compiled_adamw_scce", xr, np.array([0, 1, 2, 1, 0, 2]))

# Two outputs: losses, weights and metrics per output.
inp = keras.Input((3,), name="x")
h = L.Dense(4, activation="relu", name="h")(inp)
o1 = L.Dense(3, activation="softmax", name="cls")(h)
o2 = L.Dense(2, name="reg")(h)
m = keras.Model(inp, [o1, o2], name="two_heads")
m.compile(optimizer=keras.optimizers.Adam(
              keras.optimizers.schedules.CosineDecay(0.01, decay_steps=10, alpha=0.1, warmup_target=0.02,
                                                     warmup_steps=2),
              beta_2=0.99, amsgrad=True, use_ema=True, ema_momentum=0.9),
          loss={"cls": "categorical_focal_crossentropy", "reg": keras.losses.LogCosh(reduction="sum")},
          loss_weights={"cls": 1.0, "reg": 0.5},
          metrics={"cls": [keras.metrics.Precision(top_k=1, class_id=1), "categorical_accuracy"],
                   "reg": ["mse", keras.metrics.MeanAbsoluteError(name="mae_reg")]})
m.fit(xr, {"cls": ycls, "reg": yr}, batch_size=2, epochs=1, verbose=0)
case("compiled_two_heads", m, xr[:3])

m = mlp("sgd_wd", 3, 3)
m.compile(optimizer=keras.optimizers.SGD(keras.optimizers.schedules.PiecewiseConstantDecay([1, 2], [0.1, 0.05, 0.01]),
                                         weight_decay=0.01, momentum=0.5),
          loss=keras.losses.KLDivergence(), metrics=[keras.metrics.AUC(multi_label=True, num_labels=3, num_thresholds=10),
                                                      keras.metrics.Recall(thresholds=[0.3, 0.6])])
train(m, xr, np.abs(ycls * 0.8 + 0.1))
case("compiled_sgd_kld", m, xr[:3])
# (No resume for compiled_sgd_kld: Jeras has no AUC(multi_label=True) yet.)

m = mlp("rms_accum", 3, 2)
m.compile(optimizer=keras.optimizers.RMSprop(
              keras.optimizers.schedules.InverseTimeDecay(0.01, decay_steps=1, decay_rate=0.5),
              gradient_accumulation_steps=2),
          loss=keras.losses.CosineSimilarity(axis=-1), metrics=["mean_squared_error", "poisson"])
train(m, xr, yr)
case("compiled_rmsprop_accumulate", m, xr[:3])
resume("compiled_rmsprop_accumulate", xr, yr)

m = mlp("nadam_hinge", 3, 1, "tanh")
m.compile(optimizer=keras.optimizers.Nadam(0.02, beta_1=0.85, epsilon=1e-5, clipvalue=1.0),
          loss=keras.losses.SquaredHinge(), metrics=[keras.metrics.BinaryAccuracy(threshold=0.0),
                                                     keras.metrics.Precision(thresholds=[0.0, 0.5])])
train(m, xr, ybin * 2 - 1)
case("compiled_nadam_hinge", m, xr[:3])
# (No resume for compiled_nadam_hinge: Jeras's fit logs cannot hold a metric with several thresholds.)

# Sequential inside a functional model; Dense on 3-d input.
# (No float64 layer: jax without x64 stores its weights as float32.)
inner = keras.Sequential([L.Dense(3, activation="elu"), L.Reshape((-1,)), L.RepeatVector(2)], name="inner")
inner.build((None, 2, 4))
inp = keras.Input((2, 4), name="x")
y = inner(inp)
y = L.Dense(2, name="d2")(y)
y = L.Activation("sigmoid", name="sig")(y)
y2 = L.Dot(axes=(1, 2), name="dot12")([inp, L.Permute((2, 1), name="perm")(inp)])
out = L.Concatenate(name="cat")([L.Flatten(name="f1")(y), L.Flatten(name="f2")(y2)])
case("nested_sequential", keras.Model(inp, out, name="nested"), rand(30, 3, 2, 4))

# Masks through merging and core layers.
ids = keras.Input((5,), dtype="int32", name="ids")
feats = keras.Input((5, 3), name="feats")
ea = L.Embedding(6, 3, mask_zero=True, name="ea")(ids)
fm = L.Masking(mask_value=0.0, name="masking")(feats)
both = [L.Add(name="add2")([ea, fm]), L.Subtract(name="sub2")([ea, fm]), L.Average(name="avg2")([ea, fm]),
        L.Multiply(name="mul2")([ea, fm]), L.Maximum(name="max2")([ea, fm]), L.Minimum(name="min2")([ea, fm]),
        L.Concatenate(axis=-1, name="cat_masked")([ea, feats]), L.Concatenate(axis=1, name="cat_time")([ea, fm]),
        L.Dense(3, name="dense_masked")(ea), L.Identity(name="id_masked")(fm),
        L.ReLU(max_value=0.5, name="relu_masked")(fm), L.Dropout(0.2, name="drop_masked")(ea),
        L.EinsumDense("abc,cd->abd", output_shape=(5, 2), name="einsum_masked")(fm)]
pooled = [L.GlobalAveragePooling1D(name=f"gap{i}")(t) for i, t in enumerate(both)]
mixed = L.Add(name="add_mixed")([ea, feats])
pooled.append(L.GlobalAveragePooling1D(name="gap_mixed")(mixed))
pooled.append(L.GlobalMaxPooling1D(name="gmp")(L.Maximum(name="max_mixed")([fm, feats])))
out = L.Concatenate(name="cat")(pooled)
feats_x = rand(40, 2, 5, 3)
feats_x[0, 3:] = 0.0
feats_x[1, 1] = 0.0
case("masks_through_merges", keras.Model([ids, feats], out, name="masks"),
     [np.array([[1, 2, 3, 0, 0], [4, 0, 5, 1, 0]], dtype="int32"), feats_x])

# Rescaling and Normalization on other shapes.
inp = keras.Input((2, 3), dtype="int32", name="pix")
r = L.Rescaling(1.0 / 255, offset=-0.5, name="resc_int")(inp)
nv = L.Normalization(axis=(1, 2), mean=np.arange(6.0).reshape(2, 3) / 10, variance=np.ones((2, 3)) * 2,
                     name="norm_given")(r)
na = L.Normalization(axis=-1, name="norm_last")
na.adapt(rand(41, 20, 2, 3))
out = L.Concatenate(name="cat")([nv, na(r), L.Normalization(axis=-1, mean=[0.1, 0.2, 0.3], variance=[1, 2, 3],
                                                              invert=True, name="norm_inv_last")(r)])
case("rescaling_normalization_int", keras.Model(inp, out, name="resc_int"),
     np.array([[[0, 128, 255], [3, 7, 9]], [[1, 2, 250], [100, 50, 25]]], dtype="int32"))

# Activation layers under a mask. Softmax puts a large negative number where the mask is off, the
# mask right-aligned with the input (here (batch, 4) against (batch, 4, 4), so batch must be 4).
inp = keras.Input((4, 4), name="x")
mk = L.Masking(mask_value=0.0, name="masking")(inp)
acts = [L.Softmax(axis=-1, name="sm_masked")(mk), L.ReLU(negative_slope=0.1, name="relu_m")(mk),
        L.LeakyReLU(0.2, name="leaky_m")(mk), L.ELU(0.5, name="elu_m")(mk),
        L.PReLU(shared_axes=[1], name="prelu_m")(mk)]
out = L.Concatenate(name="cat")([L.GlobalAveragePooling1D(name=f"gap{i}")(a) for i, a in enumerate(acts)])
x_sm = rand(42, 4, 4, 4) * 3
x_sm[0, 2] = 0.0
x_sm[1, 0] = 0.0
case("activations_masked", keras.Model(inp, out, name="acts_masked"), x_sm)
