package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;

/** Keras's {@code HeNormal}: truncated normal with standard deviation {@code sqrt(2 / fan_in)}. A {@link VarianceScaling} preset. */
public final class HeNormal extends VarianceScaling {
  public HeNormal(Long seed, int[] inputAxes, int[] outputAxes) {
    super(PyNumber.of(2.0), "fan_in", "truncated_normal", seed, inputAxes, outputAxes);
  }

  public HeNormal(Long seed) {
    this(seed, null, null);
  }

  public HeNormal() {
    this(null, null, null);
  }

  public static HeNormal fromConfig(Config c) {
    return new HeNormal(readSeed(c), readAxes(c, "input_axes"), readAxes(c, "output_axes"));
  }

  @Override
  public Config getConfig() {
    return presetConfig();
  }
}
