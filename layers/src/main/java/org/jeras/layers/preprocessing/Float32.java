package org.jeras.layers.preprocessing;

/**
 * Rounding of a double result to float32 where a layer reproduces Keras's float32 arithmetic step by
 * step (bin edges of histograms depend on the last bit): one basic operation done in double and rounded
 * once to float32 gives float32's own result.
 */
final class Float32 {
  private final boolean on;

  /** Rounding when {@code on} (float32 work), none otherwise (float64 work). */
  Float32(boolean on) {
    this.on = on;
  }

  /** {@code x} rounded to the working precision. */
  double r(double x) {
    return on ? (double) (float) x : x;
  }

  /** Keras's cast of a float to int32: truncation toward zero. */
  static int toInt(double x) {
    return (int) x;
  }
}
