package org.jeras.layers.core;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.random.Seeds;
import org.jeras.core.regularizers.Regularizers;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.merging.Add;
import org.jeras.layers.merging.Concatenate;
import org.jeras.layers.regularization.Dropout;
import org.jeras.layers.reshaping.Flatten;
import org.jeras.layers.reshaping.Reshape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The core layers: gradients, configs, shapes. */
class CoreLayersTest {

  private static INDArray rand(long... shape) {
    Nd4j.getRandom().setSeed(shape.length * 7L + shape[shape.length - 1]);
    return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
  }

  @Test
  void denseGradients() {
    Dense d = f64(new Dense(3, "tanh"));
    d.regularizer("kernel", Regularizers.get("l2"));
    INDArray x = rand(4, 5);
    d.apply(Tensor.of(x));
    GradCheck.check(t -> d.apply(t.get(0)), x);
    GradCheck.checkVariables(() -> d.apply(Tensor.of(x)), d.trainableWeights());
    Supplier<Tensor> penalty = () -> d.losses().get(0);
    GradCheck.checkVariables(penalty, List.of(d.kernel()));
    Dense d3 = f64(new Dense(2));
    GradCheck.check(t -> d3.apply(t.get(0)), rand(2, 3, 4));
  }

  /** A Sequential stack is differentiated through every layer, with respect to input and weights. */
  @Test
  void sequentialGradients() {
    Sequential model = f64(new Sequential());
    model.add(f64(new Dense(4, "tanh")));
    model.add(f64(new Dense(2, "sigmoid")));
    INDArray x = rand(3, 5);
    model.apply(Tensor.of(x));
    GradCheck.check(t -> model.apply(t.get(0)), x);
    GradCheck.checkVariables(() -> model.apply(Tensor.of(x)), model.trainableWeights());
  }

  @Test
  void otherCoreLayerGradients() {
    GradCheck.check(t -> f64(new Activation("softmax")).apply(t.get(0)), rand(3, 4));
    GradCheck.check(t -> f64(new Flatten()).apply(t.get(0)), rand(2, 3, 4));
    GradCheck.check(t -> f64(new Flatten("channels_first")).apply(t.get(0)), rand(2, 3, 4));
    GradCheck.check(t -> f64(new Reshape(2, -1)).apply(t.get(0)), rand(2, 3, 4));
    GradCheck.check(t -> f64(new Add()).apply(List.of(t.get(0), t.get(1), t.get(2))), rand(2, 3), rand(2, 3), rand(2, 3));
    GradCheck.check(t -> f64(new Concatenate(1)).apply(List.of(t.get(0), t.get(1))), rand(2, 3), rand(2, 2));
    Dropout drop = f64(new Dropout(0.5, null, 3L));
    INDArray x = rand(4, 6);
    Seeds.setGlobalSeed(9);
    Tensor once = drop.apply(Tensor.of(x), true);
    // Gradient of dropout in training: the kept mask scaled by 1/(1-rate).
    INDArray mask = once.value().neq(0).castTo(DataType.DOUBLE).muli(2);
    try (GradientTape tape = GradientTape.record()) {
      Tensor in = tape.watch(Tensor.of(x));
      Tensor out = drop.apply(in, true);
      INDArray kept = out.value().neq(0).castTo(DataType.DOUBLE).muli(2);
      INDArray g = tape.gradientOfTensors(ReduceOps.sum(out), List.of(in)).get(0);
      assertEquals(kept, g);
    }
    assertEquals(x, drop.apply(Tensor.of(x), false).value(), "identity in inference");
    double keptFraction = mask.neq(0).castTo(DataType.DOUBLE).meanNumber().doubleValue();
    assertTrue(keptFraction > 0.1 && keptFraction < 0.9, "some kept, some dropped: " + keptFraction);
  }

  @Test
  void configsRoundTripWithKerasKeys() {
    List<Layer> layers = List.of(new Dense(4, "relu").useBias(false), new Activation("gelu"), new Dropout(0.25),
        new Flatten(), new Reshape(3, -1), new Add(), new Concatenate(1));
    for (Layer l : layers) {
      Config c = l.getConfig();
      Layer back = Serialization.deserialize(Serialization.serialize(l), Layer.class);
      assertEquals(c, back.getConfig(), l.className());
      assertTrue(c.has("name") && c.has("trainable") && c.has("dtype"), l.className());
    }
    assertEquals(List.of("name", "trainable", "dtype", "units", "activation", "use_bias", "kernel_initializer",
        "bias_initializer", "kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint",
        "quantization_config"), List.copyOf(new Dense(2).getConfig().json().keySet()));
    assertEquals(List.of("name", "trainable", "dtype", "rate", "seed", "noise_shape"),
        List.copyOf(new Dropout(0.1).getConfig().json().keySet()));
  }

  @Test
  void loraAndQuantizedDenseAndEmbeddingAreRefusedNotLoadedAsPlain() {
    Config lora = new Dense(2).getConfig().put("lora_rank", 4).put("lora_alpha", 4);
    ConfigException e =
        assertThrows(ConfigException.class, () -> Dense.fromConfig(lora));
    assertTrue(e.getMessage().contains("'lora_rank'"), e.getMessage());
    Config quantized = new Dense(2).getConfig().put("quantization_config", Config.empty().put("mode", "int8"));
    assertThrows(ConfigException.class, () -> Dense.fromConfig(quantized));
    Config loraEmbedding = new Embedding(5, 3).getConfig().put("lora_rank", 2);
    ConfigException embedding = assertThrows(ConfigException.class, () -> Embedding.fromConfig(loraEmbedding));
    assertTrue(embedding.getMessage().contains("Embedding") && embedding.getMessage().contains("'lora_rank'"),
        embedding.getMessage());
  }

  @Test
  void symbolicShapesNamesAndFreezing() {
    Tensor in = Input.of(6, 4);
    Tensor h = new Dense(5).apply(in);
    assertEquals(Shape.of(Shape.UNKNOWN, 6, 5), h.shape());
    assertEquals(Shape.of(Shape.UNKNOWN, 30), new Flatten().apply(h).shape());
    assertEquals(Shape.of(Shape.UNKNOWN, 3, 10), new Reshape(3, -1).apply(h).shape());
    Dense a = new Dense(1);
    Dense b = new Dense(1);
    assertTrue(b.name().startsWith("dense_") && !a.name().equals(b.name()));
    a.build(Shape.of(Shape.UNKNOWN, 3), true);
    assertEquals(2, a.trainableWeights().size());
    a.setTrainable(false);
    assertTrue(a.trainableWeights().isEmpty());
    assertEquals(2, a.nonTrainableWeights().size());
    assertFalse(a.weights().get(0).isTrainable());
    assertThrows(IllegalArgumentException.class, () -> new Concatenate().apply(List.of(Input.of(3, 2), Input.of(4, 2))));
  }

  @Test
  void activationSpecHasComputeDtypeAndDropoutNoiseShapeKeepsNone() {
    // Keras's Activation reports its compute dtype symbolically, even for an int input it passes on.
    Tensor ids = Input.of(Shape.of(Shape.UNKNOWN, 3), DType.INT32, "ids");
    Tensor out = new Activation("linear").apply(ids);
    assertEquals(DType.FLOAT32, out.dtype());
    assertEquals(ids.shape(), out.shape());
    // noise_shape entries may be None (taken from the input at call time).
    Config c = new Dropout(0.3, new long[] {Shape.UNKNOWN, 1, 24}, 5L).getConfig();
    assertEquals("[null,1,24]", c.get("noise_shape").toString());
    Dropout back = Serialization.deserialize(Serialization.serialize(new Dropout(0.3, new long[] {Shape.UNKNOWN, 1, 4}, 5L)), Dropout.class);
    assertEquals("[null,1,4]", back.getConfig().get("noise_shape").toString());
    Tensor x = Tensor.of(Nd4j.ones(DataType.FLOAT, 2, 3, 4));
    INDArray y = back.apply(x, true).value();
    for (int b = 0; b < 2; b++) {
      for (int k = 0; k < 4; k++) {
        double first = y.getDouble(b, 0, k);
        for (int t = 1; t < 3; t++) {
          assertEquals(first, y.getDouble(b, t, k), 0.0, "one draw shared along axis 1");
        }
      }
    }
  }
}
