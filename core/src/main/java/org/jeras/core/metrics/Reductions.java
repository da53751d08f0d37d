package org.jeras.core.metrics;

import org.jeras.core.losses.LossOps;
import org.jeras.core.losses.Loss;
import org.jeras.core.losses.Reduction;
import org.jeras.core.ops.Broadcast;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Keras's {@code reduce_to_samplewise_values}, shared by {@link Mean} and {@link Sum}. */
final class Reductions {
  private Reductions() {}

  /** Per-sample values and weights: {@code [values, weights-or-null]}. */
  static INDArray[] samplewise(Tensor valuesTensor, Tensor sampleWeight, boolean mean, DataType dtype) {
    INDArray values = valuesTensor.value().castTo(dtype);
    INDArray weights = null;
    if (sampleWeight != null) {
      Tensor w = Tensor.of(sampleWeight.value().castTo(dtype));
      if (valuesTensor.mask() != null) {
        w = Loss.applyMask(w, valuesTensor.mask().value(), dtype, Reduction.SUM);
      }
      Tensor[] aligned = LossOps.squeezeOrExpand(Tensor.of(values), w, true);
      values = aligned[0].value();
      weights = aligned[1].value();
      int weightRank = weights.rank();
      if (values.rank() > weightRank) {
        values = reduce(values, weightRank, mean);
      }
      weights = Broadcast.to(weights, values.shape());
      values = values.mul(weights);
      if (weightRank > 1) {
        weights = reduce(weights, 1, mean);
      }
    }
    if (values.rank() > 1) {
      values = reduce(values, 1, mean);
    }
    return new INDArray[] {values, weights};
  }

  private static INDArray reduce(INDArray x, int fromAxis, boolean mean) {
    int[] axes = new int[x.rank() - fromAxis];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = fromAxis + i;
    }
    return mean ? x.mean(axes) : x.sum(axes);
  }
}
