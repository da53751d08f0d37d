package org.jeras.layers.normalization;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.core.Axes;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Keras's RMSNormalization: its formula, gradients and config (real-Keras files: extra/normalization). */
class RMSNormalizationTest {
  @Test
  void normalizesByTheRootMeanSquareAndScales() {
    INDArray x = TestData.uniform(3, -1.0, 1.0, 2, 3, 4);
    RMSNormalization rms = f64(new RMSNormalization(Axes.list(-2, -1), 1e-3));
    rms.apply(Tensor.of(x));
    assertEquals(Shape.of(3, 4), rms.scale().shape());
    INDArray scale = TestData.uniform(5, 0.5, 1.5, 3, 4);
    rms.scale().assign(scale);
    INDArray y = rms.apply(Tensor.of(x)).value();
    INDArray meanSquare = x.mul(x).mean(true, 1, 2);
    INDArray want = x.div(Transforms.sqrt(meanSquare.add(1e-3)).broadcast(x.shape()))
        .mul(scale.reshape(1, 3, 4).broadcast(x.shape()));
    assertTrue(y.sub(want).amaxNumber().doubleValue() < 1e-12, "x * rsqrt(mean(x^2) + eps) * scale");
  }

  @Test
  void gradients() {
    INDArray x = TestData.uniform(7, -1.0, 1.0, 3, 5);
    RMSNormalization rms = f64(new RMSNormalization());
    rms.apply(Tensor.of(x));
    rms.scale().assign(TestData.uniform(8, 0.5, 1.5, 5));
    GradCheck.check(t -> rms.apply(t.get(0)), x);
    GradCheck.checkVariables(() -> rms.apply(Tensor.of(x)), rms.trainableWeights());
  }

  @Test
  void configRoundTripsWithKerasKeys() {
    RMSNormalization rms = new RMSNormalization(Axes.list(-1), 1e-4);
    Config c = rms.getConfig();
    assertEquals("[-1]", c.json().get("axis").toString());
    assertEquals(1e-4, c.getDouble("epsilon"), 0);
    assertEquals(c.json(), RMSNormalization.fromConfig(c).getConfig().json());
    assertThrows(ConfigException.class, () -> new RMSNormalization(Axes.of(-1), -1));
  }
}
