package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Endpoints take and return float16, bool, int8, uint8 and int16 tensors, as Keras's input signatures allow. */
class EndpointDtypesTest {
  @TempDir
  Path dir;

  private static TensorSpec spec(String name, DType dtype) {
    return new TensorSpec(name, new long[] {-1, 3}, dtype);
  }

  @Test
  void halfFloatsInAndOut() {
    ExportArchive a = new ExportArchive();
    a.addEndpoint("twice", args -> List.of(MathOps.mul(args.get(0), 2.0),
        MathOps.cast(MathOps.mul(MathOps.cast(args.get(0), DType.FLOAT32), 2.0), DType.FLOAT32)),
        spec("x", DType.FLOAT16));
    a.writeOut(dir);
    INDArray x = Nd4j.createFromArray(new float[][] {{0.5f, -1.25f, 3f}, {1024f, 0.1f, -0f}}).castTo(DataType.HALF);
    try (ExportedModel m = ExportedModel.load(dir)) {
      List<INDArray> out = m.endpoint("twice").call(x);
      assertEquals(DataType.HALF, out.get(0).dataType());
      // Doubling is exact in half precision for these values (0.1 is its nearest half, doubled).
      assertEquals(x.castTo(DataType.FLOAT).mul(2), out.get(0).castTo(DataType.FLOAT));
      assertEquals(x.castTo(DataType.FLOAT).mul(2), out.get(1));
    }
  }

  @Test
  void boolMaskAndSmallIntegers() {
    ExportArchive a = new ExportArchive();
    a.addEndpoint("select", args -> List.of(MathOps.where(args.get(0), MathOps.cast(args.get(1), DType.FLOAT32),
        MathOps.cast(args.get(2), DType.FLOAT32)), MathOps.notEqual(args.get(3), 0)),
        spec("mask", DType.BOOL), spec("pixels", DType.UINT8), spec("small", DType.INT8), spec("shorts", DType.INT16));
    a.writeOut(dir);
    INDArray mask = Nd4j.createFromArray(new boolean[][] {{true, false, true}, {false, false, true}});
    INDArray pixels = Nd4j.createFromArray(new int[][] {{255, 0, 128}, {7, 200, 1}}).castTo(DataType.UBYTE);
    INDArray small = Nd4j.createFromArray(new int[][] {{-128, 5, 127}, {-1, -2, 3}}).castTo(DataType.BYTE);
    INDArray shorts = Nd4j.createFromArray(new int[][] {{0, -300, 30000}, {1, 0, 0}}).castTo(DataType.SHORT);
    try (ExportedModel m = ExportedModel.load(dir)) {
      List<INDArray> out = m.endpoint("select").call(mask, pixels, small, shorts);
      assertEquals(Nd4j.createFromArray(new float[][] {{255, 5, 128}, {-1, -2, 1}}), out.get(0));
      assertEquals(DataType.BOOL, out.get(1).dataType());
      assertEquals(Nd4j.createFromArray(new boolean[][] {{false, true, true}, {true, false, false}}), out.get(1));
    }
  }

  @Test
  void wrongArgumentsAreTypedErrors() {
    ExportArchive a = new ExportArchive();
    a.addEndpoint("f", args -> List.of(MathOps.mul(args.get(0), 2.0)), spec("x", DType.FLOAT32));
    a.writeOut(dir);
    try (ExportedModel m = ExportedModel.load(dir)) {
      IncompatibleInputException e = assertThrows(IncompatibleInputException.class,
          () -> m.endpoint("f").call(Nd4j.zeros(2, 4)));
      assertEquals("Argument 'x' of endpoint 'f' must have shape (None, 3), got [2, 4]", e.getMessage());
      assertThrows(IncompatibleInputException.class, () -> m.endpoint("f").call(Nd4j.zeros(2, 3), Nd4j.zeros(2, 3)));
    }
  }
}
