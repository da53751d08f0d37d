"""keras.ops calls and Python operators on symbolic tensors, which a functional model records as
operation nodes of keras.src.ops.numpy / .nn / .core (see genlib.py for how to run)."""

import keras
from keras import layers as L
from keras import ops
from genlib import rand, save_case

F = "ops"
keras.utils.set_random_seed(11)

# Arithmetic: tensor-tensor and tensor-scalar operators, in a residual block with a Dense layer.
a = keras.Input((3, 4), name="a")
b = keras.Input((3, 4), name="b")
h = L.Dense(4, name="proj")(a)
outs = [
    h + b,
    a - b,
    a * 2.5,
    a / (ops.abs(b) + 1.0),
    -a,
    a ** 2,
    abs(a),
    ops.maximum(a, b),
    ops.minimum(a, 0.0),
    ops.clip(a, -0.5, 0.5),
]
save_case(F, "ops_arithmetic", keras.Model([a, b], outs), [rand(1, 2, 3, 4), rand(2, 2, 3, 4)])

# Activations and reductions.
x = keras.Input((3, 4), name="x")
p = ops.abs(x) + 0.1
outs = [
    ops.relu(x), ops.sigmoid(x), ops.tanh(x), ops.softmax(x, axis=1), ops.gelu(x),
    ops.gelu(x, approximate=False), ops.silu(x), ops.exp(x), ops.log(p), ops.sqrt(p), ops.square(x),
    ops.mean(x, axis=1), ops.sum(x, axis=-1, keepdims=True), ops.max(x, axis=(1, 2)), ops.min(x, axis=2),
    ops.mean(x, axis=(1, 2), keepdims=True),
]
save_case(F, "ops_activations_reductions", keras.Model(x, outs), rand(3, 2, 3, 4))

# Shapes, products, indexing and casts.
a = keras.Input((3, 4), name="a")
b = keras.Input((3, 4), name="b")
e = ops.expand_dims(a, 1)
outs = [
    ops.reshape(a, (-1, 12)),
    ops.transpose(a, (0, 2, 1)),
    ops.matmul(a, ops.transpose(b, (0, 2, 1))),
    ops.squeeze(e, axis=1),
    ops.stack([a, b], axis=1),
    a[:, -1],
    a[:, 0:2, :],
    a[:, 1:, ::1],
    a[:, :, 2],
    ops.cast(a * 10.0, "int32"),
    L.Dense(2, name="head")(ops.mean(a + b, axis=1)),
]
save_case(F, "ops_shapes_indexing", keras.Model([a, b], outs), [rand(4, 2, 3, 4), rand(5, 2, 3, 4)])
