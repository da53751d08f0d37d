package org.jeras.layers.rnn;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jeras.core.config.Config;
import org.jeras.core.config.InvalidConfigException;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** ConvLSTM1D/2D/3D: finite-difference gradients, configs, a training step, dropout and typed errors. */
class ConvLstmTest {
  private static INDArray rand(long seed, long... shape) {
    return TestData.uniform(seed, -1.0, 1.0, shape);
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

  @Test
  void gradientsOfConvLstm1dSequences() {
    ConvLSTM1D layer = f64(new ConvLSTM1D(2, 3).geometry(new int[] {1}, "same", null, new int[] {1}));
    layer.returnSequences(true);
    check(layer, null, rand(1, 2, 3, 5, 2));
  }

  @Test
  void gradientsOfConvLstm2dWithStridesStatesMaskAndBackwards() {
    ConvLSTM2D layer = f64(new ConvLSTM2D(2, 2).geometry(new int[] {2}, "valid", null, new int[] {1}));
    layer.unitForgetBias(false).returnSequences(true).returnState(true).goBackwards(true);
    Tensor mask = Tensor.of(Nd4j.createFromArray(new boolean[][] {{true, false, true}, {true, true, false}}));
    // 5x4 input, kernel 2, stride 2: states 2x2x2.
    check(layer, mask, rand(2, 2, 3, 5, 4, 1), rand(3, 2, 2, 2, 2), rand(4, 2, 2, 2, 2));
  }

  @Test
  void gradientsOfConvLstm2dChannelsFirstDilated() {
    ConvLSTM2D layer = f64(new ConvLSTM2D(2, 2).geometry(new int[] {1}, "same", "channels_first", new int[] {2}));
    layer.returnSequences(true);
    check(layer, null, rand(5, 2, 2, 1, 4, 3));
  }

  @Test
  void gradientsOfConvLstm3d() {
    ConvLSTM3D layer = f64(new ConvLSTM3D(1, 2));
    check(layer, null, rand(6, 1, 2, 3, 3, 3, 1));
  }

  @Test
  void channelsFirstEqualsChannelsLastTransposed() {
    ConvLSTM2D last = f64(new ConvLSTM2D(2, 3).geometry(new int[] {1}, "same", null, new int[] {1}));
    ConvLSTM2D first = f64(new ConvLSTM2D(2, 3).geometry(new int[] {1}, "same", "channels_first", new int[] {1}));
    last.returnSequences(true);
    first.returnSequences(true);
    INDArray x = rand(7, 2, 3, 4, 4, 2);
    INDArray xFirst = x.permute(0, 1, 4, 2, 3).dup();
    last.apply(Tensor.of(x));
    first.apply(Tensor.of(xFirst));
    first.setWeights(last.getWeights());
    INDArray a = last.apply(Tensor.of(x)).value();
    INDArray b = first.apply(Tensor.of(xFirst)).value().permute(0, 1, 3, 4, 2);
    assertTrue(a.equalsWithEps(b, 1e-12));
  }

  @Test
  void configsRoundTrip() {
    List<RNN> layers = List.of(
        new ConvLSTM1D(3, 2).geometry(new int[] {2}, "valid", null, new int[] {1}).unitForgetBias(false),
        new ConvLSTM2D(4, 3, 2).geometry(new int[] {1, 1}, "same", "channels_first", new int[] {2, 1})
            .returnSequences(true).goBackwards(true).dropout(0.25, 0.5).seed(7L),
        new ConvLSTM3D(2, 1).returnState(true).stateful(true));
    for (RNN layer : layers) {
      Config c = layer.getConfig();
      RNN back = switch (layer.className()) {
        case "ConvLSTM1D" -> ConvLSTM1D.fromConfig(c);
        case "ConvLSTM2D" -> ConvLSTM2D.fromConfig(c);
        default -> ConvLSTM3D.fromConfig(c);
      };
      assertEquals(c.toString(), back.getConfig().toString(), layer.className());
    }
    Config c2 = layers.get(1).getConfig();
    assertEquals("[3,2]", c2.get("kernel_size").toString());
    assertEquals("[2,1]", c2.get("dilation_rate").toString());
  }

  @Test
  void trainingStepReducesLoss() {
    Seeds.setGlobalSeed(3);
    ConvLSTM1D layer = new ConvLSTM1D(2, 3).geometry(new int[] {1}, "same", null, new int[] {1});
    INDArray x = rand(8, 4, 3, 6, 1).castTo(DataType.FLOAT);
    // Target: half the last step's input in one channel, its negative in the other.
    INDArray lastStep = x.get(NDArrayIndex.all(), NDArrayIndex.point(2), NDArrayIndex.all(), NDArrayIndex.all());
    INDArray y = Nd4j.concat(2, lastStep.mul(0.5), lastStep.mul(-0.5));
    Supplier<Tensor> loss = () -> ReduceOps.mean(MathOps.square(MathOps.sub(layer.apply(Tensor.of(x)), Tensor.of(y))));
    double first = loss.get().value().getDouble(0);
    List<Variable> vars = layer.trainableWeights();
    assertEquals(3, vars.size());
    for (int s = 0; s < 60; s++) {
      List<INDArray> grads;
      try (GradientTape tape = GradientTape.record()) {
        grads = tape.gradient(loss.get(), vars);
      }
      for (int i = 0; i < vars.size(); i++) {
        vars.get(i).assign(vars.get(i).array().sub(grads.get(i).mul(0.5)));
      }
    }
    double last = loss.get().value().getDouble(0);
    assertTrue(last < 0.8 * first, "loss " + first + " -> " + last);
  }

  @Test
  void dropoutAppliesOnlyInTraining() {
    ConvLSTM2D layer = new ConvLSTM2D(2, 3).geometry(new int[] {1}, "same", null, new int[] {1});
    layer.dropout(0.5, 0.5).seed(1L);
    Tensor x = Tensor.of(rand(10, 2, 3, 4, 4, 2).castTo(DataType.FLOAT));
    INDArray inference = layer.apply(CallArgs.of(x), CallContext.INFERENCE).get(0).value();
    INDArray again = layer.apply(CallArgs.of(x), CallContext.INFERENCE).get(0).value();
    assertEquals(inference, again);
    INDArray training = layer.apply(CallArgs.of(x), CallContext.TRAINING).get(0).value();
    assertFalse(inference.equalsWithEps(training, 1e-6));
    assertTrue(Double.isFinite(training.sumNumber().doubleValue()));
  }

  @Test
  void bias_startsWithOnesForTheForgetGate() {
    ConvLSTM2D layer = new ConvLSTM2D(2, 3);
    layer.apply(Tensor.of(rand(11, 1, 2, 4, 4, 1).castTo(DataType.FLOAT)));
    INDArray b = layer.cell().bias().array();
    assertEquals(Nd4j.createFromArray(0f, 0f, 1f, 1f, 0f, 0f, 0f, 0f), b);
    assertEquals(List.of(3L, 3L, 1L, 8L), List.of(layer.cell().kernel().array().shape()[0],
        layer.cell().kernel().array().shape()[1], layer.cell().kernel().array().shape()[2],
        layer.cell().kernel().array().shape()[3]));
  }

  @Test
  void badSettingsFailWithTypedErrors() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> new ConvLSTM2D(2, 3).geometry(new int[] {2}, "valid", null, new int[] {2}));
    assertTrue(e.getMessage().contains("dilation_rate"), e.getMessage());
    assertThrows(InvalidConfigException.class, () -> new ConvLSTM2D(2, 3).geometry(new int[] {1}, "causal", null,
        new int[] {1}));
    ConvLSTM2D unknown = new ConvLSTM2D(2, 3);
    IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
        () -> unknown.build(Shape.of(-1, 3, -1, 4, 1), true));
    assertTrue(u.getMessage().contains("known spatial sizes"), u.getMessage());
    ConvLSTM2D small = new ConvLSTM2D(2, 5);
    IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
        () -> small.build(Shape.of(-1, 3, 3, 3, 1), true));
    assertTrue(s.getMessage().contains("smaller than the kernel"), s.getMessage());
    assertThrows(InvalidConfigException.class, () -> new ConvLSTM2D(0, 3));
  }
}
