package org.jeras.core.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients for the trajectory case that ships none ({@code batchnorm}): the fixture's model
 * Dense(8) -> BatchNormalization(epsilon 1e-3, batch statistics with the biased variance) -> ReLU ->
 * Dense(3) with softmax cross-entropy from logits, differentiated in float64 with the tape.
 */
final class TrajectoryGradients {
  private TrajectoryGradients() {}

  /** Gradients for weights {@code [k1, b1, gamma, beta, k2, b2]} on one batch. */
  static List<INDArray> batchnormMlp(List<INDArray> weights, INDArray x, INDArray y) {
    List<Variable> vars = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      vars.add(new Variable("w" + i, "w" + i, weights.get(i).castTo(DataType.DOUBLE), true));
    }
    try (GradientTape tape = GradientTape.record()) {
      Tensor h = MathOps.add(LinalgOps.matmul(Tensor.of(x.castTo(DataType.DOUBLE)), vars.get(0).read()),
          vars.get(1).read());
      Tensor mean = ReduceOps.mean(h, true, 0);
      Tensor centered = MathOps.sub(h, mean);
      Tensor variance = ReduceOps.mean(MathOps.square(centered), true, 0);
      Tensor normalized = MathOps.div(centered, MathOps.sqrt(MathOps.add(variance, 1e-3)));
      Tensor bn = MathOps.add(MathOps.mul(normalized, vars.get(2).read()), vars.get(3).read());
      Tensor logits = MathOps.add(LinalgOps.matmul(NnOps.relu(bn), vars.get(4).read()), vars.get(5).read());
      Tensor perSample = ReduceOps.sum(MathOps.mul(Tensor.of(y.castTo(DataType.DOUBLE)), NnOps.logSoftmax(logits, -1)),
          false, 1);
      Tensor loss = MathOps.neg(ReduceOps.mean(perSample));
      return tape.gradient(loss, vars);
    }
  }
}
