"""Reads Jeras's TensorBoard event files with TensorFlow's own reader.

A manual cross-check that files written by org.jeras.core.callbacks.TensorBoard are read by
TensorFlow (and so by TensorBoard): every record goes through
tf.compat.v1.train.summary_iterator, which verifies the TFRecord CRCs and parses the Event
protobufs. Prints each run's scalars (tag, step, value) and histograms (tag, step, count, min, max)
and fails when a run has no events or no epoch_loss.

Usage:
  # write event files into /tmp/jeras-tb (runs TensorBoardTest with its logs kept there)
  ./mvnw -B -ntp -q test -pl core,layers,saving -Dtest=TensorBoardTest \
      -Dsurefire.failIfNoSpecifiedTests=false -Djeras.tensorboardDir=/tmp/jeras-tb
  # read them with TensorFlow (any TF 2.x)
  python read_tensorboard.py /tmp/jeras-tb
"""

import glob
import os
import sys

import tensorflow as tf


def read_run(run_dir):
    files = sorted(glob.glob(os.path.join(run_dir, "events.out.tfevents.*")))
    if not files:
        raise SystemExit(f"no event files in {run_dir}")
    scalars, histograms, version = [], [], None
    for path in files:
        for event in tf.compat.v1.train.summary_iterator(path):
            if event.file_version:
                version = event.file_version
            for value in event.summary.value:
                if value.HasField("simple_value"):
                    scalars.append((value.tag, event.step, value.simple_value))
                elif value.HasField("tensor"):
                    scalars.append((value.tag, event.step, float(tf.make_ndarray(value.tensor))))
                elif value.HasField("histo"):
                    h = value.histo
                    histograms.append((value.tag, event.step, h.num, h.min, h.max, sum(h.bucket)))
    return version, scalars, histograms


def main(log_dir):
    for run in ("train", "validation"):
        run_dir = os.path.join(log_dir, run)
        if not os.path.isdir(run_dir):
            continue
        version, scalars, histograms = read_run(run_dir)
        print(f"[{run}] file_version={version} scalars={len(scalars)} histograms={len(histograms)}")
        for tag, step, value in scalars:
            print(f"  scalar {tag:<22} step={step:<3} {value:.6f}")
        for tag, step, num, lo, hi, total in histograms:
            print(f"  histo  {tag:<30} step={step:<3} num={num:.0f} min={lo:.5f} max={hi:.5f} bucket_sum={total:.0f}")
        if not any(tag == "epoch_loss" for tag, _, _ in scalars):
            raise SystemExit(f"{run}: no epoch_loss")
        if any(num != total for _, _, num, _, _, total in histograms):
            raise SystemExit(f"{run}: a histogram's buckets do not add up to its count")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "logs")
