"""Keras 3.16's remaining image augmentation/preprocessing layers (see genlib.py for how to run):
Equalization and RandomHue..RandAugment are identities in inference; ContrastLimitedAdaptiveHistogramEqualization
equalizes in inference too; MaxNumBoundingBoxes passes images through; Pipeline runs its layers in order.
Beside the models, <name>.training.npz holds x and the layer's output with training=True for the layers whose
training output is deterministic (Equalization; RandomSaturation with a pinned factor)."""

import numpy as np

import keras
from keras import layers as L
from genlib import rand, save_case

F = "augmentation2"
keras.utils.set_random_seed(23)


def pixels(seed, *shape):
    return rand(seed, *shape, low=0.0, high=255.0)


def single(name, layer, shape, seed, x=None):
    """A model of one layer on images of shape."""
    inp = keras.Input(shape, name="image")
    save_case(F, name, keras.Model(inp, layer(inp), name=name), pixels(seed, 2, *shape) if x is None else x)


def training(name, layer, x):
    """The layer's training-mode output on x, for the layers whose training output is deterministic."""
    np.savez(f"{F}/{name}.training.npz", x=x, y=np.asarray(layer(x, training=True)))


# First, so that the jitter's inner layers get Keras's first names (random_brightness, ...), which its weights
# file records and a re-save must repeat.
single("color_jitter", L.RandomColorJitter(brightness_factor=0.2, contrast_factor=(0.1, 0.4), saturation_factor=0.5,
                                           hue_factor=0.1, seed=15, name="jitter"), (4, 4, 3), 15)
single("color_jitter_defaults", L.RandomColorJitter(name="jitter"), (3, 3, 3), 16)

# Equalization's output spec is its input tensor itself, which makes a functional model around it a cycle in Keras
# 3.16: its files hold it inside a Pipeline.
# Deterministic in training (Equalization) or always (CLAHE); whole-number pixels hit bin edges exactly.
x_eq = np.floor(pixels(1, 2, 6, 5, 3))
x_eq[1, :, :, 2] = 9.0  # one occupied bin: the channel keeps its values
single("equalization", L.Pipeline([L.Equalization(name="eq")], name="pipe"), (6, 5, 3), 1, x_eq)
training("equalization", L.Equalization(), x_eq)
x_eq_cf = rand(2, 2, 2, 4, 5, low=0.0, high=1.0)
single("equalization_range_bins_cf", L.Pipeline([L.Equalization(value_range=(1.0, 0.0), bins=64,
                                                                data_format="channels_first", name="eq")],
                                                name="pipe"), (2, 4, 5), 2, x_eq_cf)
training("equalization_range_bins_cf", L.Equalization(value_range=(1.0, 0.0), bins=64,
                                                      data_format="channels_first"), x_eq_cf)
training("equalization_single", L.Equalization(bins=32), x_eq[0])
single("clahe", L.ContrastLimitedAdaptiveHistogramEqualization(name="clahe"), (16, 16, 3), 3)
single("clahe_padded_range_cf", L.ContrastLimitedAdaptiveHistogramEqualization(
    value_range=(0.0, 1.0), clip_limit=2.0, tile_grid_size=(3, 2), data_format="channels_first", name="clahe"),
    (2, 7, 5), 4, rand(4, 2, 2, 7, 5, low=0.0, high=1.0))
single("clahe_no_clip", L.ContrastLimitedAdaptiveHistogramEqualization(clip_limit=0.0, tile_grid_size=(2, 3),
                                                                       name="clahe"), (6, 6, 1), 5)
single("max_num_bounding_boxes", L.MaxNumBoundingBoxes(max_number=5, fill_value=-2, name="boxes"), (4, 4, 3), 6)
# Rescaling first: the pipeline's CLAHE then works on exactly Keras's float32 values (it truncates them).
single("pipeline_deterministic", L.Pipeline([L.Rescaling(1.0 / 255, name="scale"),
                                             L.ContrastLimitedAdaptiveHistogramEqualization(
                                                 value_range=(0, 1), tile_grid_size=(2, 2), name="clahe"),
                                             L.AutoContrast(value_range=(0, 1), name="auto")], name="pipe"),
       (6, 4, 3), 7)

# Random layers: identities in inference; the files pin their configs.
single("hue", L.RandomHue(0.3, seed=10, name="hue"), (4, 4, 3), 10)
single("hue_pair_range_cf", L.RandomHue((0.1, 0.6), value_range=(0.0, 1.0), data_format="channels_first",
                                        name="hue"), (3, 4, 4), 11)
single("saturation", L.RandomSaturation(0.4, seed=12, name="sat"), (4, 4, 3), 12)
single("saturation_pair_range", L.RandomSaturation((0.2, 0.9), value_range=(1.0, 0.0), name="sat"), (3, 3, 3), 13)
x_sat = rand(14, 2, 3, 4, 3, low=0.0, high=1.0)
training("saturation_pinned", L.RandomSaturation((0.7, 0.7), value_range=(0, 1)), x_sat)
training("saturation_pinned_cf", L.RandomSaturation((0.3, 0.3), value_range=(0, 1), data_format="channels_first"),
         np.transpose(x_sat, (0, 3, 1, 2)).copy())
single("perspective", L.RandomPerspective(factor=0.8, scale=0.4, fill_value=1.0, seed=17, name="persp"), (5, 5, 3), 17)
single("perspective_cf", L.RandomPerspective(interpolation="nearest", data_format="channels_first", name="persp"),
       (2, 4, 4), 18)
single("elastic", L.RandomElasticTransform(factor=0.7, scale=(0.1, 0.4), fill_mode="constant", fill_value=3.0,
                                           seed=19, name="elastic"), (6, 6, 3), 19)
single("elastic_cf", L.RandomElasticTransform(interpolation="nearest", value_range=(0.0, 1.0),
                                              data_format="channels_first", name="elastic"), (2, 5, 5), 20)
single("mix_up", L.MixUp(alpha=0.4, seed=21, name="mix"), (4, 4, 3), 21)
single("mix_up_cf", L.MixUp(data_format="channels_first", name="mix"), (3, 4, 4), 22)
single("cut_mix", L.CutMix(factor=0.6, seed=23, name="cut"), (5, 5, 3), 23)
single("cut_mix_pair_cf", L.CutMix(factor=(0.2, 0.9), data_format="channels_first", name="cut"), (2, 5, 4), 24)
single("aug_mix", L.AugMix(num_chains=2, chain_depth=(1, 2), factor=0.5, alpha=0.8, seed=25, name="augmix"),
       (8, 8, 3), 25)
single("aug_mix_defaults", L.AugMix(name="augmix"), (8, 8, 3), 26)
single("rand_augment", L.RandAugment(num_ops=3, factor=0.3, interpolation="nearest", seed=27, name="randaug"),
       (8, 8, 3), 27)
single("rand_augment_defaults", L.RandAugment(value_range=(0.0, 1.0), name="randaug"), (8, 8, 3), 28,
       rand(28, 2, 8, 8, 3, low=0.0, high=1.0))

# RandomPerspective's warp with pinned corners: keras.ops.image.perspective_transform, bilinear and nearest.
x_persp = pixels(40, 2, 5, 6, 2)
start = np.array([[[0, 0], [5, 0], [0, 4], [5, 4]]] * 2, dtype="float32")
end = start + start * np.array([[[0.1, -0.2], [0.15, 0.05], [-0.1, 0.2], [0.05, -0.1]],
                                [[-0.2, 0.1], [0.0, 0.2], [0.1, -0.05], [-0.15, 0.1]]], dtype="float32")
np.savez(f"{F}/perspective_transform.npz", x=x_persp, start=start, end=end,
         bilinear=np.asarray(keras.ops.image.perspective_transform(x_persp, start, end, fill_value=3.0)),
         nearest=np.asarray(keras.ops.image.perspective_transform(x_persp, start, end, interpolation="nearest",
                                                                  fill_value=3.0)))
