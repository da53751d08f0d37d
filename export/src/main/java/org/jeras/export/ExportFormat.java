package org.jeras.export;

/** The artifact formats {@link Exporter} writes. */
public enum ExportFormat {
  /** A directory of ONNX models (one per endpoint) with a manifest; served by ONNX Runtime. */
  ONNX,
  /** A TensorFlow SavedModel directory; loaded by {@code tf.saved_model.load} and served by TensorFlow Serving. */
  TF_SAVED_MODEL
}
