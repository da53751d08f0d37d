package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;

/** Keras's {@code HeNormal}: truncated normal with standard deviation {@code sqrt(2 / fan_in)}. A {@link VarianceScaling} preset. */
public final class HeNormal extends VarianceScaling {
  /**
   * Keras's {@code HeNormal} with explicit fan axes.
   *
   * @param seed the seed, or null for a drawn one
   * @param inputAxes the axes counted in fan-in, or null for Keras's default
   * @param outputAxes the axes counted in fan-out, or null for Keras's default
   */
  public HeNormal(Long seed, int[] inputAxes, int[] outputAxes) {
    super(PyNumber.of(2.0), "fan_in", "truncated_normal", seed, inputAxes, outputAxes);
  }

  /**
   * Keras's {@code HeNormal(seed)}.
   *
   * @param seed the seed, or null for a drawn one
   */
  public HeNormal(Long seed) {
    this(seed, null, null);
  }

  /** Keras's {@code HeNormal()}: every argument at its default. */
  public HeNormal() {
    this(null, null, null);
  }

  /**
   * Rebuilds a initializer from its config (Keras's {@code HeNormal.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static HeNormal fromConfig(Config c) {
    return new HeNormal(readSeed(c), readAxes(c, "input_axes"), readAxes(c, "output_axes"));
  }

  @Override
  public Config getConfig() {
    return presetConfig();
  }
}
