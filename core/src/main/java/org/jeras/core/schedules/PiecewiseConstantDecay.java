package org.jeras.core.schedules;

import com.google.gson.JsonArray;
import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;

/** {@code values[0]} up to and including {@code boundaries[0]}, then {@code values[i]} on {@code (b[i-1], b[i]]}, ... */
public final class PiecewiseConstantDecay implements LearningRateSchedule {
  private final long[] boundaries;
  private final double[] values;
  private final String name;

  /**
   * Keras's {@code PiecewiseConstantDecay}: {@code values[i]} up to {@code boundaries[i]}, the last value
   * after.
   *
   * @param boundaries the step boundaries, increasing
   * @param values one more value than boundaries
   * @param name the schedule's name, or null
   */
  public PiecewiseConstantDecay(long[] boundaries, double[] values, String name) {
    if (boundaries.length != values.length - 1) {
      throw new IllegalArgumentException("The length of boundaries should be 1 less than the length of values. "
          + "Received: boundaries=" + Arrays.toString(boundaries) + " of length " + boundaries.length
          + ", and values=" + Arrays.toString(values) + " of length " + values.length + ".");
    }
    this.boundaries = boundaries.clone();
    this.values = values.clone();
    this.name = name;
  }

  /**
   * Piecewise constant decay without a name.
   *
   * @param boundaries the step boundaries, increasing
   * @param values one more value than boundaries
   */
  public PiecewiseConstantDecay(long[] boundaries, double[] values) {
    this(boundaries, values, "PiecewiseConstant");
  }

  @Override
  public double at(long step) {
    int i = 0;
    while (i < boundaries.length && step > boundaries[i]) {
      i++;
    }
    return (float) values[i];
  }

  @Override
  public Config getConfig() {
    Config c = Config.empty();
    JsonArray b = new JsonArray();
    for (long x : boundaries) {
      b.add(x);
    }
    return c.put("boundaries", b).putDoubles("values", values).put("name", name);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the schedule's config
   * @return the schedule
   */
  public static PiecewiseConstantDecay fromConfig(Config c) {
    double[] raw = c.getDoubles("boundaries");
    long[] boundaries = new long[raw.length];
    for (int i = 0; i < raw.length; i++) {
      boundaries[i] = (long) raw[i];
      if (boundaries[i] != raw[i]) {
        throw new ConfigException(
            "Config key 'boundaries' must hold step numbers (integers), got " + c.get("boundaries"));
      }
    }
    return new PiecewiseConstantDecay(boundaries, c.getDoubles("values"), c.getString("name", "PiecewiseConstant"));
  }
}
