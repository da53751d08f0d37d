"""Loads the files Jeras saved with real Keras 3, beside the Keras-written originals.

Run the saving tests with -Djeras.keepSaved=DIR first; then, once per backend,

    KERAS_BACKEND=torch python load_in_keras.py DIR conformance/src/test/resources/keras torch
    KERAS_BACKEND=jax   python load_in_keras.py DIR conformance/src/test/resources/keras jax \
        conformance/src/test/resources/keras/extra

(the last argument, optional, is where the extra-<family>-jax sets' originals are).

Each kept file is compared with the fixture Keras wrote for the same model, loaded the same way
(safe mode, the fixtures' custom objects registered):
- NAME.keras: keras.saving.load_model must behave as on the original: both load or both fail
  alike; the same compile state, optimizer variables (count, shapes and values) and layer
  weights; predictions on NAME.io.npz equal to the original's. Java-built models that Java
  trained (manifest trained_steps > 0) carry other weights: they must load, compile and predict.
- NAME.weights.h5: load_weights into the original's model, its weights zeroed first, must skip
  nothing and give the original's predictions.
Exits non-zero when any file differs from its original.
"""

import json
import os
import sys
import warnings

import numpy as np

import keras


def inputs(io):
    keys = sorted(k for k in io.files if k.startswith("x"))
    return io["x"] if keys == ["x"] else [io[k] for k in keys]


def as_list(y):
    return list(y) if isinstance(y, (list, tuple)) else [y]


def max_error(actual, expected):
    worst = 0.0
    for a, e in zip(as_list(actual), as_list(expected)):
        a = np.asarray(a, dtype=np.float64)
        e = np.asarray(e, dtype=np.float64)
        if a.shape != e.shape:
            return float("inf")
        worst = max(worst, float((np.abs(a - e) - 1e-5 * np.abs(e)).max(initial=0.0)))
    return worst


def load(path, **kwargs):
    try:
        return keras.saving.load_model(path, **kwargs), None
    except Exception as e:
        return None, f"{type(e).__name__}: {str(e).splitlines()[0][:160]}"


def predict(model, io):
    try:
        return model.predict(inputs(io), verbose=0), None
    except Exception as e:
        return None, f"{type(e).__name__}: {str(e).splitlines()[0][:160]}"


def compare_state(kept, original, same_values):
    """Differences between two loaded models' compile state and variables, as text."""
    problems = []
    if kept.compiled != original.compiled:
        problems.append(f"compiled {kept.compiled} vs {original.compiled}")
    if original.compiled and original.optimizer is not None:
        kv, ov = kept.optimizer.variables, original.optimizer.variables
        if [tuple(v.shape) for v in kv] != [tuple(v.shape) for v in ov]:
            problems.append(f"optimizer variables {len(kv)} vs {len(ov)}")
        elif same_values:
            for a, b in zip(kv, ov):
                if max_error(a.numpy(), b.numpy()) > 1e-5:
                    problems.append(f"optimizer variable {b.path} differs")
    kw, ow = kept.weights, original.weights
    if [tuple(w.shape) for w in kw] != [tuple(w.shape) for w in ow]:
        problems.append("weight shapes differ")
    elif same_values:
        for a, b in zip(kw, ow):
            if max_error(np.asarray(a.numpy(), dtype=np.float64) if a.dtype != "string" else 0,
                         np.asarray(b.numpy(), dtype=np.float64) if b.dtype != "string" else 0) > 1e-5:
                problems.append(f"weight {b.path} differs")
    return problems


def main(kept_root, fixtures, backend, extra=None):
    sys.path.insert(0, os.path.join(fixtures, "generators"))
    import fixture_custom  # noqa: F401  (registers the fixtures' custom objects)

    manifest = {c["name"]: c for c in json.load(open(os.path.join(fixtures, "manifest.json")))["cases"]}
    failures, checked = [], 0
    for set_name in sorted(s for s in os.listdir(kept_root) if s.endswith(backend)):
        if set_name.startswith("extra-"):
            if extra is None:
                continue
            fixture_dir = os.path.join(extra, set_name[len("extra-"): -len("-" + backend)])
        else:
            fixture_dir = os.path.join(fixtures, "jax") if backend == "jax" else fixtures
        for file in sorted(os.listdir(os.path.join(kept_root, set_name))):
            path = os.path.join(kept_root, set_name, file)
            weights_only = file.endswith(".weights.h5")
            name = file[: -len(".weights.h5")] if weights_only else file[: -len(".keras")]
            trained_in_java = set_name.startswith("java-built") and manifest[name].get("trained_steps", 0) > 0
            io = np.load(os.path.join(fixture_dir, name + ".io.npz"))
            label = f"{set_name}/{file}"
            original, original_error = load(os.path.join(fixture_dir, name + ".keras"))
            if weights_only:
                if original is None:
                    kept, kept_error = None, "original does not load: " + original_error
                else:
                    kept, kept_error = load(os.path.join(fixture_dir, name + ".keras"))
                    # Zeroed first, so that a variable the file fails to fill shows in the predictions.
                    for w in kept.weights:
                        w.assign(np.zeros(w.shape, dtype=w.dtype) if w.dtype != "string" else w)
                    try:
                        with warnings.catch_warnings(record=True) as caught:
                            warnings.simplefilter("always")
                            kept.load_weights(path)
                        skipped = [str(w.message) for w in caught if "Skipping" in str(w.message)]
                        if skipped:
                            kept_error = "load_weights skipped: " + skipped[0][:160]
                            kept = None
                    except Exception as e:
                        kept_error = f"{type(e).__name__}: {e}"
                        kept = None
            else:
                kept, kept_error = load(path)
            if original is None or kept is None:
                verdict = f"original: {original_error or 'loads'}; Jeras's: {kept_error or 'loads'}"
                if original is None and kept is None and not weights_only:
                    print(f"ok   {label}: neither loads ({verdict})")
                else:
                    failures.append(label)
                    print(f"FAIL {label}: {verdict}")
                checked += 1
                continue
            problems = [] if weights_only else compare_state(kept, original, not trained_in_java)
            y_original, e1 = predict(original, io)
            y_kept, e2 = predict(kept, io)
            if (e1 is None) != (e2 is None):
                problems.append(f"predict: original {e1 or 'ok'}, Jeras's {e2 or 'ok'}")
            elif e1 is None and not trained_in_java and max_error(y_kept, y_original) > 1e-5:
                problems.append(f"predictions differ by {max_error(y_kept, y_original):.2e}")
            if problems:
                failures.append(label)
                print(f"FAIL {label}: " + "; ".join(problems))
            else:
                note = " (trained in Java: loads, compiles, predicts)" if trained_in_java else ""
                note += f" (both fail to predict: {e1})" if e1 else ""
                print(f"ok   {label}{note}")
            checked += 1
    print(f"{checked} files checked with Keras {keras.__version__} ({keras.backend.backend()}), {len(failures)} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
