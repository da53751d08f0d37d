package org.jeras.core.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RandomTest {
  private static final long[] SHAPE = {128, 256};

  private static INDArray draw(Seed seed) {
    return RandomOps.uniform(new long[] {4, 5}, DType.FLOAT32, 0, 1, seed);
  }

  @Test
  void fixedSeedsRepeat() {
    assertEquals(draw(Seed.of(5)), draw(Seed.of(5)));
    assertNotEquals(draw(Seed.of(5)), draw(Seed.of(6)));
  }

  @Test
  void seedGeneratorsAdvanceDeterministically() {
    SeedGenerator g = new SeedGenerator(7L);
    INDArray a = draw(g);
    INDArray b = draw(g);
    assertNotEquals(a, b);
    SeedGenerator again = new SeedGenerator(7L);
    assertEquals(a, draw(again));
    assertEquals(b, draw(again));
    assertEquals(7L, g.initialSeed());
  }

  @Test
  void globalSeedMakesUnseededDrawsReproducible() {
    Seeds.setGlobalSeed(99);
    INDArray a = draw(null);
    INDArray b = draw(null);
    INDArray c = draw(new SeedGenerator(null));
    assertNotEquals(a, b);
    Seeds.setGlobalSeed(99);
    assertEquals(a, draw(null));
    assertEquals(b, draw(null));
    assertEquals(c, draw(new SeedGenerator(null)));
    long s = Seeds.makeDefaultSeed();
    assertTrue(s >= 1 && s <= 1_000_000_000L);
  }

  @Test
  void distributions() {
    INDArray n = RandomOps.normal(SHAPE, DType.FLOAT64, 2.0, 3.0, Seed.of(1));
    assertEquals(DataType.DOUBLE, n.dataType());
    assertArrayEquals(SHAPE, n.shape());
    assertEquals(2.0, n.meanNumber().doubleValue(), 5 * 3.0 / Math.sqrt(n.length()));
    assertEquals(3.0, n.stdNumber().doubleValue(), 0.03 * 3.0);
    INDArray t = RandomOps.truncatedNormal(SHAPE, DType.FLOAT32, 0.0, 1.0, Seed.of(2));
    assertTrue(t.amaxNumber().doubleValue() < 2.0);
    assertEquals(0.87962566103423978, t.stdNumber().doubleValue(), 0.02);
    INDArray u = RandomOps.uniform(SHAPE, DType.FLOAT32, -1, 3, Seed.of(3));
    assertTrue(u.minNumber().doubleValue() >= -1 && u.maxNumber().doubleValue() < 3);
    assertEquals(1.0, u.meanNumber().doubleValue(), 5 * (4 / Math.sqrt(12)) / Math.sqrt(u.length()));
    assertEquals(DataType.HALF, RandomOps.uniform(new long[] {3}, DType.FLOAT16, 0, 1, Seed.of(1)).dataType());
    assertThrows(IllegalArgumentException.class, () -> RandomOps.uniform(new long[] {3}, DType.INT32, 0, 1, Seed.of(1)));
  }

  @Test
  void dropout() {
    INDArray ones = Nd4j.ones(DataType.FLOAT, SHAPE);
    INDArray out = RandomOps.dropout(Tensor.of(ones), 0.25, null, Seed.of(4)).value();
    double kept = out.neq(0).castTo(DataType.DOUBLE).sumNumber().doubleValue() / out.length();
    assertEquals(0.75, kept, 5 * Math.sqrt(0.75 * 0.25 / out.length()));
    assertEquals((float) (1 / 0.75), out.maxNumber().floatValue(), 1e-6f);
    assertEquals(0f, out.minNumber().floatValue(), 0f);
    // A noise shape with a 1 shares the draw along that axis.
    INDArray shared = RandomOps.dropout(Tensor.of(Nd4j.ones(DataType.FLOAT, 6, 40)), 0.5, new long[] {1, -1}, Seed.of(5))
        .value();
    for (int r = 1; r < 6; r++) {
      assertEquals(shared.getRow(0), shared.getRow(r));
    }
    assertThrows(IllegalArgumentException.class, () -> RandomOps.dropout(Tensor.of(ones), 1.0, null, Seed.of(1)));
    Nd4j.getRandom().setSeed(8);
    GradCheck.check(t -> RandomOps.dropout(t.get(0), 0.4, null, Seed.of(6)), Nd4j.rand(DataType.DOUBLE, 3, 5));
  }
}
