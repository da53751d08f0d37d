package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;

/** Keras's {@code GlorotNormal}: truncated normal with standard deviation {@code sqrt(2 / (fan_in + fan_out))}. A {@link VarianceScaling} preset. */
public final class GlorotNormal extends VarianceScaling {
  public GlorotNormal(Long seed, int[] inputAxes, int[] outputAxes) {
    super(PyNumber.of(1.0), "fan_avg", "truncated_normal", seed, inputAxes, outputAxes);
  }

  public GlorotNormal(Long seed) {
    this(seed, null, null);
  }

  public GlorotNormal() {
    this(null, null, null);
  }

  public static GlorotNormal fromConfig(Config c) {
    return new GlorotNormal(readSeed(c), readAxes(c, "input_axes"), readAxes(c, "output_axes"));
  }

  @Override
  public Config getConfig() {
    return presetConfig();
  }
}
