package org.jeras.layers.attention;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Input;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.activations.Softmax;
import org.jeras.layers.core.Axes;
import org.jeras.layers.core.Dense;
import org.jeras.layers.core.EinsumDense;
import org.jeras.layers.normalization.LayerNormalization;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** EinsumDense, Softmax and the attention layers: gradients, masks, configs, symbolic calls, training. */
class AttentionLayersTest {

  private static INDArray rand(long seed, long... shape) {
    return TestData.uniform(seed, -0.5, 0.5, shape);
  }

  private static Tensor first(Layer l, Object... positional) {
    return l.apply(CallArgs.of(List.of(positional), Map.of()), CallContext.INFERENCE).get(0);
  }

  private static List<Tensor> call(Layer l, List<Object> args, Map<String, Object> kwargs) {
    return l.apply(CallArgs.of(args, kwargs), CallContext.INFERENCE);
  }

  @Test
  void einsumDenseShapesAndGradients() {
    EinsumDense d = f64(new EinsumDense("abc,cde->abde", Shape.of(Shape.UNKNOWN, 2, 3), "de")).activation("tanh");
    INDArray x = rand(1, 2, 4, 5);
    assertArrayEquals(new long[] {2, 4, 2, 3}, d.apply(Tensor.of(x)).value().shape());
    assertEquals(Shape.of(5, 2, 3), d.kernel().shape());
    assertEquals(Shape.of(2, 3), d.bias().shape());
    GradCheck.check(t -> d.apply(t.get(0)), x);
    GradCheck.checkVariables(() -> d.apply(Tensor.of(x)), d.trainableWeights());

    EinsumDense ellipsis = f64(new EinsumDense("...b,bc->...c", 3, "c"));
    assertEquals(Shape.of(Shape.UNKNOWN, 7, 3), ellipsis.computeOutputShape(Shape.of(Shape.UNKNOWN, 7, 4)));
    GradCheck.check(t -> ellipsis.apply(t.get(0)), rand(2, 2, 7, 4));
    EinsumDense right = new EinsumDense("ab...,bc->ac...", 3, "c");
    right.build(Shape.of(Shape.UNKNOWN, 4, 5), true);
    assertEquals(Shape.of(3, 1), right.bias().shape(), "trailing ellipsis dims give the bias size-1 axes");
    assertEquals(Shape.of(Shape.UNKNOWN, 3, 5), right.computeOutputShape(Shape.of(Shape.UNKNOWN, 4, 5)));

    EinsumDense fromInt = EinsumDense.fromConfig(Config.empty().put("equation", "ab,bc->ac").put("output_shape", 3)
        .put("bias_axes", "c"));
    assertEquals("[3]", fromInt.getConfig().get("output_shape").toString(), "an int output_shape is written as a list");
    assertThrows(ConfigException.class, () -> EinsumDense.fromConfig(Config.empty().put("equation", "ab,bc->ac")
        .put("output_shape", 3).put("lora_rank", 4)));
    assertThrows(ConfigException.class, () -> new EinsumDense("ab,bc", 3, null));
    assertThrows(ConfigException.class, () -> new EinsumDense("ab,bc->ac", 3, "z"));
    assertThrows(ConfigException.class,
        () -> new EinsumDense("abc,cd->abd", Shape.of(7, 5), null).build(Shape.of(-1, 4, 6), true));
  }

  @Test
  void einsumDenseKernelFansUseItsAxes() {
    // Glorot over a (6, 2, 3) kernel of "abc,cde->abde": fans are 6 in and 2 * 3 out, not Keras's conv fans.
    EinsumDense d = new EinsumDense("abc,cde->abde", Shape.of(Shape.UNKNOWN, 2, 3), "de");
    d.build(Shape.of(Shape.UNKNOWN, 4, 6), true);
    double limit = Math.sqrt(6.0 / (6 + 6));
    double max = d.kernel().array().amaxNumber().doubleValue();
    assertTrue(max <= limit && max > 0.6 * limit, "max |kernel| " + max + " vs limit " + limit);
    assertTrue(d.getConfig().getConfig("kernel_initializer").getConfig("config").get("input_axes").isJsonNull(),
        "the layer's config keeps the initializer as given");
  }

  @Test
  void softmaxLayerMasksAndAxes() {
    INDArray x = rand(3, 2, 3, 4);
    Softmax s = f64(new Softmax(Axes.list(1, 2)));
    INDArray y = s.apply(Tensor.of(x)).value();
    assertEquals(1.0, y.sum(1, 2).getDouble(0), 1e-12);
    INDArray mask = Nd4j.createFromArray(new boolean[][] {{true, false, true, true}});
    Softmax last = f64(new Softmax());
    Tensor masked = first(last, Tensor.of(x).withMask(Tensor.of(mask)));
    assertEquals(0.0, masked.value().getDouble(1, 2, 1));
    assertEquals(1.0, masked.value().sum(-1).getDouble(1, 2), 1e-12);
    assertEquals(mask, masked.mask().value(), "the mask the call received stays on the output");
    Map<String, Object> none = new HashMap<>();
    none.put("mask", null);
    Tensor viaNone = last.apply(CallArgs.of(List.of(Tensor.of(x).withMask(Tensor.of(mask))), none),
        CallContext.INFERENCE).get(0);
    assertEquals(masked.value(), viaNone.value(), "mask=None falls back to the input's Keras mask");
    GradCheck.check(t -> s.apply(t.get(0)), x);
    GradCheck.check(t -> last.apply(CallArgs.of(List.of(t.get(0)), Map.of("mask", Tensor.of(mask))),
        CallContext.INFERENCE).get(0), x);
  }

  @Test
  void multiHeadAttentionGradients() {
    INDArray q = rand(4, 1, 3, 3);
    INDArray v = rand(5, 1, 4, 2);
    MultiHeadAttention self = f64(new MultiHeadAttention(2, 2));
    List<Object> selfArgs = new ArrayList<>(List.of(Tensor.of(q), Tensor.of(q)));
    Map<String, Object> causal = Map.of("use_causal_mask", true, "return_attention_scores", true);
    List<Tensor> outs = call(self, selfArgs, causal);
    assertArrayEquals(new long[] {1, 2, 3, 3}, outs.get(1).value().shape());
    assertEquals(0.0, outs.get(1).value().getDouble(0, 1, 0, 2), "causal: no attention to later positions");
    GradCheck.check(t -> call(self, List.of(t.get(0), t.get(0)), causal).get(0), q);

    MultiHeadAttention cross = f64(new MultiHeadAttention(2, 1)).valueDim(2).outputShape(2).useGate(true);
    INDArray am = Nd4j.createFromArray(new int[][] {{1, 1, 0, 1}, {1, 0, 1, 1}, {0, 1, 1, 1}});
    Map<String, Object> masked = Map.of("attention_mask", Tensor.of(am.reshape(1, 3, 4)));
    Tensor y = call(cross, List.of(Tensor.of(q), Tensor.of(v)), masked).get(0);
    assertArrayEquals(new long[] {1, 3, 2}, y.value().shape());
    GradCheck.check(t -> call(cross, List.of(t.get(0), t.get(1)), masked).get(0), q, v);
    GradCheck.checkVariables(() -> call(cross, List.of(Tensor.of(q), Tensor.of(v)), masked).get(0),
        cross.trainableWeights());

    MultiHeadAttention grid = f64(new MultiHeadAttention(2, 1)).attentionAxes(1, 2);
    INDArray g = rand(6, 1, 2, 2, 2);
    GradCheck.check(t -> first(grid, t.get(0), t.get(0)), g);
  }

  @Test
  void multiHeadAttentionMasksCombineAsKeras() {
    INDArray q = rand(7, 2, 3, 4);
    INDArray v = rand(8, 2, 5, 4);
    MultiHeadAttention mha = new MultiHeadAttention(2, 3);
    mha.apply(CallArgs.of(List.of(Tensor.of(q), Tensor.of(v)), Map.of()), CallContext.INFERENCE);
    INDArray qMask = Nd4j.createFromArray(new boolean[][] {{true, true, false}, {true, false, true}});
    INDArray vMask = Nd4j.createFromArray(new boolean[][] {{true, false, true, true, false}, {true, true, true, false, true}});
    Tensor query = Tensor.of(q).withMask(Tensor.of(qMask));
    Tensor value = Tensor.of(v).withMask(Tensor.of(vMask));
    List<Tensor> viaMasks = call(mha, List.of(query, value), Map.of("return_attention_scores", true));
    // The same as an explicit (B, T, S) mask: query_mask[:, :, None] & value_mask[:, None, :].
    INDArray explicit = Nd4j.zeros(DataType.INT32, 2, 3, 5);
    for (int b = 0; b < 2; b++) {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 5; j++) {
          explicit.putScalar(new int[] {b, i, j}, qMask.getDouble(b, i) * vMask.getDouble(b, j));
        }
      }
    }
    List<Tensor> viaExplicit = call(mha, List.of(Tensor.of(q), Tensor.of(v)),
        Map.of("attention_mask", Tensor.of(explicit), "return_attention_scores", true));
    assertEquals(viaExplicit.get(0).value(), viaMasks.get(0).value());
    assertEquals(viaExplicit.get(1).value(), viaMasks.get(1).value());
    assertEquals(0.0, viaMasks.get(1).value().getDouble(0, 1, 0, 1), "masked value position gets no weight");
    assertEquals(qMask, viaMasks.get(0).mask().value(), "the output keeps the query's mask");
    assertNull(viaMasks.get(1).mask(), "the scores carry no mask");
    // Values at masked positions cannot change the output (on the masked-softmax path; see
    // fullyMaskedQueryRowsFollowKerasAttentionPath for rows with every key masked).
    INDArray v2 = v.dup();
    v2.putScalar(new int[] {0, 1, 2}, 100.0);
    Tensor changed = call(mha, List.of(query, Tensor.of(v2).withMask(Tensor.of(vMask))),
        Map.of("return_attention_scores", true)).get(0);
    assertEquals(viaMasks.get(0).value(), changed.value());
  }

  @Test
  void fullyMaskedQueryRowsFollowKerasAttentionPath() {
    // Without dropout or returned scores Keras runs ops.dot_product_attention, where a query row
    // with every key masked attends uniformly; the masked-softmax path zeroes that row instead.
    INDArray q = rand(11, 2, 3, 4);
    INDArray v = rand(12, 2, 5, 4);
    INDArray qMask = Nd4j.createFromArray(new boolean[][] {{true, true, false}, {true, true, true}});
    MultiHeadAttention fused = new MultiHeadAttention(2, 3);
    Tensor query = Tensor.of(q).withMask(Tensor.of(qMask));
    INDArray uniform = call(fused, List.of(query, Tensor.of(v)), Map.of()).get(0).value();
    INDArray zeroed = call(fused, List.of(query, Tensor.of(v)), Map.of("return_attention_scores", true)).get(0).value();
    INDArray row = uniform.get(NDArrayIndex.point(0), NDArrayIndex.point(2), NDArrayIndex.all());
    assertEquals(0.0, zeroed.get(NDArrayIndex.point(0), NDArrayIndex.point(2), NDArrayIndex.all()).norm2Number().doubleValue(),
        "masked softmax: no attention, only the (zero) output bias");
    assertTrue(row.norm2Number().doubleValue() > 1e-3, "dot-product attention: the mean of the values");
    // Uniform attention does not depend on the query there.
    INDArray q2 = q.dup();
    q2.putScalar(new int[] {0, 2, 1}, 5.0);
    INDArray moved = call(fused, List.of(Tensor.of(q2).withMask(Tensor.of(qMask)), Tensor.of(v)), Map.of()).get(0).value();
    assertTrue(row.equalsWithEps(moved.get(NDArrayIndex.point(0), NDArrayIndex.point(2), NDArrayIndex.all()), 1e-6));
    // Rows with a key to attend to agree on both paths.
    for (int[] bt : new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 2}}) {
      assertTrue(uniform.get(NDArrayIndex.point(bt[0]), NDArrayIndex.point(bt[1]), NDArrayIndex.all()).equalsWithEps(
          zeroed.get(NDArrayIndex.point(bt[0]), NDArrayIndex.point(bt[1]), NDArrayIndex.all()), 1e-6));
    }
    // With dropout (even in inference) Keras takes the masked-softmax path.
    MultiHeadAttention withDropout = new MultiHeadAttention(2, 3).dropout(0.3);
    INDArray dropped = call(withDropout, List.of(query, Tensor.of(v)), Map.of()).get(0).value();
    assertEquals(0.0, dropped.get(NDArrayIndex.point(0), NDArrayIndex.point(2), NDArrayIndex.all()).norm2Number().doubleValue());
  }

  @Test
  void convertToTensorOpLoadsFromKerasGraphs() {
    // As Keras writes it when Attention's output mask feeds another layer.
    JsonObject dict = JsonParser.parseString("{\"module\": \"keras.src.ops.core\", "
        + "\"class_name\": \"ConvertToTensor\", \"config\": {\"name\": \"convert_to_tensor_1\", "
        + "\"dtype\": null, \"sparse\": null, \"ragged\": null}, \"registered_name\": \"ConvertToTensor\"}")
        .getAsJsonObject();
    Layer op = Serialization.deserialize(dict, Layer.class);
    assertEquals(dict, Serialization.serialize(op));
    INDArray mask = Nd4j.createFromArray(new boolean[][] {{true, false}});
    Tensor out = op.apply(CallArgs.of(List.of(Tensor.of(mask)), Map.of()), CallContext.INFERENCE).get(0);
    assertEquals(mask, out.value());
    assertNull(out.mask());
    Layer toFloat = Serialization.deserialize(JsonParser.parseString("{\"module\": \"keras.src.ops.core\", "
        + "\"class_name\": \"ConvertToTensor\", \"config\": {\"name\": \"c\", \"dtype\": \"float32\", "
        + "\"sparse\": false, \"ragged\": null}}"), Layer.class);
    INDArray cast = toFloat.apply(CallArgs.of(List.of(Tensor.of(mask)), Map.of()), CallContext.INFERENCE).get(0).value();
    assertEquals(Nd4j.createFromArray(new float[][] {{1f, 0f}}), cast);
    assertEquals(false, toFloat.getConfig().json().get("sparse").getAsBoolean());
  }

  @Test
  void multiHeadAttentionDropoutOnlyInTraining() {
    INDArray q = rand(9, 2, 4, 4);
    MultiHeadAttention mha = new MultiHeadAttention(2, 2).dropout(0.5).seed(3L);
    CallArgs args = CallArgs.of(List.of(Tensor.of(q), Tensor.of(q)), Map.of());
    INDArray inference = mha.apply(args, CallContext.INFERENCE).get(0).value();
    assertEquals(inference, mha.apply(args, CallContext.INFERENCE).get(0).value());
    assertNotEquals(inference, mha.apply(args, CallContext.TRAINING).get(0).value());
    assertEquals(inference, mha.apply(args.with("training", false), CallContext.TRAINING).get(0).value(),
        "an explicit training=False wins over the context");
  }

  @Test
  void attentionLayersGradientsAndMasks() {
    INDArray q = rand(10, 2, 3, 4);
    INDArray v = rand(11, 2, 5, 4);
    INDArray k = rand(12, 2, 5, 4);
    INDArray vMask = Nd4j.createFromArray(new boolean[][] {{true, false, true, true, false}, {true, true, true, false, true}});
    for (Attention a : List.of(f64(new Attention(true, "dot", 0.0, null)), f64(new Attention(true, "concat", 0.0, null)),
        f64(new AdditiveAttention()), f64(new AdditiveAttention(false, 0.0, null)))) {
      a.apply(List.of(Tensor.of(q), Tensor.of(v), Tensor.of(k)));
      if (a.scale() != null) {
        a.scale().assign(a.scale().array().add(0.5));
      }
      GradCheck.check(t -> a.apply(List.of(t.get(0), t.get(1), t.get(2))), q, v, k);
      GradCheck.checkVariables(() -> a.apply(List.of(Tensor.of(q), Tensor.of(v), Tensor.of(k))), a.trainableWeights());
      List<Tensor> scored = a.apply(CallArgs.of(List.of(List.of(Tensor.of(q), Tensor.of(v).withMask(Tensor.of(vMask)))),
          Map.of("return_attention_scores", true)), CallContext.INFERENCE);
      assertEquals(0.0, scored.get(1).value().getDouble(0, 2, 1), 1e-12, a.className() + ": masked key");
      assertEquals(1.0, scored.get(1).value().sum(-1).getDouble(1, 2), 1e-12);
      INDArray causal = a.apply(CallArgs.of(List.of(List.of(Tensor.of(q), Tensor.of(q))),
          Map.of("use_causal_mask", true, "return_attention_scores", true)), CallContext.INFERENCE).get(1).value();
      assertEquals(0.0, causal.getDouble(1, 0, 2), 1e-12, a.className() + ": causal");
    }
    INDArray qMask = Nd4j.createFromArray(new boolean[][] {{true, false, true}, {true, true, true}});
    Tensor out = new Attention().apply(List.of(Tensor.of(q).withMask(Tensor.of(qMask)), Tensor.of(v)));
    assertEquals(0.0, out.value().slice(0).getRow(1).amaxNumber().doubleValue(), "masked queries give zeros");
    assertEquals(qMask, out.mask().value());
  }

  @Test
  void configsRoundTripWithKerasKeysAndDefaults() {
    List<Layer> layers = List.of(new EinsumDense("ab,bc->ac", 4, "c").activation("relu"),
        new MultiHeadAttention(2, 3).valueDim(4).dropout(0.1).useBias(false).outputShape(6).attentionAxes(1)
            .slidingWindow(2).seed(5L),
        new MultiHeadAttention(1, 2), new Attention(true, "concat", 0.2, 7L), new AdditiveAttention(),
        new Softmax(Axes.list(1, 2)), new Softmax());
    for (Layer l : layers) {
      Config c = l.getConfig();
      Layer back = Serialization.deserialize(Serialization.serialize(l), Layer.class);
      assertEquals(c, back.getConfig(), l.className());
    }
    assertEquals(List.of("name", "trainable", "dtype", "num_heads", "key_dim", "value_dim", "dropout", "use_bias",
        "use_gate", "output_shape", "attention_axes", "sliding_window", "kernel_initializer", "bias_initializer",
        "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint", "seed"),
        List.copyOf(new MultiHeadAttention(1, 2).getConfig().json().keySet()));
    assertEquals(List.of("name", "trainable", "dtype", "output_shape", "equation", "activation", "bias_axes",
        "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint", "quantization_config"),
        List.copyOf(new EinsumDense("ab,bc->ac", 2, null).getConfig().json().keySet()));
    assertEquals(List.of("name", "trainable", "dtype", "use_scale", "dropout", "seed"),
        List.copyOf(new AdditiveAttention().getConfig().json().keySet()));
    assertEquals(List.of("name", "trainable", "dtype", "axis"), List.copyOf(new Softmax().getConfig().json().keySet()));
    // Keras's defaults: value_dim = key_dim, attention_axes unset until built.
    Config mha = new MultiHeadAttention(1, 2).getConfig();
    assertEquals(2, mha.getInt("value_dim"));
    assertTrue(mha.get("attention_axes").isJsonNull());
    assertEquals(true, new AdditiveAttention().getConfig().getBoolean("use_scale"));
    assertEquals(false, new Attention().getConfig().getBoolean("use_scale"));
    assertThrows(ConfigException.class, () -> new Attention(false, "general", 0.0, null));
    assertThrows(ConfigException.class, () -> new MultiHeadAttention(0, 2));
  }

  @Test
  void symbolicCallsRecordShapesAndOutputs() {
    Tensor q = Input.of(4, 6);
    Tensor v = Input.of(5, 3);
    MultiHeadAttention mha = new MultiHeadAttention(2, 4);
    List<Tensor> out = mha.apply(CallArgs.of(List.of(q, v), Map.of("key", v, "return_attention_scores", true)));
    assertEquals(Shape.of(Shape.UNKNOWN, 4, 6), out.get(0).shape());
    assertEquals(Shape.of(Shape.UNKNOWN, 2, 4, 5), out.get(1).shape());
    JsonObject shapes = mha.getBuildConfig().getAsJsonObject("shapes_dict");
    assertEquals(List.of("query_shape", "value_shape", "key_shape"), List.copyOf(shapes.keySet()));
    assertEquals(List.of(3L, 2L, 4L), List.of(mha.keyDense().kernel().shape().dims()[0], 2L, 4L));
    assertEquals(Shape.of(2, 4, 6), mha.outputDense().kernel().shape());
    Tensor a = new Attention().apply(List.of(q, Input.of(5, 6)));
    assertEquals(Shape.of(Shape.UNKNOWN, 4, 6), a.shape());
  }

  /** A tiny attention model learns a target by plain gradient descent. */
  @Test
  void trains() {
    // Seeded: the initial weights come from Keras's initializers, which draw from the global seed.
    Seeds.setGlobalSeed(7);
    INDArray x = rand(20, 8, 4, 3);
    INDArray target = x.sum(1).muli(0.5);
    MultiHeadAttention mha = new MultiHeadAttention(2, 3);
    AdditiveAttention add = new AdditiveAttention();
    Attention dot = new Attention(true, "dot", 0.0, null);
    LayerNormalization ln = new LayerNormalization();
    Dense head = new Dense(3);
    List<Variable> vars = new ArrayList<>();
    double first = 0;
    double last = 0;
    for (int step = 0; step < 30; step++) {
      try (GradientTape tape = GradientTape.record()) {
        Tensor in = Tensor.of(x.castTo(DataType.FLOAT));
        Tensor h = ln.apply(MathOps.add(in, first(mha, in, in)));
        h = add.apply(List.of(h, h));
        h = dot.apply(List.of(h, h));
        Tensor y = head.apply(ReduceOps.sum(h, false, 1));
        Tensor loss = ReduceOps.mean(MathOps.square(MathOps.sub(y, Tensor.of(target.castTo(DataType.FLOAT)))));
        if (vars.isEmpty()) {
          for (Layer l : List.of(mha, add, dot, ln, head)) {
            vars.addAll(l.trainableWeights());
          }
        }
        List<INDArray> grads = tape.gradient(loss, vars);
        for (int i = 0; i < vars.size(); i++) {
          vars.get(i).assign(vars.get(i).array().sub(grads.get(i).mul(0.05)));
        }
        last = loss.value().getDouble(0);
        if (step == 0) {
          first = last;
        }
      }
    }
    assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
  }
}
