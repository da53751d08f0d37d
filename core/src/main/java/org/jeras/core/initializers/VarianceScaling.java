package org.jeras.core.initializers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.util.List;
import java.util.Locale;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.PyNumber;
import org.jeras.core.random.RandomOps;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code VarianceScaling}: values with variance {@code scale / n}, n being the fan-in, the
 * fan-out or their average; drawn from a normal truncated at two standard deviations (its
 * standard deviation corrected by 0.8796...), an untruncated normal, or a uniform on
 * {@code [-sqrt(3 scale / n), sqrt(3 scale / n)]}. The Glorot, He and Lecun initializers are
 * presets of it that serialize under their own names with only {@code seed, input_axes,
 * output_axes}.
 */
public class VarianceScaling extends RandomInitializer {
  /** Standard deviation of a standard normal truncated to (-2, 2). */
  static final double TRUNCATED_STDDEV = 0.87962566103423978;
  private static final List<String> MODES = List.of("fan_in", "fan_out", "fan_avg");
  private static final List<String> DISTRIBUTIONS = List.of("uniform", "truncated_normal", "untruncated_normal");

  private final Number scale;
  private final String mode;
  private final String distribution;
  private final int[] inputAxes;
  private final int[] outputAxes;

  /**
   * @param mode {@code fan_in}, {@code fan_out} or {@code fan_avg}
   * @param distribution {@code truncated_normal} ({@code normal} is an alias), {@code
   *     untruncated_normal} or {@code uniform}
   * @param inputAxes with {@code outputAxes}, the axes whose sizes multiply into the fans (else
   *     Keras's default: a conv kernel's receptive field times its last two axes)
   */
  VarianceScaling(Number scale, String mode, String distribution, Long seed, int[] inputAxes, int[] outputAxes) {
    super(seed);
    if (!(scale.doubleValue() > 0)) {
      throw new ConfigException("Config key 'scale' must be a positive float, got " + scale);
    }
    if (!MODES.contains(mode)) {
      throw new ConfigException("Config key 'mode' must be one of " + MODES + ", got '" + mode + "'");
    }
    String dist = distribution.toLowerCase(Locale.ROOT);
    dist = dist.equals("normal") ? "truncated_normal" : dist;
    if (!DISTRIBUTIONS.contains(dist)) {
      throw new ConfigException("Config key 'distribution' must be one of " + DISTRIBUTIONS + ", got '" + distribution + "'");
    }
    this.scale = scale;
    this.mode = mode;
    this.distribution = dist;
    this.inputAxes = inputAxes == null ? null : inputAxes.clone();
    this.outputAxes = outputAxes == null ? null : outputAxes.clone();
  }

  /**
   * Keras's {@code VarianceScaling} with explicit fan axes.
   *
   * @param scale the variance scale
   * @param mode {@code fan_in}, {@code fan_out} or {@code fan_avg}
   * @param distribution {@code truncated_normal}, {@code untruncated_normal} or {@code uniform}
   * @param seed the seed, or null for a drawn one
   * @param inputAxes the axes counted in fan-in, or null for Keras's default
   * @param outputAxes the axes counted in fan-out, or null for Keras's default
   */
  public VarianceScaling(double scale, String mode, String distribution, Long seed, int[] inputAxes,
      int[] outputAxes) {
    this(PyNumber.of(scale), mode, distribution, seed, inputAxes, outputAxes);
  }

  /**
   * Keras's {@code VarianceScaling(scale, mode, distribution, seed)}.
   *
   * @param scale the variance scale
   * @param mode {@code fan_in}, {@code fan_out} or {@code fan_avg}
   * @param distribution {@code truncated_normal}, {@code untruncated_normal} or {@code uniform}
   * @param seed the seed, or null for a drawn one
   */
  public VarianceScaling(double scale, String mode, String distribution, Long seed) {
    this(PyNumber.of(scale), mode, distribution, seed, null, null);
  }

  /**
   * Rebuilds a initializer from its config (Keras's {@code VarianceScaling.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static VarianceScaling fromConfig(Config c) {
    return new VarianceScaling(c.getNumber("scale", PyNumber.of(1.0)), c.getString("mode", "fan_in"),
        c.getString("distribution", "truncated_normal"), readSeed(c), readAxes(c, "input_axes"),
        readAxes(c, "output_axes"));
  }

  /** {@return the variance scale} */
  public double scale() {
    return scale.doubleValue();
  }

  /** {@return {@code fan_in}, {@code fan_out} or {@code fan_avg}} */
  public String mode() {
    return mode;
  }

  /** {@return the distribution's name} */
  public String distribution() {
    return distribution;
  }

  @Override
  public INDArray generate(long[] shape, DType dtype) {
    long[] fans = computeFans(shape, inputAxes, outputAxes);
    double n = switch (mode) {
      case "fan_in" -> fans[0];
      case "fan_out" -> fans[1];
      default -> (fans[0] + fans[1]) / 2.0;
    };
    double s = scale.doubleValue() / Math.max(1.0, n);
    return switch (distribution) {
      case "truncated_normal" -> RandomOps.truncatedNormal(shape, dtype, 0.0, Math.sqrt(s) / TRUNCATED_STDDEV, draws());
      case "untruncated_normal" -> RandomOps.normal(shape, dtype, 0.0, Math.sqrt(s), draws());
      default -> {
        double limit = Math.sqrt(3.0 * s);
        yield RandomOps.uniform(shape, dtype, -limit, limit, draws());
      }
    };
  }

  /**
   * Keras's {@code compute_fans}: {@code {fan_in, fan_out}} of a weight shape. Scalars count 1,
   * vectors their length, matrices {@code (in, out)}, and higher ranks are conv kernels
   * {@code (..., in, out)} whose leading axes multiply both fans.
   *
   * @param shape the weight's shape
   * @param inputAxes the axes counted in fan-in, or null
   * @param outputAxes the axes counted in fan-out, or null
   * @return the two fans
   */
  public static long[] computeFans(long[] shape, int[] inputAxes, int[] outputAxes) {
    int rank = shape.length;
    if (inputAxes != null && outputAxes != null) {
      return new long[] {product(shape, inputAxes), product(shape, outputAxes)};
    }
    if (rank == 0) {
      return new long[] {1, 1};
    }
    if (rank == 1) {
      return new long[] {shape[0], shape[0]};
    }
    long receptive = 1;
    for (int i = 0; i < rank - 2; i++) {
      receptive *= shape[i];
    }
    return new long[] {shape[rank - 2] * receptive, shape[rank - 1] * receptive};
  }

  private static long product(long[] shape, int[] axes) {
    long p = 1;
    for (int a : axes) {
      p *= shape[a < 0 ? a + shape.length : a];
    }
    return p;
  }

  @Override
  public Config getConfig() {
    return seedConfig().put("scale", number(scale)).put("mode", mode).put("distribution", distribution)
        .put("input_axes", axesJson(inputAxes)).put("output_axes", axesJson(outputAxes));
  }

  /** {@return the config of a named preset (GlorotUniform, HeNormal, ...): only seed and axes} */
  protected Config presetConfig() {
    return seedConfig().put("input_axes", axesJson(inputAxes)).put("output_axes", axesJson(outputAxes));
  }

  static int[] readAxes(Config c, String key) {
    return c.isSet(key) ? c.getInts(key) : null;
  }

  private static JsonElement axesJson(int[] axes) {
    if (axes == null) {
      return JsonNull.INSTANCE;
    }
    JsonArray a = new JsonArray();
    for (int x : axes) {
      a.add(x);
    }
    return a;
  }
}
