"""The helper layers of keras.applications (ConvNeXt's LayerScale and StochasticDepth,
Inception-ResNet-v2's CustomScaleLayer) in small models built like those applications (see
genlib.py for how to run). The applications themselves are too big to commit."""

import keras
from keras import layers as L
from keras.src.applications.convnext import LayerScale, StochasticDepth
from keras.src.applications.inception_resnet_v2 import CustomScaleLayer
from genlib import rand, save_case

F = "applications"
keras.utils.set_random_seed(13)


def convnext_block(x, dim, drop_path_rate, scale, name):
    """ConvNeXt's block: depthwise 7x7, LayerNorm, MLP, LayerScale, then the residual."""
    h = L.Conv2D(dim, 7, padding="same", groups=dim, name=name + "_depthwise_conv")(x)
    h = L.LayerNormalization(epsilon=1e-6, name=name + "_layernorm")(h)
    h = L.Dense(4 * dim, name=name + "_pointwise_conv_1")(h)
    h = L.Activation("gelu", name=name + "_gelu")(h)
    h = L.Dense(dim, name=name + "_pointwise_conv_2")(h)
    # A visible scale (ConvNeXt's 1e-6 would hide the branch within the test's tolerance).
    h = LayerScale(scale, dim, name=name + "_layer_scale")(h)
    if drop_path_rate:
        h = StochasticDepth(drop_path_rate, name=name + "_stochastic_depth")(h)
    else:
        h = L.Activation("linear", name=name + "_identity")(h)
    return L.Add(name=name + "_add")([x, h])


inp = keras.Input((8, 8, 3), name="image")
x = L.Conv2D(4, 2, strides=2, name="stem_conv")(inp)
x = L.LayerNormalization(epsilon=1e-6, name="stem_layernorm")(x)
x = convnext_block(x, 4, 0.0, 0.5, "stage0_block0")
x = convnext_block(x, 4, 0.1, 0.25, "stage0_block1")
x = L.GlobalAveragePooling2D(name="head_gap")(x)
x = L.LayerNormalization(epsilon=1e-6, name="head_layernorm")(x)
out = L.Dense(3, name="head_dense")(x)
save_case(F, "mini_convnext", keras.Model(inp, out, name="mini_convnext"), rand(1, 2, 8, 8, 3))

# An Inception-ResNet block35: three branches, a 1x1 "up" projection scaled into the residual.
inp = keras.Input((6, 6, 4), name="image")
b0 = L.Conv2D(2, 1, padding="same", activation="relu", name="block35_b0")(inp)
b1 = L.Conv2D(2, 1, padding="same", activation="relu", name="block35_b1a")(inp)
b1 = L.Conv2D(2, 3, padding="same", activation="relu", name="block35_b1b")(b1)
b2 = L.Conv2D(2, 1, padding="same", activation="relu", name="block35_b2a")(inp)
b2 = L.Conv2D(3, 3, padding="same", activation="relu", name="block35_b2b")(b2)
b2 = L.Conv2D(4, 3, padding="same", activation="relu", name="block35_b2c")(b2)
mixed = L.Concatenate(name="block35_mixed")([b0, b1, b2])
up = L.Conv2D(4, 1, name="block35_conv")(mixed)
x = CustomScaleLayer(0.17, name="block35_scale")([inp, up])
x = L.Activation("relu", name="block35_ac")(x)
x = CustomScaleLayer(1.5, name="plain_scale")([x, inp])
out = L.GlobalMaxPooling2D(name="gmp")(x)
save_case(F, "inception_resnet_block", keras.Model(inp, out, name="inception_resnet_block"), rand(2, 2, 6, 6, 4))
