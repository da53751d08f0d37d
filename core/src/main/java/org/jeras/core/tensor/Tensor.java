package org.jeras.core.tensor;

import java.util.Objects;
import org.jeras.core.layer.KerasHistory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable value in a computation: either concrete (backed by an {@link INDArray}) or symbolic
 * (only a shape and dtype, produced while building a Functional model).
 *
 * <p>Concrete tensors produced while a {@link GradientTape} records carry the autodiff node that
 * lets the tape propagate gradients back to their inputs. A tensor may also carry a Keras-style
 * mask (the {@code _keras_mask} of Keras), which mask-aware layers read and propagate.
 */
public final class Tensor {
  static {
    // Custom training loops may enter Jeras here rather than through a layer.
    Nd4jStartup.start();
  }

  private final INDArray value;
  private final Shape shape;
  private final DType dtype;
  final Node node;
  private final Tensor mask;
  private final KerasHistory history;

  private Tensor(INDArray value, Shape shape, DType dtype, Node node, Tensor mask, KerasHistory history) {
    this.value = value;
    this.shape = shape;
    this.dtype = dtype;
    this.node = node;
    this.mask = mask;
    this.history = history;
  }

  /**
   * A constant tensor over {@code value} (not copied).
   *
   * @param value the value
   * @return the tensor
   */
  public static Tensor of(INDArray value) {
    return new Tensor(Objects.requireNonNull(value, "value"), null, null, null, null, null);
  }

  /**
   * {@return a float32 constant of the given rows}
   *
   * @param rows the rows
   */
  public static Tensor of(float[][] rows) {
    return of(Nd4j.create(rows));
  }

  /**
   * {@return a float64 constant of the given rows}
   *
   * @param rows the rows
   */
  public static Tensor of(double[][] rows) {
    return of(Nd4j.create(rows));
  }

  /**
   * {@return a float32 scalar constant}
   *
   * @param v the value
   */
  public static Tensor scalar(double v) {
    return of(Nd4j.scalar(v).castTo(DType.FLOAT32.nd4j()));
  }

  /**
   * A symbolic tensor of the given shape and dtype, produced by a layer in a functional graph.
   *
   * @param shape the shape
   * @param dtype the dtype
   * @param history the layer call that produced it
   * @return the symbolic tensor
   */
  public static Tensor symbolic(Shape shape, DType dtype, KerasHistory history) {
    return new Tensor(null, Objects.requireNonNull(shape), Objects.requireNonNull(dtype), null, null, history);
  }

  static Tensor withNode(INDArray value, Node node) {
    return new Tensor(value, null, null, node, null, null);
  }

  /**
   * This tensor carrying {@code mask} (or no mask when null); value and autodiff link are shared.
   *
   * @param mask the mask, or null
   * @return the tensor
   */
  public Tensor withMask(Tensor mask) {
    return new Tensor(value, shape, dtype, node, mask, history);
  }

  /** {@return this tensor cut off from autodiff: gradients do not flow through the result} */
  public Tensor stopGradient() {
    return node == null ? this : new Tensor(value, shape, dtype, null, mask, history);
  }

  /** {@return whether this tensor has no value (a placeholder in a functional graph)} */
  public boolean isSymbolic() {
    return value == null;
  }

  /** {@return the concrete value; throws for symbolic tensors} */
  public INDArray value() {
    if (value == null) {
      throw new IllegalStateException("Symbolic tensor " + this + " has no value; call the model on data");
    }
    return value;
  }

  /** {@return the shape, batch dimension included} */
  public Shape shape() {
    return value == null ? shape : Shape.of(value.shape());
  }

  /** {@return the number of dimensions} */
  public int rank() {
    return value == null ? shape.rank() : value.rank();
  }

  /** {@return the dtype} */
  public DType dtype() {
    return value == null ? dtype : DType.of(value.dataType());
  }

  /** {@return the Keras mask carried by this tensor, or null} */
  public Tensor mask() {
    return mask;
  }

  /**
   * For symbolic tensors: the layer call that produced it.
   *
   * @return the producing call, or null for concrete tensors
   */
  public KerasHistory history() {
    return history;
  }

  /** {@return whether gradients can flow back through this tensor} */
  public boolean isRecorded() {
    return node != null;
  }

  @Override
  public String toString() {
    if (value == null) {
      return "<Tensor symbolic shape=" + shape + ", dtype=" + dtype.kerasName() + ">";
    }
    return "<Tensor shape=" + shape() + ", dtype=" + dtype().kerasName() + ">\n" + value;
  }
}
