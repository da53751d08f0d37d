"""Convolution, pooling and spatial reshaping layers with non-default arguments
(see genlib.py for how to run)."""

import keras
import numpy as np
from keras import layers as L
from genlib import rand, save_case

keras.utils.set_random_seed(7)
B = "random_normal"  # nonzero biases


def case(name, shape, build, seed):
    inp = keras.Input(shape, name="x")
    out = build(inp)
    save_case("conv", name, keras.Model(inp, out, name=name), rand(seed, 2, *shape))


# Conv1D
case("conv1d_causal_dilated", (9, 4), lambda x: L.Conv1D(
    6, 3, padding="causal", dilation_rate=2, bias_initializer=B, activation="tanh", name="c1")(
    L.Conv1D(4, 2, padding="same", strides=2, groups=2, bias_initializer=B, name="c2")(x)), 1)
case("conv1d_channels_first", (4, 9), lambda x: L.Conv1D(
    5, 3, strides=2, padding="same", data_format="channels_first", use_bias=False, name="c")(
    L.Conv1D(4, 2, dilation_rate=3, data_format="channels_first", bias_initializer=B, name="d")(x)), 2)

# Conv2D
case("conv2d_strided_grouped", (7, 8, 4), lambda x: L.Conv2D(
    6, (3, 2), strides=(2, 1), padding="same", groups=2, activation="relu", bias_initializer=B, name="c1")(
    L.Conv2D(4, 3, dilation_rate=(2, 1), use_bias=False, activation="sigmoid", name="c2")(x)), 3)
case("conv2d_channels_first", (3, 7, 6), lambda x: L.Conv2D(
    4, (2, 3), strides=(1, 2), padding="same", dilation_rate=1, data_format="channels_first",
    bias_initializer=B, name="c1")(
    L.Conv2D(3, 2, dilation_rate=(1, 2), data_format="channels_first", groups=3, bias_initializer=B,
             name="c2")(x)), 4)

# Conv3D
case("conv3d_args", (5, 6, 4, 2), lambda x: L.Conv3D(
    3, (2, 3, 2), strides=(2, 1, 1), padding="same", activation="elu", bias_initializer=B, name="c1")(
    L.Conv3D(4, 2, dilation_rate=(1, 2, 1), groups=2, bias_initializer=B, name="c2")(x)), 5)
case("conv3d_channels_first", (2, 4, 5, 3), lambda x: L.Conv3D(
    3, (2, 2, 1), strides=(1, 2, 1), padding="same", data_format="channels_first", use_bias=False,
    name="c")(x), 6)

# Transposed convolutions
case("conv1d_transpose_args", (5, 3), lambda x: L.Conv1DTranspose(
    2, 3, strides=2, padding="valid", output_padding=1, bias_initializer=B, name="t1")(
    L.Conv1DTranspose(4, 4, strides=3, padding="same", bias_initializer=B, name="t2")(x)), 7)
case("conv1d_transpose_dilated_cf", (3, 5), lambda x: L.Conv1DTranspose(
    2, 3, dilation_rate=2, padding="same", data_format="channels_first", bias_initializer=B, name="t")(
    x), 8)
case("conv2d_transpose_args", (4, 3, 2), lambda x: L.Conv2DTranspose(
    3, (3, 2), strides=(2, 3), padding="same", output_padding=(1, 2), activation="relu",
    bias_initializer=B, name="t1")(
    L.Conv2DTranspose(2, 3, strides=(1, 2), padding="valid", use_bias=False, name="t2")(x)), 9)
case("conv2d_transpose_cf_dilated", (2, 4, 3), lambda x: L.Conv2DTranspose(
    3, 2, dilation_rate=(2, 1), padding="valid", data_format="channels_first", bias_initializer=B,
    name="t1")(
    L.Conv2DTranspose(2, 3, strides=2, padding="valid", output_padding=(0, 1),
                      data_format="channels_first", bias_initializer=B, name="t2")(x)), 10)

# Separable / depthwise
case("separable_conv1d_args", (10, 3), lambda x: L.SeparableConv1D(
    4, 3, strides=2, padding="same", depth_multiplier=2, bias_initializer=B, activation="relu",
    name="s1")(
    L.SeparableConv1D(3, 2, dilation_rate=2, depth_multiplier=1, data_format="channels_last",
                      use_bias=False, name="s2")(x)), 11)
case("separable_conv2d_args", (7, 6, 2), lambda x: L.SeparableConv2D(
    3, (3, 2), strides=(2, 1), padding="same", depth_multiplier=3, bias_initializer=B, name="s1")(
    L.SeparableConv2D(4, 2, dilation_rate=(1, 2), bias_initializer=B, name="s2")(x)), 12)
case("separable_conv2d_cf", (2, 6, 5), lambda x: L.SeparableConv2D(
    3, 3, depth_multiplier=2, padding="same", strides=2, data_format="channels_first",
    bias_initializer=B, name="s")(x), 13)
case("depthwise_conv2d_args", (7, 6, 3), lambda x: L.DepthwiseConv2D(
    (2, 3), strides=(2, 1), padding="same", depth_multiplier=2, bias_initializer=B, activation="tanh",
    name="d1")(
    L.DepthwiseConv2D(2, dilation_rate=2, use_bias=False, name="d2")(x)), 14)
case("depthwise_conv2d_cf", (3, 6, 5), lambda x: L.DepthwiseConv2D(
    3, strides=2, depth_multiplier=2, padding="valid", data_format="channels_first",
    bias_initializer=B, name="d")(x), 15)


# Pooling
def pool1d(x):
    a = L.MaxPooling1D(3, strides=2, padding="same", name="mp")(x)
    b = L.AveragePooling1D(2, strides=1, padding="same", name="ap")(x)
    c = L.AveragePooling1D(3, strides=2, padding="valid", name="ap2")(x)
    d = L.MaxPooling1D(2, data_format="channels_first", name="mp_cf")(x)
    return [a, b, c, d, L.GlobalMaxPooling1D(keepdims=True, name="gmp")(x),
            L.GlobalAveragePooling1D(data_format="channels_first", name="gap_cf")(x)]


case("pooling1d_args", (9, 4), lambda x: L.Concatenate(axis=1, name="cat")(
    [L.Flatten(name=f"f{i}")(t) for i, t in enumerate(pool1d(x))]), 16)


def pool2d(x):
    return [L.MaxPooling2D((3, 2), strides=(2, 1), padding="same", name="mp")(x),
            L.AveragePooling2D((2, 3), strides=(1, 2), padding="same", name="ap")(x),
            L.AveragePooling2D(2, padding="same", data_format="channels_first", name="ap_cf")(x),
            L.MaxPooling2D((2, 2), strides=(1, 3), data_format="channels_first", name="mp_cf")(x),
            L.GlobalAveragePooling2D(keepdims=True, name="gap")(x),
            L.GlobalMaxPooling2D(data_format="channels_first", keepdims=True, name="gmp_cf")(x)]


case("pooling2d_args", (5, 7, 3), lambda x: L.Concatenate(axis=1, name="cat")(
    [L.Flatten(name=f"f{i}")(t) for i, t in enumerate(pool2d(x))]), 17)


def pool3d(x):
    return [L.MaxPooling3D((2, 3, 2), strides=(1, 2, 2), padding="same", name="mp")(x),
            L.AveragePooling3D(2, strides=(2, 1, 1), padding="same", name="ap")(x),
            L.AveragePooling3D((1, 2, 2), data_format="channels_first", name="ap_cf")(x),
            L.MaxPooling3D(2, padding="same", data_format="channels_first", name="mp_cf")(x),
            L.GlobalMaxPooling3D(keepdims=True, name="gmp")(x),
            L.GlobalAveragePooling3D(data_format="channels_first", keepdims=True, name="gap_cf")(x)]


case("pooling3d_args", (3, 5, 4, 2), lambda x: L.Concatenate(axis=1, name="cat")(
    [L.Flatten(name=f"f{i}")(t) for i, t in enumerate(pool3d(x))]), 18)

# Cropping / padding / upsampling
case("reshaping1d_args", (8, 3), lambda x: L.UpSampling1D(3, name="up")(
    L.ZeroPadding1D((2, 1), name="pad")(L.Cropping1D((1, 3), name="crop")(x))), 19)
case("reshaping2d_args", (6, 7, 2), lambda x: L.UpSampling2D((2, 3), name="up")(
    L.ZeroPadding2D(((1, 0), (2, 3)), name="pad")(L.Cropping2D(((2, 1), (0, 3)), name="crop")(x))), 20)
case("reshaping2d_channels_first", (2, 6, 7), lambda x: L.UpSampling2D(
    (3, 2), data_format="channels_first", interpolation="bilinear", name="up")(
    L.ZeroPadding2D(((0, 2), (1, 1)), data_format="channels_first", name="pad")(
        L.Cropping2D(((1, 2), (3, 0)), data_format="channels_first", name="crop")(x))), 21)
case("upsampling2d_bilinear", (3, 4, 2), lambda x: L.UpSampling2D(
    (2, 3), interpolation="bilinear", name="up")(x), 22)
case("reshaping3d_args", (5, 4, 6, 2), lambda x: L.UpSampling3D((1, 2, 3), name="up")(
    L.ZeroPadding3D(((1, 0), (0, 2), (2, 1)), name="pad")(
        L.Cropping3D(((1, 2), (0, 1), (2, 0)), name="crop")(x))), 23)
case("reshaping3d_channels_first", (2, 5, 4, 6), lambda x: L.UpSampling3D(
    (2, 1, 2), data_format="channels_first", name="up")(
    L.ZeroPadding3D(((0, 1), (2, 0), (1, 1)), data_format="channels_first", name="pad")(
        L.Cropping3D(((2, 1), (1, 0), (0, 3)), data_format="channels_first", name="crop")(x))), 24)
case("zeropadding1d_channels_first", (3, 5), lambda x: L.ZeroPadding1D(
    (0, 2), data_format="channels_first", name="pad")(
    L.Cropping1D(1, name="crop")(x)), 25)

# Resizing / CenterCrop
case("resizing_center_crop", (9, 7, 2), lambda x: L.CenterCrop(4, 3, name="cc")(
    L.Resizing(10, 6, interpolation="bilinear", crop_to_aspect_ratio=True, name="rs")(x)), 26)
case("resizing_nearest_cf", (2, 5, 6), lambda x: L.Resizing(
    8, 4, interpolation="nearest", data_format="channels_first", name="rs")(x), 27)

# Harder corners: even kernels with "same" and strides (asymmetric padding), causal with strides,
# 3D transposes, depthwise 1D, regularizers/constraints in the config, pad_to_aspect_ratio.
case("conv1d_causal_strided_even", (11, 3), lambda x: L.Conv1D(
    4, 4, strides=3, padding="causal", bias_initializer=B, name="c1")(
    L.Conv1D(3, 2, strides=2, padding="same", kernel_regularizer=keras.regularizers.L1L2(0.01, 0.02),
             bias_constraint=keras.constraints.MaxNorm(2.0), activity_regularizer="l2",
             bias_initializer=B, name="c2")(x)), 28)
case("conv2d_same_even_strided", (7, 8, 2), lambda x: L.Conv2D(
    3, (4, 2), strides=(3, 2), padding="same", kernel_constraint="non_neg", bias_initializer=B,
    name="c1")(
    L.Conv2D(2, (2, 4), strides=(2, 3), padding="same", data_format="channels_last",
             bias_regularizer=keras.regularizers.L2(0.1), bias_initializer=B, name="c2")(x)), 29)
case("conv3d_transpose_args", (3, 2, 4, 2), lambda x: L.Conv3DTranspose(
    2, (2, 3, 2), strides=(2, 1, 3), padding="same", output_padding=(1, 0, 2), bias_initializer=B,
    name="t1")(
    L.Conv3DTranspose(3, 2, strides=(1, 2, 1), padding="valid", bias_initializer=B, name="t2")(x)), 30)
case("conv3d_transpose_cf", (2, 3, 2, 4), lambda x: L.Conv3DTranspose(
    3, (3, 2, 2), strides=2, padding="same", data_format="channels_first", use_bias=False,
    name="t")(x), 31)
case("conv_transpose_same_even", (5, 4, 2), lambda x: L.Conv2DTranspose(
    2, (4, 3), strides=(3, 2), padding="same", bias_initializer=B, name="t1")(
    L.Conv2DTranspose(3, (2, 5), strides=(2, 2), padding="same", output_padding=(1, 0),
                      bias_initializer=B, name="t2")(x)), 32)
case("depthwise_conv1d_args", (10, 3), lambda x: L.DepthwiseConv1D(
    3, strides=2, padding="same", depth_multiplier=2, bias_initializer=B, name="d1")(
    L.DepthwiseConv1D(2, dilation_rate=3, data_format="channels_last", bias_initializer=B,
                      depthwise_regularizer="l1", name="d2")(x)), 33)
case("depthwise_conv1d_cf", (3, 9), lambda x: L.DepthwiseConv1D(
    4, strides=2, padding="same", depth_multiplier=3, data_format="channels_first",
    bias_initializer=B, name="d")(x), 34)
case("separable_conv1d_cf", (2, 11), lambda x: L.SeparableConv1D(
    3, 4, strides=3, padding="same", depth_multiplier=2, data_format="channels_first",
    pointwise_constraint="unit_norm", bias_initializer=B, name="s")(x), 35)
case("separable_conv2d_same_even", (6, 7, 2), lambda x: L.SeparableConv2D(
    3, (2, 4), strides=(2, 3), padding="same", depth_multiplier=2, bias_initializer=B,
    depthwise_initializer="he_uniform", pointwise_initializer="orthogonal", name="s")(x), 36)


def pool_hard(x):
    return [L.MaxPooling2D((2, 3), strides=(3, 2), padding="same", name="mp")(x),
            L.AveragePooling2D((4, 2), strides=(3, 3), padding="same", name="ap")(x),
            L.AveragePooling2D((3, 3), strides=(2, 2), padding="same", data_format="channels_first",
                               name="ap_cf")(x),
            L.MaxPooling2D((1, 3), strides=(2, 1), padding="valid", name="mp_v")(x)]


case("pooling2d_same_strided", (7, 8, 3), lambda x: L.Concatenate(axis=1, name="cat")(
    [L.Flatten(name=f"f{i}")(t) for i, t in enumerate(pool_hard(x))]), 37)


def pool1d_hard(x):
    return [L.AveragePooling1D(4, strides=3, padding="same", name="ap")(x),
            L.AveragePooling1D(3, strides=2, padding="same", data_format="channels_first", name="ap_cf")(x),
            L.MaxPooling1D(2, strides=3, padding="same", data_format="channels_first", name="mp_cf")(x)]


case("pooling1d_same_strided", (10, 5), lambda x: L.Concatenate(axis=1, name="cat")(
    [L.Flatten(name=f"f{i}")(t) for i, t in enumerate(pool1d_hard(x))]), 38)
case("resizing_downsample_pad", (9, 5, 2), lambda x: L.Resizing(
    4, 3, interpolation="bilinear", name="rs2")(
    L.Resizing(7, 6, pad_to_aspect_ratio=True, fill_value=0.5, name="rs1")(x)), 39)
case("resizing_crop_cf", (2, 7, 10), lambda x: L.Resizing(
    5, 3, crop_to_aspect_ratio=True, interpolation="nearest", data_format="channels_first",
    name="rs")(L.CenterCrop(6, 9, data_format="channels_first", name="cc")(x)), 40)
case("center_crop_upscale", (3, 4, 2), lambda x: L.CenterCrop(6, 3, name="cc")(x), 41)

# Unknown spatial sizes, masks into global pooling, LoRA on convolutions.
case_inp = keras.Input((None, 3), name="x")
h = L.Conv1D(4, 3, padding="causal", dilation_rate=2, data_format="channels_last", bias_initializer=B,
             name="c")(case_inp)
h = L.MaxPooling1D(2, padding="same", name="mp")(h)
out = L.GlobalAveragePooling1D(keepdims=True, name="gap")(L.UpSampling1D(2, name="up")(h))
save_case("conv", "dynamic_length_1d", keras.Model(case_inp, [h, out], name="dyn1d"), rand(42, 2, 7, 3))

case_inp = keras.Input((None, None, 2), name="x")
h = L.Conv2D(3, 2, strides=2, padding="same", bias_initializer=B, name="c")(case_inp)
h = L.Cropping2D(((0, 1), (1, 0)), name="crop")(L.ZeroPadding2D(1, name="pad")(h))
h = L.UpSampling2D(2, interpolation="bilinear", name="up")(h)
h = L.Conv2DTranspose(2, 3, strides=2, padding="same", bias_initializer=B, name="t")(h)
out = L.GlobalMaxPooling2D(name="gmp")(h)
save_case("conv", "dynamic_size_2d", keras.Model(case_inp, [h, out], name="dyn2d"), rand(43, 2, 5, 6, 2))

case_inp = keras.Input((6,), name="x")
e = L.Embedding(5, 3, mask_zero=True, name="emb")(case_inp)
out = [L.GlobalAveragePooling1D(name="gap")(e), L.GlobalAveragePooling1D(keepdims=True, name="gap_k")(e),
       L.GlobalMaxPooling1D(name="gmp")(e)]
xi = np.array([[1, 2, 0, 3, 0, 0], [4, 0, 0, 0, 1, 2]], dtype="int32")
save_case("conv", "global_pooling_masked", keras.Model(case_inp, out, name="masked_pool"), xi)

case("conv_lora", (6, 5, 2), lambda x: L.Conv1D(3, 2, lora_rank=2, bias_initializer=B, name="c1d")(
    L.Reshape((6, 5 * 3), name="r")(L.Conv2D(3, 2, padding="same", lora_rank=2, lora_alpha=4,
                                           bias_initializer=B, name="c2d")(x))), 44)
