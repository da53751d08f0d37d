package org.jeras.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.Map;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.junit.jupiter.api.Test;

/** Metric configs with Keras's keys and defaults, and compile-time resolution of metric strings. */
class MetricsConfigTest {
  private static String json(Metric m) {
    return Config.gson().toJson(Serialization.serialize(m));
  }

  private static void roundTrip(Metric m, String expectedConfig) {
    assertEquals(expectedConfig, m.getConfig().toJson());
    Metric back = Serialization.deserialize(Serialization.serialize(m), Metric.class);
    assertEquals(m.getClass(), back.getClass());
    assertEquals(expectedConfig, back.getConfig().toJson());
    assertEquals(m.variables().size(), back.variables().size());
  }

  @Test
  void defaultsAndKeyOrder() {
    String f32 = "\"dtype\":\"float32\"";
    roundTrip(new Mean(), "{\"name\":\"mean\"," + f32 + "}");
    roundTrip(new Sum(), "{\"name\":\"sum\"," + f32 + "}");
    roundTrip(new Accuracy(), "{\"name\":\"accuracy\"," + f32 + "}");
    roundTrip(new BinaryAccuracy(), "{\"name\":\"binary_accuracy\"," + f32 + ",\"threshold\":0.5}");
    roundTrip(new CategoricalAccuracy(), "{\"name\":\"categorical_accuracy\"," + f32 + "}");
    roundTrip(new SparseCategoricalAccuracy(), "{\"name\":\"sparse_categorical_accuracy\"," + f32 + "}");
    roundTrip(new TopKCategoricalAccuracy(), "{\"name\":\"top_k_categorical_accuracy\"," + f32 + ",\"k\":5}");
    roundTrip(new MeanSquaredError(), "{\"name\":\"mean_squared_error\"," + f32 + "}");
    roundTrip(new MeanAbsoluteError(), "{\"name\":\"mean_absolute_error\"," + f32 + "}");
    roundTrip(new RootMeanSquaredError(), "{\"name\":\"root_mean_squared_error\"," + f32 + "}");
    roundTrip(new Poisson(), "{\"name\":\"poisson\"," + f32 + "}");
    roundTrip(new Precision(null, null, null, "precision", null),
        "{\"name\":\"precision\"," + f32 + ",\"thresholds\":null,\"top_k\":null,\"class_id\":null}");
    roundTrip(new Recall(JsonParser.parseString("[0.25, 0.75]"), 2, 1, "r", null),
        "{\"name\":\"r\"," + f32 + ",\"thresholds\":[0.25,0.75],\"top_k\":2,\"class_id\":1}");
    roundTrip(new AUC(200, AUC.Curve.ROC, AUC.Summation.INTERPOLATION, "auc", null, null, false),
        "{\"name\":\"auc\"," + f32 + ",\"num_thresholds\":200,\"curve\":\"ROC\",\"summation_method\":\"interpolation\","
            + "\"multi_label\":false,\"num_labels\":null,\"label_weights\":null,\"from_logits\":false}");
    roundTrip(new AUC(0, AUC.Curve.PR, AUC.Summation.MAJORING, "a", null, new double[] {0.3, 0.1}, true),
        "{\"name\":\"a\"," + f32 + ",\"num_thresholds\":4,\"curve\":\"PR\",\"summation_method\":\"majoring\","
            + "\"multi_label\":false,\"num_labels\":null,\"label_weights\":null,\"from_logits\":true,"
            + "\"thresholds\":[0.1,0.3]}");
  }

  @Test
  void defaultNamesAreUniquifiedLikeKeras() {
    Metric first = new Precision();
    Metric second = new Precision();
    assertTrue(first.name().startsWith("precision"));
    assertTrue(!first.name().equals(second.name()), first.name() + " vs " + second.name());
  }

  @Test
  void badConfigsNameTheKey() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Precision.fromConfig(Config.parse("{\"thresholds\":[0.5,1.5]}")));
    assertTrue(e.getMessage().contains("thresholds"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> AUC.fromConfig(Config.parse("{\"curve\":\"XY\"}")));
    assertTrue(e.getMessage().contains("curve"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> AUC.fromConfig(Config.parse("{\"num_labels\":3}")));
    assertTrue(e.getMessage().contains("num_labels"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> Mean.fromConfig(Config.parse("{\"dtype\":\"float99\"}")));
    assertTrue(e.getMessage().contains("dtype"), e.getMessage());
    assertEquals(DType.FLOAT64, Mean.fromConfig(Config.parse("{\"dtype\":{\"module\":\"keras\","
        + "\"class_name\":\"DTypePolicy\",\"config\":{\"name\":\"float64\"},\"registered_name\":null}}")).dtype());
    e = assertThrows(ConfigException.class, () -> BinaryAccuracy.fromConfig(Config.parse("{\"threshold\":\"x\"}")));
    assertTrue(e.getMessage().contains("threshold"), e.getMessage());
  }

  @Test
  void accuracyIsPickedFromShapes() {
    Metric binary = Metrics.get("accuracy", Shape.of(-1, 1), Shape.of(-1, 1));
    assertInstanceOf(BinaryAccuracy.class, binary);
    assertEquals("accuracy", binary.name());
    assertEquals("\"accuracy\"", json(binary));
    assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.get("accuracy", Shape.of(-1), Shape.of(-1, 3)));
    assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.get("acc", Shape.of(-1, 1), Shape.of(-1, 3)));
    Metric categorical = Metrics.get("acc", Shape.of(-1, 3), Shape.of(-1, 3));
    assertInstanceOf(CategoricalAccuracy.class, categorical);
    assertEquals("acc", categorical.name());
    assertEquals("acc/total", categorical.variables().get(0).path());
    assertInstanceOf(BinaryAccuracy.class, Metrics.get("Accuracy", Shape.of(-1, 1), Shape.of(-1, 1)));
  }

  @Test
  void stringMetricsAreNamedByTheirString() {
    Shape s = Shape.of(-1, 2);
    Map<String, Class<?>> cases = Map.of("mae", MeanAbsoluteError.class, "mse", MeanSquaredError.class,
        "MAE", MeanAbsoluteError.class, "mean_squared_error", MeanSquaredError.class,
        "root_mean_squared_error", RootMeanSquaredError.class, "auc", AUC.class, "precision", Precision.class,
        "recall", Recall.class, "binary_accuracy", BinaryAccuracy.class, "RootMeanSquaredError", RootMeanSquaredError.class);
    for (Map.Entry<String, Class<?>> c : cases.entrySet()) {
      Metric m = Metrics.get(c.getKey(), s, s);
      assertInstanceOf(c.getValue(), m, c.getKey());
      assertEquals(c.getKey(), m.name(), "Keras logs a string metric under that string");
      assertEquals("\"" + c.getKey() + "\"", json(m));
    }
    Metric poisson = Metrics.get("poisson", s, s);
    assertInstanceOf(Poisson.class, poisson);
    assertEquals("poisson", poisson.name());
    // Keras's metrics.get alone keeps the class's default name
    assertEquals("mean_absolute_error", Metrics.get("mae").name());
    assertNull(Metrics.get("mae").alias());
    assertThrows(ConfigException.class, () -> Metrics.get("rmse", s, s), "Keras has no 'rmse' alias");
  }
}
