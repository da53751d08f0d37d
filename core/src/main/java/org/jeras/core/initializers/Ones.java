package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's {@code Ones}. */
public final class Ones implements Initializer {
  /**
   * Rebuilds a initializer from its config (Keras's {@code Ones.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static Ones fromConfig(Config c) {
    return new Ones();
  }

  @Override
  public INDArray generate(long[] shape, DType dtype) {
    return Nd4j.ones(dtype.nd4j(), shape);
  }

  @Override
  public Config getConfig() {
    return Config.empty();
  }
}
