package org.jeras.layers.rnn;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jeras.core.activations.Activations;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.config.SharingScope;
import org.jeras.core.constraints.Constraints;
import org.jeras.core.initializers.Initializer;
import org.jeras.core.initializers.Orthogonal;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.ops.RnnOps;
import org.jeras.core.random.Seeds;
import org.jeras.core.regularizers.Regularizers;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.core.Defaults;
import org.jeras.layers.core.Dense;
import org.jeras.layers.core.Embedding;
import org.jeras.layers.core.Masking;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Gradients (float64 finite differences), masking and direction semantics, configs and training. */
class RnnLayersTest {

  private static INDArray rand(long seed, long... shape) {
    return TestData.uniform(seed, -1.0, 1.0, shape);
  }

  /** Mask for batch 2, time 3: row 0 masks the middle step, row 1 the last two. */
  private static Tensor mask() {
    return Tensor.of(Nd4j.createFromArray(new boolean[][] {{true, false, true}, {true, false, false}}));
  }

  private static CallArgs call(Tensor x, Tensor mask, List<Tensor> init) {
    Map<String, Object> kw = new LinkedHashMap<>();
    if (init != null) {
      kw.put("initial_state", init);
    }
    if (mask != null) {
      kw.put("mask", mask);
    }
    return CallArgs.of(List.of(x), kw);
  }

  private static RNN make(String kind) {
    return switch (kind) {
      case "simple_rnn" -> new SimpleRNN(3);
      case "lstm" -> new LSTM(3);
      case "gru" -> new GRU(3);
      case "gru_reset_before" -> new GRU(3).resetAfter(false);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  // ------------------------------------------------------------------ gradients

  @ParameterizedTest
  @ValueSource(strings = {"simple_rnn", "lstm", "gru", "gru_reset_before"})
  void gradientsOfSequencesAndWeights(String kind) {
    RNN layer = f64(make(kind)).returnSequences(true);
    INDArray x = rand(1, 2, 3, 2);
    layer.apply(Tensor.of(x));
    GradCheck.check(t -> layer.apply(t.get(0)), x);
    GradCheck.checkVariables(() -> layer.apply(Tensor.of(x)), layer.trainableWeights());
  }

  @ParameterizedTest
  @ValueSource(strings = {"simple_rnn", "lstm", "gru", "gru_reset_before"})
  void gradientsWithMaskBackwardsAndStates(String kind) {
    RNN layer = f64(make(kind)).returnSequences(true).goBackwards(true).returnState(true);
    INDArray x = rand(2, 2, 3, 2);
    int n = layer.cell().stateCount();
    INDArray[] inputs = new INDArray[1 + n];
    inputs[0] = x;
    for (int i = 0; i < n; i++) {
      inputs[1 + i] = rand(3 + i, 2, 3);
    }
    Function<List<Tensor>, Tensor> f = t -> {
      List<Tensor> out = layer.apply(call(t.get(0), mask(), t.subList(1, t.size())));
      List<Tensor> flat = new ArrayList<>();
      flat.add(ArrayOps.reshape(out.get(0), 2, -1));
      flat.addAll(out.subList(1, out.size()));
      return ArrayOps.concat(flat, 1);
    };
    List<Tensor> fixed = new ArrayList<>();
    for (INDArray a : inputs) {
      fixed.add(Tensor.of(a));
    }
    f.apply(fixed);
    GradCheck.check(f, inputs);
    GradCheck.checkVariables(() -> f.apply(fixed), layer.trainableWeights());
  }

  @ParameterizedTest
  @ValueSource(strings = {"concat", "sum", "mul", "ave", "none"})
  void bidirectionalGradients(String mode) {
    Bidirectional bi = f64(new Bidirectional(new GRU(2).returnSequences(true), mode.equals("none") ? null : mode, null));
    INDArray x = rand(4, 2, 3, 2);
    Function<List<Tensor>, Tensor> f = t -> {
      List<Tensor> out = bi.apply(call(t.get(0), mask(), null));
      return out.size() == 1 ? out.get(0) : ArrayOps.concat(out, -1);
    };
    List<Tensor> plain = bi.apply(call(Tensor.of(x), mask(), null));
    // Keras 3.16's Bidirectional does not support masking: no returned sequence carries the mask.
    for (Tensor t : plain) {
      assertNull(t.mask());
    }
    GradCheck.check(f, x);
    if (mode.equals("concat")) {
      GradCheck.checkVariables(() -> f.apply(List.of(Tensor.of(x))), bi.trainableWeights());
    }
  }

  @Test
  void timeDistributedEmbeddingMaskingGradients() {
    TimeDistributed td = f64(new TimeDistributed(new Dense(2, "tanh")));
    INDArray x = rand(5, 2, 3, 4);
    td.apply(Tensor.of(x));
    GradCheck.check(t -> td.apply(t.get(0)), x);
    GradCheck.checkVariables(() -> td.apply(Tensor.of(x)), td.trainableWeights());

    Embedding emb = f64(new Embedding(5, 3));
    Tensor ids = Tensor.of(Nd4j.createFromArray(new int[][] {{1, 4, 1}, {0, 2, 3}}));
    emb.apply(ids);
    GradCheck.checkVariables(() -> emb.apply(ids), emb.trainableWeights());

    // Away from the mask boundary (no step all zero) Masking is the identity; at it, a step is cut.
    INDArray m = rand(6, 2, 3, 2);
    GradCheck.check(t -> f64(new Masking()).apply(t.get(0)), m);
    m.putScalar(new long[] {0, 1, 0}, 0.0);
    m.putScalar(new long[] {0, 1, 1}, 0.0);
    m.putScalar(new long[] {1, 2, 1}, 0.0);
    Tensor masked = f64(new Masking()).apply(Tensor.of(m));
    assertEquals(Nd4j.createFromArray(new boolean[][] {{true, false, true}, {true, true, true}}), masked.mask().value());
    assertEquals(m, masked.value());
    Tensor cut = f64(new Masking(m.getDouble(0, 0, 0))).apply(Tensor.of(m));
    assertEquals(m.getDouble(0, 0, 1), cut.value().getDouble(0, 0, 1));
  }

  // ------------------------------------------------------------------ semantics

  @ParameterizedTest
  @ValueSource(strings = {"simple_rnn", "lstm", "gru", "gru_reset_before"})
  void goBackwardsEqualsForwardOnReversedInputInWalkingOrder(String kind) {
    RNN fwd = f64(make(kind)).returnSequences(true);
    RNN back = f64(make(kind)).returnSequences(true).goBackwards(true);
    INDArray x = rand(8, 2, 3, 2);
    fwd.apply(Tensor.of(x));
    back.apply(Tensor.of(x));
    back.setWeights(fwd.getWeights());
    INDArray expected = fwd.apply(RnnOps.reverse(Tensor.of(x), 1)).value();
    assertTrue(expected.equalsWithEps(back.apply(Tensor.of(x)).value(), 1e-12));
  }

  /** An all-true mask sends LSTM through the step loop; unmasked it runs the fused lstmLayer op. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void fusedAndStepLoopLstmAgree(boolean backwards) {
    RNN lstm = f64(new LSTM(3)).returnSequences(true).returnState(true).goBackwards(backwards);
    INDArray x = rand(13, 2, 3, 2);
    List<Tensor> init = List.of(Tensor.of(rand(14, 2, 3)), Tensor.of(rand(15, 2, 3)));
    List<Tensor> fused = lstm.apply(call(Tensor.of(x), null, init));
    Tensor all = Tensor.of(Nd4j.ones(DataType.BOOL, 2, 3));
    List<Tensor> loop = lstm.apply(call(Tensor.of(x), all, init));
    for (int i = 0; i < 3; i++) {
      assertTrue(fused.get(i).value().equalsWithEps(loop.get(i).value(), 1e-12), "output " + i);
    }
  }

  @Test
  void cellRegularizersAreLayerLosses() {
    RNN gru = new GRU(2).regularizer("kernel", Regularizers.get("l2"))
        .regularizer("bias", Regularizers.get("l1"));
    gru.apply(Tensor.of(Nd4j.ones(DataType.FLOAT, 1, 2, 3)));
    assertEquals(2, gru.losses().size());
    RnnCell cell = (RnnCell) gru.cell();
    double expected = cell.kernel().array().mul(cell.kernel().array()).sumNumber().doubleValue() * 0.01;
    assertEquals(expected, gru.losses().get(0).value().getDouble(0), 1e-6);
  }

  @Test
  void maskedStepsRepeatOutputsAndKeepStates() {
    LSTM lstm = f64(new LSTM(3));
    lstm.returnSequences(true).returnState(true);
    INDArray x = rand(9, 2, 3, 2);
    List<Tensor> out = lstm.apply(call(Tensor.of(x), mask(), null));
    INDArray seq = out.get(0).value();
    // Row 0, step 1 masked: repeats step 0. Row 1, steps 1 and 2 masked: repeat step 0.
    assertEquals(step(seq, 0, 0), step(seq, 0, 1));
    assertEquals(step(seq, 1, 0), step(seq, 1, 1));
    assertEquals(step(seq, 1, 0), step(seq, 1, 2));
    assertEquals(step(seq, 1, 0), out.get(1).value().getRow(1));
    // Dropping the masked steps from the input gives the same final state for row 1.
    INDArray first = x.get(NDArrayIndex.interval(1, 2), NDArrayIndex.interval(0, 1), NDArrayIndex.all()).dup();
    List<Tensor> one = lstm.apply(call(Tensor.of(first), null, null));
    assertTrue(one.get(2).value().getRow(0).equalsWithEps(out.get(2).value().getRow(1), 1e-12));
    // Keras 3.16's RNN does not support masking: neither the sequence nor the states carry a mask.
    assertNull(out.get(0).mask());
    assertNull(out.get(1).mask());
    assertNull(out.get(2).mask());

    lstm.zeroOutputForMask(true);
    INDArray zeroed = lstm.apply(call(Tensor.of(x), mask(), null)).get(0).value();
    assertEquals(0.0, step(zeroed, 1, 2).norm2Number().doubleValue());
    assertEquals(step(seq, 0, 2), step(zeroed, 0, 2));
  }

  @Test
  void inputMaskAppliesOnlyWhenTheSequenceIsTheOnlyTensorArgument() {
    // Keras's __call__ fills `mask` from the input's mask only when the sequence is the call's only
    // tensor argument: with initial states the input's mask is not used.
    GRU gru = f64(new GRU(2));
    gru.returnSequences(true);
    Tensor x = Tensor.of(rand(21, 2, 3, 2)).withMask(mask());
    Tensor h0 = Tensor.of(rand(22, 2, 2));
    INDArray masked = gru.apply(call(x, null, null)).get(0).value();
    assertEquals(gru.apply(call(Tensor.of(x.value()), mask(), null)).get(0).value(), masked);
    assertEquals(step(masked, 1, 0), step(masked, 1, 2));

    List<Tensor> withState = gru.apply(call(x, null, List.of(h0)));
    assertEquals(gru.apply(call(Tensor.of(x.value()), null, List.of(h0))).get(0).value(), withState.get(0).value());
    assertFalse(step(withState.get(0).value(), 1, 0).equalsWithEps(step(withState.get(0).value(), 1, 2), 1e-9));
    // An explicit mask still applies with initial states.
    INDArray explicit = gru.apply(call(Tensor.of(x.value()), mask(), List.of(h0))).get(0).value();
    assertEquals(step(explicit, 1, 0), step(explicit, 1, 2));
  }

  private static INDArray step(INDArray seq, int b, int t) {
    return seq.get(NDArrayIndex.point(b), NDArrayIndex.point(t), NDArrayIndex.all()).dup();
  }

  @Test
  void dropoutOnlyInTraining() {
    RNN lstm = f64(new LSTM(3)).returnSequences(true).dropout(0.5, 0.5).seed(3L);
    INDArray x = rand(10, 2, 3, 2);
    INDArray a = lstm.apply(Tensor.of(x), false).value();
    INDArray b = lstm.apply(Tensor.of(x), false).value();
    assertEquals(a, b);
    INDArray t = lstm.apply(Tensor.of(x), true).value();
    assertFalse(a.equalsWithEps(t, 1e-9));
    RNN inputOnly = f64(new GRU(3)).dropout(0.5, 0).seed(4L);
    assertFalse(inputOnly.apply(Tensor.of(x), false).value().equalsWithEps(inputOnly.apply(Tensor.of(x), true).value(), 1e-9));
  }

  @Test
  void lstmBiasStartsWithUnitForgetBias() {
    LSTM lstm = new LSTM(2);
    lstm.apply(Tensor.of(Nd4j.zeros(DataType.FLOAT, 1, 2, 3)));
    assertEquals(Nd4j.createFromArray(0f, 0f, 1f, 1f, 0f, 0f, 0f, 0f), lstm.cell().bias().array());
    GRU gru = new GRU(2);
    gru.apply(Tensor.of(Nd4j.zeros(DataType.FLOAT, 1, 2, 3)));
    assertEquals(List.of(2L, 6L), List.of(gru.cell().bias().array().shape()[0], gru.cell().bias().array().shape()[1]));
    assertEquals(List.of("kernel", "recurrent_kernel", "bias"),
        gru.weights().stream().map(Variable::name).toList());
  }

  @Test
  void embeddingMaskZeroAndTimeDistributedShapes() {
    Embedding emb = new Embedding(6, 2).maskZero(true);
    Tensor out = emb.apply(Tensor.of(Nd4j.createFromArray(new int[][] {{3, 0, 5}})));
    assertEquals(Nd4j.createFromArray(new boolean[][] {{true, false, true}}), out.mask().value());
    assertEquals(emb.embeddings().array().getRow(5), out.value().get(NDArrayIndex.point(0), NDArrayIndex.point(2)));
    TimeDistributed td = new TimeDistributed(new Dense(4));
    assertEquals(Shape.of(-1, 5, 4), td.computeOutputShape(Shape.of(-1, 5, 3)));
    assertEquals("[null,3]", td.layer().getBuildConfig().get("input_shape").toString());
  }

  @Test
  void javaBuiltConfigsRoundTrip() {
    List<Layer> layers = List.of(
        new LSTM(3).unitForgetBias(false).returnSequences(true).returnState(true).dropout(0.25, 0.5).seed(7L),
        new GRU(2).resetAfter(false).goBackwards(true),
        new SimpleRNN(4).zeroOutputForMask(true).activation(Activations.get("relu")).useBias(false)
            .regularizer("kernel", Regularizers.get("l2")),
        new GRU(3).recurrentActivation(Activations.get("hard_sigmoid"))
            .constraint("recurrent", Constraints.get("non_neg"))
            .initializer("recurrent", Defaults.initializer("he_normal")),
        new Bidirectional(new LSTM(2), "ave", null),
        new Bidirectional(new GRU(2).returnSequences(true), null, new GRU(3).returnSequences(true).goBackwards(true)),
        new TimeDistributed(new Dense(3, "relu")),
        new RNN(new LSTMCell(2)).returnSequences(true),
        new RNN(new GRUCell(2)).goBackwards(true),
        new Bidirectional(new RNN(new SimpleRNNCell(2))),
        new LSTMCell(3), new GRUCell(2), new SimpleRNNCell(4),
        new Embedding(10, 4).maskZero(true),
        new Masking(-1.5));
    for (Layer l : layers) {
      Config c = l.getConfig();
      Layer back = Serialization.deserialize(Serialization.serialize(l), Layer.class);
      assertEquals(c, back.getConfig(), l.className());
    }
  }

  @Test
  void cellConfigsUseKerasCellOrder() {
    List<String> lstm = new ArrayList<>(new LSTMCell(2).getConfig().json().keySet());
    assertEquals(List.of("name", "trainable", "dtype", "units", "activation", "recurrent_activation", "use_bias",
        "unit_forget_bias", "kernel_initializer", "recurrent_initializer", "bias_initializer", "kernel_regularizer",
        "recurrent_regularizer", "bias_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint",
        "dropout", "recurrent_dropout", "seed"), lstm);
    List<String> simple = new ArrayList<>(new SimpleRNNCell(2).getConfig().json().keySet());
    assertTrue(simple.contains("seed") && !simple.contains("recurrent_activation"));
    assertFalse(new SimpleRNN(2).getConfig().json().has("seed"));
    JsonObject generic = new RNN(new GRUCell(2)).getConfig().json();
    assertEquals("GRUCell", generic.getAsJsonObject("cell").get("class_name").getAsString());
    assertFalse(generic.has("units"));
  }

  @Test
  void genericRnnOverLstmCellEqualsLstm() {
    RNN lstm = f64(new LSTM(3)).returnSequences(true);
    RNN generic = f64(new RNN(new LSTMCell(3))).returnSequences(true);
    INDArray x = rand(16, 2, 3, 2);
    lstm.apply(Tensor.of(x));
    generic.apply(Tensor.of(x));
    generic.setWeights(lstm.getWeights());
    assertEquals(lstm.apply(Tensor.of(x)).value(), generic.apply(Tensor.of(x)).value());
  }

  @Test
  void badConfigsFail() {
    assertThrows(ConfigException.class, () -> new Bidirectional(new LSTM(2), "max", null));
    assertThrows(ConfigException.class, () -> new Bidirectional(new LSTM(2), "sum", new LSTM(2)));
  }

  // ------------------------------------------------------------------ training

  @ParameterizedTest
  @ValueSource(strings = {"simple_rnn", "lstm", "gru", "gru_reset_before", "bidirectional"})
  void plainGradientDescentReducesLoss(String kind) {
    Seeds.setGlobalSeed(42);
    Layer rnn = kind.equals("bidirectional") ? new Bidirectional(new LSTM(3)) : make(kind);
    Dense head = new Dense(1);
    INDArray x = rand(11, 8, 4, 2).castTo(DataType.FLOAT);
    // Target: the sum of the first feature over time, a task a recurrent layer can fit.
    INDArray y = x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(0)).sum(true, 1);
    Supplier<Tensor> loss = () -> ReduceOps.mean(MathOps.square(MathOps.sub(head.apply(rnn.apply(Tensor.of(x))), Tensor.of(y))));
    double first = loss.get().value().getDouble(0);
    List<Variable> vars = new ArrayList<>(rnn.trainableWeights());
    vars.addAll(head.trainableWeights());
    for (int s = 0; s < 60; s++) {
      List<INDArray> grads;
      try (GradientTape tape = GradientTape.record()) {
        grads = tape.gradient(loss.get(), vars);
      }
      for (int i = 0; i < vars.size(); i++) {
        vars.get(i).assign(vars.get(i).array().sub(grads.get(i).mul(0.1)));
      }
    }
    double last = loss.get().value().getDouble(0);
    assertTrue(last < 0.8 * first, kind + ": loss " + first + " -> " + last);
  }

  @Test
  void bidirectionalReturnStateOrderAndCounts() {
    Bidirectional bi = new Bidirectional(new LSTM(2).returnState(true), null, null);
    List<Tensor> out = bi.apply(call(Tensor.of(rand(12, 2, 3, 2).castTo(DataType.FLOAT)), null, null), CallContext.INFERENCE);
    assertEquals(6, out.size());
    // Forward output equals forward h state; backward output equals backward h state.
    assertEquals(out.get(0).value(), out.get(2).value());
    assertEquals(out.get(1).value(), out.get(4).value());
    assertTrue(bi.forwardLayer().name().startsWith("forward_lstm"), bi.forwardLayer().name());
    assertTrue(bi.backwardLayer().name().startsWith("backward_lstm"), bi.backwardLayer().name());
    assertTrue(bi.backwardLayer().goBackwards());
  }

  @ParameterizedTest
  @ValueSource(strings = {"concat", "none"})
  void bidirectionalOutputsCarryNoMask(String mode) {
    Bidirectional bi = new Bidirectional(new LSTM(2).returnSequences(true).returnState(true),
        mode.equals("none") ? null : mode, null);
    List<Tensor> out = bi.apply(call(Tensor.of(rand(12, 2, 3, 2).castTo(DataType.FLOAT)), mask(), null),
        CallContext.INFERENCE);
    int sequences = mode.equals("none") ? 2 : 1;
    assertEquals(sequences + 4, out.size());
    for (int i = 0; i < out.size(); i++) {
      assertNull(out.get(i).mask(), (i < sequences ? "output " : "state ") + i);
    }
  }

  @Test
  void bidirectionalWithInitialStatesRecordsAndBuildsFromShapesDict() {
    Bidirectional bi = new Bidirectional(new LSTM(2).returnSequences(true));
    List<Tensor> init = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      init.add(Tensor.of(rand(30 + i, 2, 2).castTo(DataType.FLOAT)));
    }
    Tensor x = Tensor.of(rand(29, 2, 4, 3).castTo(DataType.FLOAT));
    INDArray y = bi.apply(call(x, null, init), CallContext.INFERENCE).get(0).value();
    // As Keras's build_config: the sequences' shape and every state's shape.
    JsonObject expected = JsonParser.parseString("{\"shapes_dict\": {\"sequences_shape\": [2, 4, 3], "
        + "\"initial_state_shape\": [[2, 2], [2, 2], [2, 2], [2, 2]]}}").getAsJsonObject();
    assertEquals(expected, bi.getBuildConfig());
    // The wrapped layers are built for the sequences alone.
    assertEquals(JsonParser.parseString("{\"input_shape\": [2, 4, 3]}"),
        bi.forwardLayer().getBuildConfig());

    Bidirectional loaded = (Bidirectional) Serialization.deserialize(Serialization.serialize(bi), Layer.class);
    assertEquals(expected, loaded.getBuildConfig());
    List<INDArray> weights = new ArrayList<>();
    bi.weights().forEach(w -> weights.add(w.array()));
    for (int i = 0; i < weights.size(); i++) {
      loaded.weights().get(i).assign(weights.get(i));
    }
    assertEquals(y, loaded.apply(call(x, null, init), CallContext.INFERENCE).get(0).value());
  }

  @Test
  void bidirectionalCopiesItsLayerOutsideTheLoadingScope() {
    // As in a Keras file, the wrapped layer's initializers carry shared ids.
    JsonObject dict = Serialization.serialize(new Bidirectional(new SimpleRNN(2).returnSequences(true)))
        .getAsJsonObject();
    JsonObject layer = dict.getAsJsonObject("config").getAsJsonObject("layer").getAsJsonObject("config");
    long fileId = 7;
    for (String key : List.of("kernel_initializer", "recurrent_initializer", "bias_initializer")) {
      layer.getAsJsonObject(key).addProperty("shared_object_id", fileId++);
    }
    try (SharingScope loading = SharingScope.open()) {
      // Objects read earlier in the same load, under ids a scope of its own would hand out.
      for (long id = 140_000_000_000_000L; id < 140_000_000_000_010L; id++) {
        JsonObject orthogonal = Serialization.serialize(new Orthogonal()).getAsJsonObject();
        orthogonal.addProperty("shared_object_id", id);
        Serialization.deserialize(orthogonal, Initializer.class);
      }
      Bidirectional bi = (Bidirectional) Serialization.deserialize(dict, Layer.class);
      List<Tensor> out = bi.apply(call(Tensor.of(rand(3, 2, 3, 2).castTo(DataType.FLOAT)), null, null),
          CallContext.INFERENCE);
      assertEquals(List.of(2L, 3L, 4L), List.of(out.get(0).value().shape()[0], out.get(0).value().shape()[1],
          out.get(0).value().shape()[2]));
      for (RNN rnn : List.of(bi.forwardLayer(), bi.backwardLayer())) {
        JsonObject c = Serialization.serialize(rnn).getAsJsonObject().getAsJsonObject("config");
        assertEquals("GlorotUniform", c.getAsJsonObject("kernel_initializer").get("class_name").getAsString());
        assertEquals("Orthogonal", c.getAsJsonObject("recurrent_initializer").get("class_name").getAsString());
        assertEquals("Zeros", c.getAsJsonObject("bias_initializer").get("class_name").getAsString());
      }
    }
  }
}
