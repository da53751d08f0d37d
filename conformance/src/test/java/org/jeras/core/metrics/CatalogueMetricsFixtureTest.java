package org.jeras.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.jeras.conformance.Catalogue;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keras 3.16 metrics Jeras lacked, against real Keras (jax, {@code catalogue/}): each serialized
 * metric deserializes and writes back identically, holds Keras's state variables (paths and
 * shapes), and its result after a first batch and after a second, sample-weighted batch matches
 * Keras within 1e-5.
 */
class CatalogueMetricsFixtureTest {
  static Stream<JsonObject> cases() {
    return Catalogue.cases("metric").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesKeras(JsonObject c) {
    String name = c.get("name").getAsString();
    JsonObject object = c.getAsJsonObject("object");
    Metric m = Serialization.deserialize(object, Metric.class);
    assertEquals(object.get("class_name").getAsString(), m.className(), name);
    assertEquals(Config.of(object.getAsJsonObject("config")).toJson(), m.getConfig().toJson(), name + " config");
    JsonArray b1 = c.getAsJsonArray("batch1");
    JsonArray b2 = c.getAsJsonArray("batch2");
    m.updateState(tensor(b1.get(0).getAsString()), tensor(b1.get(1).getAsString()));
    Catalogue.assertClose(Catalogue.array(c.get("result1").getAsString()), m.resultArray(), name + " first batch");
    m.updateState(tensor(b2.get(0).getAsString()), tensor(b2.get(1).getAsString()), tensor(b2.get(2).getAsString()));
    Catalogue.assertClose(Catalogue.array(c.get("result2").getAsString()), m.resultArray(), name + " second batch");
    JsonArray vars = c.getAsJsonArray("variables");
    assertEquals(vars.size(), m.variables().size(), name + " variable count");
    for (int i = 0; i < vars.size(); i++) {
      JsonObject v = vars.get(i).getAsJsonObject();
      assertEquals(v.get("path").getAsString(), m.variables().get(i).path(), name + " variable " + i);
      assertEquals(v.get("shape").toString(), java.util.Arrays.toString(m.variables().get(i).array().shape())
          .replace(" ", ""), name + " shape of variable " + i);
    }
  }

  private static Tensor tensor(String key) {
    return Tensor.of(Catalogue.array(key));
  }
}
