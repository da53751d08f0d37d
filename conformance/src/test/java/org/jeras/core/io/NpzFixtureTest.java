package org.jeras.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class NpzFixtureTest {
  @Test
  void readsKerasFixture() {
    Map<String, INDArray> io = Fixtures.npz("seq_mlp.io.npz");
    assertArrayEquals(new long[] {5, 8}, io.get("x").shape());
    assertArrayEquals(new long[] {5, 4}, io.get("y").shape());
    assertEquals(DataType.FLOAT, io.get("y").dataType());
  }
}
