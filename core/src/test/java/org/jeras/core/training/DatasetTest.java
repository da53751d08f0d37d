package org.jeras.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class DatasetTest {
  /** Row i of every array holds the value i, so each batch row says which sample it is. */
  private static Dataset numbered(int n) {
    INDArray x = Nd4j.create(DataType.FLOAT, n, 3, 2);
    INDArray y = Nd4j.create(DataType.INT32, n, 2);
    for (int i = 0; i < n; i++) {
      x.get(NDArrayIndex.point(i)).assign(i);
      y.getRow(i).assign(i);
    }
    INDArray w = Nd4j.arange(n).castTo(DataType.DOUBLE);
    return new Dataset(List.of(x), List.of(y), w);
  }

  @Test
  void shuffledBatchesHoldEveryRowOnceWithItsLabelsAndWeights() {
    int n = 11;
    Iterator<Batch> it = numbered(n).iterator(4, new Random(5));
    List<Integer> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    while (it.hasNext()) {
      Batch b = it.next();
      sizes.add((int) b.size());
      for (int r = 0; r < b.size(); r++) {
        int id = b.x().get(0).getInt(r, 0, 0);
        seen.add(id);
        assertEquals(id, b.x().get(0).getInt(r, 2, 1));
        assertEquals(id, b.y().get(0).getInt(r, 1));
        assertEquals(DataType.INT32, b.y().get(0).dataType());
        assertEquals(id, b.sampleWeight().getDouble(r), 0.0);
      }
    }
    assertEquals(List.of(4, 4, 3), sizes);
    assertNotEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), seen);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), seen.stream().sorted().toList());
  }

  @Test
  void shuffledStringRowsStayWhole() {
    INDArray text = Nd4j.create("a0", "b0", "a1", "b1", "a2", "b2").reshape(3, 2);
    INDArray y = Nd4j.createFromArray(0f, 1f, 2f).reshape(3, 1);
    Iterator<Batch> it = new Dataset(List.of(text), List.of(y), null).iterator(2, new Random(3));
    int rows = 0;
    while (it.hasNext()) {
      Batch b = it.next();
      for (int r = 0; r < b.size(); r++, rows++) {
        int id = b.y().get(0).getInt(r, 0);
        assertEquals("a" + id, b.x().get(0).getString(2 * r));
        assertEquals("b" + id, b.x().get(0).getString(2 * r + 1));
      }
    }
    assertEquals(3, rows);
  }

  @Test
  void unshuffledBatchesAreInOrder() {
    Iterator<Batch> it = numbered(5).iterator(2, null);
    List<Integer> seen = new ArrayList<>();
    while (it.hasNext()) {
      Batch b = it.next();
      for (int r = 0; r < b.size(); r++) {
        seen.add(b.y().get(0).getInt(r, 0));
      }
    }
    assertEquals(List.of(0, 1, 2, 3, 4), seen);
  }
}
