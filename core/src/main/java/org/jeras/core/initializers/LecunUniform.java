package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;

/** Keras's {@code LecunUniform}: uniform in {@code ±sqrt(3 / fan_in)}. A {@link VarianceScaling} preset. */
public final class LecunUniform extends VarianceScaling {
  public LecunUniform(Long seed, int[] inputAxes, int[] outputAxes) {
    super(PyNumber.of(1.0), "fan_in", "uniform", seed, inputAxes, outputAxes);
  }

  public LecunUniform(Long seed) {
    this(seed, null, null);
  }

  public LecunUniform() {
    this(null, null, null);
  }

  public static LecunUniform fromConfig(Config c) {
    return new LecunUniform(readSeed(c), readAxes(c, "input_axes"), readAxes(c, "output_axes"));
  }

  @Override
  public Config getConfig() {
    return presetConfig();
  }
}
