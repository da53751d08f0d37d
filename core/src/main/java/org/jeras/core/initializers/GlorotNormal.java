package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;

/** Keras's {@code GlorotNormal}: truncated normal with standard deviation {@code sqrt(2 / (fan_in + fan_out))}. A {@link VarianceScaling} preset. */
public final class GlorotNormal extends VarianceScaling {
  /**
   * Keras's {@code GlorotNormal} with explicit fan axes.
   *
   * @param seed the seed, or null for a drawn one
   * @param inputAxes the axes counted in fan-in, or null for Keras's default
   * @param outputAxes the axes counted in fan-out, or null for Keras's default
   */
  public GlorotNormal(Long seed, int[] inputAxes, int[] outputAxes) {
    super(PyNumber.of(1.0), "fan_avg", "truncated_normal", seed, inputAxes, outputAxes);
  }

  /**
   * Keras's {@code GlorotNormal(seed)}.
   *
   * @param seed the seed, or null for a drawn one
   */
  public GlorotNormal(Long seed) {
    this(seed, null, null);
  }

  /** Keras's {@code GlorotNormal()}: every argument at its default. */
  public GlorotNormal() {
    this(null, null, null);
  }

  /**
   * Rebuilds a initializer from its config (Keras's {@code GlorotNormal.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static GlorotNormal fromConfig(Config c) {
    return new GlorotNormal(readSeed(c), readAxes(c, "input_axes"), readAxes(c, "output_axes"));
  }

  @Override
  public Config getConfig() {
    return presetConfig();
  }
}
