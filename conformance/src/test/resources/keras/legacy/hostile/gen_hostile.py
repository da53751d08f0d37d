"""Crafted broken legacy .h5 model files: each is ../seq_mlp.h5 (written by Keras 3.16) with one defect.

Run from this directory: `keras-py gen_hostile.py` (needs only h5py and numpy). hostile.json maps each
file to the text its one-line typed error must contain (the member or key it names).
"""

import json
import os
import shutil

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(os.path.dirname(HERE), "seq_mlp.h5")
CASES = {}


def case(name, expect):
    def wrap(edit):
        path = os.path.join(HERE, name + ".h5")
        shutil.copy(SOURCE, path)
        with h5py.File(path, "r+") as f:
            edit(f)
        CASES[name] = expect
        return edit
    return wrap


def config(f):
    return json.loads(f.attrs["model_config"])


@case("bad_json", "Invalid JSON in attribute 'model_config'")
def _(f):
    f.attrs["model_config"] = b'{"class_name": "Sequential", "config": {'


@case("config_not_object", "Invalid attribute 'model_config'")
def _(f):
    f.attrs["model_config"] = b"[1, 2, 3]"


@case("config_without_class_name", "no 'class_name'")
def _(f):
    c = config(f)
    del c["class_name"]
    f.attrs["model_config"] = json.dumps(c).encode()


@case("unknown_layer_class", "NoSuchLayer")
def _(f):
    c = config(f)
    c["config"]["layers"][1]["class_name"] = "NoSuchLayer"
    f.attrs["model_config"] = json.dumps(c).encode()


@case("huge_layer", "more than a model whose weights file holds")
def _(f):
    c = config(f)
    c["config"]["layers"][1]["config"]["units"] = 2_000_000_000
    f.attrs["model_config"] = json.dumps(c).encode()


@case("missing_model_weights", "Missing group 'model_weights'")
def _(f):
    del f["model_weights"]


@case("missing_layer_group", "Missing group 'model_weights/probs'")
def _(f):
    del f["model_weights/probs"]


@case("missing_dataset", "model_weights/hidden/hidden/kernel")
def _(f):
    del f["model_weights/hidden/hidden/kernel"]


@case("wrong_shape", "Shape mismatch at 'model_weights/hidden/hidden/kernel'")
def _(f):
    del f["model_weights/hidden/hidden/kernel"]
    f["model_weights/hidden/hidden"].create_dataset("kernel", data=np.zeros((3, 3), "float32"))


@case("weight_count", "Weight count mismatch for layer #1 ('probs') at 'model_weights/probs'")
def _(f):
    f["model_weights/probs"].attrs["weight_names"] = [b"probs/kernel"]


@case("layer_count", "Layer count mismatch")
def _(f):
    f["model_weights"].attrs["layer_names"] = [b"hidden"]


@case("weight_names_not_strings", "attribute 'weight_names' of 'model_weights/hidden' is not a list of strings")
def _(f):
    f["model_weights/hidden"].attrs["weight_names"] = np.array([1, 2], "int32")


@case("weight_name_escapes", "Invalid member name '../probs/probs/kernel'")
def _(f):
    f["model_weights/hidden"].attrs["weight_names"] = [b"../probs/probs/kernel", b"hidden/bias"]


@case("training_config_without_optimizer", "'optimizer_config' must be an object")
def _(f):
    f.attrs["training_config"] = b'{"loss": "mse"}'


@case("training_config_bad_json", "Invalid JSON in attribute 'training_config'")
def _(f):
    f.attrs["training_config"] = b"{loss"


if __name__ == "__main__":
    json.dump(CASES, open(os.path.join(HERE, "hostile.json"), "w"), indent=1, sort_keys=True)
    print(len(CASES), "files")
