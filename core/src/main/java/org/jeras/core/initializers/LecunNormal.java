package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;

/** Keras's {@code LecunNormal}: truncated normal with standard deviation {@code sqrt(1 / fan_in)}. A {@link VarianceScaling} preset. */
public final class LecunNormal extends VarianceScaling {
  public LecunNormal(Long seed, int[] inputAxes, int[] outputAxes) {
    super(PyNumber.of(1.0), "fan_in", "truncated_normal", seed, inputAxes, outputAxes);
  }

  public LecunNormal(Long seed) {
    this(seed, null, null);
  }

  public LecunNormal() {
    this(null, null, null);
  }

  public static LecunNormal fromConfig(Config c) {
    return new LecunNormal(readSeed(c), readAxes(c, "input_axes"), readAxes(c, "output_axes"));
  }

  @Override
  public Config getConfig() {
    return presetConfig();
  }
}
