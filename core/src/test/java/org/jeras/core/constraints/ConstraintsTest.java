package org.jeras.core.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.Map;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ConstraintsTest {
  private static final double EPS = 1e-7;
  /** Columns with norms 5 and 0.5 (axis 0); rows with norms sqrt(9.09) and sqrt(16.16). */
  private static final Tensor W = Tensor.of(Nd4j.createFromArray(new double[][] {{3, 0.3}, {4, -0.4}}));

  private static void assertClose(double[][] want, Tensor got) {
    assertEquals(Nd4j.createFromArray(want), got.value());
  }

  private static double[][] scaleColumns(double s0, double s1) {
    return new double[][] {{3 * s0, 0.3 * s1}, {4 * s0, -0.4 * s1}};
  }

  @Test
  void defaultsAndNames() {
    // Keras's MaxNorm default is the int 2.
    assertEquals("{\"max_value\":2,\"axis\":0}", new MaxNorm().getConfig().toJson());
    assertEquals("{\"min_value\":0.0,\"max_value\":1.0,\"rate\":1.0,\"axis\":0}", new MinMaxNorm().getConfig().toJson());
    assertEquals("{\"axis\":[0,1,2]}", new UnitNorm(0, 1, 2).getConfig().toJson());
    Map<String, String> names = Map.of("max_norm", "{\"max_value\":2,\"axis\":0}", "MaxNorm", "{\"max_value\":2,\"axis\":0}",
        "unit_norm", "{\"axis\":0}", "non_neg", "{}",
        "min_max_norm", "{\"min_value\":0.0,\"max_value\":1.0,\"rate\":1.0,\"axis\":0}");
    for (Map.Entry<String, String> e : names.entrySet()) {
      Constraint c = Serialization.deserialize(new JsonPrimitive(e.getKey()), Constraint.class);
      assertEquals(e.getValue(), c.getConfig().toJson(), e.getKey());
    }
    assertEquals(NonNeg.class, Constraints.get("non_neg").getClass());
    assertThrows(ConfigException.class, () -> Constraints.get("positive"));
    Constraint listAxis = Serialization.deserialize(JsonParser.parseString(
        "{\"module\": \"keras.constraints\", \"class_name\": \"MaxNorm\", \"config\": {\"max_value\": 3, \"axis\": [0, 1]}}"),
        Constraint.class);
    assertEquals("{\"max_value\":3,\"axis\":[0,1]}", listAxis.getConfig().toJson());
    ConfigException bad = assertThrows(ConfigException.class, () -> Serialization.deserialize(JsonParser.parseString(
        "{\"module\": \"keras.constraints\", \"class_name\": \"MaxNorm\", \"config\": {\"max_value\": \"big\"}}"),
        Constraint.class));
    assertTrue(bad.getMessage().contains("'max_value'"), bad.getMessage());
  }

  @Test
  void maxNorm() {
    // Column norms 5 and 0.5: the first is scaled to 2, the second kept (up to eps).
    assertClose(scaleColumns(2 / (5 + EPS), 0.5 / (0.5 + EPS)), new MaxNorm().apply(W));
    // Along axis 1 the row norms are sqrt(9.09) = 3.015 and sqrt(16.16) = 4.02; max 3.1 clips only the second.
    double n0 = Math.sqrt(9.09);
    double n1 = Math.sqrt(16.16);
    assertClose(new double[][] {{3 * n0 / (n0 + EPS), 0.3 * n0 / (n0 + EPS)}, {4 * 3.1 / (n1 + EPS), -0.4 * 3.1 / (n1 + EPS)}},
        new MaxNorm(3.1, 1).apply(W));
    // Over both axes: one norm sqrt(25.25).
    double all = Math.sqrt(25.25);
    assertClose(scaleColumns(1 / (all + EPS), 1 / (all + EPS)), new MaxNorm(1.0, 0, 1).apply(W));
  }

  @Test
  void minMaxNormUnitNormNonNeg() {
    // Norms 5 and 0.5 clipped into [1, 2] -> 2 and 1.
    assertClose(scaleColumns(2 / (5 + EPS), 1 / (0.5 + EPS)), new MinMaxNorm(1.0, 2.0, 1.0, 0).apply(W));
    // rate 0.5: desired = 0.5 * clipped + 0.5 * norm -> 3.5 and 0.75.
    assertClose(scaleColumns(3.5 / (5 + EPS), 0.75 / (0.5 + EPS)), new MinMaxNorm(1.0, 2.0, 0.5, 0).apply(W));
    assertClose(scaleColumns(1 / (5 + EPS), 1 / (0.5 + EPS)), new UnitNorm().apply(W));
    assertClose(new double[][] {{3, 0.3}, {4, 0}}, new NonNeg().apply(W));
    // The input is not modified.
    assertEquals(-0.4, W.value().getDouble(1, 1), 0.0);
  }
}
