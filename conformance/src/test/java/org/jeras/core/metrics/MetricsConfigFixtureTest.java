package org.jeras.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipFile;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.Shape;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.api.Test;

/** MetricsConfig checked against files written by real Keras (the fixtures). */
class MetricsConfigFixtureTest {
  private static String json(Metric m) {
    return Config.gson().toJson(Serialization.serialize(m));
  }

  /** Metric entries of real Keras compile configs resolve and are written back unchanged. */
  @Test
  void kerasCompileConfigMetrics() throws IOException {
    Map<String, Shape[]> models = Map.of(
        "opt_adam_cce", new Shape[] {Shape.of(-1, 3), Shape.of(-1, 3)},
        "opt_adamw_bce", new Shape[] {Shape.of(-1, 1), Shape.of(-1, 1)},
        "opt_rmsprop_sparse_cce", new Shape[] {Shape.of(-1), Shape.of(-1, 3)},
        "opt_sgd_momentum_mse", new Shape[] {Shape.of(-1, 2), Shape.of(-1, 2)},
        "opt_adam_schedule_amsgrad", new Shape[] {Shape.of(-1, 2), Shape.of(-1, 2)});
    for (Map.Entry<String, Shape[]> e : models.entrySet()) {
      for (JsonElement entry : compileConfig(e.getKey()).getAsJsonArray("metrics")) {
        Metric m = Metrics.get(entry, e.getValue()[0], e.getValue()[1]);
        assertEquals(Config.gson().toJson(entry), json(m), e.getKey());
      }
    }
    Metric mae = Metrics.get(compileConfig("opt_adam_schedule_amsgrad").getAsJsonArray("metrics").get(0), null, null);
    assertInstanceOf(MeanAbsoluteError.class, mae);
    assertEquals("mae", mae.name());
    assertInstanceOf(SparseCategoricalAccuracy.class,
        Metrics.get(compileConfig("opt_rmsprop_sparse_cce").getAsJsonArray("metrics").get(0), Shape.of(-1), Shape.of(-1, 3)));
    JsonObject multi = compileConfig("func_multi_io").getAsJsonObject("metrics");
    assertInstanceOf(MeanAbsoluteError.class, Metrics.get(multi.getAsJsonArray("out_reg").get(0), Shape.of(-1, 1), Shape.of(-1, 1)));
  }

  private static JsonObject compileConfig(String name) throws IOException {
    try (ZipFile zip = new ZipFile(Fixtures.file(name + ".keras").toFile());
        InputStreamReader r = new InputStreamReader(zip.getInputStream(zip.getEntry("config.json")), StandardCharsets.UTF_8)) {
      return JsonParser.parseReader(r).getAsJsonObject().getAsJsonObject("compile_config");
    }
  }
}
