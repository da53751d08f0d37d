package org.jeras.layers.preprocessing;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.core.Dense;
import org.jeras.layers.testing.TestData;
import org.jeras.layers.testing.TinyTraining;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ImageAndNormalizationTest {
  private static INDArray rand(long seed, long... shape) {
    return TestData.uniform(seed, -0.5, 0.5, shape);
  }

  @Test
  void configsRoundTrip() {
    for (Layer l : List.of(new Rescaling(0.5, 1.0), new Rescaling(Nd4j.create(new double[] {1, 2, 3}), Nd4j.scalar(0.0)),
        new CenterCrop(3, 4), new Resizing(3, 4), new Normalization(-1),
        new Normalization(new int[] {1, 2}, Nd4j.create(new double[][] {{1, 2}, {3, 4}}), Nd4j.ones(2, 2), true))) {
      assertEquals(l.getConfig(), Serialization.deserialize(Serialization.serialize(l), Layer.class).getConfig(), l.className());
    }
  }

  @Test
  void gradients() {
    GradCheck.check(t -> f64(new Rescaling(0.5, -1)).apply(t.get(0)), rand(6, 2, 3));
    GradCheck.check(t -> f64(new CenterCrop(2, 3)).apply(t.get(0)), rand(7, 1, 4, 5, 2));
    GradCheck.check(t -> f64(new Resizing(3, 5)).apply(t.get(0)), rand(8, 1, 4, 3, 2));
    GradCheck.check(t -> f64(new Resizing(5, 2, "nearest", false, true, "constant", 0.5, "channels_first")).apply(t.get(0)),
        rand(11, 1, 2, 3, 4));
    GradCheck.check(t -> f64(new Resizing(3, 3, "bilinear", true, false, "constant", 0, "channels_last")).apply(t.get(0)),
        rand(9, 1, 4, 6, 1));
    Normalization n = f64(new Normalization(new int[] {-1}, Nd4j.create(new double[] {1, 2}), Nd4j.create(new double[] {4, 0.25}), false));
    GradCheck.check(t -> n.apply(t.get(0)), rand(10, 3, 2));
    Normalization inv = f64(new Normalization(new int[] {-1}, Nd4j.create(new double[] {1, 2}), Nd4j.create(new double[] {4, 0.25}), true));
    GradCheck.check(t -> inv.apply(t.get(0)), rand(10, 3, 2));
  }

  @Test
  void trainsBehindPreprocessing() {
    Normalization n = f64(new Normalization(-1));
    INDArray x = rand(11, 32, 3).muli(10).addi(5);
    n.adapt(x);
    Dense d = f64(new Dense(1));
    INDArray y = x.sum(true, 1).reshape(32, 1).subi(15).divi(10);
    d.apply(n.apply(Tensor.of(x)));
    TinyTraining.assertLossFalls(() -> ReduceOps.mean(MathOps.square(MathOps.sub(d.apply(n.apply(Tensor.of(x))), Tensor.of(y)))),
        d.trainableWeights(), 0.1, 30, 0.2);
  }
}
