package org.jeras.core.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.DType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class STFTTest {
  @Test
  void dftBasis() {
    // 3 bins -> fft length 4: entry (t, f) is cos or sin of -2 pi t f / 4.
    INDArray real = new STFT("real", null, null, false).generate(new long[] {4, 1, 3}, DType.FLOAT64);
    INDArray imag = new STFT("imag", null, "density", false).generate(new long[] {4, 1, 3}, DType.FLOAT64);
    for (int t = 0; t < 4; t++) {
      for (int f = 0; f < 3; f++) {
        double arg = -2 * Math.PI * t * f / 4.0;
        assertEquals(Math.cos(arg), real.getDouble(t, 0, f), 1e-12);
        assertEquals(Math.sin(arg), imag.getDouble(t, 0, f), 1e-12);
      }
    }
  }

  @Test
  void windowsAndScaling() {
    // Periodic hann of 4 points: (0, 0.5, 1, 0.5); density divides by its L2 norm sqrt(1.5).
    double[] hann = {0, 0.5, 1, 0.5};
    INDArray k = new STFT("real", "hann", "density", true).generate(new long[] {4, 1, 3}, DType.FLOAT64);
    INDArray s = new STFT("real", "hann", "spectrum", true).generate(new long[] {4, 1, 3}, DType.FLOAT64);
    for (int t = 0; t < 4; t++) {
      for (int f = 0; f < 3; f++) {
        double c = Math.cos(-2 * Math.PI * t * f / 4.0);
        assertEquals(c * hann[t] / Math.sqrt(1.5), k.getDouble(t, 0, f), 1e-12);
        assertEquals(c * hann[t] / 2.0, s.getDouble(t, 0, f), 1e-12);
      }
    }
    assertArrayEquals(new double[] {0, 0.5, 1, 0.5, 0}, STFT.scipyWindow("hann", 5, false), 1e-12);
    assertArrayEquals(new double[] {0.08, 0.54, 1, 0.54, 0.08}, STFT.scipyWindow("hamming", 5, false), 1e-12);
    assertArrayEquals(new double[] {0, 0.34, 1, 0.34, 0}, STFT.scipyWindow("blackman", 5, false), 1e-12);
    assertArrayEquals(new double[] {0, 0.5, 1, 0.5, 0}, STFT.scipyWindow("bartlett", 5, false), 1e-12);
    assertArrayEquals(new double[] {0, 0.5, 1, 0.5}, STFT.scipyWindow("bartlett", 4, true), 1e-12);
  }

  @Test
  void config() {
    assertEquals("{\"side\":\"real\",\"window\":\"hann\",\"periodic\":false,\"scaling\":\"density\"}",
        new STFT().getConfig().toJson());
    Initializer fromList = Serialization.deserialize(JsonParser.parseString("{\"module\": \"keras.initializers\", "
        + "\"class_name\": \"STFT\", \"config\": {\"side\": \"imag\", \"window\": [1.0, 2.0], \"periodic\": true, "
        + "\"scaling\": null}}"), Initializer.class);
    assertEquals("{\"side\":\"imag\",\"window\":[1.0,2.0],\"periodic\":true,\"scaling\":null}",
        fromList.getConfig().toJson());
    assertEquals(STFT.class, Initializers.get("stft").getClass());
    ConfigException e = assertThrows(ConfigException.class, () -> new STFT("real", "kaiser", null, false));
    assertTrue(e.getMessage().contains("'window'"), e.getMessage());
  }
}
