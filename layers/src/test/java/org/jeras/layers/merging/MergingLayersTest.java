package org.jeras.layers.merging;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MergingLayersTest {

  private static INDArray rand(long seed, long... shape) {
    return TestData.uniform(seed, -0.5, 0.5, shape);
  }

  @Test
  void configsRoundTrip() {
    for (Layer l : List.of(new Subtract(), new Multiply(), new Average(), new Maximum(), new Minimum(),
        new Dot(-1, true), new Dot(1, 2, false))) {
      Layer back = Serialization.deserialize(Serialization.serialize(l), Layer.class);
      assertEquals(l.getConfig(), back.getConfig(), l.className());
    }
  }

  private static Tensor seq(double v0, double v1, boolean m0, boolean m1) {
    Tensor mask = Tensor.of(Nd4j.create(new boolean[] {m0, m1}, new long[] {1, 2}, DataType.BOOL));
    return Tensor.of(Nd4j.create(new double[] {v0, v1}, new long[] {1, 2, 1})).withMask(mask);
  }

  @Test
  void dotShapesFollowBatchDot() {
    // (b, 3, 5) . (b, 10, 3) over axes (1, 2) -> (b, 5, 10), as in Keras's docstring.
    INDArray x = rand(1, 2, 3, 5);
    INDArray y = rand(2, 2, 10, 3);
    INDArray out = f64(new Dot(1, 2, false)).apply(List.of(Tensor.of(x), Tensor.of(y))).value();
    assertEquals(List.of(2L, 5L, 10L), List.of(out.size(0), out.size(1), out.size(2)));
    // out[b, i, j] = sum_k x[b, k, i] * y[b, j, k]
    double expected = 0;
    for (int k = 0; k < 3; k++) {
      expected += x.getDouble(1, k, 4) * y.getDouble(1, 7, k);
    }
    assertEquals(expected, out.getDouble(1, 4, 7), 1e-12);
    // Rank-4 against rank-2.
    INDArray x4 = rand(3, 2, 3, 4, 5);
    INDArray v = rand(4, 2, 4);
    INDArray r = new Dot(2, 1, false).apply(List.of(Tensor.of(x4), Tensor.of(v))).value();
    assertEquals(List.of(2L, 3L, 5L), List.of(r.size(0), r.size(1), r.size(2)));
  }

  @Test
  void gradients() {
    INDArray a = rand(5, 3, 4);
    INDArray b = rand(6, 3, 4);
    INDArray c = rand(7, 3, 4);
    for (Layer l : List.of(new Subtract(), new Multiply(), new Average(), new Maximum(), new Minimum())) {
      Layer m = f64(l);
      if (l instanceof Subtract) {
        GradCheck.check(t -> m.apply(List.of(t.get(0), t.get(1))), a, b);
      } else {
        GradCheck.check(t -> m.apply(List.of(t.get(0), t.get(1), t.get(2))), a, b, c);
      }
    }
    GradCheck.check(t -> f64(new Dot(1, false)).apply(List.of(t.get(0), t.get(1))), a, b);
    GradCheck.check(t -> f64(new Dot(1, true)).apply(List.of(t.get(0), t.get(1))), a, b);
    GradCheck.check(t -> f64(new Dot(2, 2, true)).apply(List.of(t.get(0), t.get(1))), rand(8, 2, 3, 4), rand(9, 2, 5, 4));
    GradCheck.check(t -> f64(new Dot(1, 1, false)).apply(List.of(t.get(0), t.get(1))), rand(8, 2, 3, 4), rand(9, 2, 3, 2));
  }

  @Test
  void trainsThroughMerges() {
    INDArray x = rand(11, 8, 3);
    INDArray target = x.sum(true, 1).transposei().transpose();
    Dense p = f64(new Dense(3));
    Dense q = f64(new Dense(3));
    Layer avg = f64(new Average());
    Layer dot = f64(new Dot(1, false));
    INDArray tgt = target.reshape(8, 1);
    p.apply(Tensor.of(x));
    q.apply(Tensor.of(x));
    TinyTraining.assertLossFalls(() -> {
      Tensor in = Tensor.of(x);
      Tensor h = avg.apply(List.of(p.apply(in), q.apply(in)));
      Tensor d = dot.apply(List.of(h, in));
      return ReduceOps.mean(MathOps.square(MathOps.sub(d, Tensor.of(tgt))));
    }, concat(p.trainableWeights(), q.trainableWeights()), 0.1, 30, 0.7);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    ArrayList<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void concatenateMaskFollowsKeras() {
    Tensor a = seq(1, 5, true, false);
    Tensor b = seq(3, 2, false, true);
    Tensor plain = Tensor.of(Nd4j.create(new double[] {4, 4}, new long[] {1, 2, 1}));
    // Along the time axis: the masks are joined, one entry per output step.
    Tensor time = f64(new Concatenate(1)).apply(List.of(a, b));
    assertArrayEquals(new double[] {1, 0, 0, 1}, time.mask().value().castTo(DataType.DOUBLE).toDoubleVector());
    // Along features: a step is kept when any input keeps it; an unmasked input keeps every step.
    Tensor feat = f64(new Concatenate(-1)).apply(List.of(a, b));
    assertArrayEquals(new double[] {1, 1}, feat.mask().value().castTo(DataType.DOUBLE).toDoubleVector());
    Tensor withPlain = f64(new Concatenate(-1)).apply(List.of(a, plain));
    assertArrayEquals(new double[] {1, 1}, withPlain.mask().value().castTo(DataType.DOUBLE).toDoubleVector());
    Tensor timePlain = f64(new Concatenate(1)).apply(List.of(a, plain));
    assertArrayEquals(new double[] {1, 0, 1, 1}, timePlain.mask().value().castTo(DataType.DOUBLE).toDoubleVector());
  }
}
