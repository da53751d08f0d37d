package org.jeras.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
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
 *   <li>{@code jeras.load.maxTotalBytes} (8 GiB): the most bytes extracted from one archive;
 *   <li>{@code jeras.load.maxWeightsExpansion} (4): how many bytes of weights a model loaded from a
 *       file may create per byte of its weights file (plus {@link #WEIGHTS_FLOOR_BYTES}), so that a
 *       small file cannot declare layers of gigabytes in its config.
 * </ul>
 *
 * Sizes below {@link #EXPANSION_FLOOR_BYTES} are never taken for bombs. Whatever passes these
 * bounds must still fit the Java heap ({@link #checkHeap}), so that a large file fails with a
 * typed error instead of an {@link OutOfMemoryError}.
 */
public final class LoadLimits {
  /** Declared sizes up to this are allowed whatever their expansion. */
  public static final long EXPANSION_FLOOR_BYTES = 1L << 20;

  /** Weights a loaded model may always create, whatever the size of its weights file. */
  public static final long WEIGHTS_FLOOR_BYTES = 64L << 20;

  /** Bytes of weights still allowed on this thread while a model is loaded from a file; null otherwise. */
  private static final ThreadLocal<long[]> WEIGHTS_BUDGET = new ThreadLocal<>();

  private LoadLimits() {}

  /**
   * {@return how many times its file size the weights of a loaded model may take
   * ({@code jeras.load.maxWeightsExpansion}, default 4)}
   */
  public static long maxWeightsExpansion() {
    return property("jeras.load.maxWeightsExpansion", 4);
  }

  /**
   * Runs {@code body} (the deserialization of a model from a file whose weights take
   * {@code weightsFileBytes}) allowing the weights it creates at most
   * {@code maxWeightsExpansion() * weightsFileBytes + WEIGHTS_FLOOR_BYTES} bytes.
   *
   * @param <T> the result's type
   * @param weightsFileBytes the size of the weights file
   * @param body the deserialization
   * @return what {@code body} returns
   */
  public static <T> T withWeightsBudget(long weightsFileBytes, Supplier<T> body) {
    long[] previous = WEIGHTS_BUDGET.get();
    long budget = weightsFileBytes > (Long.MAX_VALUE - WEIGHTS_FLOOR_BYTES) / maxWeightsExpansion() ? Long.MAX_VALUE
        : weightsFileBytes * maxWeightsExpansion() + WEIGHTS_FLOOR_BYTES;
    WEIGHTS_BUDGET.set(new long[] {budget, weightsFileBytes});
    try {
      return body.get();
    } finally {
      WEIGHTS_BUDGET.set(previous);
    }
  }

  /**
   * {@return whether a model is being built from a file ({@link #withWeightsBudget}) whose weights
   * then overwrite every variable it creates} Loading checks that each layer receives exactly as many
   * values as it has variables, so initial values drawn meanwhile would be thrown away.
   */
  public static boolean weightsFollow() {
    return WEIGHTS_BUDGET.get() != null;
  }

  /**
   * Counts a new weight of {@code shape} and {@code width}-byte elements against the budget of a
   * model being loaded ({@link #withWeightsBudget}); without one, only checks that its size is a
   * number. {@code deduct} is false for transient arrays (checked, not counted).
   *
   * @param shape the weight's shape
   * @param width the bytes per element
   * @param what the weight, for the error
   * @param deduct whether to take the bytes from the budget
   */
  public static void chargeWeights(long[] shape, int width, String what, boolean deduct) {
    long bytes = width;
    try {
      for (long d : shape) {
        bytes = Math.multiplyExact(bytes, Math.max(d, 0));
      }
    } catch (ArithmeticException e) {
      bytes = Long.MAX_VALUE;
    }
    long[] budget = WEIGHTS_BUDGET.get();
    if (budget == null) {
      if (bytes == Long.MAX_VALUE) {
        throw new ConfigException(what + " of shape " + java.util.Arrays.toString(shape) + " has too many elements");
      }
      return;
    }
    if (bytes > budget[0]) {
      throw new ConfigException(what + " of shape " + java.util.Arrays.toString(shape) + " needs "
          + (bytes == Long.MAX_VALUE ? "more than 2^63" : String.valueOf(bytes)) + " bytes, more than a model whose "
          + "weights file holds " + budget[1] + " bytes may create (system property jeras.load.maxWeightsExpansion)");
    }
    if (deduct) {
      budget[0] -= bytes;
    }
  }

  /**
   * {@return the largest ratio of declared to compressed size of an archive member
   * ({@code jeras.load.maxExpansion}, default 100)}
   */
  public static long maxExpansion() {
    return property("jeras.load.maxExpansion", 100);
  }

  /**
   * {@return the largest ratio of declared to compressed size of an HDF5 dataset
   * ({@code jeras.load.maxH5Expansion}, default 1000)}
   */
  public static long maxH5Expansion() {
    return property("jeras.load.maxH5Expansion", 1000);
  }

  /** {@return the most bytes one array read from a file may take ({@code jeras.load.maxArrayBytes})} */
  public static long maxArrayBytes() {
    return property("jeras.load.maxArrayBytes", Integer.MAX_VALUE - 64L);
  }

  /**
   * {@return the most bytes a whole archive may expand to ({@code jeras.load.maxTotalBytes}, default 8 GiB)}
   */
  public static long maxTotalBytes() {
    return property("jeras.load.maxTotalBytes", 8L << 30);
  }

  /**
   * Whether {@code declared} bytes held in {@code stored} compressed bytes exceed {@code maxExpansion}.
   *
   * @param declared the declared size
   * @param stored the compressed size
   * @param maxExpansion the largest ratio allowed
   * @return whether it is exceeded
   */
  public static boolean isBomb(long declared, long stored, long maxExpansion) {
    return declared > EXPANSION_FLOOR_BYTES && declared / maxExpansion > stored;
  }

  /**
   * Refuses to allocate {@code bytes} on the heap for {@code what} when they exceed
   * {@link #maxArrayBytes()} or the JVM's maximum heap.
   *
   * @param bytes the bytes to allocate
   * @param what the array, for the error
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
   *
   * @param n the size
   * @param what the array, for the error
   * @return the array
   */
  public static byte[] newBytes(long n, String what) {
    checkHeap(n, what);
    try {
      return new byte[(int) n];
    } catch (OutOfMemoryError e) {
      throw new ConfigException(what + " needs " + n + " bytes, more than the Java heap has free");
    }
  }

  /** Space that extracting a file's contents must leave free on the disk it writes to. */
  public static final long DISK_RESERVE_BYTES = 64L << 20;

  /**
   * Refuses to write {@code bytes} for {@code what} into {@code dir} when the disk would be left
   * with less than {@link #DISK_RESERVE_BYTES}: a full disk fails whatever else runs on the machine.
   *
   * @param dir the directory written into
   * @param bytes the bytes to write
   * @param what what is written, for the error
   * @throws IOException if the free space cannot be read
   */
  public static void checkDiskSpace(Path dir, long bytes, String what) throws IOException {
    long usable = Files.getFileStore(dir).getUsableSpace();
    if (bytes > usable - DISK_RESERVE_BYTES) {
      throw new ConfigException(what + " needs " + bytes + " bytes on disk, but '" + dir + "' has " + usable
          + " bytes free (" + DISK_RESERVE_BYTES + " are kept free)");
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
