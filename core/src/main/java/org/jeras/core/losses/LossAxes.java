package org.jeras.core.losses;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/**
 * The {@code axis} argument of the overlap losses (Dice, Tversky): None (every axis, one value for
 * the whole batch), one int, or a tuple of ints; written back in the form it was given.
 */
final class LossAxes {
  /** Every axis ({@code axis=None}). */
  static final LossAxes ALL = new LossAxes(null, false);

  private final int[] axes;
  private final boolean scalar;

  private LossAxes(int[] axes, boolean scalar) {
    this.axes = axes;
    this.scalar = scalar;
  }

  /**
   * One axis ({@code axis=-1}).
   *
   * @param axis the axis
   * @return the axes
   */
  static LossAxes of(int axis) {
    return new LossAxes(new int[] {axis}, true);
  }

  /**
   * Several axes ({@code axis=(1, 2, 3)}).
   *
   * @param axes the axes
   * @return the axes
   */
  static LossAxes of(int... axes) {
    return new LossAxes(axes.clone(), false);
  }

  /** The {@code axis} entry of a loss config: null, an int or a list of ints. */
  static LossAxes fromConfig(Config config) {
    if (!config.isSet("axis")) {
      return ALL;
    }
    JsonElement e = config.get("axis");
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      return of(config.getInt("axis"));
    }
    if (e.isJsonArray()) {
      return of(config.getInts("axis"));
    }
    throw new ConfigException("Config key 'axis': expected null, an int or a list of ints, got " + e);
  }

  /** {@return the axes, or null for every axis} */
  int[] axes() {
    return axes == null ? null : axes.clone();
  }

  /** The config value, in the form given. */
  JsonElement json() {
    if (axes == null) {
      return JsonNull.INSTANCE;
    }
    if (scalar) {
      return new JsonPrimitive(axes[0]);
    }
    JsonArray a = new JsonArray();
    Arrays.stream(axes).forEach(a::add);
    return a;
  }

  /** The sum over these axes (all of them for None). */
  Tensor sum(Tensor x) {
    if (axes == null) {
      return ReduceOps.sum(x);
    }
    for (int a : axes) {
      if (a < -x.rank() || a >= x.rank()) {
        throw new IllegalArgumentException("Loss axis " + a + " is out of range for inputs of rank " + x.rank());
      }
    }
    return ReduceOps.sum(x, false, axes);
  }
}
