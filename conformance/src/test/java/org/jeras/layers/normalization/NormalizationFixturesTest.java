package org.jeras.layers.normalization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.conformance.Fixtures;
import org.jeras.layers.core.Activation;
import org.jeras.layers.core.Dense;
import org.jeras.conformance.KerasModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The normalization fixtures written by real Keras (torch and jax sets): each model is rebuilt
 * from its config.json, loaded by attribute path and compared with Keras's outputs; and Keras's
 * BatchNormalization training trajectory.
 */
class NormalizationFixturesTest {
  @ParameterizedTest
  @ValueSource(strings = {"batchnorm", "batchnorm_channels_first", "layernorm", "group_norm", "unit_norm"})
  void reproducesKerasOutputs(String name) {
    for (String set : KerasModels.sets(name)) {
      KerasModels.assertReproduces(set + name);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"batchnorm", "batchnorm_channels_first", "layernorm", "group_norm", "unit_norm"})
  void modelConfigRoundTrips(String name) {
    for (String set : KerasModels.sets(name)) {
      KerasModels.assertConfigRoundTrips(set + name);
    }
  }

  /**
   * Keras's recorded training run: Dense -> BatchNormalization(momentum=0.9) -> relu -> Dense,
   * categorical cross-entropy from logits, plain SGD (lr 0.1) written here. After each of the six
   * steps every weight, the moving mean and (biased) moving variance included, matches Keras's.
   */
  @Test
  void trainingTrajectoryMatchesKeras() {
    Map<String, INDArray> t = Fixtures.npz("trajectories/batchnorm.npz");
    Sequential model = new Sequential();
    model.add(Input.of(5));
    model.add(new Dense(8));
    model.add(new BatchNormalization().momentum(0.9));
    model.add(new Activation("relu"));
    model.add(new Dense(3));
    List<Variable> weights = model.weights();
    assertEquals(8, weights.size());
    for (int i = 0; i < 8; i++) {
      weights.get(i).assign(t.get("w0_" + i));
    }
    INDArray x = t.get("x");
    INDArray y = t.get("y");
    for (int step = 1; step <= 6; step++) {
      long b = (step - 1) % 3;
      INDArray xb = x.get(NDArrayIndex.interval(4 * b, 4 * b + 4), NDArrayIndex.all()).dup();
      INDArray yb = y.get(NDArrayIndex.interval(4 * b, 4 * b + 4), NDArrayIndex.all()).dup();
      List<INDArray> grads;
      Tensor loss;
      try (GradientTape tape = GradientTape.record()) {
        Tensor logits = model.apply(Tensor.of(xb), true);
        Tensor perSample = MathOps.neg(ReduceOps.sum(MathOps.mul(Tensor.of(yb), NnOps.logSoftmax(logits, -1)), false, -1));
        loss = ReduceOps.mean(perSample);
        grads = tape.gradient(loss, model.trainableWeights());
      }
      assertEquals(t.get("batch_loss_ref").getDouble(step - 1), loss.value().getDouble(0), 1e-5, "loss of step " + step);
      List<Variable> trainable = model.trainableWeights();
      for (int i = 0; i < trainable.size(); i++) {
        Variable v = trainable.get(i);
        v.assign(v.array().sub(grads.get(i).mul(0.1)));
      }
      for (int i = 0; i < 8; i++) {
        KerasModels.assertClose(t.get("w" + step + "_" + i), weights.get(i).array(),
            "weight " + weights.get(i).path() + " after step " + step);
      }
    }
  }

}
