package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;

/** Keras's {@code GlorotUniform}: uniform in {@code ±sqrt(6 / (fan_in + fan_out))}. A {@link VarianceScaling} preset. */
public final class GlorotUniform extends VarianceScaling {
  /**
   * Keras's {@code GlorotUniform} with explicit fan axes.
   *
   * @param seed the seed, or null for a drawn one
   * @param inputAxes the axes counted in fan-in, or null for Keras's default
   * @param outputAxes the axes counted in fan-out, or null for Keras's default
   */
  public GlorotUniform(Long seed, int[] inputAxes, int[] outputAxes) {
    super(PyNumber.of(1.0), "fan_avg", "uniform", seed, inputAxes, outputAxes);
  }

  /**
   * Keras's {@code GlorotUniform(seed)}.
   *
   * @param seed the seed, or null for a drawn one
   */
  public GlorotUniform(Long seed) {
    this(seed, null, null);
  }

  /** Keras's {@code GlorotUniform()}: every argument at its default. */
  public GlorotUniform() {
    this(null, null, null);
  }

  /**
   * Rebuilds a initializer from its config (Keras's {@code GlorotUniform.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static GlorotUniform fromConfig(Config c) {
    return new GlorotUniform(readSeed(c), readAxes(c, "input_axes"), readAxes(c, "output_axes"));
  }

  @Override
  public Config getConfig() {
    return presetConfig();
  }
}
