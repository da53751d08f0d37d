package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's {@code Zeros}. */
public final class Zeros implements Initializer {
  /**
   * Rebuilds a initializer from its config (Keras's {@code Zeros.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static Zeros fromConfig(Config c) {
    return new Zeros();
  }

  @Override
  public INDArray generate(long[] shape, DType dtype) {
    return Nd4j.zeros(dtype.nd4j(), shape);
  }

  @Override
  public Config getConfig() {
    return Config.empty();
  }
}
