package org.jeras.layers.core;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.activations.Activations;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.optimizers.SGD;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Keras's TernaryDense: ternarized forward, straight-through gradients, config (real-Keras file: extra/layers3). */
class TernaryDenseTest {
  private static INDArray ternary(INDArray k, double t) {
    INDArray above = Transforms.abs(k).gt(t).castTo(k.dataType());
    return Transforms.sign(k).mul(above);
  }

  @Test
  void ternarizesTheKernelAndScalesByTheMeanMagnitude() {
    INDArray x = TestData.uniform(1, -1, 1, 3, 5);
    TernaryDense auto = f64(new TernaryDense(4));
    auto.apply(Tensor.of(x));
    auto.bias().assign(TestData.uniform(2, -1, 1, 4));
    INDArray k = auto.kernel().array();
    double mean = Transforms.abs(k).meanNumber().doubleValue();
    INDArray want = x.mmul(ternary(k, 0.5 * mean)).mul(mean).addRowVector(auto.bias().array());
    assertTrue(auto.apply(Tensor.of(x)).value().equalsWithEps(want, 1e-12), "auto threshold");

    TernaryDense fixed = f64(new TernaryDense(4).threshold(0.3).useBias(false).activation(Activations.get("relu")));
    fixed.apply(Tensor.of(x));
    INDArray wantFixed = Transforms.relu(x.mmul(ternary(fixed.kernel().array(), 0.3)));
    assertTrue(fixed.apply(Tensor.of(x)).value().equalsWithEps(wantFixed, 1e-12), "fixed threshold, no scaling");
  }

  @Test
  void gradients() {
    TernaryDense d = f64(new TernaryDense(3));
    INDArray x = TestData.uniform(3, -1, 1, 2, 4);
    d.apply(Tensor.of(x));
    GradCheck.check(t -> d.apply(t.get(0)), x);
    GradCheck.checkVariables(() -> d.apply(Tensor.of(x)), List.of(d.bias()));
    // The kernel's gradient is Keras's straight-through estimate: with a fixed threshold, that of
    // x @ kernel, i.e. x^T @ g, though the ternarized forward is piecewise constant in the kernel.
    TernaryDense fixed = f64(new TernaryDense(3).threshold(0.1).useBias(false));
    fixed.apply(Tensor.of(x));
    INDArray g;
    try (GradientTape tape = GradientTape.record()) {
      g = tape.gradient(ReduceOps.sum(fixed.apply(Tensor.of(x))), List.of(fixed.kernel())).get(0);
    }
    INDArray want = x.transpose().mmul(Nd4j.ones(DataType.DOUBLE, 2, 3));
    assertTrue(g.equalsWithEps(want, 1e-12), "straight-through gradient");
  }

  @Test
  void configRoundTripsWithKerasKeys() {
    TernaryDense d = new TernaryDense(5).threshold(0.25).useBias(false);
    Config c = d.getConfig();
    assertEquals(0.25, c.getDouble("threshold"), 0);
    assertEquals(c.json(), TernaryDense.fromConfig(c).getConfig().json());
    assertTrue(new TernaryDense(2).getConfig().json().get("threshold").isJsonNull());
    assertThrows(ConfigException.class, () -> new TernaryDense(2).threshold(-0.1));
    assertThrows(ConfigException.class, () -> new TernaryDense(0));
  }

  @Test
  void trainsInAModel() {
    Seeds.setGlobalSeed(12);
    Tensor in = Input.of(6);
    Functional model = new Functional(List.of(in), List.of(new TernaryDense(2).apply(in)), "ternary");
    model.compile(new SGD(0.1), "mse");
    INDArray x = TestData.uniform(4, -1, 1, 32, 6).castTo(DataType.FLOAT);
    INDArray y = x.getColumns(0, 1).sub(x.getColumns(2, 3)).mul(0.5);
    double first = model.trainOnBatch(x, y).get("loss");
    double last = first;
    for (int i = 0; i < 60; i++) {
      last = model.trainOnBatch(x, y).get("loss");
    }
    assertTrue(last < 0.7 * first, "loss " + first + " -> " + last);
  }
}
