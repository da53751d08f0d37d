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
  // The integer dtype a loaded file stored this variable with, when it differs from dtype.
  private DType storedDtype;
  private final INDArray value;
  private boolean trainable;
  private UnaryOperator<Tensor> regularizer;
  private UnaryOperator<INDArray> constraint;

  /**
   * A variable whose buffer is {@code initial} itself, or a copy where {@code initial} is a view or
   * lives in {@link Scratch} memory.
   *
   * @param name the variable's name, e.g. {@code "kernel"}
   * @param path its path in the model, e.g. {@code "dense/kernel"}
   * @param initial its initial value
   * @param trainable whether optimizers update it
   */
  public Variable(String name, String path, INDArray initial, boolean trainable) {
    this.name = Objects.requireNonNull(name, "name");
    this.path = Objects.requireNonNull(path, "path");
    Objects.requireNonNull(initial, "initial");
    this.value = initial.isAttached() ? initial.detach() : initial.isView() ? initial.dup() : initial;
    this.dtype = DType.of(initial.dataType());
    this.trainable = trainable;
  }

  /** {@return the variable's name, e.g. {@code "kernel"}} */
  public String name() {
    return name;
  }

  /** {@return the variable's path in the model, e.g. {@code "dense/kernel"}} */
  public String path() {
    return path;
  }

  /** {@return the dtype} */
  public DType dtype() {
    return dtype;
  }

  /** {@return the shape} */
  public Shape shape() {
    return Shape.of(value.shape());
  }

  /** {@return whether optimizers update this variable} */
  public boolean isTrainable() {
    return trainable;
  }

  /**
   * Sets whether optimizers update this variable.
   *
   * @param trainable whether they do
   */
  public void setTrainable(boolean trainable) {
    this.trainable = trainable;
  }

  /** {@return the current value for use in a computation (watched by an active {@link GradientTape})} */
  public Tensor read() {
    return GradientTape.readVariable(this, value);
  }

  /**
   * {@return the backing array (not a copy): assignments and optimizer steps overwrite it; {@code dup()} to
   * keep a value}
   */
  public INDArray array() {
    return value;
  }

  /**
   * Copies {@code newValue} into this variable's buffer (cast to its dtype); the shape must match.
   * The array passed in is never adopted, so later in-place updates cannot reach it.
   *
   * @param newValue the new value
   */
  public void assign(INDArray newValue) {
    if (!Arrays.equals(newValue.shape(), value.shape())) {
      throw new IllegalArgumentException(
          "Cannot assign a value of shape " + Shape.of(newValue.shape()) + " to variable '" + path
              + "' of shape " + shape());
    }
    value.assign(newValue.dataType() == value.dataType() ? newValue : newValue.castTo(value.dataType()));
  }

  /**
   * Records the dtype a file stored this variable with, when both are integer dtypes and differ
   * (TensorFlow writes int64 counters where jax and torch write int32), so that {@link #savedValue}
   * writes it back as it was read.
   *
   * @param stored the dtype of the stored value
   */
  public void keepStoredDtype(DType stored) {
    boolean integers = !stored.isFloating() && !dtype.isFloating() && stored != DType.BOOL && dtype != DType.BOOL
        && stored != DType.STRING && dtype != DType.STRING;
    storedDtype = integers && stored != dtype ? stored : null;
  }

  /** {@return the value to save: the array, in the integer dtype a loaded file stored it with (see {@link #keepStoredDtype})} */
  public INDArray savedValue() {
    return storedDtype == null ? value : value.castTo(storedDtype.nd4j());
  }

  /** {@return the regularization penalty of this variable's value, or null} */
  public UnaryOperator<Tensor> regularizer() {
    return regularizer;
  }

  /**
   * Sets the penalty added to the model's losses for this variable (Keras's {@code regularizer}).
   *
   * @param regularizer the penalty, or null
   */
  public void setRegularizer(UnaryOperator<Tensor> regularizer) {
    this.regularizer = regularizer;
  }

  /**
   * Projection applied by optimizers after each update, or null.
   *
   * @return the constraint, or null
   */
  public UnaryOperator<INDArray> constraint() {
    return constraint;
  }

  /**
   * Sets the projection applied after each optimizer update (Keras's {@code constraint}).
   *
   * @param constraint the projection, or null
   */
  public void setConstraint(UnaryOperator<INDArray> constraint) {
    this.constraint = constraint;
  }

  @Override
  public String toString() {
    return "<Variable path=" + path + ", shape=" + shape() + ", dtype=" + dtype.kerasName() + ">";
  }
}
