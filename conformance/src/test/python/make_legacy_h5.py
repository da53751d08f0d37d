"""Writes legacy/keras2_full_model.h5: a whole model in the Keras 2 HDF5 format (root attribute
model_config), which Keras 3 still writes for `model.save("*.h5")`. Run with keras-py."""
import keras

m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
m.save("keras2_full_model.h5")
