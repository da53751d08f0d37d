"""Captures what Keras's ProgbarLogger prints, as the reference for Jeras's ProgbarLogger.

Each scenario is a list of callback events (fit, evaluate or predict hooks with their logs), each
at a given time. The script replays them on keras.callbacks.ProgbarLogger with Progbar's clock
replaced by those times and records the exact characters written to stdout (escape codes, \\b and
\\r included). ProgbarReferenceTest replays the same events on Jeras's ProgbarLogger with the same
clock and compares the output character for character.

On Linux, Keras's Progbar always uses its dynamic display ("posix" is in sys.modules), so these
are the in-place lines a terminal shows.

Usage (writes the JSON next to the Java test's resources):
  keras-py core/src/test/python/progbar_reference.py \\
      core/src/test/resources/org/jeras/core/callbacks/progbar_reference.json
"""

import contextlib
import io
import json
import sys

import keras
from keras.src.utils import progbar as progbar_module

T0 = 1_700_000_000.0


class FakeTime:
    now = T0

    @staticmethod
    def time():
        return FakeTime.now


def fit_events(epochs, steps, step_times, logs_per_step, epoch_logs, validation=None):
    """Events of a fit: batch k of each epoch ends at the cumulative step_times."""
    events = [[0.0, "train_begin", None, None]]
    t = 0.0
    for epoch in range(epochs):
        events.append([t, "epoch_begin", epoch, None])
        for step in range(steps):
            events.append([t, "train_batch_begin", step, None])
            t += step_times[epoch][step]
            events.append([t, "train_batch_end", step, logs_per_step[epoch][step]])
        if validation:
            events.append([t, "test_begin", None, None])
            for step, logs in enumerate(validation[epoch]):
                t += 0.001
                events.append([t, "test_batch_end", step, logs])
            events.append([t, "test_end", None, validation[epoch][-1]])
        t += 0.002
        events.append([t, "epoch_end", epoch, epoch_logs[epoch]])
    events.append([t, "train_end", None, epoch_logs[-1]])
    return events


def scenarios():
    nan = float("nan")
    yield {
        "name": "fit_verbose1_shorter_lines_overwrite",
        "params": {"verbose": 1, "epochs": 2, "steps": 3},
        "events": fit_events(
            2, 3,
            [[0.0137, 0.0611, 0.0523], [40.0, 41.5, 0.06]],
            [
                [{"loss": 12.345678, "mae": 3.0}, {"loss": 1.5, "mae": 0.25}, {"loss": 0.00042, "mae": 0.0}],
                [{"loss": 0.5, "mae": -0.75}, {"loss": 0.25, "mae": 0.5}, {"loss": 0.125, "mae": nan}],
            ],
            [
                {"loss": 0.00042, "mae": 0.0, "val_loss": 0.0123456, "val_mae": 0.1},
                {"loss": 0.125, "mae": nan, "val_loss": 1.00005, "val_mae": 2.5},
            ],
            validation=[[{"loss": 0.5, "mae": 0.1}, {"loss": 0.0123456, "mae": 0.1}],
                        [{"loss": 1.00005, "mae": 2.5}]],
        ),
    }
    yield {
        "name": "fit_verbose1_hours_eta",
        "params": {"verbose": 1, "epochs": 1, "steps": 12},
        "events": fit_events(
            1, 12,
            [[1000.0] * 3 + [0.02] * 8 + [0.5]],
            [[{"loss": 1.0 / (k + 1)} for k in range(12)]],
            [{"loss": 1.0 / 12}],
        ),
    }
    yield {
        "name": "fit_verbose2_one_line_per_epoch",
        "params": {"verbose": 2, "epochs": 3, "steps": 2},
        "events": fit_events(
            3, 2,
            [[0.010, 0.020], [1.2, 1.3], [0.0004, 0.0005]],
            [[{"accuracy": 0.5, "loss": 0.7}] * 2, [{"accuracy": 0.5, "loss": -0.7}] * 2,
             [{"accuracy": 1.0, "loss": nan}] * 2],
            [
                {"accuracy": 0.5, "loss": 0.7, "val_accuracy": 0.25, "val_loss": 0.0009},
                {"accuracy": 0.5, "loss": -0.7, "val_accuracy": 0.25, "val_loss": 12.5},
                {"accuracy": 1.0, "loss": nan, "val_accuracy": 0.0, "val_loss": 1e-7},
            ],
            validation=[[{"accuracy": 0.25, "loss": 0.0009}], [{"accuracy": 0.25, "loss": 12.5}],
                        [{"accuracy": 0.0, "loss": 1e-7}]],
        ),
    }
    yield {
        "name": "fit_verbose1_unknown_steps",
        "params": {"verbose": 1, "epochs": 2, "steps": None},
        "events": fit_events(
            2, 3,
            [[0.0002, 0.0003, 0.06], [0.0002, 0.0002, 0.0002]],
            [[{"loss": 2.0}, {"loss": 1.0}, {"loss": 0.5}]] * 2,
            [{"loss": 0.5}, {"loss": 0.5}],
        ),
    }
    evaluate = [[0.0, "test_begin", None, None]]
    t = 0.0
    for step, dt in enumerate([0.07, 0.01, 0.01, 0.09, 0.03]):
        evaluate.append([t, "test_batch_begin", step, None])
        t += dt
        evaluate.append([t, "test_batch_end", step, {"loss": 0.3 - 0.01 * step, "mse": 0.09}])
    evaluate.append([t, "test_end", None, {"loss": 0.26, "mse": 0.09}])
    yield {"name": "evaluate_verbose1", "params": {"verbose": 1, "epochs": 1, "steps": 5}, "events": evaluate}
    yield {"name": "evaluate_verbose2", "params": {"verbose": 2, "epochs": 1, "steps": 5}, "events": evaluate}
    predict = [[0.0, "predict_begin", None, None]]
    t = 0.0
    for step, dt in enumerate([0.1, 0.1, 0.004]):
        predict.append([t, "predict_batch_begin", step, None])
        t += dt
        predict.append([t, "predict_batch_end", step, None])
    predict.append([t, "predict_end", None, None])
    yield {"name": "predict_verbose1_unknown_steps", "params": {"verbose": 1, "epochs": 1, "steps": None},
           "events": predict}
    yield {"name": "predict_verbose1", "params": {"verbose": 1, "epochs": 1, "steps": 3}, "events": predict}


def replay(scenario):
    logger = keras.callbacks.ProgbarLogger()
    logger.set_params(dict(scenario["params"]))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for at, hook, index, logs in scenario["events"]:
            FakeTime.now = T0 + at
            method = getattr(logger, "on_" + hook)
            args = ([] if index is None else [index]) + [None if logs is None else dict(logs)]
            method(*args)
            bar = logger.progbar
            if bar is not None and not bar._dynamic_display:
                raise SystemExit("expected Keras's dynamic display (posix)")
    return out.getvalue()


def main():
    progbar_module.time = FakeTime
    cases = []
    for scenario in scenarios():
        scenario["output"] = replay(scenario)
        cases.append(scenario)
    doc = {"keras_version": keras.__version__, "t0": T0, "cases": cases}
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=True)
        f.write("\n")


if __name__ == "__main__":
    main()
