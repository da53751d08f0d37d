package org.jeras.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The loss and metric cases of {@code catalogue/} (written by {@code generators/gen_catalogue.py}
 * from real Keras): their manifest entries, the shared input/value arrays and the comparison
 * every catalogue test uses (1e-5 relative to magnitude).
 */
public final class Catalogue {
  /** Tolerance relative to max(1, |expected|). */
  public static final double TOL = 1e-5;
  private static Map<String, INDArray> values;

  private Catalogue() {}

  /**
   * The manifest's cases of one kind.
   *
   * @param kind {@code "loss"} or {@code "metric"}
   * @return the cases, in manifest order
   */
  public static List<JsonObject> cases(String kind) {
    try (Reader r = Files.newBufferedReader(Fixtures.file("catalogue/manifest.json"))) {
      List<JsonObject> out = new ArrayList<>();
      for (JsonElement c : JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("cases")) {
        if (c.getAsJsonObject().get("kind").getAsString().equals(kind)) {
          out.add(c.getAsJsonObject());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One array of {@code catalogue/values.npz}.
   *
   * @param key the npz key
   * @return the array
   */
  public static synchronized INDArray array(String key) {
    if (values == null) {
      values = Fixtures.npz("catalogue/values.npz");
    }
    INDArray a = values.get(key);
    if (a == null) {
      throw new IllegalArgumentException("catalogue/values.npz has no array '" + key + "'");
    }
    return a;
  }

  /**
   * Asserts that {@code actual} equals {@code expected} elementwise within {@link #TOL}.
   *
   * @param expected Keras's values
   * @param actual Jeras's values
   * @param what the message prefix
   */
  public static void assertClose(INDArray expected, INDArray actual, String what) {
    assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
    double[] e = expected.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    double[] a = actual.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    for (int i = 0; i < e.length; i++) {
      boolean ok = Double.isNaN(e[i]) ? Double.isNaN(a[i]) : Math.abs(e[i] - a[i]) <= TOL * Math.max(1, Math.abs(e[i]));
      assertTrue(ok, what + "[" + i + "]: expected " + e[i] + ", got " + a[i]);
    }
  }
}
