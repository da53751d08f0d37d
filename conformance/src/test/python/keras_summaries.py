"""Writes real Keras's model.summary() of every fixture, for SummaryTest.

    KERAS_BACKEND=torch python keras_summaries.py conformance/src/test/resources/keras OUT_DIR

Run with stdout not a terminal and COLUMNS unset: Keras then sizes its table for an 80-column
console, as it does in logs. One OUT_DIR/NAME.txt per fixture that loads.
"""

import contextlib
import io
import json
import os
import sys

import keras


def main(fixtures, out):
    sys.path.insert(0, os.path.join(fixtures, "generators"))
    import fixture_custom  # noqa: F401  (registers the fixtures' custom objects)

    os.environ.pop("COLUMNS", None)
    cases = json.load(open(os.path.join(fixtures, "manifest.json")))["cases"]
    for case in cases:
        name = case["name"]
        path = os.path.join(fixtures, name + ".keras")
        if case.get("status") != "ok" or not os.path.exists(path):
            continue
        try:
            model = keras.saving.load_model(path)
        except Exception as e:
            print(f"skipped {name}: {type(e).__name__}")
            continue
        text = io.StringIO()
        with contextlib.redirect_stdout(text):
            model.summary()
        with open(os.path.join(out, name + ".txt"), "w") as f:
            f.write(text.getvalue())
    print(f"Keras {keras.__version__}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
