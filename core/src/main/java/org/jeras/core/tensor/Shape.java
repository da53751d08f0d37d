package org.jeras.core.tensor;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable tensor shape; {@link #UNKNOWN} (-1) stands for Keras's {@code None} dimension.
 */
public final class Shape {
  /** The size of a dimension not known yet (Python's {@code None}). */
  public static final long UNKNOWN = -1;

  private final long[] dims;

  private Shape(long[] dims) {
    this.dims = dims;
  }

  /**
   * {@return the shape with these dimensions}
   *
   * @param dims the sizes, {@link #UNKNOWN} for unknown ones
   */
  public static Shape of(long... dims) {
    for (long d : dims) {
      if (d < UNKNOWN) {
        throw new IllegalArgumentException("Invalid dimension " + d + " in " + Arrays.toString(dims));
      }
    }
    return new Shape(dims.clone());
  }

  /**
   * A shape from boxed dims where {@code null} means unknown.
   *
   * @param dims the sizes, null for unknown ones
   * @return the shape
   */
  public static Shape ofNullable(List<? extends Number> dims) {
    long[] d = new long[dims.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = dims.get(i) == null ? UNKNOWN : dims.get(i).longValue();
    }
    return of(d);
  }

  /** {@return the number of dimensions} */
  public int rank() {
    return dims.length;
  }

  /**
   * {@return the size of dimension {@code axis}, {@link #UNKNOWN} when unknown}
   *
   * @param axis the axis, negative from the end
   */
  public long get(int axis) {
    return dims[axis < 0 ? dims.length + axis : axis];
  }

  /** {@return the sizes, {@link #UNKNOWN} for unknown ones (a copy)} */
  public long[] dims() {
    return dims.clone();
  }

  /** {@return whether every size is known} */
  public boolean isFullyKnown() {
    for (long d : dims) {
      if (d == UNKNOWN) {
        return false;
      }
    }
    return true;
  }

  /** {@return the number of elements; requires a fully known shape} */
  public long size() {
    long n = 1;
    for (long d : dims) {
      if (d == UNKNOWN) {
        throw new IllegalStateException("Shape " + this + " is not fully known");
      }
      n *= d;
    }
    return n;
  }

  /**
   * This shape with a leading (batch) dimension prepended.
   *
   * @param batch the batch size, or {@link #UNKNOWN}
   * @return the new shape
   */
  public Shape withBatch(long batch) {
    long[] d = new long[dims.length + 1];
    d[0] = batch;
    System.arraycopy(dims, 0, d, 1, dims.length);
    return new Shape(d);
  }

  /** {@return this shape without its leading dimension} */
  public Shape dropFirst() {
    return new Shape(Arrays.copyOfRange(dims, 1, dims.length));
  }

  /**
   * {@return this shape with dimension {@code axis} set to {@code value}}
   *
   * @param axis the axis, negative from the end
   * @param value the new size
   */
  public Shape with(int axis, long value) {
    long[] d = dims.clone();
    d[axis < 0 ? d.length + axis : axis] = value;
    return new Shape(d);
  }

  /** {@return the dims as boxed values with {@code null} for unknown, as Keras writes shapes in JSON} */
  public List<Long> toNullableList() {
    Long[] out = new Long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      out[i] = dims[i] == UNKNOWN ? null : dims[i];
    }
    return Arrays.asList(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** Keras's tuple notation, e.g. {@code (None, 32)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(dims[i] == UNKNOWN ? "None" : Long.toString(dims[i]));
    }
    if (dims.length == 1) {
      sb.append(',');
    }
    return sb.append(')').toString();
  }
}
