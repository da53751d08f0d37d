package org.jeras.export;

/** The artifact formats {@link Exporter} writes. */
public enum ExportFormat {
  /** A directory of ONNX models (one per endpoint) with a manifest; served by ONNX Runtime. */
  ONNX
}
