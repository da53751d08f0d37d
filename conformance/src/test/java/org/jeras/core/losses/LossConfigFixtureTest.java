package org.jeras.core.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.ZipFile;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.Shape;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.api.Test;

/** LossConfig checked against files written by real Keras (the fixtures). */
class LossConfigFixtureTest {
  private static String json(Loss loss) {
    return Config.gson().toJson(Serialization.serialize(loss));
  }

  /** Loss dicts Keras wrote in the trajectory manifest deserialize and serialize back identically. */
  @Test
  void trajectoryManifestLossDicts() throws IOException {
    JsonObject manifest = JsonParser.parseString(Files.readString(Fixtures.file("trajectories/manifest.json")))
        .getAsJsonObject();
    int checked = 0;
    for (JsonElement c : manifest.getAsJsonArray("cases")) {
      JsonElement dict = c.getAsJsonObject().get("loss");
      Loss loss = Serialization.deserialize(dict, Loss.class);
      assertNull(loss.alias());
      assertEquals(Config.gson().toJson(dict), json(loss));
      checked++;
    }
    assertEquals(25, checked);
    // the objects Keras built from those dicts
    JsonElement sparse = JsonParser.parseString("{\"module\":\"keras.losses\",\"class_name\":\"SparseCategoricalCrossentropy\","
        + "\"config\":{\"name\":\"sparse_categorical_crossentropy\",\"reduction\":\"sum_over_batch_size\","
        + "\"from_logits\":true,\"ignore_class\":null,\"axis\":-1},\"registered_name\":null}");
    assertEquals(Config.gson().toJson(sparse), json(new SparseCategoricalCrossentropy(true, null, -1)));
  }

  /** The loss entries of compile configs in real .keras files resolve and write back unchanged. */
  @Test
  void kerasCompileConfigLosses() throws IOException {
    for (String name : List.of("batchnorm", "func_multi_io", "guide_custom_model", "opt_adam_cce",
        "opt_adam_schedule_amsgrad", "opt_adamw_bce", "opt_rmsprop_sparse_cce", "opt_sgd_momentum_mse",
        "trajectories/adam_sparse_cce")) {
      JsonElement loss = compileConfig(name).get("loss");
      if (loss.isJsonObject() && !loss.getAsJsonObject().has("class_name")) {
        for (var e : loss.getAsJsonObject().entrySet()) {
          assertEquals(Config.gson().toJson(e.getValue()),
              json(Losses.get(e.getValue(), Shape.of(-1, 2), Shape.of(-1, 2))), name + "/" + e.getKey());
        }
      } else {
        assertEquals(Config.gson().toJson(loss), json(Losses.get(loss, Shape.of(-1, 2), Shape.of(-1, 2))), name);
      }
    }
  }

  static JsonObject compileConfig(String name) throws IOException {
    try (ZipFile zip = new ZipFile(Fixtures.file(name + ".keras").toFile())) {
      try (InputStreamReader r = new InputStreamReader(zip.getInputStream(zip.getEntry("config.json")),
          StandardCharsets.UTF_8)) {
        return JsonParser.parseReader(r).getAsJsonObject().getAsJsonObject("compile_config");
      }
    }
  }
}
