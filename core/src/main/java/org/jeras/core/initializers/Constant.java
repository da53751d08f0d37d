package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's {@code Constant}: every entry equals the scalar {@code value} (default 0.0). */
public final class Constant implements Initializer {
  private final Number value;

  private Constant(Number value) {
    this.value = value;
  }

  /**
   * Keras's {@code Constant(value)} with a float value.
   *
   * @param value the value of every entry
   */
  public Constant(double value) {
    this(PyNumber.of(value));
  }

  /**
   * An integer value, written back as an int ({@code "value": 3}), as Keras does for {@code Constant(3)}.
   *
   * @param value the value of every entry
   */
  public Constant(long value) {
    this(Long.valueOf(value));
  }

  /** Keras's {@code Constant()}: every argument at its default. */
  public Constant() {
    this(0.0);
  }

  /**
   * Rebuilds a initializer from its config (Keras's {@code Constant.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static Constant fromConfig(Config c) {
    return new Constant(c.getNumber("value", PyNumber.of(0.0)));
  }

  /** {@return the value of every entry} */
  public double value() {
    return value.doubleValue();
  }

  @Override
  public INDArray generate(long[] shape, DType dtype) {
    return Nd4j.valueArrayOf(shape, value.doubleValue(), dtype.nd4j());
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("value", RandomInitializer.number(value));
  }
}
