package org.jeras.layers.activations;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.initializers.Initializers;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Input;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.core.Masking;
import org.jeras.layers.testing.TestData;
import org.jeras.layers.testing.TinyTraining;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ActivationLayersTest {

  private static INDArray rand(long seed, long... shape) {
    return TestData.uniform(seed, -2.0, 2.0, shape);
  }

  @Test
  void configsRoundTripAndValidate() {
    PReLU p = new PReLU(Initializers.get("ones"), null, null, new int[] {1, 2});
    for (Layer l : List.of(new ReLU(), new ReLU(6.0, 0.1, 0.5), new LeakyReLU(), new ELU(0.7), p, new PReLU())) {
      Layer back = Serialization.deserialize(Serialization.serialize(l), Layer.class);
      assertEquals(l.getConfig(), back.getConfig(), l.className());
    }
    assertEquals(List.of("name", "trainable", "dtype", "max_value", "negative_slope", "threshold"),
        List.copyOf(new ReLU().getConfig().json().keySet()));
    assertThrows(ConfigException.class, () -> new ReLU(-1.0, 0, 0));
    assertThrows(ConfigException.class, () -> new LeakyReLU(-0.1));
  }

  @Test
  void gradients() {
    INDArray x = rand(3, 3, 4);
    GradCheck.check(t -> f64(new ReLU(1.5, 0.1, 0.2)).apply(t.get(0)), x);
    GradCheck.check(t -> f64(new LeakyReLU(0.2)).apply(t.get(0)), x);
    GradCheck.check(t -> f64(new ELU(0.5)).apply(t.get(0)), x);
    PReLU p = f64(new PReLU(Initializers.get("ones"), null, null, null));
    p.apply(Tensor.of(x));
    p.alpha().assign(rand(5, 4).mul(0.5));
    GradCheck.check(t -> p.apply(t.get(0)), x);
    GradCheck.checkVariables(() -> p.apply(Tensor.of(x)), p.trainableWeights());
    PReLU shared = f64(new PReLU(Initializers.get("ones"), null, null, new int[] {1}));
    INDArray x3 = rand(6, 2, 3, 4);
    shared.apply(Tensor.of(x3));
    assertEquals(List.of(1L, 4L), List.of(shared.alpha().array().size(0), shared.alpha().array().size(1)));
    shared.alpha().assign(rand(7, 1, 4));
    GradCheck.checkVariables(() -> shared.apply(Tensor.of(x3)), shared.trainableWeights());
  }

  @Test
  void preluTrainsItsSlope() {
    INDArray x = rand(9, 16, 3);
    INDArray target = x.dup();
    INDArray neg = x.lt(0).castTo(DataType.DOUBLE);
    target.subi(x.mul(neg).muli(0.75)); // slope 0.25 below zero
    PReLU p = f64(new PReLU());
    p.apply(Tensor.of(x));
    TinyTraining.assertLossFalls(() -> ReduceOps.mean(MathOps.square(MathOps.sub(p.apply(Tensor.of(x)), Tensor.of(target)))),
        p.trainableWeights(), 2.0, 20, 0.1);
  }

  @Test
  void softmaxUnderAMaskRightAlignedWithTheInput() {
    // Symbolically (unknown batch) the mask (batch, 4) against (batch, 4, 4) is not checked, as in Keras.
    Tensor in = Input.of(4, 4);
    Tensor masked = new Masking(0.0).apply(in);
    Tensor out = new Softmax(-1).apply(masked);
    assertEquals(in.shape(), out.shape());
    // With batch 4, mask[i, j] (numpy broadcasting) covers y[:, i, j]: here mask[1, 2] is off.
    INDArray x = Nd4j.rand(DataType.FLOAT, 4, 4, 4).addi(0.1);
    x.get(NDArrayIndex.point(1), NDArrayIndex.point(2),
        NDArrayIndex.all()).assign(0);
    Tensor mask = Tensor.of(x.neq(0).castTo(DataType.DOUBLE).max(false, 2).neq(0).castTo(DataType.BOOL));
    INDArray y = new Softmax(-1).apply(Tensor.of(x).withMask(mask)).value();
    for (int b = 0; b < 4; b++) {
      for (int t = 0; t < 4; t++) {
        assertEquals(t == 1, y.getDouble(b, t, 2) == 0.0, "masked entry");
        assertEquals(1.0, y.get(NDArrayIndex.point(b), NDArrayIndex.point(t),
            NDArrayIndex.all()).sumNumber().doubleValue(), 1e-6);
      }
    }
  }
}
