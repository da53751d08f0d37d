"""Image augmentation layers (identity in inference; RandomCrop passes images through uncropped
there in Keras 3.16) with their config variants, and a small "image classification from scratch"
model with a data_augmentation Sequential inside (see genlib.py for how to run)."""

import keras
from keras import layers as L
from genlib import rand, save_case

F = "augmentation"
keras.utils.set_random_seed(17)


def pixels(seed, *shape):
    return rand(seed, *shape, low=0.0, high=255.0)


def single(name, layer, shape, seed, tail=None):
    """A model of one augmentation layer (then tail, if any) on images of shape."""
    inp = keras.Input(shape, name="image")
    out = layer(inp)
    if tail is not None:
        out = tail(out)
    save_case(F, name, keras.Model(inp, out, name=name), pixels(seed, 2, *shape))


single("flip_horizontal", L.RandomFlip("horizontal", seed=3, name="flip"), (5, 4, 3), 1)
single("flip_vertical_cf", L.RandomFlip("vertical", data_format="channels_first", name="flip"), (3, 5, 4), 2)
single("flip_both", L.RandomFlip(name="flip"), (4, 4, 1), 3)
single("rotation_pair_constant", L.RandomRotation((-0.2, 0.3), fill_mode="constant", fill_value=1.5,
                                                  interpolation="nearest", seed=4, name="rot"), (6, 6, 2), 4)
single("rotation_wrap_cf", L.RandomRotation(0.25, fill_mode="wrap", data_format="channels_first", name="rot"),
       (2, 5, 5), 5)
single("zoom_height_width", L.RandomZoom((-0.3, 0.2), width_factor=(0.1, 0.4), fill_mode="nearest", seed=6,
                                         name="zoom"), (6, 5, 3), 6)
single("zoom_height_only", L.RandomZoom(0.5, interpolation="nearest", name="zoom"), (4, 4, 3), 7)
single("translation", L.RandomTranslation((-0.1, 0.2), 0.3, fill_mode="constant", fill_value=-1.0, seed=8,
                                          name="shift"), (5, 6, 3), 8)
single("translation_cf", L.RandomTranslation(0.2, (0.0, 0.5), fill_mode="reflect", data_format="channels_first",
                                             name="shift"), (3, 4, 4), 9)
single("contrast", L.RandomContrast(0.4, seed=10, name="contrast"), (4, 4, 3), 10)
single("contrast_pair_range", L.RandomContrast((0.1, 0.5), value_range=(0.0, 1.0), name="contrast"), (3, 3, 2), 11)
single("brightness", L.RandomBrightness(0.2, seed=12, name="bright"), (4, 5, 3), 12)
single("brightness_pair_range", L.RandomBrightness((-0.3, 0.1), value_range=(1.0, -1.0), name="bright"),
       (3, 4, 2), 13)
# RandomCrop's inference output keeps the input's size; pooling makes the model's output size fixed.
single("crop", L.RandomCrop(3, 4, seed=14, name="crop"), (6, 7, 3), 14, L.GlobalAveragePooling2D(name="gap"))
single("crop_cf_unseeded", L.RandomCrop(8, 2, data_format="channels_first", name="crop"), (2, 5, 5), 15,
       L.GlobalMaxPooling2D(data_format="channels_first", name="gmp"))

# keras.io "Image classification from scratch", scaled down: augmentation, rescaling, an entry
# conv, residual separable-conv blocks, global pooling, dropout and a sigmoid head.
data_augmentation = keras.Sequential([L.RandomFlip("horizontal"), L.RandomRotation(0.1), L.RandomZoom(0.1),
                                      L.RandomTranslation(0.1, 0.1), L.RandomContrast(0.2),
                                      L.RandomBrightness(0.1)], name="data_augmentation")
inp = keras.Input((32, 32, 3), name="image")
x = data_augmentation(inp)
x = L.Rescaling(1.0 / 255)(x)
x = L.Conv2D(8, 3, strides=2, padding="same")(x)
x = L.BatchNormalization()(x)
x = L.Activation("relu")(x)
previous = x
for size in [8, 16]:
    x = L.Activation("relu")(x)
    x = L.SeparableConv2D(size, 3, padding="same")(x)
    x = L.BatchNormalization()(x)
    x = L.Activation("relu")(x)
    x = L.SeparableConv2D(size, 3, padding="same")(x)
    x = L.BatchNormalization()(x)
    x = L.MaxPooling2D(3, strides=2, padding="same")(x)
    residual = L.Conv2D(size, 1, strides=2, padding="same")(previous)
    x = L.add([x, residual])
    previous = x
x = L.SeparableConv2D(16, 3, padding="same")(x)
x = L.BatchNormalization()(x)
x = L.Activation("relu")(x)
x = L.GlobalAveragePooling2D()(x)
x = L.Dropout(0.25)(x)
out = L.Dense(1, activation=None)(x)
model = keras.Model(inp, out, name="image_classification_small")
model.compile(optimizer=keras.optimizers.Adam(3e-4), loss=keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=[keras.metrics.BinaryAccuracy(name="acc")])
xs = pixels(20, 8, 32, 32, 3)
ys = (rand(21, 8, 1) > 0).astype("float32")
model.fit(xs, ys, batch_size=4, epochs=1, verbose=0)
save_case(F, "image_classification_small", model, xs[:2])

# More augmentation layers. AutoContrast stretches in inference too; the others are identities there.
single("shear", L.RandomShear(0.3, (0.1, 0.2), fill_mode="constant", fill_value=2.0, seed=30, name="shear"),
       (5, 5, 3), 30)
single("grayscale", L.RandomGrayscale(0.7, name="gray"), (4, 4, 3), 31)
single("invert", L.RandomInvert((0.2, 0.8), value_range=(0.0, 1.0), seed=32, name="invert"), (3, 4, 2), 32)
single("solarization", L.Solarization(addition_factor=(0.1, 0.3), threshold_factor=0.5, value_range=(0, 255),
                                      seed=33, name="solar"), (4, 3, 3), 33)
single("auto_contrast", L.AutoContrast(name="auto"), (5, 4, 3), 34)
single("auto_contrast_range_cf", L.AutoContrast(value_range=(1.0, -1.0), data_format="channels_first", name="auto"),
       (2, 4, 5), 35)
# A constant channel keeps its values (Keras's 0/0 falls back to the input).
inp = keras.Input((3, 3, 2), name="image")
x_const = pixels(36, 2, 3, 3, 2)
x_const[0, :, :, 1] = 7.0
save_case(F, "auto_contrast_constant_channel", keras.Model(inp, L.AutoContrast(name="auto")(inp)), x_const)
single("color_degeneration", L.RandomColorDegeneration((-0.5, 0.7), value_range=(0.0, 255.0), seed=40,
                                                       name="degen"), (3, 3, 3), 40)
single("sharpness", L.RandomSharpness(0.4, seed=41, name="sharp"), (4, 5, 3), 41)
single("posterization", L.RandomPosterization((2, 6), value_range=(0.0, 1.0), seed=42, name="poster"), (3, 3, 1), 42)
single("gaussian_blur", L.RandomGaussianBlur(factor=(0.3, 0.9), kernel_size=(3, 5), sigma=(0.2, 0.8), seed=43,
                                             name="blur"), (5, 5, 2), 43)
single("erasing", L.RandomErasing(factor=0.8, scale=(0.1, 0.4), seed=44, name="erase"), (6, 6, 3), 44)
single("erasing_fill_rgb", L.RandomErasing(fill_value=[10.0, 20.0, 30.0], value_range=(0, 25), name="erase"),
       (4, 5, 3), 45)
