package org.jeras.core.tensor;

import static org.jeras.core.tensor.DType.BFLOAT16;
import static org.jeras.core.tensor.DType.BOOL;
import static org.jeras.core.tensor.DType.FLOAT16;
import static org.jeras.core.tensor.DType.FLOAT32;
import static org.jeras.core.tensor.DType.FLOAT64;
import static org.jeras.core.tensor.DType.INT16;
import static org.jeras.core.tensor.DType.INT32;
import static org.jeras.core.tensor.DType.INT64;
import static org.jeras.core.tensor.DType.INT8;
import static org.jeras.core.tensor.DType.UINT8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jeras.core.ops.ArrayOps;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** DType.promote follows Keras's result_type lattice; concat uses it for mixed inputs. */
class DTypePromotionTest {
  @Test
  void promotesLikeKerasResultType() {
    assertEquals(FLOAT32, DType.promote(INT32, FLOAT32));
    assertEquals(FLOAT32, DType.promote(INT64, FLOAT32));
    assertEquals(FLOAT16, DType.promote(INT64, FLOAT16));
    assertEquals(FLOAT32, DType.promote(FLOAT16, BFLOAT16));
    assertEquals(FLOAT64, DType.promote(FLOAT32, FLOAT64));
    assertEquals(INT64, DType.promote(INT32, INT64));
    assertEquals(INT16, DType.promote(UINT8, INT8));
    assertEquals(INT32, DType.promote(INT32, UINT8));
    assertEquals(INT8, DType.promote(BOOL, INT8));
    assertEquals(FLOAT32, DType.promote(FLOAT32, BOOL));
    assertEquals(INT32, DType.promote(INT32, INT32));
  }

  @Test
  void concatOfMixedDtypesPromotes() {
    Tensor i = Tensor.of(Nd4j.createFromArray(new int[][] {{1, 2}}));
    Tensor f = Tensor.of(Nd4j.createFromArray(new float[][] {{0.5f}}));
    Tensor out = ArrayOps.concat(List.of(i, f), -1);
    assertEquals(DataType.FLOAT, out.value().dataType());
    assertEquals(Nd4j.createFromArray(new float[][] {{1f, 2f, 0.5f}}), out.value());
  }
}
