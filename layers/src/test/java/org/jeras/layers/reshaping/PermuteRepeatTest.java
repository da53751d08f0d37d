package org.jeras.layers.reshaping;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Input;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.core.Dense;
import org.jeras.layers.testing.TestData;
import org.jeras.layers.testing.TinyTraining;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PermuteRepeatTest {
  private static INDArray rand(long seed, long... shape) {
    return TestData.uniform(seed, -0.5, 0.5, shape);
  }

  @Test
  void shapesAndValues() {
    INDArray x = rand(1, 2, 3, 4, 5);
    INDArray p = new Permute(3, 1, 2).apply(Tensor.of(x)).value();
    assertEquals(List.of(2L, 5L, 3L, 4L), List.of(p.size(0), p.size(1), p.size(2), p.size(3)));
    assertEquals(x.getDouble(1, 2, 3, 4), p.getDouble(1, 4, 2, 3), 1e-6);
    INDArray v = rand(2, 2, 3);
    INDArray r = f64(new RepeatVector(4)).apply(Tensor.of(v)).value();
    assertEquals(List.of(2L, 4L, 3L), List.of(r.size(0), r.size(1), r.size(2)));
    assertEquals(v.getDouble(1, 2), r.getDouble(1, 3, 2), 0);
    assertEquals(Shape.of(Shape.UNKNOWN, 4, 3), new RepeatVector(4).apply(Input.of(3)).shape());
    assertEquals(Shape.of(Shape.UNKNOWN, 5, 3, 4), new Permute(3, 1, 2).apply(Input.of(3, 4, 5)).shape());
    assertThrows(ConfigException.class, () -> new Permute(1, 3));
    assertThrows(ConfigException.class, () -> new RepeatVector(0));
  }

  @Test
  void configsRoundTripAndGradients() {
    for (Layer l : List.of(new Permute(2, 1), new RepeatVector(3))) {
      assertEquals(l.getConfig(), Serialization.deserialize(Serialization.serialize(l), Layer.class).getConfig());
    }
    GradCheck.check(t -> f64(new Permute(3, 1, 2)).apply(t.get(0)), rand(3, 2, 3, 4, 2));
    GradCheck.check(t -> f64(new RepeatVector(3)).apply(t.get(0)), rand(4, 2, 3));
  }

  @Test
  void trains() {
    Dense d = f64(new Dense(2));
    Permute p = f64(new Permute(2, 1));
    RepeatVector r = f64(new RepeatVector(3));
    INDArray x = rand(5, 6, 4);
    INDArray y = rand(6, 6, 2, 3);
    d.apply(Tensor.of(x));
    TinyTraining.assertLossFalls(() -> ReduceOps.mean(MathOps.square(MathOps.sub(
        p.apply(r.apply(d.apply(Tensor.of(x)))), Tensor.of(y)))), d.trainableWeights(), 0.2, 20, 0.8);
  }
}
