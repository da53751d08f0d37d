"""Shared by gen_applications_ci.py (committed files) and gen_applications_cache.py (local cache).

Every keras.applications family, with the smallest input each allows: the builders below return
(model, input shape). io.npz holds a seeded input batch x, Keras's prediction y, and a one-hot
target t for the fine-tuning check (the model's output shape, one class per sample).
"""

import os

import numpy as np

import keras
from keras import applications as A

CLASSES = 3
# Families that rescale raw pixels themselves (include_preprocessing): their inputs are in [0, 255];
# the others expect inputs their preprocess_input already brought into [-1, 1].
RAW_PIXELS = ("efficientnet", "convnext", "mobilenet_v3")


def top(builder, size, **kw):
    """include_top with CLASSES classes (the classifier is small for these families)."""
    return lambda: (builder(weights=None, input_shape=(size, size, 3), classes=CLASSES, **kw), size)


def pooled(builder, size, **kw):
    """include_top=False with global pooling (VGG's and NASNetLarge's tops are far too big)."""
    return lambda: (builder(weights=None, include_top=False, input_shape=(size, size, 3), pooling="avg", **kw), size)


# Every member: name -> builder. Minimum sizes are those keras.applications checks.
MEMBERS = {
    "xception": top(A.Xception, 71),
    "vgg16": pooled(A.VGG16, 32),
    "vgg19": pooled(A.VGG19, 32),
    "resnet50": top(A.ResNet50, 32),
    "resnet101": top(A.ResNet101, 32),
    "resnet152": top(A.ResNet152, 32),
    "resnet50v2": top(A.ResNet50V2, 32),
    "resnet101v2": top(A.ResNet101V2, 32),
    "resnet152v2": top(A.ResNet152V2, 32),
    "inception_v3": top(A.InceptionV3, 75),
    "inception_resnet_v2": top(A.InceptionResNetV2, 75),
    "mobilenet": top(A.MobileNet, 32),
    "mobilenet_alpha025": top(A.MobileNet, 32, alpha=0.25),
    "mobilenet_v2": top(A.MobileNetV2, 32),
    "mobilenet_v2_alpha035": top(A.MobileNetV2, 32, alpha=0.35),
    "mobilenet_v3_small": top(A.MobileNetV3Small, 32),
    "mobilenet_v3_small_minimalistic": top(A.MobileNetV3Small, 32, minimalistic=True, alpha=0.75),
    "mobilenet_v3_large": top(A.MobileNetV3Large, 32),
    "densenet121": top(A.DenseNet121, 32),
    "densenet169": top(A.DenseNet169, 32),
    "densenet201": top(A.DenseNet201, 32),
    "nasnet_mobile": top(A.NASNetMobile, 32),
    "nasnet_large": pooled(A.NASNetLarge, 32),
    **{f"efficientnet_b{i}": top(getattr(A, f"EfficientNetB{i}"), 32) for i in range(8)},
    **{f"efficientnet_v2_b{i}": top(getattr(A, f"EfficientNetV2B{i}"), 32) for i in range(4)},
    "efficientnet_v2_s": top(A.EfficientNetV2S, 32),
    "efficientnet_v2_m": top(A.EfficientNetV2M, 32),
    "efficientnet_v2_l": top(A.EfficientNetV2L, 32),
    **{f"convnext_{s.lower()}": top(getattr(A, f"ConvNeXt{s}"), 32)
       for s in ("Tiny", "Small", "Base", "Large", "XLarge")},
}


def low_entropy(model, seed, period=257):
    """Sets every weight to a period-value random vector tiled over the tensor: deflate then stores
    it in almost nothing (about 1/185 of the raw bytes for 257 values, 1/340 for 11, plus one period
    of literals per tensor). Kernels get He's spread (so deep ReLU stacks neither vanish nor explode),
    other varying tensors their own initial mean and spread, constant tensors (biases, gamma, beta,
    LayerScale) a small ripple around their value."""
    rng = np.random.default_rng(seed)
    # He's gain keeps ReLU stacks' scale; without BatchNormalization to renormalise (VGG) a gain of 1
    # halves the variance per layer instead, keeping outputs near 1 where float32 error stays small.
    gain = 2.0 if any(isinstance(l, keras.layers.BatchNormalization) for l in model.layers) else 1.0
    for layer in model.layers:
        if isinstance(layer, keras.layers.Normalization):
            continue  # its statistics are read once when built: new values would not reach Keras's y
        depthwise = isinstance(layer, (keras.layers.DepthwiseConv2D, keras.layers.SeparableConv2D))
        for v in layer.weights:
            w = np.asarray(v.numpy(), dtype="float64")
            shape = w.shape
            n = int(np.prod(shape)) if shape else 1
            base = rng.standard_normal(period)
            pat = np.resize((base - base.mean()) / base.std(), n).reshape(shape)
            std, mean = w.std(), w.mean()
            if "moving_" in v.path:
                continue  # calibrate() sets them
            if std > 0 and len(shape) >= 2:
                # A depthwise kernel (kh, kw, channels, multiplier) sums over kh * kw inputs only.
                per_out = shape[-2] * shape[-1] if depthwise and "pointwise" not in v.path else shape[-1]
                new = pat * np.sqrt(gain / max(n // per_out, 1))
            elif std > 0:
                new = mean + std * pat
            else:
                new = mean + 0.02 * pat
            v.assign(new.astype(v.dtype))


def calibrate(model, x):
    """BatchNormalization's moving statistics become the batch statistics of x (one training-mode
    pass with momentum 0), so every normalisation normalises and the predictions stay varied."""
    bns = [l for l in model.layers if isinstance(l, keras.layers.BatchNormalization)]
    momenta = [l.momentum for l in bns]
    for l in bns:
        l.momentum = 0.0
    model(x, training=True)
    for l, m in zip(bns, momenta):
        l.momentum = m
        # A floor under the variances: channels nearly constant over the batch would otherwise
        # amplify float32 rounding (Keras's own backends then disagree beyond 1e-5).
        var = np.asarray(l.moving_variance.numpy())
        l.moving_variance.assign(var + 0.05 * var.mean())


def tame_logits(model, x, spread=2.0):
    """Scales the classifier's last kernel and bias (a pattern times a scalar stays a pattern) so its
    logits on x spread by about `spread`: a saturated softmax would give every sample the same
    prediction. Models without a classifier top are left alone."""
    last = [l for l in model.layers if getattr(l, "kernel", None) is not None][-1]
    if model.layers[-1].name != "predictions" or not isinstance(last, (keras.layers.Dense, keras.layers.Conv2D)):
        return
    feats = np.asarray(keras.Model(model.input, last.input)(x))
    kernel = np.asarray(last.kernel.numpy())
    logits = feats.reshape(-1, kernel.shape[-2]) @ kernel.reshape(-1, kernel.shape[-1])
    scale = spread / max(float(logits.std()), 1e-6)
    last.kernel.assign((kernel * scale).astype(kernel.dtype))
    if last.bias is not None:
        last.bias.assign(np.asarray(last.bias.numpy()) * scale)


def inputs(name, size, batch, seed):
    """A seeded batch in the range the family expects."""
    rng = np.random.default_rng(seed)
    high = 255.0 if name.startswith(RAW_PIXELS) else 1.0
    return rng.uniform(-1.0 if high == 1.0 else 0.0, high, size=(batch, size, size, 3)).astype("float32")


def save(folder, name, model, size, batch=2, seed=0):
    """Writes folder/name.keras and folder/name.io.npz (x, Keras's prediction y, one-hot target t)."""
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(seed)
    x = inputs(name, size, batch, seed)
    y = np.asarray(model.predict(x, verbose=0))
    t = np.zeros(y.shape, dtype="float32")
    t[np.arange(batch), rng.integers(0, y.shape[-1], size=batch)] = 1.0
    model.save(os.path.join(folder, name + ".keras"))
    deflate(os.path.join(folder, name + ".keras"))
    np.savez(os.path.join(folder, name + ".io.npz"), x=x, y=y, t=t)
    return y


def deflate(path):
    """Re-zips a .keras file with its members deflated, in the same order: Keras stores them, which
    leaves these low-entropy weights at up to 112 MB on disk; deflated they take under 1 MB, and
    Keras and Jeras read either."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        members = [(info, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path + ".tmp", "w", compression=zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            out = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            out.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(out, data)
    os.replace(path + ".tmp", path)
