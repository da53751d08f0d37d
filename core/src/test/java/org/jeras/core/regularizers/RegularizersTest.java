package org.jeras.core.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RegularizersTest {
  private static final Tensor X = Tensor.of(Nd4j.createFromArray(new float[][] {{1, -2}, {3, -4}}));

  private static double value(Regularizer r, Tensor x) {
    return r.apply(x).value().getDouble(0);
  }

  @Test
  void configsRoundTrip() {
    for (Regularizer r : List.of(new L1(0.3), new L2(0.25), new L1L2(0.5, 0.0), new OrthogonalRegularizer(0.2, "columns"))) {
      Regularizer back = Serialization.deserialize(JsonParser.parseString(Serialization.serialize(r).toString()),
          Regularizer.class);
      assertEquals(r.getClass(), back.getClass());
      assertEquals(r.getConfig().toJson(), back.getConfig().toJson());
    }
  }

  @Test
  void stringNames() {
    Map<String, String> names = Map.of("l1", "{\"l1\":0.009999999776482582}", "l2", "{\"l2\":0.01}",
        "l1l2", "{\"l1\":0.0,\"l2\":0.0}", "l1_l2", "{\"l1\":0.0,\"l2\":0.0}",
        "orthogonal_regularizer", "{\"factor\":0.009999999776482582,\"mode\":\"rows\"}",
        "L2", "{\"l2\":0.01}");
    for (Map.Entry<String, String> e : names.entrySet()) {
      Regularizer r = Serialization.deserialize(new JsonPrimitive(e.getKey()), Regularizer.class);
      assertEquals(e.getValue(), r.getConfig().toJson(), e.getKey());
    }
    assertEquals(L1.class, Regularizers.get("l1").getClass());
    assertThrows(ConfigException.class, () -> Regularizers.get("l3"));
  }

  @Test
  void penalties() {
    // sum|x| = 10, sum x^2 = 30.
    assertEquals(0.1, value(new L1(0.01), X), 1e-7);
    assertEquals(0.3, value(new L2(0.01), X), 1e-7);
    assertEquals(0.13, value(new L1L2(0.01, 0.001), X), 1e-7);
    assertEquals(0.0, value(new L1L2(), X), 0.0);
    assertEquals(DataType.FLOAT, new L1L2().apply(X).value().dataType());
    assertEquals(50.0, value(new L2(2.0), Tensor.of(Nd4j.ones(DataType.FLOAT, 5, 5))), 0.0);
  }

  @Test
  void orthogonalPenalty() {
    Tensor x = Tensor.of(Nd4j.createFromArray(new double[][] {{1, 0}, {1, 1}, {0, 2}}));
    double factor = (float) 0.01;
    // Unit rows (1,0), (1,1)/sqrt2, (0,1): off-diagonal |dots| sum to 2 * 2/sqrt2 over 3 pairs.
    assertEquals(factor * Math.sqrt(2) / 3, value(new OrthogonalRegularizer(0.01, "rows"), x), 1e-12);
    // Unit columns (1,1,0)/sqrt2, (0,1,2)/sqrt5: one pair with dot 1/sqrt10.
    assertEquals(factor / Math.sqrt(10), value(new OrthogonalRegularizer(0.01, "columns"), x), 1e-12);
    assertThrows(IllegalArgumentException.class,
        () -> new OrthogonalRegularizer().apply(Tensor.of(Nd4j.ones(DataType.FLOAT, 2, 2, 2))));
  }

  @Test
  void gradients() {
    Nd4j.getRandom().setSeed(3);
    INDArray w = Nd4j.rand(DataType.DOUBLE, 4, 3).subi(0.5);
    for (Regularizer r : List.of(new L1(0.3), new L2(0.2), new L1L2(0.1, 0.4), new OrthogonalRegularizer(0.5, "rows"),
        new OrthogonalRegularizer(0.5, "columns"))) {
      GradCheck.check(t -> r.apply(t.get(0)), w);
    }
  }

  @Test
  void badFactorsNameTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> Serialization.deserialize(
        JsonParser.parseString("{\"module\": \"keras.regularizers\", \"class_name\": \"L2\", \"config\": {\"l2\": -1.0}}"),
        Regularizer.class));
    assertTrue(e.getMessage().contains("'l2'"), e.getMessage());
    ConfigException mode = assertThrows(ConfigException.class, () -> new OrthogonalRegularizer(0.1, "diagonal"));
    assertTrue(mode.getMessage().contains("'mode'"), mode.getMessage());
  }
}
