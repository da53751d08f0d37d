"""Writes keras_layers.txt: the layer classes Keras exports as keras.layers, one class name a line,
as Keras's serialization names them (RegistryCoverageTest reads it). Run with Keras 3 on jax:
    KERAS_BACKEND=jax python list_keras_layers.py
"""

import inspect

import keras

names = set()
for attr in dir(keras.layers):
    obj = getattr(keras.layers, attr)
    # Aliases (e.g. Convolution2D for Conv2D) serialize under the class's own name; a class exported
    # only under another name (GroupedQueryAttention as GroupQueryAttention) serializes under that.
    if inspect.isclass(obj) and issubclass(obj, keras.layers.Layer):
        names.add(obj.__name__ if hasattr(keras.layers, obj.__name__) else attr)

with open("keras_layers.txt", "w") as f:
    f.write(f"# keras.layers classes of Keras {keras.__version__} (list_keras_layers.py)\n")
    for n in sorted(names):
        f.write(n + "\n")
