package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's {@code Identity}: {@code gain} times the (possibly rectangular) identity matrix; 2-d only. */
public final class Identity implements Initializer {
  private final Number gain;

  private Identity(Number gain) {
    this.gain = gain;
  }

  /**
   * Keras's {@code Identity(gain)}.
   *
   * @param gain the factor of the identity matrix
   */
  public Identity(double gain) {
    this(PyNumber.of(gain));
  }

  /** Keras's {@code Identity()}: every argument at its default. */
  public Identity() {
    this(1.0);
  }

  /**
   * Rebuilds a initializer from its config (Keras's {@code Identity.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static Identity fromConfig(Config c) {
    return new Identity(c.getNumber("gain", PyNumber.of(1.0)));
  }

  @Override
  public INDArray generate(long[] shape, DType dtype) {
    if (shape.length != 2) {
      throw new IllegalArgumentException("Identity can only initialize 2-d matrices, got rank " + shape.length);
    }
    INDArray out = Nd4j.zeros(dtype.nd4j(), shape);
    double g = gain.doubleValue();
    for (long i = 0; i < Math.min(shape[0], shape[1]); i++) {
      out.putScalar(new long[] {i, i}, g);
    }
    return out;
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("gain", RandomInitializer.number(gain));
  }
}
