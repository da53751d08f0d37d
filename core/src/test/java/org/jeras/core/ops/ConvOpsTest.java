package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ConvOpsTest {
  private static INDArray rand(long seed, long... shape) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
  }

  private static double[] flat(Tensor t) {
    return t.value().castTo(DataType.DOUBLE).dup('c').data().asDouble();
  }

  @Test
  void conv1dByHand() {
    // x = [1, 2, 3, 4] (one channel), w = [1, -1, 2], stride 1, pad 1 before and after:
    // windows [0,1,2] [1,2,3] [2,3,4] [3,4,0] -> 0-1+4, 1-2+6, 2-3+8, 3-4+0.
    Tensor x = Tensor.of(Nd4j.createFromArray(1.0, 2, 3, 4).reshape(1, 4, 1));
    Tensor w = Tensor.of(Nd4j.createFromArray(1.0, -1, 2).reshape(3, 1, 1));
    Tensor y = ConvOps.conv(x, w, new int[] {1}, new int[][] {{1, 1}}, new int[] {1}, 1);
    assertArrayEquals(new long[] {1, 4, 1}, y.value().shape());
    assertArrayEquals(new double[] {3, 5, 7, -1}, flat(y), 1e-12);
  }

  @Test
  void groupedConvMatchesPerGroupConvs() {
    INDArray x = rand(1, 2, 5, 4);
    INDArray w = rand(2, 3, 2, 6);
    Tensor y = ConvOps.conv(Tensor.of(x), Tensor.of(w), new int[] {1}, new int[][] {{0, 0}}, new int[] {1}, 2);
    for (int g = 0; g < 2; g++) {
      INDArray xg = x.get(NDArrayIndex.all(), NDArrayIndex.all(),
          NDArrayIndex.interval(2 * g, 2 * g + 2)).dup();
      INDArray wg = w.get(NDArrayIndex.all(), NDArrayIndex.all(),
          NDArrayIndex.interval(3 * g, 3 * g + 3)).dup();
      Tensor yg = ConvOps.conv(Tensor.of(xg), Tensor.of(wg), new int[] {1}, new int[][] {{0, 0}}, new int[] {1}, 1);
      INDArray part = y.value().get(NDArrayIndex.all(),
          NDArrayIndex.all(), NDArrayIndex.interval(3 * g, 3 * g + 3));
      assertArrayEquals(flat(yg), part.dup('c').data().asDouble(), 1e-12);
    }
  }

  @Test
  void convGradients() {
    GradCheck.check(t -> ConvOps.conv(t.get(0), t.get(1), new int[] {2}, new int[][] {{1, 2}}, new int[] {1}, 1),
        rand(3, 2, 7, 3), rand(4, 3, 3, 2));
    GradCheck.check(t -> ConvOps.conv(t.get(0), t.get(1), new int[] {1, 2}, new int[][] {{0, 1}, {2, 0}},
        new int[] {2, 1}, 2), rand(5, 1, 5, 4, 4), rand(6, 2, 2, 2, 4));
    GradCheck.check(t -> ConvOps.conv(t.get(0), t.get(1), new int[] {1, 2, 1}, new int[][] {{1, 1}, {0, 0}, {0, 1}},
        new int[] {1, 1, 1}, 1), rand(7, 1, 3, 4, 3, 2), rand(8, 2, 2, 2, 2, 2));
  }

  @Test
  void nativePathMatchesTheReference() {
    // Ungrouped 1-d/2-d/3-d and depthwise 1-d/2-d convolutions run on ND4J's native ops; they must agree with the loop nest,
    // values and gradients, for symmetric and uneven padding, strides and dilation.
    Object[][] cases = {
        {new long[] {2, 7, 3}, new long[] {3, 3, 4}, new int[] {2}, new int[][] {{1, 2}}, new int[] {1}},
        {new long[] {2, 9, 2}, new long[] {2, 2, 3}, new int[] {1}, new int[][] {{2, 0}}, new int[] {2}},
        {new long[] {2, 6, 5, 3}, new long[] {3, 2, 3, 4}, new int[] {1, 2}, new int[][] {{1, 1}, {0, 1}}, new int[] {1, 1}},
        {new long[] {1, 7, 6, 2}, new long[] {2, 3, 2, 2}, new int[] {2, 1}, new int[][] {{1, 1}, {2, 2}}, new int[] {2, 1}},
        {new long[] {1, 4, 5, 3, 2}, new long[] {2, 3, 2, 2, 3}, new int[] {1, 2, 1}, new int[][] {{1, 1}, {0, 1}, {0, 0}},
            new int[] {2, 1, 1}},
        {new long[] {2, 3, 4, 4, 2}, new long[] {2, 2, 3, 2, 2}, new int[] {1, 1, 2}, new int[][] {{0, 0}, {1, 1}, {1, 1}},
            new int[] {1, 1, 1}},
    };
    long seed = 30;
    for (Object[] c : cases) {
      INDArray x = rand(seed++, (long[]) c[0]);
      INDArray w = rand(seed++, (long[]) c[1]);
      int[] s = (int[]) c[2];
      int[][] p = (int[][]) c[3];
      int[] d = (int[]) c[4];
      Tensor fast = ConvOps.conv(Tensor.of(x), Tensor.of(w), s, p, d, 1);
      Tensor ref = ConvOps.convReference(Tensor.of(x), Tensor.of(w), s, p, d, 1);
      assertArrayEquals(ref.value().shape(), fast.value().shape());
      assertArrayEquals(flat(ref), flat(fast), 1e-12);
      GradCheck.check(t -> ConvOps.conv(t.get(0), t.get(1), s, p, d, 1), x, w);
      if (x.rank() == 5) {
        continue;
      }
      // Depthwise with multiplier 2 on the same geometry.
      long[] ds = ((long[]) c[1]).clone();
      ds[ds.length - 2] = x.size(x.rank() - 1);
      ds[ds.length - 1] = 2;
      INDArray dw = rand(seed++, ds);
      Tensor dFast = ConvOps.depthwiseConv(Tensor.of(x), Tensor.of(dw), s, p, d);
      Tensor dRef = ConvOps.depthwiseReference(Tensor.of(x), Tensor.of(dw), s, p, d);
      assertArrayEquals(dRef.value().shape(), dFast.value().shape());
      assertArrayEquals(flat(dRef), flat(dFast), 1e-12);
      GradCheck.check(t -> ConvOps.depthwiseConv(t.get(0), t.get(1), s, p, d), x, dw);
    }
    // The 3-d depthwise path (loop nest).
    GradCheck.check(t -> ConvOps.depthwiseConv(t.get(0), t.get(1), new int[] {1, 2, 1}, new int[][] {{1, 0}, {0, 0},
        {1, 1}}, new int[] {1, 1, 1}), rand(40, 1, 3, 4, 3, 2), rand(41, 2, 2, 2, 2, 2));
  }

  @Test
  void nativeTransposeMatchesTheReference() {
    // {x shape, kernel shape, strides, output size, pad before, dilation}; the last axis of each
    // output size also covers output padding beyond the full result.
    Object[][] cases = {
        {new long[] {2, 4, 3}, new long[] {3, 2, 3}, new int[] {2}, new long[] {8}, new int[] {1}, new int[] {1}},
        {new long[] {1, 5, 2}, new long[] {3, 3, 2}, new int[] {2}, new long[] {12}, new int[] {0}, new int[] {1}},
        {new long[] {2, 3, 4, 3}, new long[] {3, 2, 2, 3}, new int[] {2, 1}, new long[] {6, 5}, new int[] {1, 0},
            new int[] {1, 2}},
        {new long[] {1, 3, 3, 2}, new long[] {4, 4, 3, 2}, new int[] {2, 2}, new long[] {6, 7}, new int[] {1, 1},
            new int[] {1, 1}},
    };
    long seed = 50;
    for (Object[] c : cases) {
      INDArray x = rand(seed++, (long[]) c[0]);
      INDArray w = rand(seed++, (long[]) c[1]);
      int[] s = (int[]) c[2];
      long[] o = (long[]) c[3];
      int[] p = (int[]) c[4];
      int[] d = (int[]) c[5];
      Tensor fast = ConvOps.convTranspose(Tensor.of(x), Tensor.of(w), s, o, p, d);
      Tensor ref = ConvOps.convTransposeReference(Tensor.of(x), Tensor.of(w), s, o, p, d);
      assertArrayEquals(ref.value().shape(), fast.value().shape());
      assertArrayEquals(flat(ref), flat(fast), 1e-12);
      GradCheck.check(t -> ConvOps.convTranspose(t.get(0), t.get(1), s, o, p, d), x, w);
    }
    GradCheck.check(t -> ConvOps.convTranspose(t.get(0), t.get(1), new int[] {2, 1, 1}, new long[] {5, 3, 4},
        new int[] {0, 0, 1}, new int[] {1, 1, 1}), rand(60, 1, 2, 2, 3, 2), rand(61, 2, 2, 2, 2, 2));
  }

  @Test
  void transposeIsTheAdjointOfConv() {
    // <conv(z, w), x> == <z, convT(x, w)> for every z, x: the defining property.
    INDArray w = rand(9, 3, 2, 4, 3);
    INDArray z = rand(10, 2, 7, 6, 4);
    int[] strides = {2, 2};
    int[][] pads = {{1, 1}, {0, 1}};
    Tensor y = ConvOps.conv(Tensor.of(z), Tensor.of(w), strides, pads, new int[] {1, 1}, 1);
    INDArray x = rand(11, y.value().shape());
    Tensor zt = ConvOps.convTransposeReference(Tensor.of(x), Tensor.of(w), strides, new long[] {7, 6}, new int[] {1, 0},
        new int[] {1, 1});
    double lhs = y.value().mul(x).sumNumber().doubleValue();
    double rhs = zt.value().mul(z).sumNumber().doubleValue();
    org.junit.jupiter.api.Assertions.assertEquals(lhs, rhs, 1e-10);
  }

  @Test
  void convTransposeGradients() {
    GradCheck.check(t -> ConvOps.convTranspose(t.get(0), t.get(1), new int[] {2}, new long[] {9}, new int[] {1},
        new int[] {1}), rand(12, 2, 4, 3), rand(13, 3, 2, 3));
    GradCheck.check(t -> ConvOps.convTranspose(t.get(0), t.get(1), new int[] {2, 1}, new long[] {6, 5},
        new int[] {0, 1}, new int[] {1, 2}), rand(14, 1, 3, 3, 2), rand(15, 2, 2, 3, 2));
  }

  @Test
  void kerasPaddingRules() {
    assertArrayEquals(new int[] {1, 1}, ConvOps.samePadding(12, 3, 1, 1));
    assertArrayEquals(new int[] {0, 1}, ConvOps.samePadding(11, 2, 2, 1)); // 6 outputs, 1 extra at the end
    assertArrayEquals(new int[] {1, 1}, ConvOps.samePadding(7, 2, 1, 2)); // effective kernel 3
    org.junit.jupiter.api.Assertions.assertEquals(14, ConvOps.transposeOutputLength(7, 3, 2, 1, "same", null));
    org.junit.jupiter.api.Assertions.assertEquals(30, ConvOps.transposeOutputLength(14, 4, 2, 1, "valid", null));
    org.junit.jupiter.api.Assertions.assertEquals(62, ConvOps.transposeOutputLength(30, 3, 2, 1, "valid", 1));
  }

  @Test
  void poolingByHand() {
    // x = [1, 5, 2, 4, 3], pool 2, stride 2, "same" padding {0, 1}: windows [1,5] [2,4] [3].
    Tensor x = Tensor.of(Nd4j.createFromArray(1.0, 5, 2, 4, 3).reshape(1, 5, 1));
    int[][] pads = {{0, 1}};
    assertArrayEquals(new double[] {5, 4, 3}, flat(PoolOps.maxPool(x, new int[] {2}, new int[] {2}, pads)), 1e-12);
    assertArrayEquals(new double[] {3, 3, 3}, flat(PoolOps.avgPool(x, new int[] {2}, new int[] {2}, pads)), 1e-12);
  }

  @Test
  void nativePoolingMatchesTheReference() {
    int[][][] padsCases = {{{0, 0}, {0, 0}}, {{1, 1}, {0, 0}}, {{1, 1}, {1, 1}}};
    long seed = 70;
    for (int[][] pads : padsCases) {
      for (boolean max : new boolean[] {true, false}) {
        INDArray x = rand(seed++, 2, 5, 6, 3);
        int[] pool = {3, 2};
        int[] strides = {2, 1};
        Tensor fast = max ? PoolOps.maxPool(Tensor.of(x), pool, strides, pads)
            : PoolOps.avgPool(Tensor.of(x), pool, strides, pads);
        Tensor ref = PoolOps.poolReference(Tensor.of(x), pool, strides, pads, max);
        assertArrayEquals(ref.value().shape(), fast.value().shape());
        assertArrayEquals(flat(ref), flat(fast), 1e-12);
        GradCheck.check(t -> max ? PoolOps.maxPool(t.get(0), pool, strides, pads)
            : PoolOps.avgPool(t.get(0), pool, strides, pads), x);
        // The 1-d path (a 2-d window of height 1).
        INDArray x1 = rand(seed++, 2, 7, 3);
        int[][] pads1 = {pads[0]};
        Tensor fast1 = max ? PoolOps.maxPool(Tensor.of(x1), new int[] {3}, new int[] {2}, pads1)
            : PoolOps.avgPool(Tensor.of(x1), new int[] {3}, new int[] {2}, pads1);
        Tensor ref1 = PoolOps.poolReference(Tensor.of(x1), new int[] {3}, new int[] {2}, pads1, max);
        assertArrayEquals(ref1.value().shape(), fast1.value().shape());
        assertArrayEquals(flat(ref1), flat(fast1), 1e-12);
        GradCheck.check(t -> max ? PoolOps.maxPool(t.get(0), new int[] {3}, new int[] {2}, pads1)
            : PoolOps.avgPool(t.get(0), new int[] {3}, new int[] {2}, pads1), x1);
      }
    }
  }

  @Test
  void poolingGradients() {
    int[][] pads2 = {{0, 1}, {1, 1}};
    GradCheck.check(t -> PoolOps.avgPool(t.get(0), new int[] {2, 3}, new int[] {2, 1}, pads2), rand(16, 2, 5, 4, 3));
    GradCheck.check(t -> PoolOps.maxPool(t.get(0), new int[] {2, 3}, new int[] {2, 1}, pads2), rand(17, 2, 5, 4, 3));
    int[][] pads3 = {{0, 1}, {0, 0}, {1, 0}};
    GradCheck.check(t -> PoolOps.avgPool(t.get(0), new int[] {2, 2, 2}, new int[] {1, 2, 1}, pads3),
        rand(18, 1, 3, 4, 3, 2));
    GradCheck.check(t -> PoolOps.maxPool(t.get(0), new int[] {2, 2, 2}, new int[] {1, 2, 1}, pads3),
        rand(19, 1, 3, 4, 3, 2));
  }
}
