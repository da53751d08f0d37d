package org.jeras.core.tensor;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mutable state of a layer or optimizer: a named array with a path ({@code "dense/kernel"}), a
 * trainable flag and optional regularizer and constraint, as Keras's {@code Variable}.
 */
public final class Variable {
  private final String name;
  private final String path;
  private final DType dtype;
  private final INDArray value;
  private boolean trainable;
  private UnaryOperator<Tensor> regularizer;
  private UnaryOperator<INDArray> constraint;

  /**
   * A variable whose buffer is {@code initial} itself, or a copy where {@code initial} is a view or
   * lives in {@link Scratch} memory.
   */
  public Variable(String name, String path, INDArray initial, boolean trainable) {
    this.name = Objects.requireNonNull(name, "name");
    this.path = Objects.requireNonNull(path, "path");
    Objects.requireNonNull(initial, "initial");
    this.value = initial.isAttached() ? initial.detach() : initial.isView() ? initial.dup() : initial;
    this.dtype = DType.of(initial.dataType());
    this.trainable = trainable;
  }

  public String name() {
    return name;
  }

  public String path() {
    return path;
  }

  public DType dtype() {
    return dtype;
  }

  public Shape shape() {
    return Shape.of(value.shape());
  }

  public boolean isTrainable() {
    return trainable;
  }

  public void setTrainable(boolean trainable) {
    this.trainable = trainable;
  }

  /** The current value for use in a computation (watched by an active {@link GradientTape}). */
  public Tensor read() {
    return GradientTape.readVariable(this, value);
  }

  /** The backing array (not a copy): assignments and optimizer steps overwrite it; {@code dup()} to keep a value. */
  public INDArray array() {
    return value;
  }

  /**
   * Copies {@code newValue} into this variable's buffer (cast to its dtype); the shape must match.
   * The array passed in is never adopted, so later in-place updates cannot reach it.
   */
  public void assign(INDArray newValue) {
    if (!Arrays.equals(newValue.shape(), value.shape())) {
      throw new IllegalArgumentException(
          "Cannot assign a value of shape " + Shape.of(newValue.shape()) + " to variable '" + path
              + "' of shape " + shape());
    }
    value.assign(newValue.dataType() == value.dataType() ? newValue : newValue.castTo(value.dataType()));
  }

  /** The regularization penalty of this variable's value, or null. */
  public UnaryOperator<Tensor> regularizer() {
    return regularizer;
  }

  public void setRegularizer(UnaryOperator<Tensor> regularizer) {
    this.regularizer = regularizer;
  }

  /** Projection applied by optimizers after each update, or null. */
  public UnaryOperator<INDArray> constraint() {
    return constraint;
  }

  public void setConstraint(UnaryOperator<INDArray> constraint) {
    this.constraint = constraint;
  }

  @Override
  public String toString() {
    return "<Variable path=" + path + ", shape=" + shape() + ", dtype=" + dtype.kerasName() + ">";
  }
}
