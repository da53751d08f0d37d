package org.jeras.layers.core;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.testing.TestData;
import org.jeras.layers.testing.TinyTraining;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Keras's ReversibleEmbedding: both directions, soft cap, gradients, config (real-Keras files: extra/layers3). */
class ReversibleEmbeddingTest {
  private static Tensor reverse(ReversibleEmbedding e, Tensor x) {
    return e.apply(CallArgs.of(List.of(x), Map.of("reverse", true))).get(0);
  }

  private static INDArray ids() {
    return Nd4j.createFromArray(new int[][] {{1, 4, 0}, {3, 2, 0}});
  }

  @Test
  void reverseProjectsThroughTheTransposedTableAndCapsLogits() {
    ReversibleEmbedding e = f64(new ReversibleEmbedding(7, 4).maskZero(true).logitSoftCap(0.5));
    Tensor h = e.apply(Tensor.of(ids()));
    assertNotNull(h.mask(), "the forward call masks id 0");
    INDArray x = TestData.uniform(1, -1, 1, 2, 3, 4);
    Tensor logits = reverse(e, Tensor.of(x));
    assertNull(logits.mask(), "the reverse call carries no mask");
    INDArray plain = x.reshape(6, 4).mmul(e.embeddings().array().transpose()).reshape(2, 3, 7);
    INDArray want = Transforms.tanh(plain.div(0.5)).mul(0.5);
    assertTrue(logits.value().equalsWithEps(want, 1e-12), "tanh(x E^T / cap) * cap");
    assertNull(e.reverseEmbeddings());
  }

  @Test
  void untiedUsesItsOwnReverseTable() {
    ReversibleEmbedding e = f64(new ReversibleEmbedding(5, 3).tieWeights(false));
    e.apply(Tensor.of(ids()));
    assertEquals(List.of("embeddings", "reverse_embeddings"), e.weights().stream().map(v -> v.name()).toList());
    INDArray x = TestData.uniform(2, -1, 1, 4, 3);
    assertTrue(reverse(e, Tensor.of(x)).value().equalsWithEps(x.mmul(e.reverseEmbeddings().array()), 1e-12));
  }

  @Test
  void gradients() {
    ReversibleEmbedding e = f64(new ReversibleEmbedding(6, 4).logitSoftCap(2.0));
    e.apply(Tensor.of(ids()));
    INDArray x = TestData.uniform(3, -1, 1, 2, 4);
    GradCheck.check(t -> reverse(e, t.get(0)), x);
    GradCheck.checkVariables(() -> reverse(e, Tensor.of(x)), e.trainableWeights());
    GradCheck.checkVariables(() -> e.apply(Tensor.of(ids())), e.trainableWeights());
    ReversibleEmbedding untied = f64(new ReversibleEmbedding(6, 4).tieWeights(false));
    untied.apply(Tensor.of(ids()));
    GradCheck.checkVariables(() -> reverse(untied, Tensor.of(x)), List.of(untied.reverseEmbeddings()));
  }

  @Test
  void configRoundTripsWithKerasKeys() {
    ReversibleEmbedding e = new ReversibleEmbedding(9, 4).tieWeights(false).reverseDtype(DType.FLOAT32)
        .logitSoftCap(30.0);
    Config c = e.getConfig();
    assertEquals(false, c.getBoolean("tie_weights"));
    assertEquals("float32", c.getString("reverse_dtype"));
    assertEquals(30.0, c.getDouble("logit_soft_cap"), 0);
    assertEquals(c.json(), ReversibleEmbedding.fromConfig(c).getConfig().json());
    Config defaults = new ReversibleEmbedding(3, 2).getConfig();
    assertTrue(defaults.json().get("logit_soft_cap").isJsonNull());
    assertTrue(defaults.json().get("reverse_dtype").isJsonNull());
    assertThrows(ConfigException.class, () -> new ReversibleEmbedding(0, 2));
    assertThrows(ConfigException.class, () -> ReversibleEmbedding.fromConfig(
        Config.parse("{\"input_dim\":3,\"output_dim\":2,\"quantization_config\":{\"mode\":\"int8\"}}")));
  }

  @Test
  void trainsTiedWeightsThroughBothCalls() {
    Seeds.setGlobalSeed(15);
    ReversibleEmbedding e = f64(new ReversibleEmbedding(5, 3));
    INDArray in = Nd4j.createFromArray(new int[][] {{1, 2, 3, 4}});
    e.apply(Tensor.of(in));
    // Next-token loss: a cross-entropy-like score of each id against its own embedding's logits.
    INDArray oneHot = Nd4j.zeros(DataType.DOUBLE, 1, 4, 5);
    for (int i = 0; i < 4; i++) {
      oneHot.putScalar(new int[] {0, i, i + 1}, 1.0);
    }
    TinyTraining.assertLossFalls(() -> {
      Tensor logits = reverse(e, e.apply(Tensor.of(in)));
      Tensor logProbs = NnOps.logSoftmax(logits, -1);
      return MathOps.mul(ReduceOps.sum(MathOps.mul(logProbs, Tensor.of(oneHot))), -1.0);
    }, e.trainableWeights(), 0.5, 20, 0.8);
  }
}
