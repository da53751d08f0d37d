package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;
import org.jeras.core.random.RandomOps;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Keras's {@code RandomUniform}: uniform values in {@code [minval, maxval)} (defaults -0.05, 0.05). */
public final class RandomUniform extends RandomInitializer {
  private final Number minval;
  private final Number maxval;

  private RandomUniform(Number minval, Number maxval, Long seed) {
    super(seed);
    this.minval = minval;
    this.maxval = maxval;
  }

  /**
   * Keras's {@code RandomUniform(minval, maxval, seed)}.
   *
   * @param minval the lower bound (inclusive)
   * @param maxval the upper bound (exclusive)
   * @param seed the seed, or null for a drawn one
   */
  public RandomUniform(double minval, double maxval, Long seed) {
    this(PyNumber.of(minval), PyNumber.of(maxval), seed);
  }

  /** Keras's {@code RandomUniform()}: every argument at its default. */
  public RandomUniform() {
    this(-0.05, 0.05, null);
  }

  /**
   * Rebuilds a initializer from its config (Keras's {@code RandomUniform.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static RandomUniform fromConfig(Config c) {
    return new RandomUniform(c.getNumber("minval", PyNumber.of(-0.05)), c.getNumber("maxval", PyNumber.of(0.05)),
        readSeed(c));
  }

  @Override
  public INDArray generate(long[] shape, DType dtype) {
    return RandomOps.uniform(shape, dtype, minval.doubleValue(), maxval.doubleValue(), draws());
  }

  @Override
  public Config getConfig() {
    return seedConfig().put("minval", number(minval)).put("maxval", number(maxval));
  }
}
