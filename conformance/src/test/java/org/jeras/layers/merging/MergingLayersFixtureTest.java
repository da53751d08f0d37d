package org.jeras.layers.merging;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.jeras.conformance.KerasModels;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class MergingLayersFixtureTest {
  private static final Set<String> MINE = Set.of("Subtract", "Multiply", "Average", "Maximum", "Minimum", "Dot");

  @Test
  void fixturesMatchKeras() {
    for (String dir : List.of("", "jax/")) {
      KerasModels.assertReproduces(dir + "merge_ops");
      KerasModels.assertReproduces(dir + "dot_layers");
    }
  }

  @Test
  void fixtureConfigsRoundTrip() {
    assertEquals(5, KerasModels.assertLayerConfigsRoundTrip("merge_ops", MINE));
    assertEquals(5, KerasModels.assertLayerConfigsRoundTrip("dot_layers", MINE));
  }

  @Test
  void elementwiseMath() {
    Tensor a = Tensor.of(new double[][] {{1, -2, 3}});
    Tensor b = Tensor.of(new double[][] {{4, 5, -6}});
    Tensor c = Tensor.of(new double[][] {{0, 1, 2}});
    KerasModels.assertClose(Nd4j.create(new double[][] {{-3, -7, 9}}), new Subtract().apply(List.of(a, b)).value(), "math");
    KerasModels.assertClose(Nd4j.create(new double[][] {{0, -10, -36}}), new Multiply().apply(List.of(a, b, c)).value(), "math");
    KerasModels.assertClose(Nd4j.create(new double[][] {{5.0 / 3, 4.0 / 3, -1.0 / 3}}), new Average().apply(List.of(a, b, c)).value(), "math");
    KerasModels.assertClose(Nd4j.create(new double[][] {{4, 5, 3}}), new Maximum().apply(List.of(a, b, c)).value(), "math");
    KerasModels.assertClose(Nd4j.create(new double[][] {{0, -2, -6}}), new Minimum().apply(List.of(a, b, c)).value(), "math");
    assertThrows(IllegalArgumentException.class, () -> new Subtract().apply(List.of(a, b, c)));
  }

  private static Tensor seq(double v0, double v1, boolean m0, boolean m1) {
    Tensor mask = Tensor.of(Nd4j.create(new boolean[] {m0, m1}, new long[] {1, 2}, DataType.BOOL));
    return Tensor.of(Nd4j.create(new double[] {v0, v1}, new long[] {1, 2, 1})).withMask(mask);
  }

  @Test
  void maskedInputsFollowKeras() {
    Tensor a = seq(1, 5, true, false);
    Tensor b = seq(3, 2, false, true);
    // Masked entries take the other operand's value; the output mask is the OR.
    for (Layer l : List.of(new Maximum(), new Minimum(), new Multiply())) {
      Tensor out = f64(l).apply(List.of(a, b));
      KerasModels.assertClose(Nd4j.create(new double[] {1, 2}, new long[] {1, 2, 1}), out.value(), l.className());
      assertEquals(List.of(true, true), List.of(out.mask().value().getDouble(0, 0) != 0, out.mask().value().getDouble(0, 1) != 0));
    }
    // Multiply: entries masked in every input become 0.
    Tensor c = seq(3, 7, true, false);
    Tensor p = f64(new Multiply()).apply(List.of(a, c));
    KerasModels.assertClose(Nd4j.create(new double[] {3, 0}, new long[] {1, 2, 1}), p.value(), "masked product");
    // Only some inputs masked: no output mask (Keras's Merge.compute_mask).
    Tensor plain = Tensor.of(Nd4j.create(new double[] {4, 4}, new long[] {1, 2, 1}));
    Tensor m = f64(new Maximum()).apply(List.of(a, plain));
    KerasModels.assertClose(Nd4j.create(new double[] {4, 4}, new long[] {1, 2, 1}), m.value(), "max, one input masked");
    assertNull(m.mask());
    for (Layer l : List.of(new Add(), new Subtract(), new Average(), new Multiply(), new Minimum())) {
      assertNull(f64(l).apply(List.of(a, plain)).mask(), l.className());
    }
    // Every input masked: the OR of the masks, for the additive merges too.
    for (Layer l : List.of(new Add(), new Subtract(), new Average())) {
      Tensor out = f64(l).apply(List.of(a, b));
      assertEquals(List.of(true, true), List.of(out.mask().value().getDouble(0, 0) != 0, out.mask().value().getDouble(0, 1) != 0),
          l.className());
    }
  }
}
