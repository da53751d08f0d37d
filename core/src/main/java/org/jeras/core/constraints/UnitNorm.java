package org.jeras.core.constraints;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Keras's {@code UnitNorm}: {@code w / (eps + norm)}, norms along {@code axis} (default 0). */
public final class UnitNorm implements Constraint {
  private final NormAxes axis;

  private UnitNorm(NormAxes axis) {
    this.axis = axis;
  }

  /**
   * Keras's {@code UnitNorm(axis)}.
   *
   * @param axis the axis the norms are computed over
   */
  public UnitNorm(int axis) {
    this(NormAxes.of(axis));
  }

  /**
   * Norms over several axes, written as a list.
   *
   * @param axes the axes the norms are computed over
   */
  public UnitNorm(int... axes) {
    this(NormAxes.of(axes));
  }

  /** Keras's {@code UnitNorm()}: every argument at its default. */
  public UnitNorm() {
    this(0);
  }

  /**
   * Rebuilds a constraint from its config (Keras's {@code UnitNorm.from_config}).
   *
   * @param c the constraint's config
   * @return the constraint
   */
  public static UnitNorm fromConfig(Config c) {
    return new UnitNorm(NormAxes.read(c));
  }

  @Override
  public Tensor apply(Tensor weight) {
    INDArray w = weight.value();
    return Tensor.of(axis.rescale(w, norms -> norms.assign(1.0)));
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("axis", axis.json());
  }
}
