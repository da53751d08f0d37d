package org.jeras.core.io;

import org.jeras.core.config.ConfigException;

/**
 * The bounds on what reading a file may allocate, shared by every reader ({@code .keras} zips,
 * HDF5 weights, {@code .npz}). Each is a system property read when a file is opened, so that an
 * application can raise it for files it trusts:
 *
 * <ul>
 *   <li>{@code jeras.load.maxExpansion} (100): how much a compressed zip or npz member may expand
 *       over its stored bytes;
 *   <li>{@code jeras.load.maxH5Expansion} (1000): the same for a compressed HDF5 dataset;
 *   <li>{@code jeras.load.maxArrayBytes} (2 GiB - 64): the largest member or dataset read into memory;
 *   <li>{@code jeras.load.maxTotalBytes} (8 GiB): the most bytes extracted from one archive.
 * </ul>
 *
 * Sizes below {@link #EXPANSION_FLOOR_BYTES} are never taken for bombs. Whatever passes these
 * bounds must still fit the Java heap ({@link #checkHeap}), so that a large file fails with a
 * typed error instead of an {@link OutOfMemoryError}.
 */
public final class LoadLimits {
  /** Declared sizes up to this are allowed whatever their expansion. */
  public static final long EXPANSION_FLOOR_BYTES = 1L << 20;

  private LoadLimits() {}

  public static long maxExpansion() {
    return property("jeras.load.maxExpansion", 100);
  }

  public static long maxH5Expansion() {
    return property("jeras.load.maxH5Expansion", 1000);
  }

  public static long maxArrayBytes() {
    return property("jeras.load.maxArrayBytes", Integer.MAX_VALUE - 64L);
  }

  public static long maxTotalBytes() {
    return property("jeras.load.maxTotalBytes", 8L << 30);
  }

  /** Whether {@code declared} bytes held in {@code stored} compressed bytes exceed {@code maxExpansion}. */
  public static boolean isBomb(long declared, long stored, long maxExpansion) {
    return declared > EXPANSION_FLOOR_BYTES && declared / maxExpansion > stored;
  }

  /**
   * Refuses to allocate {@code bytes} on the heap for {@code what} when they exceed
   * {@link #maxArrayBytes()} or the JVM's maximum heap.
   */
  public static void checkHeap(long bytes, String what) {
    if (bytes > maxArrayBytes()) {
      throw new ConfigException(what + " needs " + bytes + " bytes, over the limit of " + maxArrayBytes()
          + " (system property jeras.load.maxArrayBytes)");
    }
    long max = Runtime.getRuntime().maxMemory();
    if (bytes > max) {
      throw new ConfigException(what + " needs " + bytes + " bytes, more than the Java heap (-Xmx " + max + ")");
    }
  }

  /**
   * A new array of {@code n} bytes for {@code what}, after {@link #checkHeap}; a heap too full for it
   * is reported as a typed error (one failed allocation leaves the heap as it was).
   */
  public static byte[] newBytes(long n, String what) {
    checkHeap(n, what);
    try {
      return new byte[(int) n];
    } catch (OutOfMemoryError e) {
      throw new ConfigException(what + " needs " + n + " bytes, more than the Java heap has free");
    }
  }

  private static long property(String key, long fallback) {
    String v = System.getProperty(key);
    if (v == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n <= 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException("System property " + key + " must be a positive integer, got '" + v + "'");
    }
  }
}
