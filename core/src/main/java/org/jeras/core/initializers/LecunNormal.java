package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;

/** Keras's {@code LecunNormal}: truncated normal with standard deviation {@code sqrt(1 / fan_in)}. A {@link VarianceScaling} preset. */
public final class LecunNormal extends VarianceScaling {
  /**
   * Keras's {@code LecunNormal} with explicit fan axes.
   *
   * @param seed the seed, or null for a drawn one
   * @param inputAxes the axes counted in fan-in, or null for Keras's default
   * @param outputAxes the axes counted in fan-out, or null for Keras's default
   */
  public LecunNormal(Long seed, int[] inputAxes, int[] outputAxes) {
    super(PyNumber.of(1.0), "fan_in", "truncated_normal", seed, inputAxes, outputAxes);
  }

  /**
   * Keras's {@code LecunNormal(seed)}.
   *
   * @param seed the seed, or null for a drawn one
   */
  public LecunNormal(Long seed) {
    this(seed, null, null);
  }

  /** Keras's {@code LecunNormal()}: every argument at its default. */
  public LecunNormal() {
    this(null, null, null);
  }

  /**
   * Rebuilds a initializer from its config (Keras's {@code LecunNormal.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static LecunNormal fromConfig(Config c) {
    return new LecunNormal(readSeed(c), readAxes(c, "input_axes"), readAxes(c, "output_axes"));
  }

  @Override
  public Config getConfig() {
    return presetConfig();
  }
}
