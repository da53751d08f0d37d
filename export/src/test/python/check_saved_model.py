"""Loads the TensorFlow SavedModels Jeras exported and checks them against Jeras's predictions.

Export every loadable fixture model, the export guide's two cases, the single-op cases and the
dynamic-dimension case first (the tests keep each export beside its inputs and Jeras's predictions):

    ./mvnw -B -ntp test -pl export,conformance -am -Dtest='SavedModel*Test' \
        -Dsurefire.failIfNoSpecifiedTests=false -Djeras.keepSavedModels=/tmp/jeras-savedmodels

then, with TensorFlow 2.21 (no Jeras or model code involved):

    python export/src/test/python/check_saved_model.py /tmp/jeras-savedmodels

For each DIR/<case>/model it runs the endpoint named in DIR/<case>/endpoint (serve) of
tf.saved_model.load(model) on x0, .. and the signatures["serving_default"] function (inputs by
name, outputs output_0, ..), at the full batch and one row fewer (the batch dimension is dynamic),
and compares them with io.npz's y0, .. (|got - want| <= 1e-5 + 1e-5 |want|). It also runs
serving_default the way TensorFlow Serving does, from the MetaGraphDef in a TF1 session whose
variables the saver restores, checks that the loaded object's variables are tf.Variables, and that
each variable collection (io.npz's <name>_0, ..) is a list attribute of tf.Variables holding those
values. Prints one line per case and the counts; exits non-zero when any case fails.
"""

import os
import sys

import numpy as np
import tensorflow as tf

TOL = 1e-5


def as_list(y):
    return list(y) if isinstance(y, (list, tuple)) else [y]


def worst(got, want):
    got = np.asarray(got, dtype=np.float64)
    want = np.asarray(want, dtype=np.float64)
    if got.shape != want.shape:
        return f"shape {got.shape} != {want.shape}"
    err = float((np.abs(got - want) - TOL * np.abs(want)).max(initial=0.0))
    return None if err <= TOL else f"max error {err:.3g}"


def check(case_dir):
    io = np.load(os.path.join(case_dir, "io.npz"))
    xs = [io[f"x{i}"] for i in range(sum(1 for k in io.files if k.startswith("x")))]
    ys = [io[f"y{i}"] for i in range(sum(1 for k in io.files if k.startswith("y")))]
    with open(os.path.join(case_dir, "endpoint")) as f:
        endpoint = f.read().strip()
    loaded = tf.saved_model.load(os.path.join(case_dir, "model"))
    if not all(isinstance(v, tf.Variable) for v in loaded.variables):
        return "loaded.variables are not all tf.Variables"
    collections = sorted({k.rsplit("_", 1)[0] for k in io.files if not k[0] in "xy"})
    for name in collections:
        want = [io[f"{name}_{i}"] for i in range(sum(1 for k in io.files if k.rsplit("_", 1)[0] == name))]
        got = getattr(loaded, name)
        if len(got) != len(want) or not all(isinstance(v, tf.Variable) for v in got):
            return f"loaded.{name} is not a list of {len(want)} tf.Variables"
        for i, (g, w) in enumerate(zip(got, want)):
            if not np.array_equal(g.numpy(), w):
                return f"loaded.{name}[{i}] differs from the exported variable"
    sig = loaded.signatures["serving_default"]
    # The endpoint's input signature names its positional arguments, which serving_default takes by name.
    specs = getattr(loaded, endpoint).input_signature
    names = [spec.name for spec in specs]
    n = xs[0].shape[0]
    for batch in ([n, n - 1] if n > 1 else [n]):
        # Only the dynamic (None) batch dimensions take another size.
        x = [a[:batch] if spec.shape[0] is None else a for a, spec in zip(xs, specs)]
        want = [y[:batch] for y in ys]
        got = as_list(getattr(loaded, endpoint)(*x))
        if len(got) != len(want):
            return f"{endpoint} returned {len(got)} outputs, want {len(want)}"
        for i, (g, w) in enumerate(zip(got, want)):
            bad = worst(g.numpy(), w)
            if bad:
                return f"{endpoint} output {i} at batch {batch}: {bad}"
        out = sig(**{name: tf.constant(a) for name, a in zip(names, x)})
        for i, w in enumerate(want):
            bad = worst(out[f"output_{i}"].numpy(), w)
            if bad:
                return f"serving_default output_{i} at batch {batch}: {bad}"
    return serving(os.path.join(case_dir, "model"), names, xs, ys)


def serving(model_dir, names, xs, ys):
    """serving_default as TensorFlow Serving runs it: graph, saver restore, feeds and fetches by name."""
    tf1 = tf.compat.v1
    with tf.Graph().as_default(), tf1.Session() as sess:
        meta = tf1.saved_model.loader.load(sess, ["serve"], model_dir)
        sig = meta.signature_def["serving_default"]
        feeds = {sig.inputs[name].name: x for name, x in zip(names, xs)}
        fetches = {k: v.name for k, v in sig.outputs.items()}
        out = sess.run(fetches, feeds)
    for i, w in enumerate(ys):
        bad = worst(out[f"output_{i}"], w)
        if bad:
            return f"serving_default in a TF1 session, output_{i}: {bad}"
    return None


def main(root):
    cases = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d, "model")))
    failed = []
    for c in cases:
        try:
            problem = check(os.path.join(root, c))
        except Exception as e:  # a load or run failure is this case's result
            problem = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"[:300]
        print(f"{'FAIL' if problem else 'ok  '} {c}" + (f": {problem}" if problem else ""), flush=True)
        if problem:
            failed.append(c)
    print(f"\n{len(cases) - len(failed)} of {len(cases)} SavedModels reproduce Jeras's predictions "
          f"(endpoint, serving_default, TF1 session; within {TOL})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
