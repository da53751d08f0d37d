package org.jeras.core.constraints;

import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras's {@code MinMaxNorm}: moves each weight vector's L2 norm along {@code axis} towards
 * {@code [min_value, max_value]}: the desired norm is
 * {@code rate * clip(norm, min, max) + (1 - rate) * norm} (defaults 0.0, 1.0, 1.0, axis 0).
 */
public final class MinMaxNorm implements Constraint {
  private final Number minValue;
  private final Number maxValue;
  private final Number rate;
  private final NormAxes axis;

  private MinMaxNorm(Number minValue, Number maxValue, Number rate, NormAxes axis) {
    this.minValue = minValue;
    this.maxValue = maxValue;
    this.rate = rate;
    this.axis = axis;
  }

  /**
   * Keras's {@code MinMaxNorm(min_value, max_value, rate, axis)}.
   *
   * @param minValue the smallest norm
   * @param maxValue the largest norm
   * @param rate how far each step moves the norm into the range, in [0, 1]
   * @param axis the axis the norms are computed over
   */
  public MinMaxNorm(double minValue, double maxValue, double rate, int axis) {
    this(PyNumber.of(minValue), PyNumber.of(maxValue), PyNumber.of(rate), NormAxes.of(axis));
  }

  /**
   * Norms over several axes, written as a list.
   *
   * @param minValue the smallest norm
   * @param maxValue the largest norm
   * @param rate how far each step moves the norm into the range, in [0, 1]
   * @param axes the axes the norms are computed over
   */
  public MinMaxNorm(double minValue, double maxValue, double rate, int... axes) {
    this(PyNumber.of(minValue), PyNumber.of(maxValue), PyNumber.of(rate), NormAxes.of(axes));
  }

  /** Keras's {@code MinMaxNorm()}: every argument at its default. */
  public MinMaxNorm() {
    this(0.0, 1.0, 1.0, 0);
  }

  /**
   * Rebuilds a constraint from its config (Keras's {@code MinMaxNorm.from_config}).
   *
   * @param c the constraint's config
   * @return the constraint
   */
  public static MinMaxNorm fromConfig(Config c) {
    return new MinMaxNorm(c.getNumber("min_value", PyNumber.of(0.0)), c.getNumber("max_value", PyNumber.of(1.0)),
        c.getNumber("rate", PyNumber.of(1.0)), NormAxes.read(c));
  }

  @Override
  public Tensor apply(Tensor weight) {
    INDArray w = weight.value();
    double lo = minValue.doubleValue();
    double hi = maxValue.doubleValue();
    double r = rate.doubleValue();
    return Tensor.of(axis.rescale(w, norms -> {
      INDArray clipped = Transforms.min(Transforms.max(norms, lo, true), hi, false);
      return clipped.muli(r).addi(norms.mul(1 - r));
    }));
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("min_value", new JsonPrimitive(minValue)).put("max_value", new JsonPrimitive(maxValue))
        .put("rate", new JsonPrimitive(rate)).put("axis", axis.json());
  }
}
