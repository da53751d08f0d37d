package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;
import org.jeras.core.random.RandomOps;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Keras's {@code TruncatedNormal}: normal values, redrawn beyond two standard deviations (defaults 0.0, 0.05). */
public final class TruncatedNormal extends RandomInitializer {
  private final Number mean;
  private final Number stddev;

  private TruncatedNormal(Number mean, Number stddev, Long seed) {
    super(seed);
    this.mean = mean;
    this.stddev = stddev;
  }

  /**
   * Keras's {@code TruncatedNormal(mean, stddev, seed)}.
   *
   * @param mean the mean
   * @param stddev the standard deviation before truncation
   * @param seed the seed, or null for a drawn one
   */
  public TruncatedNormal(double mean, double stddev, Long seed) {
    this(PyNumber.of(mean), PyNumber.of(stddev), seed);
  }

  /** Keras's {@code TruncatedNormal()}: every argument at its default. */
  public TruncatedNormal() {
    this(0.0, 0.05, null);
  }

  /**
   * Rebuilds a initializer from its config (Keras's {@code TruncatedNormal.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static TruncatedNormal fromConfig(Config c) {
    return new TruncatedNormal(c.getNumber("mean", PyNumber.of(0.0)), c.getNumber("stddev", PyNumber.of(0.05)), readSeed(c));
  }

  @Override
  public INDArray generate(long[] shape, DType dtype) {
    return RandomOps.truncatedNormal(shape, dtype, mean.doubleValue(), stddev.doubleValue(), draws());
  }

  @Override
  public Config getConfig() {
    return seedConfig().put("mean", number(mean)).put("stddev", number(stddev));
  }
}
