package org.jeras.layers.attention;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.testing.TestData;
import org.jeras.layers.testing.TinyTraining;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Keras's GroupedQueryAttention: equal to multi-head attention whose key and value projections
 * repeat each shared head; masks, scores, gradients, config (real-Keras files: extra/layers3).
 */
class GroupedQueryAttentionTest {
  private static List<Tensor> call(Layer l, Tensor q, Tensor v, Map<String, Object> kwargs) {
    return l.apply(CallArgs.of(List.of(q, v), kwargs));
  }

  /** An MHA with the GQA's weights, each key/value head repeated for its group of query heads. */
  private static MultiHeadAttention asMultiHead(GroupedQueryAttention g, int heads, int headDim, Tensor q, Tensor v) {
    MultiHeadAttention m = f64(new MultiHeadAttention(heads, headDim));
    call(m, q, v, Map.of());
    int r = heads / (int) g.keyDense().kernel().shape().get(1);
    m.queryDense().kernel().assign(g.queryDense().kernel().array());
    m.queryDense().bias().assign(g.queryDense().bias().array());
    m.valueDense().kernel().assign(repeatHeads(g.valueDense().kernel().array(), r, 1));
    m.keyDense().kernel().assign(repeatHeads(g.keyDense().kernel().array(), r, 1));
    m.keyDense().bias().assign(repeatHeads(g.keyDense().bias().array(), r, 0));
    m.valueDense().bias().assign(repeatHeads(g.valueDense().bias().array(), r, 0));
    m.outputDense().kernel().assign(g.outputDense().kernel().array());
    m.outputDense().bias().assign(g.outputDense().bias().array());
    return m;
  }

  /** numpy's {@code repeat(a, r, axis)}. */
  private static INDArray repeatHeads(INDArray a, int r, int axis) {
    return ArrayOps.repeat(Tensor.of(a), r, axis).value();
  }

  private static GroupedQueryAttention randomized(GroupedQueryAttention g, Tensor q, Tensor v) {
    call(g, q, v, Map.of());
    long seed = 40;
    for (var w : g.weights()) {
      w.assign(TestData.uniform(seed++, -0.8, 0.8, w.shape().dims()));
    }
    return g;
  }

  @Test
  void equalsMultiHeadAttentionWithRepeatedKeyValueHeads() {
    Tensor q = Tensor.of(TestData.uniform(1, -1, 1, 2, 4, 6));
    Tensor v = Tensor.of(TestData.uniform(2, -1, 1, 2, 5, 6));
    GroupedQueryAttention g = randomized(f64(new GroupedQueryAttention(3, 4, 2)), q, v);
    MultiHeadAttention m = asMultiHead(g, 4, 3, q, v);
    INDArray mask = Nd4j.createFromArray(new boolean[][] {{true, true, true, false, false}, {true, true, true, true, true}});
    Tensor vm = v.withMask(Tensor.of(mask));
    for (Map<String, Object> kw : List.<Map<String, Object>>of(Map.of(), Map.of("use_causal_mask", true),
        Map.of("return_attention_scores", true, "use_causal_mask", true))) {
      List<Tensor> want = call(m, q, vm, kw);
      List<Tensor> got = call(g, q, vm, kw);
      assertEquals(want.size(), got.size());
      for (int i = 0; i < want.size(); i++) {
        assertTrue(got.get(i).value().equalsWithEps(want.get(i).value(), 1e-10), kw + " output " + i);
      }
    }
    List<Tensor> scored = call(g, q, v, Map.of("return_attention_scores", true));
    assertArrayEquals(new long[] {2, 4, 4, 5}, scored.get(1).value().shape());
  }

  @Test
  void slidingWindowAndFullyMaskedQueryRows() {
    Tensor x = Tensor.of(TestData.uniform(3, -1, 1, 1, 5, 4));
    GroupedQueryAttention g = randomized(f64(new GroupedQueryAttention(2, 2, 1).slidingWindow(2)), x, x);
    INDArray scores = call(g, x, x, Map.of("return_attention_scores", true)).get(1).value();
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        assertEquals(Math.abs(i - j) < 2, scores.getDouble(0, 1, i, j) > 0, "window at " + i + "," + j);
      }
    }
    // In float32, as Keras's files: Jeras's masked Softmax in float64 gives NaN for fully masked rows.
    GroupedQueryAttention g32 = new GroupedQueryAttention(2, 2, 1).slidingWindow(2);
    Tensor x32 = Tensor.of(x.value().castTo(DataType.FLOAT));
    Tensor masked = x32.withMask(Tensor.of(Nd4j.createFromArray(new boolean[][] {{true, true, true, true, false}})));
    List<Tensor> out = call(g32, masked, x32, Map.of("return_attention_scores", true));
    assertEquals(0.0, out.get(1).value().get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(4),
        NDArrayIndex.all()).sumNumber().doubleValue(), 0, "the masked softmax zeroes a fully masked query row");
    assertNotNull(out.get(0).mask(), "the output keeps the query's mask");
  }

  @Test
  void gradients() {
    INDArray q = TestData.uniform(4, -1, 1, 2, 3, 4);
    INDArray v = TestData.uniform(5, -1, 1, 2, 4, 4);
    GroupedQueryAttention g = randomized(f64(new GroupedQueryAttention(2, 4, 2).useGate(true)),
        Tensor.of(q), Tensor.of(v));
    GradCheck.check(t -> call(g, t.get(0), t.get(1), Map.of("use_causal_mask", true)).get(0), q, v);
    GradCheck.checkVariables(() -> call(g, Tensor.of(q), Tensor.of(v), Map.of()).get(0), g.trainableWeights());
  }

  @Test
  void configRoundTripsWithKerasKeys() {
    GroupedQueryAttention g = new GroupedQueryAttention(8, 6, 3).dropout(0.1).useBias(false).useGate(true)
        .slidingWindow(4).seed(7L);
    Config c = g.getConfig();
    assertEquals(List.of("name", "trainable", "dtype", "head_dim", "num_query_heads", "num_key_value_heads", "use_bias",
        "use_gate", "sliding_window", "dropout", "kernel_initializer", "bias_initializer", "kernel_regularizer",
        "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint", "seed"),
        List.copyOf(c.json().keySet()));
    assertEquals(c.json(), GroupedQueryAttention.fromConfig(c).getConfig().json());
    assertNotNull(Registry.lookupBuiltin(Layer.class, "keras.layers", "GroupQueryAttention"));
    assertEquals("GroupQueryAttention", g.className());
    assertTrue(g.name().startsWith("grouped_query_attention"), "named after the Python class: " + g.name());
    ConfigException e = assertThrows(ConfigException.class, () -> new GroupedQueryAttention(4, 6, 4));
    assertTrue(e.getMessage().contains("num_query_heads"), e.getMessage());
    assertThrows(ConfigException.class, () -> new GroupedQueryAttention(4, 2, 1).slidingWindow(0));
  }

  @Test
  void trains() {
    Seeds.setGlobalSeed(11);
    INDArray x = TestData.uniform(6, -1, 1, 4, 3, 4);
    GroupedQueryAttention g = f64(new GroupedQueryAttention(2, 2, 1));
    call(g, Tensor.of(x), Tensor.of(x), Map.of());
    TinyTraining.assertLossFalls(() -> {
      Tensor d = MathOps.sub(call(g, Tensor.of(x), Tensor.of(x), Map.of()).get(0), Tensor.of(x));
      return ReduceOps.mean(MathOps.mul(d, d));
    }, g.trainableWeights(), 0.5, 60, 0.7);
  }
}
