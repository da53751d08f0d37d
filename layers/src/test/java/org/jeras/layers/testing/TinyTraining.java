package org.jeras.layers.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A few steps of plain gradient descent written with the tape, for "the layer trains" tests. */
public final class TinyTraining {
  private TinyTraining() {}

  /** Runs {@code steps} steps of {@code w -= lr * dLoss/dw} and asserts the loss fell by at least {@code factor}. */
  public static void assertLossFalls(Supplier<Tensor> loss, List<Variable> vars, double lr, int steps, double factor) {
    assertTrue(!vars.isEmpty(), "nothing to train");
    double first = loss.get().value().getDouble(0);
    for (int s = 0; s < steps; s++) {
      List<INDArray> grads;
      try (GradientTape tape = GradientTape.record()) {
        grads = tape.gradient(loss.get(), vars);
      }
      for (int i = 0; i < vars.size(); i++) {
        Variable v = vars.get(i);
        v.assign(v.array().sub(grads.get(i).mul(lr)));
      }
    }
    double last = loss.get().value().getDouble(0);
    assertTrue(last < first * factor, "loss " + first + " -> " + last);
  }
}
