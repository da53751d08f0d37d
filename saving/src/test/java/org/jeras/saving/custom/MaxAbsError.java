package org.jeras.saving.custom;

import org.jeras.core.config.Config;
import org.jeras.core.metrics.MeanMetricWrapper;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/** An unregistered custom metric: the running mean of {@code max(abs(y_true - y_pred), axis=-1)}. */
public final class MaxAbsError extends MeanMetricWrapper {
  public MaxAbsError(String name, DType dtype) {
    super(name, dtype);
  }

  public MaxAbsError() {
    this("max_abs_error", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return ReduceOps.max(MathOps.abs(MathOps.sub(yTrue, yPred)), false, -1);
  }

  public static MaxAbsError fromConfig(Config config) {
    return new MaxAbsError(nameOf(config, "max_abs_error"), dtypeOf(config));
  }
}
