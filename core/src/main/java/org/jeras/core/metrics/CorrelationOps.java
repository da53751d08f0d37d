package org.jeras.core.metrics;

import org.jeras.core.losses.LossOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code pearson_correlation} and {@code concordance_correlation} along one axis, per sample. */
final class CorrelationOps {
  private CorrelationOps() {}

  private static Tensor mean(Tensor x, int axis) {
    return ReduceOps.mean(x, true, axis);
  }

  /** Population variance along {@code axis}, kept as a size-1 axis. */
  private static Tensor var(Tensor x, int axis) {
    return mean(MathOps.square(MathOps.sub(x, mean(x, axis))), axis);
  }

  private static Tensor[] aligned(Tensor yTrue, Tensor yPred) {
    Tensor t = MathOps.cast(yTrue, yPred.dtype());
    return LossOps.squeezeOrExpand(t, yPred, true);
  }

  /** {@code mean(z(t) z(p))}, with {@code z} the standardized values. */
  static Tensor pearson(Tensor yTrue, Tensor yPred, int axis) {
    Tensor[] a = aligned(yTrue, yPred);
    Tensor t = MathOps.sub(a[0], mean(a[0], axis));
    Tensor p = MathOps.sub(a[1], mean(a[1], axis));
    t = MathOps.div(t, MathOps.sqrt(var(t, axis)));
    p = MathOps.div(p, MathOps.sqrt(var(p, axis)));
    return ReduceOps.mean(MathOps.mul(t, p), false, axis);
  }

  /**
   * Keras's concordance correlation: {@code mean(2 (t - mean(p)) (p - mean(p)) / (var(t) + var(p) +
   * (mean(t) - mean(p))^2 + eps))} (Keras centres the targets on the predictions' mean).
   */
  static Tensor concordance(Tensor yTrue, Tensor yPred, int axis) {
    Tensor[] a = aligned(yTrue, yPred);
    Tensor tMean = mean(a[0], axis);
    Tensor pMean = mean(a[1], axis);
    Tensor tVar = var(MathOps.sub(a[0], tMean), axis);
    Tensor pVar = var(MathOps.sub(a[1], pMean), axis);
    Tensor covar = MathOps.mul(MathOps.sub(a[0], pMean), MathOps.sub(a[1], pMean));
    Tensor norm = MathOps.add(MathOps.add(tVar, pVar), MathOps.square(MathOps.sub(tMean, pMean)));
    return ReduceOps.mean(MathOps.div(MathOps.mul(covar, 2.0), MathOps.add(norm, LossOps.EPSILON)), false, axis);
  }
}
