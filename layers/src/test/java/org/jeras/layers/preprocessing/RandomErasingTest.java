package org.jeras.layers.preprocessing;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** RandomErasing. */
class RandomErasingTest {
  private static final ValueRange PIXELS = ValueRange.of("t", JsonParser.parseString("[0, 255]"));

  @Test
  void erasesOneRectangleOfTheDrawnArea() {
    int n = 400;
    INDArray x = TestData.uniform(1, 1, 2, n, 10, 10, 1);
    RandomErasing erase = f64(new RandomErasing(new FactorRange(1, 1), new FactorRange(0.09, 0.25),
        JsonParser.parseString("-1"), ValueRange.of("t", JsonParser.parseString("[-5, 5]")), 2L, null));
    INDArray y = erase.apply(Tensor.of(x), true).value();
    for (int i = 0; i < n; i++) {
      INDArray yi = y.slice(i).reshape(10, 10);
      int top = 10;
      int bottom = -1;
      int left = 10;
      int right = -1;
      int erased = 0;
      for (int r = 0; r < 10; r++) {
        for (int c = 0; c < 10; c++) {
          if (yi.getDouble(r, c) == -1) {
            erased++;
            top = Math.min(top, r);
            bottom = Math.max(bottom, r);
            left = Math.min(left, c);
            right = Math.max(right, c);
          } else {
            assertEquals(x.getDouble(i, r, c, 0), yi.getDouble(r, c), 0.0);
          }
        }
      }
      // Sides sqrt(0.09..0.25) * 10 = 3..5 pixels long, give or take one from the real-valued start.
      assertEquals((bottom - top + 1) * (right - left + 1), erased, "a rectangle");
      assertTrue(bottom - top + 1 >= 2 && bottom - top + 1 <= 6 && right - left + 1 >= 2 && right - left + 1 <= 6,
          "side lengths " + (bottom - top + 1) + "x" + (right - left + 1));
    }
    assertEquals(x, erase.apply(Tensor.of(x), false).value(), "identity in inference");
  }

  @Test
  void noiseAndPerChannelFillsAreClippedToTheRange() {
    INDArray x = TestData.uniform(3, 100, 120, 50, 6, 6, 3);
    INDArray y = f64(new RandomErasing(new FactorRange(1, 1), new FactorRange(0.5, 0.5), null, PIXELS, 4L, null))
        .apply(Tensor.of(x), true).value();
    assertTrue(y.minNumber().doubleValue() >= 0 && y.maxNumber().doubleValue() <= 255);
    assertTrue(y.eq(0).castTo(x.dataType()).sumNumber().doubleValue() > 0, "negative noise clipped to 0");
    INDArray rgb = f64(new RandomErasing(new FactorRange(1, 1), new FactorRange(1, 1), JsonParser.parseString(
        "[10, 20, 300]"), PIXELS, 5L, null)).apply(Tensor.of(x), true).value();
    // Scale 1: the whole image, each channel its fill (300 clipped to 255).
    assertEquals(Nd4j.createFromArray(10.0, 20.0, 255.0), rgb.slice(0).slice(0).slice(0));
    assertThrows(IncompatibleInputException.class, () -> new RandomErasing(new FactorRange(1, 1),
        new FactorRange(1, 1), JsonParser.parseString("[1, 2, 3]"), PIXELS, 1L, null)
        .apply(Tensor.of(Nd4j.ones(1, 2, 2, 1)), true));
    assertThrows(ConfigException.class, () -> new RandomErasing(new FactorRange(1, 1), new FactorRange(1, 1),
        JsonParser.parseString("\"red\""), PIXELS, 1L, null));
  }

  @Test
  void gradientsAndConfig() {
    INDArray x = TestData.uniform(6, 0, 1, 2, 4, 4, 3);
    GradCheck.check(t -> f64(new RandomErasing(new FactorRange(0, 1), new FactorRange(0.2, 0.4), null, PIXELS, 7L,
        null)).apply(t.get(0), false), x);
    GradCheck.check(t -> f64(new RandomErasing(new FactorRange(1, 1), new FactorRange(0.2, 0.4),
        JsonParser.parseString("3"), PIXELS, 7L, null)).apply(t.get(0), true), x);
    Layer l = new RandomErasing(new FactorRange(0, 1), new FactorRange(0.02, 0.33), null, PIXELS, null, null);
    assertEquals(l.getConfig(), Serialization.deserialize(Serialization.serialize(l), Layer.class).getConfig());
    assertEquals("[name, trainable, dtype, data_format, factor, scale, fill_value, value_range, seed]",
        l.getConfig().json().keySet().toString());
  }
}
