"""Re-saves the loadable fixture models as Keras 2 / legacy HDF5 full-model files (NAME.h5).

Run from this directory with Keras 3.16 (torch backend): `keras-py gen_legacy.py`.
Every `ok` case of ../manifest.json is loaded from ../NAME.keras and saved with
`model.save("NAME.h5")`, Keras's legacy_h5_format (root attributes model_config, keras_version,
backend, training_config for compiled models; groups model_weights and optimizer_weights).
The inputs and Keras's outputs stay in ../NAME.io.npz: Keras reloads each .h5 here and its
prediction must equal the fixture's `y`, otherwise the case is not kept.
Extra cases `compiled_*` are compiled (and one fitted one step) so that training_config and
optimizer_weights exist; their io is written beside them as NAME.io.npz, and NAME.step.npz holds
Keras's predictions after one more train_on_batch(x, labels) on the model saved as NAME.h5.
legacy.json records, per case, whether it was written, and why not.
"""

import json
import os
import sys
import traceback

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(FIXTURES, "generators"))

import keras  # noqa: E402
import fixture_custom  # noqa: E402,F401  (registers the fixtures' custom objects)
from keras.src.legacy.saving import legacy_h5_format  # noqa: E402

keras.utils.set_random_seed(7)
MAX_BYTES = 200_000  # files stay small


def inputs_of(io, n):
    if "x" in io:
        return io["x"]
    return [io[f"x{i}"] for i in range(n)]


def outputs_of(io):
    if "y" in io:
        return [io["y"]]
    return [io[f"y{i}"] for i in range(len([k for k in io.files if k.startswith("y")]))]


def max_err(pred, expected):
    pred = pred if isinstance(pred, (list, tuple)) else [pred]
    if isinstance(pred, dict):
        pred = list(pred.values())
    return max(float(np.max(np.abs(np.asarray(p, dtype=np.float64) - np.asarray(e, dtype=np.float64))))
               if np.asarray(e).size else 0.0 for p, e in zip(pred, expected))


def resave(name, model, io_name, x, expected):
    path = os.path.join(HERE, name + ".h5")
    model.save(path)
    if os.path.getsize(path) > MAX_BYTES:
        size = os.path.getsize(path)
        os.remove(path)
        return {"written": False, "reason": f"{size} bytes, over the {MAX_BYTES} kept per file"}
    reloaded = keras.saving.load_model(path, safe_mode=False)
    err = max_err(reloaded.predict(x, verbose=0), expected)
    if err > 1e-5:
        os.remove(path)
        return {"written": False, "reason": f"Keras's own reload differs by {err}"}
    return {"written": True, "io": io_name, "size": os.path.getsize(path), "keras_reload_max_abs_err": err}


def main():
    manifest = json.load(open(os.path.join(FIXTURES, "manifest.json")))
    report = {"keras_version": keras.__version__, "backend": keras.backend.backend(), "cases": {}}
    for case in manifest["cases"]:
        name = case["name"]
        if case["status"] != "ok":
            continue
        try:
            model = keras.saving.load_model(os.path.join(FIXTURES, name + ".keras"), safe_mode=False)
            io = np.load(os.path.join(FIXTURES, name + ".io.npz"))
            x = inputs_of(io, len(model.inputs) if hasattr(model, "inputs") and model.inputs else 1)
            report["cases"][name] = resave(name, model, name + ".io.npz", x, outputs_of(io))
        except Exception as e:  # recorded: the Java test lists these as not written
            for ext in (".h5",):
                p = os.path.join(HERE, name + ext)
                if os.path.exists(p):
                    os.remove(p)
            report["cases"][name] = {"written": False, "reason": f"{type(e).__name__}: {str(e).splitlines()[0][:300]}"}
            traceback.print_exc()
        print(name, report["cases"][name])

    # Compiled models: training_config with optimizer, loss and metrics; one fitted step gives
    # optimizer_weights with real moments.
    rng = np.random.default_rng(3)
    x = rng.normal(size=(6, 5)).astype("float32")
    y = rng.integers(0, 3, size=(6,))
    for cname, fit, opt, metrics in [
        ("compiled_adam_fit", True, keras.optimizers.Adam(learning_rate=0.01), ["accuracy"]),
        ("compiled_sgd", False, keras.optimizers.SGD(learning_rate=0.1, momentum=0.9), ["sparse_categorical_accuracy"]),
    ]:
        inp = keras.Input((5,), name="features")
        h = keras.layers.Dense(4, activation="relu", name="hidden")(inp)
        h = keras.layers.BatchNormalization(name="norm")(h)
        out = keras.layers.Dense(3, activation="softmax", name="probs")(h)
        model = keras.Model(inp, out, name=cname)
        model.compile(optimizer=opt, loss="sparse_categorical_crossentropy", metrics=metrics)
        if fit:
            model.fit(x, y, batch_size=6, epochs=1, verbose=0)
        pred = model.predict(x, verbose=0)
        np.savez(os.path.join(HERE, cname + ".io.npz"), x=x, y=pred)
        report["cases"][cname] = resave(cname, model, cname + ".io.npz", x, [pred])
        report["cases"][cname]["optimizer_variables"] = [v.path for v in model.optimizer.variables]
        # One more training step on the saved model, whose whole state (weights, optimizer variables) the
        # .h5 holds: the Java side must reach the same predictions from its reload. (Keras 3.16 itself
        # cannot train a functional model reloaded from .h5: its optimizer is rebuilt on the wrong
        # variable list, "Unknown variable" at the first step.)
        model.train_on_batch(x, y)
        np.savez(os.path.join(HERE, cname + ".step.npz"), x=x, labels=y, y=model.predict(x, verbose=0))
        print(cname, report["cases"][cname])

    # A legacy weights-only file (model.save_weights with the legacy format): layer_names at the root.
    model = keras.saving.load_model(os.path.join(FIXTURES, "seq_mlp.keras"))
    with h5py.File(os.path.join(HERE, "seq_mlp.legacy_weights.h5"), "w") as f:
        legacy_h5_format.save_weights_to_hdf5_group(f, model)
    report["cases"]["seq_mlp.legacy_weights"] = {"written": True, "io": "seq_mlp.io.npz", "weights_only": True}

    json.dump(report, open(os.path.join(HERE, "legacy.json"), "w"), indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
