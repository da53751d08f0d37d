package org.jeras.core.ops;

import java.util.Arrays;
import org.jeras.core.tensor.DType;

/**
 * The bound on the size of one tensor that a config may ask for (a layer's weight), checked before
 * anything is allocated, so that {@code Dense(units=1e8)} fails with a {@link TensorLimitException}
 * instead of running out of (off-heap) memory. The limit is the system property
 * {@code jeras.maxTensorBytes} in bytes, by default 4 GiB: ND4J allocates outside the Java heap, so
 * {@code -Xmx} does not bound it.
 */
public final class TensorLimit {
  /** The system property that sets the limit, in bytes. */
  public static final String PROPERTY = "jeras.maxTensorBytes";
  /** 4 GiB. */
  public static final long DEFAULT_MAX_BYTES = 4L << 30;

  private TensorLimit() {}

  /**
   * {@return the limit now in force (the property is read on every check, so tests and tools can change it)}
   */
  public static long maxBytes() {
    String v = System.getProperty(PROPERTY);
    if (v == null || v.isBlank()) {
      return DEFAULT_MAX_BYTES;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalStateException("System property " + PROPERTY + " must be a positive number of bytes, got '"
        + v + "'");
  }

  /**
   * Checks that a tensor of {@code shape} and {@code dtype} can be allocated: no negative dim, an
   * element count within a long and a byte size within {@link #maxBytes()}. {@code what} names it in
   * the error (e.g. {@code "variable 'kernel' of layer 'dense'"}). Returns the byte size.
   *
   * @param what what is checked, for the error
   * @param shape the shape
   * @param dtype the dtype
   * @return the byte size
   */
  public static long check(String what, long[] shape, DType dtype) {
    long elements = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new TensorLimitException("Cannot allocate " + what + " of shape " + Arrays.toString(shape)
            + ": negative dimension");
      }
      try {
        elements = Math.multiplyExact(elements, d);
      } catch (ArithmeticException overflow) {
        throw tooLarge(what, shape, dtype, "more than " + Long.MAX_VALUE + " elements");
      }
    }
    long width = dtype.nd4j().width();
    if (elements > Long.MAX_VALUE / Math.max(width, 1)) {
      throw tooLarge(what, shape, dtype, "more than " + Long.MAX_VALUE + " bytes");
    }
    long bytes = elements * width;
    if (bytes > maxBytes()) {
      throw tooLarge(what, shape, dtype, bytes + " bytes, over the limit of " + maxBytes() + " (system property "
          + PROPERTY + ")");
    }
    return bytes;
  }

  private static TensorLimitException tooLarge(String what, long[] shape, DType dtype, String size) {
    return new TensorLimitException("Cannot allocate " + what + " of shape " + Arrays.toString(shape) + " ("
        + dtype.kerasName() + "): " + size);
  }
}
