package org.jeras.layers.normalization;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.convolutional.Conv2D;
import org.jeras.layers.core.Dense;
import org.jeras.layers.reshaping.Flatten;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Keras's SpectralNormalization: training normalizes, inference does not, gradients, config (extra/layers3). */
class SpectralNormalizationTest {
  /** The largest singular value of {@code w} by many power-method steps on {@code w^T w}. */
  private static double spectralNorm(INDArray w) {
    INDArray u = TestData.uniform(9, 0.1, 1, w.size(1), 1);
    for (int i = 0; i < 500; i++) {
      u = w.transpose().mmul(w.mmul(u));
      u = u.div(u.norm2Number());
    }
    return w.mmul(u).norm2Number().doubleValue();
  }

  @Test
  void aTrainingCallDividesTheKernelByItsSpectralNorm() {
    Conv2D conv = new Conv2D(3, 2);
    SpectralNormalization sn = f64(new SpectralNormalization(conv, 200));
    INDArray x = TestData.uniform(1, -1, 1, 2, 5, 5, 2);
    INDArray before = sn.apply(Tensor.of(x)).value();
    INDArray kernel = conv.kernel().array().dup();
    assertTrue(sn.apply(Tensor.of(x)).value().equalsWithEps(before, 0), "inference leaves the kernel alone");
    assertTrue(conv.kernel().array().equalsWithEps(kernel, 0));
    INDArray u0 = sn.vectorU().array().dup();
    INDArray trained = sn.apply(Tensor.of(x), true).value();
    double sigma = spectralNorm(kernel.reshape(-1, 3));
    assertTrue(conv.kernel().array().equalsWithEps(kernel.div(sigma), 1e-8), "kernel / sigma");
    assertEquals(1.0, spectralNorm(conv.kernel().array().reshape(-1, 3)), 1e-8);
    assertFalse(sn.vectorU().array().equalsWithEps(u0, 1e-6), "vector_u keeps the estimate");
    assertTrue(trained.equalsWithEps(conv.apply(Tensor.of(x)).value(), 1e-12), "the call uses the new kernel");
  }

  @Test
  void gradients() {
    Dense dense = new Dense(3);
    SpectralNormalization sn = f64(new SpectralNormalization(dense));
    INDArray x = TestData.uniform(2, -1, 1, 4, 5);
    sn.apply(Tensor.of(x));
    GradCheck.check(t -> sn.apply(t.get(0)), x);
    GradCheck.checkVariables(() -> sn.apply(Tensor.of(x)), sn.trainableWeights());
    assertEquals(List.of(dense.kernel(), dense.bias()), sn.trainableWeights());
    assertEquals(List.of(sn.vectorU()), sn.nonTrainableWeights());
  }

  @Test
  void configRoundTripsWithKerasKeys() {
    SpectralNormalization sn = new SpectralNormalization(new Dense(4).setName("inner"), 3);
    Config c = sn.getConfig();
    assertEquals(3, c.getInt("power_iterations"));
    assertEquals("Dense", c.json().getAsJsonObject("layer").get("class_name").getAsString());
    assertEquals(c.json(), SpectralNormalization.fromConfig(c).getConfig().json());
    assertThrows(ConfigException.class, () -> new SpectralNormalization(new Dense(2), 0));
    assertThrows(ConfigException.class, () -> SpectralNormalization.fromConfig(Config.parse("{\"power_iterations\":1}")));
    SpectralNormalization noKernel = new SpectralNormalization(new Flatten());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> noKernel.apply(Tensor.of(TestData.uniform(3, -1, 1, 2, 3))));
    assertTrue(e.getMessage().contains("nor 'embeddings'"), e.getMessage());
  }

  @Test
  void trainsInAModel() {
    Seeds.setGlobalSeed(14);
    Tensor in = Input.of(4, 4, 1);
    Tensor h = new Flatten().apply(new SpectralNormalization(new Conv2D(2, 2)).apply(in));
    SpectralNormalization head = new SpectralNormalization(new Dense(1));
    Functional model = new Functional(List.of(in), List.of(head.apply(h)), "sn");
    model.compile("sgd", "mse");
    INDArray x = TestData.uniform(5, -1, 1, 16, 4, 4, 1).castTo(DataType.FLOAT);
    INDArray y = x.sum(1, 2, 3).reshape(16, 1).mul(0.1);
    INDArray u0 = head.vectorU().array().dup();
    double first = model.trainOnBatch(x, y).get("loss");
    double last = first;
    for (int i = 0; i < 30; i++) {
      last = model.trainOnBatch(x, y).get("loss");
    }
    assertTrue(last < 0.7 * first, "loss " + first + " -> " + last);
    assertFalse(head.vectorU().array().equalsWithEps(u0, 1e-7), "training moves vector_u");
  }
}
