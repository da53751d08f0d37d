package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;

/** Keras's {@code LecunUniform}: uniform in {@code ±sqrt(3 / fan_in)}. A {@link VarianceScaling} preset. */
public final class LecunUniform extends VarianceScaling {
  /**
   * Keras's {@code LecunUniform} with explicit fan axes.
   *
   * @param seed the seed, or null for a drawn one
   * @param inputAxes the axes counted in fan-in, or null for Keras's default
   * @param outputAxes the axes counted in fan-out, or null for Keras's default
   */
  public LecunUniform(Long seed, int[] inputAxes, int[] outputAxes) {
    super(PyNumber.of(1.0), "fan_in", "uniform", seed, inputAxes, outputAxes);
  }

  /**
   * Keras's {@code LecunUniform(seed)}.
   *
   * @param seed the seed, or null for a drawn one
   */
  public LecunUniform(Long seed) {
    this(seed, null, null);
  }

  /** Keras's {@code LecunUniform()}: every argument at its default. */
  public LecunUniform() {
    this(null, null, null);
  }

  /**
   * Rebuilds a initializer from its config (Keras's {@code LecunUniform.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static LecunUniform fromConfig(Config c) {
    return new LecunUniform(readSeed(c), readAxes(c, "input_axes"), readAxes(c, "output_axes"));
  }

  @Override
  public Config getConfig() {
    return presetConfig();
  }
}
