package org.jeras.core.graph;

import java.util.Arrays;
import java.util.Objects;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The shape and dtype of one argument of a traced function, as Keras's {@code InputSpec} in an
 * export signature: {@code -1} marks a dimension of unknown size (Python's {@code None}), such as
 * the batch dimension.
 */
public record TensorSpec(String name, long[] shape, DType dtype) {
  /**
   * Copies {@code shape} and checks its sizes.
   *
   * @param name the argument's name, or null
   * @param shape the shape, {@code -1} for unknown sizes
   * @param dtype the dtype
   */
  public TensorSpec {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(dtype, "dtype");
    shape = shape.clone();
    for (long d : shape) {
      if (d < -1) {
        throw new IllegalArgumentException("Invalid dimension " + d + " in shape " + Arrays.toString(shape));
      }
    }
  }

  /**
   * A float32 spec with an unknown batch dimension in front of {@code dims}.
   *
   * @param name the argument's name, or null
   * @param dims the per-sample sizes
   * @return the spec
   */
  public static TensorSpec batched(String name, long... dims) {
    long[] s = new long[dims.length + 1];
    s[0] = -1;
    System.arraycopy(dims, 0, s, 1, dims.length);
    return new TensorSpec(name, s, DType.FLOAT32);
  }

  /**
   * A random array of this spec with {@code batch} rows: uniform [0, 1) for floating dtypes, 0 or 1
   * for integer ones (indices every vocabulary holds); every dimension but the first must be known.
   *
   * @param batch the number of rows, used for an unknown batch dimension
   * @return the array
   */
  public INDArray randomInput(long batch) {
    long[] s = shape.clone();
    s[0] = batch;
    for (int d = 1; d < s.length; d++) {
      if (s[d] < 0) {
        throw new IllegalArgumentException("input '" + name + "' has shape " + shapeString()
            + ": random inputs need every dimension but the batch to be known");
      }
    }
    INDArray x = Nd4j.rand(DataType.FLOAT, s);
    return dtype.isFloating() ? x.castTo(dtype.nd4j()) : x.gt(0.5).castTo(dtype.nd4j());
  }

  /** {@return the shape, {@code -1} for unknown sizes (a copy)} */
  @Override
  public long[] shape() {
    return shape.clone();
  }

  /**
   * Python's rendering of the shape: {@code (None, 16)}.
   *
   * @return the shape as Python prints it
   */
  public String shapeString() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "None" : Long.toString(shape[i]));
    }
    return sb.append(shape.length == 1 ? ",)" : ")").toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSpec t && Objects.equals(name, t.name) && Arrays.equals(shape, t.shape)
        && dtype == t.dtype;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(shape), dtype);
  }

  @Override
  public String toString() {
    return (name == null ? "" : name + ": ") + dtype.kerasName() + " Tensor, shape=" + shapeString();
  }
}
