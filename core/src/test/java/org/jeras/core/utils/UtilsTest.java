package org.jeras.core.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Utils} against values derived from Keras's definitions (numerical_utils.py). */
class UtilsTest {
  private static final double TOL = 1e-12;

  @Test
  void toCategoricalOfKerasDocstringExampleIsTheIdentity() {
    INDArray a = Utils.toCategorical(new int[] {0, 1, 2, 3}, 4);
    assertEquals(DataType.DOUBLE, a.dataType());
    assertEquals(Nd4j.eye(4).castTo(DataType.DOUBLE), a);
  }

  @Test
  void toCategoricalInfersClassesAndDropsATrailingUnitAxis() {
    INDArray a = Utils.toCategorical(Nd4j.createFromArray(new long[][] {{1}, {0}, {2}}));
    assertArrayEquals(new long[] {3, 3}, a.shape());
    assertEquals(Nd4j.createFromArray(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}}), a);
  }

  @Test
  void toCategoricalPutsTheClassAxisLast() {
    INDArray a = Utils.toCategorical(Nd4j.createFromArray(new int[][] {{0, 2}, {1, 1}}), 3);
    assertArrayEquals(new long[] {2, 2, 3}, a.shape());
    assertEquals(1.0, a.getDouble(0, 1, 2));
    assertEquals(1.0, a.getDouble(1, 0, 1));
    assertEquals(4.0, a.sumNumber().doubleValue());
  }

  @Test
  void toCategoricalTruncatesFloatLabelsAndZeroClassesMeansInferred() {
    INDArray a = Utils.toCategorical(Nd4j.createFromArray(1.7f, 0.2f), 0);
    assertEquals(Nd4j.createFromArray(new double[][] {{0, 1}, {1, 0}}), a);
  }

  @Test
  void toCategoricalRefusesLabelsOutsideTheClasses() {
    IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
        () -> Utils.toCategorical(new int[] {0, 4}, 4));
    assertTrue(high.getMessage().contains("label 4 at index 1"), high.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(new int[] {-1}, 4));
    assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(Nd4j.zeros(DataType.INT, 0)));
  }

  @Test
  void normalizeDividesByTheL2NormOfTheLastAxisAndLeavesZeroRows() {
    INDArray x = Nd4j.createFromArray(new double[][] {{3, 4}, {0, 0}, {-1, 0}});
    assertEquals(Nd4j.createFromArray(new double[][] {{0.6, 0.8}, {0, 0}, {-1, 0}}), Utils.normalize(x));
  }

  @Test
  void normalizeAlongAnotherAxisAndOrder() {
    INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}, {-3, 6}});
    // order 1 down the columns: norms 4 and 8.
    assertEquals(Nd4j.createFromArray(new double[][] {{0.25, 0.25}, {-0.75, 0.75}}), Utils.normalize(x, 0, 1));
    // order inf along rows: norms 2 and 6.
    assertEquals(Nd4j.createFromArray(new double[][] {{0.5, 1}, {-0.5, 1}}), Utils.normalize(x, 1, Double.POSITIVE_INFINITY));
    // order -inf along rows: norms 1 and 3.
    assertEquals(Nd4j.createFromArray(new double[][] {{1, 2}, {-1, 2}}), Utils.normalize(x, -1, Double.NEGATIVE_INFINITY));
    // order 0 counts non-zeros: 2 in each row.
    assertEquals(x.div(2), Utils.normalize(x, 1, 0));
    // order 3: (1 + 8)^(1/3) and (27 + 216)^(1/3).
    INDArray n3 = Utils.normalize(x, 1, 3);
    assertEquals(1 / Math.cbrt(9), n3.getDouble(0, 0), TOL);
    assertEquals(6 / Math.cbrt(243), n3.getDouble(1, 1), TOL);
  }

  @Test
  void normalizeKeepsFloat32AndTurnsIntegersIntoFloat64() {
    INDArray f = Utils.normalize(Nd4j.createFromArray(new float[] {3, 4}));
    assertEquals(DataType.FLOAT, f.dataType());
    assertEquals(0.6f, f.getFloat(0), 0f);
    INDArray i = Utils.normalize(Nd4j.createFromArray(new int[] {0, 5}));
    assertEquals(DataType.DOUBLE, i.dataType());
    assertEquals(Nd4j.createFromArray(0.0, 1.0), i);
  }

  @Test
  void normalizeRefusesBadAxesAndScalars() {
    assertThrows(IllegalArgumentException.class, () -> Utils.normalize(Nd4j.ones(2, 2), 2, 2));
    assertThrows(IllegalArgumentException.class, () -> Utils.normalize(Nd4j.scalar(1.0)));
  }
}
