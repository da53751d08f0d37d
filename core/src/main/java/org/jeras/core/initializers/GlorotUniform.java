package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;

/** Keras's {@code GlorotUniform}: uniform in {@code ±sqrt(6 / (fan_in + fan_out))}. A {@link VarianceScaling} preset. */
public final class GlorotUniform extends VarianceScaling {
  public GlorotUniform(Long seed, int[] inputAxes, int[] outputAxes) {
    super(PyNumber.of(1.0), "fan_avg", "uniform", seed, inputAxes, outputAxes);
  }

  public GlorotUniform(Long seed) {
    this(seed, null, null);
  }

  public GlorotUniform() {
    this(null, null, null);
  }

  public static GlorotUniform fromConfig(Config c) {
    return new GlorotUniform(readSeed(c), readAxes(c, "input_axes"), readAxes(c, "output_axes"));
  }

  @Override
  public Config getConfig() {
    return presetConfig();
  }
}
