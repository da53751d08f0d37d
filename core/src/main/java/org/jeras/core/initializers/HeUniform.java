package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;

/** Keras's {@code HeUniform}: uniform in {@code ±sqrt(6 / fan_in)}. A {@link VarianceScaling} preset. */
public final class HeUniform extends VarianceScaling {
  public HeUniform(Long seed, int[] inputAxes, int[] outputAxes) {
    super(PyNumber.of(2.0), "fan_in", "uniform", seed, inputAxes, outputAxes);
  }

  public HeUniform(Long seed) {
    this(seed, null, null);
  }

  public HeUniform() {
    this(null, null, null);
  }

  public static HeUniform fromConfig(Config c) {
    return new HeUniform(readSeed(c), readAxes(c, "input_axes"), readAxes(c, "output_axes"));
  }

  @Override
  public Config getConfig() {
    return presetConfig();
  }
}
