package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jeras.core.graph.OpGraph;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.graph.Tracer;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The boolean ops masks are built from: values, shapes, and that a trace records them as ops. */
class MaskOpsValuesTest {
  @Test
  void notEqualAnyAndLogicalOr() {
    Tensor x = Tensor.of(new double[][] {{0, 2, 0}, {0, 0, 0}});
    Tensor ne = MathOps.notEqual(x, 0);
    assertEquals(DataType.BOOL, ne.value().dataType());
    assertArrayEquals(new double[] {0, 1, 0, 0, 0, 0}, bits(ne));
    Tensor rows = ReduceOps.any(ne, false, -1);
    assertArrayEquals(new long[] {2}, rows.value().shape());
    assertArrayEquals(new double[] {1, 0}, bits(rows));
    assertArrayEquals(new long[] {2, 1}, ReduceOps.any(x, true, 1).value().shape());
    // Non-zero floats count as true, negative ones included.
    assertArrayEquals(new double[] {1}, bits(ReduceOps.any(Tensor.of(new double[][] {{0, -0.5}}), false)));
    Tensor column = Tensor.of(Nd4j.createFromArray(new boolean[][] {{true}, {false}}));
    Tensor or = MathOps.logicalOr(column, ne);
    assertArrayEquals(new long[] {2, 3}, or.value().shape());
    assertArrayEquals(new double[] {1, 1, 1, 0, 0, 0}, bits(or));
  }

  private static double[] bits(Tensor t) {
    assertEquals(DataType.BOOL, t.value().dataType());
    return t.value().castTo(DataType.DOUBLE).reshape(t.value().length()).toDoubleVector();
  }

  @Test
  void aTraceRecordsTheMaskOps() {
    OpGraph g = Tracer.traceOnce(List.of(new TensorSpec("x", new long[] {2, 3}, DType.FLOAT32)),
        in -> List.of(ReduceOps.any(MathOps.logicalOr(MathOps.notEqual(in.get(0), 0.5), in.get(0)), false, 1)),
        List.of(Nd4j.createFromArray(new float[][] {{0.5f, 0, 0.5f}, {0.5f, 0.5f, 0.5f}})));
    assertEquals(List.of("not_equal_scalar", "logical_or", "any"), g.nodes().stream().map(n -> n.op().name()).toList());
  }
}
