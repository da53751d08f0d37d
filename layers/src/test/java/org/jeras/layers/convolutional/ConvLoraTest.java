package org.jeras.layers.convolutional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.constraints.Constraint;
import org.jeras.core.constraints.NonNeg;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.core.testing.MapVariableStore;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's LoRA on BaseConv layers ({@code lora_rank}, {@code lora_alpha}). */
class ConvLoraTest {
  private static INDArray seq(long... shape) {
    INDArray a = Nd4j.linspace(DataType.FLOAT, -1, 0.37, Nd4j.create(shape).length()).reshape(shape);
    return a.muli(0.1);
  }

  @Test
  void convolvesWithTheMergedKernelAndFreezesTheKernel() {
    Conv2D lora = new Conv2D(3, 2).padding("same").lora(2, 4);
    INDArray x = seq(2, 4, 5, 2);
    lora.apply(Tensor.of(x));
    List<Variable> w = lora.weights();
    assertEquals(List.of("kernel", "bias", "lora_kernel_a", "lora_kernel_b"), w.stream().map(Variable::name).toList());
    assertEquals(Shape.of(2, 2, 2, 2), w.get(2).shape());
    assertEquals(Shape.of(2, 3), w.get(3).shape());
    assertEquals(List.of("bias", "lora_kernel_a", "lora_kernel_b"),
        lora.trainableWeights().stream().map(Variable::name).toList());
    assertEquals(List.of("kernel"), lora.nonTrainableWeights().stream().map(Variable::name).toList());
    // lora_kernel_b starts at zero, so a fresh layer computes with its kernel alone.
    assertEquals(0.0, w.get(3).array().sumNumber().doubleValue());
    w.get(3).assign(seq(2, 3));

    INDArray merged = w.get(0).array().add(
        Nd4j.tensorMmul(w.get(2).array(), w.get(3).array(), new int[][] {{3}, {0}}).mul(4.0 / 2));
    Conv2D plain = new Conv2D(3, 2).padding("same");
    plain.apply(Tensor.of(x));
    plain.setWeights(List.of(merged, w.get(1).array()));
    INDArray expected = plain.apply(Tensor.of(x)).value();
    INDArray got = lora.apply(Tensor.of(x)).value();
    assertTrue(expected.equalsWithEps(got, 1e-6), got + " vs " + expected);

    // Saved: the merged kernel and the bias only; loaded back: LoRA weights zeroed, same output.
    MapVariableStore store = new MapVariableStore("layers/conv2d/vars");
    lora.saveOwnVariables(store);
    assertEquals(List.of("0", "1"), store.keys());
    assertTrue(merged.equalsWithEps(store.get("0"), 1e-6));
    Conv2D back = (Conv2D) Serialization.deserialize(Serialization.serialize(lora), Layer.class);
    back.apply(Tensor.of(x));
    back.loadOwnVariables(store);
    assertEquals(0.0, back.weights().get(2).array().amaxNumber().doubleValue());
    assertTrue(expected.equalsWithEps(back.apply(Tensor.of(x)).value(), 1e-6));
  }

  @Test
  void configCarriesRankAndAlphaOnlyWhenSet() {
    Conv1D c = new Conv1D(4, 3).lora(3, null);
    assertEquals(3, c.getConfig().getInt("lora_rank"));
    assertEquals(3, c.getConfig().getInt("lora_alpha"));
    Conv1D round = (Conv1D) Serialization.deserialize(Serialization.serialize(c), Layer.class);
    assertEquals(c.getConfig(), round.getConfig());
    assertEquals(3, round.loraRank());
    assertFalse(new Conv3D(2, 2).getConfig().has("lora_rank"));
    assertThrows(ConfigException.class, () -> new Conv1D(2, 2).lora(0, null));
  }

  @Test
  void refusesKernelConstraints() {
    Constraint nonNeg = new NonNeg();
    Conv1D c = new Conv1D(2, 2).constraint("kernel", nonNeg).lora(2, null);
    assertThrows(ConfigException.class, () -> c.apply(Tensor.of(seq(1, 4, 3))));
  }
}
