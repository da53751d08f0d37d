package org.jeras.core.constraints;

import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras's {@code MaxNorm}: rescales the weight vectors along {@code axis} whose L2 norm exceeds
 * {@code max_value} (default the int {@code 2}, axis {@code 0}):
 * {@code w * clip(norm, 0, max) / (eps + norm)}.
 */
public final class MaxNorm implements Constraint {
  private final Number maxValue;
  private final NormAxes axis;

  private MaxNorm(Number maxValue, NormAxes axis) {
    this.maxValue = maxValue;
    this.axis = axis;
  }

  /**
   * Keras's {@code MaxNorm(max_value, axis)}.
   *
   * @param maxValue the largest norm allowed
   * @param axis the axis the norms are computed over
   */
  public MaxNorm(double maxValue, int axis) {
    this(PyNumber.of(maxValue), NormAxes.of(axis));
  }

  /**
   * Norms over several axes (e.g. {@code 0, 1, 2} for a Conv2D kernel); written as a list.
   *
   * @param maxValue the largest norm allowed
   * @param axes the axes the norms are computed over
   */
  public MaxNorm(double maxValue, int... axes) {
    this(PyNumber.of(maxValue), NormAxes.of(axes));
  }

  /** Keras's defaults: {@code max_value=2, axis=0}. */
  public MaxNorm() {
    this(2, NormAxes.of(0));
  }

  /**
   * Rebuilds a constraint from its config (Keras's {@code MaxNorm.from_config}).
   *
   * @param c the constraint's config
   * @return the constraint
   */
  public static MaxNorm fromConfig(Config c) {
    return new MaxNorm(c.getNumber("max_value", 2), NormAxes.read(c));
  }

  @Override
  public Tensor apply(Tensor weight) {
    INDArray w = weight.value();
    double max = maxValue.doubleValue();
    return Tensor.of(axis.rescale(w, norms -> Transforms.min(norms, max, false)));
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("max_value", new JsonPrimitive(maxValue)).put("axis", axis.json());
  }
}
