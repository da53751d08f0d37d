package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Operands an op cannot take are refused in Java ({@link OpShapeException}) before ND4J or OpenBLAS
 * sees them: before issue #9 a too-wide matmul read past its right operand, and far enough it crashed
 * the JVM.
 */
public class OpShapeChecksTest {
  private static Tensor t(long... shape) {
    return Tensor.of(Nd4j.ones(DataType.FLOAT, shape));
  }

  private static String refused(Executable op) {
    return assertThrows(OpShapeException.class, op).getMessage();
  }

  @Test
  void matmulChecksTheContractedDimension() {
    assertEquals("matmul: incompatible shapes (4, 5) and (8, 3) (axis 1 has 5, axis 0 has 8)",
        refused(() -> LinalgOps.matmul(t(4, 5), t(8, 3))));
    assertEquals("matmul: incompatible shapes (4, 2000000) and (8, 3) (axis 1 has 2000000, axis 0 has 8)",
        refused(() -> LinalgOps.matmul(t(4, 2_000_000), t(8, 3))));
    assertEquals("matmul: incompatible shapes (2, 4, 12) and (8, 3) (axis -1 has 12, axis 0 has 8)",
        refused(() -> LinalgOps.matmul(t(2, 4, 12), t(8, 3))));
    assertEquals("matmul: cannot multiply shapes (2, 4, 5) and (2, 8, 3)", refused(() -> LinalgOps.matmul(t(2, 4, 5), t(2, 8, 3))));
    assertEquals("matmul: operands must have rank 2 or more, got shapes (8,) and (8, 3)",
        refused(() -> LinalgOps.matmul(t(8), t(8, 3))));
    assertEquals("matmul: incompatible shapes (4, 5) and (8, 3) (axis 1 has 5, axis 0 has 8)",
        refused(() -> Kernels.matmul(t(4, 5).value(), false, t(8, 3).value(), false)));
    assertEquals("matmul: incompatible shapes (5, 4) and (8, 3) (axis 0 has 5, axis 0 has 8)",
        refused(() -> Kernels.matmul(t(5, 4).value(), true, t(8, 3).value(), false)));
    // Right shapes still multiply.
    assertArrayEquals(new long[] {4, 3}, LinalgOps.matmul(t(4, 8), t(8, 3)).value().shape());
    assertEquals(8.0, LinalgOps.matmul(t(4, 8), t(8, 3)).value().getDouble(0, 0));
  }

  @Test
  void affineChecksKernelAndBias() {
    assertEquals("matmul: incompatible shapes (4, 5) and (8, 3) (axis 1 has 5, axis 0 has 8)",
        refused(() -> LinalgOps.affine(t(4, 5), t(8, 3), t(3))));
    assertEquals("affine: the bias must have size 3 on axis 0, got shape (4,)",
        refused(() -> LinalgOps.affine(t(4, 8), t(8, 3), t(4))));
  }

  @Test
  void convolutionsCheckRanksChannelsAndArguments() {
    int[] one = {1, 1};
    int[][] noPad = {{0, 0}, {0, 0}};
    assertEquals("conv: the input must have size 3 on axis -1, got shape (2, 9, 9, 4)",
        refused(() -> ConvOps.conv(t(2, 9, 9, 4), t(3, 3, 3, 2), one, noPad, one, 1)));
    assertEquals("conv: kernel must have rank 4 for input (2, 9, 9, 3), got shape (3, 3, 2)",
        refused(() -> ConvOps.conv(t(2, 9, 9, 3), t(3, 3, 2), one, noPad, one, 1)));
    assertEquals("conv: input must have rank 3, 4 or 5 (batch, spatial axes, channels), got shape (9, 3)",
        refused(() -> ConvOps.conv(t(9, 3), t(3, 3, 3, 2), one, noPad, one, 1)));
    assertEquals("conv: strides must be positive, got 0",
        refused(() -> ConvOps.conv(t(2, 9, 9, 3), t(3, 3, 3, 2), new int[] {0, 1}, noPad, one, 1)));
    assertEquals("depthwise_conv: the input must have size 3 on axis -1, got shape (2, 9, 9, 5)",
        refused(() -> ConvOps.depthwiseConv(t(2, 9, 9, 5), t(3, 3, 3, 2), one, noPad, one)));
    assertEquals("conv_transpose: the input must have size 3 on axis -1, got shape (2, 9, 9, 5)",
        refused(() -> ConvOps.convTranspose(t(2, 9, 9, 5), t(3, 3, 2, 3), one, new long[] {11, 11}, new int[] {0, 0}, one)));
    assertEquals("max_pool: input must have rank 3, 4 or 5 (batch, spatial axes, channels), got shape (2, 9)",
        refused(() -> PoolOps.maxPool(t(2, 9), new int[] {2}, new int[] {2}, new int[][] {{0, 0}})));
    assertEquals("average_pool: expected 2 pool sizes, got 1",
        refused(() -> PoolOps.avgPool(t(2, 9, 9, 3), new int[] {2}, new int[] {2, 2}, noPad)));
  }

  @Test
  void lstmChecksEveryOperand() {
    Tensor k = t(5, 16);
    Tensor r = t(4, 16);
    Tensor b = t(16);
    Tensor h = t(2, 4);
    assertEquals("lstm: incompatible shapes (2, 7, 6) and (5, 16) (axis -1 has 6, axis 0 has 5)",
        refused(() -> RnnOps.lstm(t(2, 7, 6), k, r, b, h, h)));
    assertEquals("lstm: the input must have rank 3, got shape (2, 5)", refused(() -> RnnOps.lstm(t(2, 5), k, r, b, h, h)));
    assertEquals("lstm: the initial state must have size 2 on axis 0, got shape (3, 4)",
        refused(() -> RnnOps.lstm(t(2, 7, 5), k, r, b, t(3, 4), h)));
    assertEquals("lstm: the bias must have size 16 on axis 0, got shape (12,)",
        refused(() -> RnnOps.lstm(t(2, 7, 5), k, r, t(12), h, h)));
  }

  @Test
  void arrayOpsCheckAxesIndicesAndSizes() {
    assertEquals("gather: index 10 is out of range [0, 10)",
        refused(() -> ArrayOps.gather(t(10, 4), Tensor.of(Nd4j.createFromArray(1, 10)))));
    assertEquals("gather: index -1 is out of range [0, 10)",
        refused(() -> ArrayOps.gather(t(10, 4), Tensor.of(Nd4j.createFromArray(-1)))));
    assertEquals("reshape: cannot reshape an array of shape (4, 5) (20 entries) into shape [3, -1]",
        refused(() -> ArrayOps.reshape(t(4, 5), 3, -1)));
    assertEquals("concatenate: cannot join shapes (2, 3) and (4, 4) along axis 1",
        refused(() -> ArrayOps.concat(List.of(t(2, 3), t(4, 4)), 1)));
    assertEquals("transpose: [0, 0] is not a permutation of the axes of a tensor of rank 2",
        refused(() -> ArrayOps.transpose(t(2, 3), 0, 0)));
    assertEquals("slice: [2, 9) is out of range for axis 1 of shape (2, 3)", refused(() -> ArrayOps.slice(t(2, 3), 1, 2, 9)));
    assertEquals("reduce: axis 2 is out of bounds for a tensor of rank 2", refused(() -> ReduceOps.sum(t(2, 3), false, 2)));
    assertEquals("softmax: axis -3 is out of bounds for a tensor of rank 2", refused(() -> NnOps.softmax(t(2, 3), -3)));
    assertEquals("reverse: axis 3 is out of bounds for a tensor of rank 3", refused(() -> RnnOps.reverse(t(2, 3, 4), 3)));
    assertEquals("Shapes [4, 5] and [4, 8] cannot be broadcast", refused(() -> MathOps.add(t(4, 5), t(4, 8))));
  }
}
