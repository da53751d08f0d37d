package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;

/** Keras's {@code HeUniform}: uniform in {@code ±sqrt(6 / fan_in)}. A {@link VarianceScaling} preset. */
public final class HeUniform extends VarianceScaling {
  /**
   * Keras's {@code HeUniform} with explicit fan axes.
   *
   * @param seed the seed, or null for a drawn one
   * @param inputAxes the axes counted in fan-in, or null for Keras's default
   * @param outputAxes the axes counted in fan-out, or null for Keras's default
   */
  public HeUniform(Long seed, int[] inputAxes, int[] outputAxes) {
    super(PyNumber.of(2.0), "fan_in", "uniform", seed, inputAxes, outputAxes);
  }

  /**
   * Keras's {@code HeUniform(seed)}.
   *
   * @param seed the seed, or null for a drawn one
   */
  public HeUniform(Long seed) {
    this(seed, null, null);
  }

  /** Keras's {@code HeUniform()}: every argument at its default. */
  public HeUniform() {
    this(null, null, null);
  }

  /**
   * Rebuilds a initializer from its config (Keras's {@code HeUniform.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static HeUniform fromConfig(Config c) {
    return new HeUniform(readSeed(c), readAxes(c, "input_axes"), readAxes(c, "output_axes"));
  }

  @Override
  public Config getConfig() {
    return presetConfig();
  }
}
