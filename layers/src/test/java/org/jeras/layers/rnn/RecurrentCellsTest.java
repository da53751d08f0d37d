package org.jeras.layers.rnn;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.core.Dense;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** StackedRNNCells, the generic RNN over a user-written cell, and stateful recurrent layers. */
class RecurrentCellsTest {
  private static INDArray rand(long seed, long... shape) {
    return TestData.uniform(seed, -1.0, 1.0, shape);
  }

  private static StackedRNNCells stack() {
    return new StackedRNNCells(List.of(new SimpleRNNCell(3), new LSTMCell(2), new GRUCell(2)));
  }

  private static Function<List<Tensor>, Tensor> flat(RNN layer, Tensor mask) {
    return t -> {
      Map<String, Object> kw = new LinkedHashMap<>();
      if (t.size() > 1) {
        kw.put("initial_state", t.subList(1, t.size()));
      }
      if (mask != null) {
        kw.put("mask", mask);
      }
      List<Tensor> out = layer.apply(CallArgs.of(List.of(t.get(0)), kw));
      List<Tensor> parts = new ArrayList<>();
      for (Tensor o : out) {
        parts.add(ArrayOps.reshape(o, o.shape().get(0), -1));
      }
      return ArrayOps.concat(parts, 1);
    };
  }

  private static void check(RNN layer, Tensor mask, INDArray... inputs) {
    Function<List<Tensor>, Tensor> f = flat(layer, mask);
    List<Tensor> fixed = new ArrayList<>();
    for (INDArray a : inputs) {
      fixed.add(Tensor.of(a));
    }
    f.apply(fixed);
    GradCheck.check(f, inputs);
    GradCheck.checkVariables(() -> f.apply(fixed), layer.trainableWeights());
  }

  // ------------------------------------------------------------------ StackedRNNCells

  @Test
  void gradientsOfStackedCellsWithMaskAndStates() {
    RNN layer = f64(new RNN(stack())).returnSequences(true).returnState(true).goBackwards(true);
    Tensor mask = Tensor.of(Nd4j.createFromArray(new boolean[][] {{true, false, true}, {true, true, false}}));
    // States: h1 [3], h2 and c2 [2], h3 [2].
    check(layer, mask, rand(1, 2, 3, 2), rand(2, 2, 3), rand(3, 2, 2), rand(4, 2, 2), rand(5, 2, 2));
    assertEquals(4, layer.cell().stateCount());
  }

  @Test
  void stackedCellsEqualTheLayersInSequence() {
    StackedRNNCells cells = stack();
    RNN stacked = f64(new RNN(cells)).returnSequences(true);
    INDArray x = rand(6, 2, 4, 2);
    INDArray got = stacked.apply(Tensor.of(x)).value();
    List<RNN> chain = List.of(new SimpleRNN(3), new LSTM(2), new GRU(2));
    Tensor h = Tensor.of(x);
    for (int i = 0; i < chain.size(); i++) {
      RNN l = f64(chain.get(i)).returnSequences(true);
      l.apply(h);
      l.setWeights(cells.cells().get(i).getWeights());
      h = l.apply(h);
    }
    assertTrue(h.value().equalsWithEps(got, 1e-12));
  }

  @Test
  void stackedCellsConfigRoundTrips() {
    RNN layer = new RNN(stack()).returnSequences(true);
    Config c = layer.getConfig();
    assertEquals("StackedRNNCells", c.get("cell").getAsJsonObject().get("class_name").getAsString());
    assertEquals(c.toString(), RNN.fromConfig(c).getConfig().toString());
    Config empty = Config.parse("{\"name\":\"s\"}");
    assertThrows(ConfigException.class, () -> StackedRNNCells.fromConfig(empty));
  }

  @Test
  void innerCellDropoutIsRefusedInTraining() {
    SimpleRNNCell inner = new SimpleRNNCell(2);
    RNN layer = new RNN(new StackedRNNCells(List.of(inner)));
    inner.setDropout(0.5, 0.0);
    Tensor x = Tensor.of(rand(7, 2, 3, 2).castTo(DataType.FLOAT));
    layer.apply(CallArgs.of(x), CallContext.INFERENCE);
    ConfigException e = assertThrows(ConfigException.class, () -> layer.apply(CallArgs.of(x), CallContext.TRAINING));
    assertTrue(e.getMessage().contains("dropout"), e.getMessage());
  }

  @Test
  void trainingStepWithStackedCellsReducesLoss() {
    Seeds.setGlobalSeed(5);
    RNN rnn = new RNN(new StackedRNNCells(List.of(new LSTMCell(4), new GRUCell(3))));
    Dense head = new Dense(1);
    INDArray x = rand(8, 8, 4, 2).castTo(DataType.FLOAT);
    INDArray y = x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(0)).sum(true, 1);
    Supplier<Tensor> loss = () -> ReduceOps.mean(MathOps.square(MathOps.sub(head.apply(rnn.apply(Tensor.of(x))), Tensor.of(y))));
    double first = loss.get().value().getDouble(0);
    List<Variable> vars = new ArrayList<>(rnn.trainableWeights());
    vars.addAll(head.trainableWeights());
    assertEquals(6 + 2, vars.size());
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
    assertTrue(last < 0.8 * first, "loss " + first + " -> " + last);
  }

  // ------------------------------------------------------------------ a user-written cell

  @Test
  void userCellRunsInTheGenericLoop() {
    RNN layer = f64(new RNN(new MinimalCell(3))).returnState(true);
    Tensor mask = Tensor.of(Nd4j.createFromArray(new boolean[][] {{true, false, true, true}, {true, true, true, true}}));
    INDArray x = rand(9, 2, 4, 2);
    List<Tensor> out = layer.apply(CallArgs.of(List.of(Tensor.of(x)), Map.of("mask", mask)));
    // The second state counts the unmasked steps.
    assertEquals(Nd4j.createFromArray(new double[][] {{3}, {4}}), out.get(2).value());
    check(layer, mask, x, rand(10, 2, 3), rand(11, 2, 1));
  }

  @Test
  void userCellConfigRoundTrips() {
    RNN layer = new RNN(new MinimalCell(3)).goBackwards(true);
    Config c = layer.getConfig();
    assertEquals("tests>MinimalCell", c.get("cell").getAsJsonObject().get("registered_name").getAsString());
    org.jeras.core.config.Serialization.withCustomObjects(Map.of("tests>MinimalCell",
        (org.jeras.core.config.ObjectFactory<MinimalCell>) MinimalCell::fromConfig), () -> {
          assertEquals(c.toString(), RNN.fromConfig(c).getConfig().toString());
          return null;
        });
  }

  // ------------------------------------------------------------------ stateful

  @Test
  void statefulCallsContinueTheSequence() {
    INDArray x = rand(12, 2, 6, 3);
    INDArray first = x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3), NDArrayIndex.all()).dup();
    INDArray second = x.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 6), NDArrayIndex.all()).dup();
    for (RNN[] pair : new RNN[][] {
        {new LSTM(3), new LSTM(3)}, {new GRU(2), new GRU(2)}, {new SimpleRNN(2), new SimpleRNN(2)},
        {new RNN(stack()), new RNN(stack())}, {new RNN(new MinimalCell(2)), new RNN(new MinimalCell(2))}}) {
      RNN whole = f64(pair[0]).returnSequences(true);
      RNN stateful = f64(pair[1]).returnSequences(true).stateful(true);
      INDArray all = whole.apply(Tensor.of(x)).value();
      stateful.build(Shape.of(2, 3, 3), true);
      stateful.setWeights(whole.getWeights());
      INDArray a = stateful.apply(Tensor.of(first)).value();
      INDArray b = stateful.apply(Tensor.of(second)).value();
      String what = stateful.cell().className();
      assertTrue(all.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3), NDArrayIndex.all()).equalsWithEps(a, 1e-12), what);
      assertTrue(all.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 6), NDArrayIndex.all()).equalsWithEps(b, 1e-12), what);
      assertEquals(stateful.cell().stateCount(), stateful.states().size());
      stateful.resetStates();
      assertEquals(a, stateful.apply(Tensor.of(first)).value(), what + " after resetStates");
    }
  }

  @Test
  void statefulConvLstmContinuesTheSequence() {
    INDArray x = rand(13, 1, 4, 3, 3, 1);
    INDArray first = x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)).dup();
    INDArray second = x.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 4)).dup();
    RNN whole = f64(new ConvLSTM2D(2, 3).geometry(new int[] {1}, "same", "channels_first", new int[] {1}));
    RNN stateful = f64(new ConvLSTM2D(2, 3).geometry(new int[] {1}, "same", "channels_first", new int[] {1}))
        .stateful(true);
    INDArray cf = x.permute(0, 1, 4, 2, 3).dup();
    INDArray all = whole.apply(Tensor.of(cf)).value();
    stateful.build(Shape.of(1, 2, 1, 3, 3), true);
    stateful.setWeights(whole.getWeights());
    stateful.apply(Tensor.of(first.permute(0, 1, 4, 2, 3).dup()));
    INDArray b = stateful.apply(Tensor.of(second.permute(0, 1, 4, 2, 3).dup())).value();
    assertTrue(all.equalsWithEps(b, 1e-12));
  }

  @Test
  void statefulGradientsWithinOneCall() {
    RNN layer = f64(new LSTM(2)).stateful(true).returnSequences(true);
    layer.build(Shape.of(2, 3, 2), true);
    INDArray x = rand(14, 2, 3, 2);
    // Each evaluation starts from the same kept states: those of one earlier call.
    layer.apply(Tensor.of(rand(15, 2, 3, 2)));
    List<Tensor> kept = layer.states();
    Function<List<Tensor>, Tensor> f = t -> {
      Tensor out = layer.apply(CallArgs.of(List.of(t.get(0)), Map.of("initial_state", kept))).get(0);
      return ArrayOps.reshape(out, 2, -1);
    };
    f.apply(List.of(Tensor.of(x)));
    GradCheck.check(f, x);
    GradCheck.checkVariables(() -> f.apply(List.of(Tensor.of(x))), layer.trainableWeights());
  }

  @Test
  void statefulBatchSizeIsFixed() {
    RNN layer = new LSTM(2).stateful(true);
    IncompatibleInputException unknown = assertThrows(IncompatibleInputException.class,
        () -> layer.build(Shape.of(-1, 3, 2), true));
    assertTrue(unknown.getMessage().contains("batch_shape"), unknown.getMessage());
    RNN fixed = new LSTM(2).stateful(true);
    fixed.build(Shape.of(2, 3, 2), true);
    fixed.apply(Tensor.of(rand(16, 2, 3, 2).castTo(DataType.FLOAT)));
    IncompatibleInputException e = assertThrows(IncompatibleInputException.class,
        () -> fixed.apply(Tensor.of(rand(17, 3, 3, 2).castTo(DataType.FLOAT))));
    assertTrue(e.getMessage().contains("batch size 2"), e.getMessage());
    Config c = fixed.getConfig();
    assertTrue(c.getBoolean("stateful", false));
    assertTrue(LSTM.fromConfig(c).stateful());
  }
}
