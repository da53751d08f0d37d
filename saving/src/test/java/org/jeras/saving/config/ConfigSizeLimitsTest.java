package org.jeras.saving.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.jeras.core.config.InvalidConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.jeras.core.model.InputLayer;
import org.jeras.core.model.Sequential;
import org.jeras.core.ops.TensorLimitException;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.layers.applications.LayerScale;
import org.jeras.layers.core.Dense;
import org.jeras.saving.KerasFile;
import org.jeras.saving.LoadOptions;
import org.jeras.saving.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Config values that used to crash the JVM or exhaust memory while a model was built: {@code
 * Dense(units=0)} (SIGFPE in the native initializer) and {@code Dense(units=1e8)} (a 25 GB kernel)
 * are refused with typed errors, before anything is allocated.
 */
class ConfigSizeLimitsTest {
  @TempDir
  Path tmp;

  /** seq: input (None, 64), hidden Dense(8), last Dense(2). */
  private static JsonObject mlpConfig() {
    Sequential m = new Sequential("seq",
        new InputLayer(Shape.ofNullable(Arrays.asList(null, 64L)), DType.FLOAT32, "input"),
        new Dense(8).setName("hidden"),
        new Dense(2).setName("last"));
    return Serialization.serialize(m).getAsJsonObject().deepCopy();
  }

  private static JsonObject layerConfig(JsonObject model, String name) {
    for (JsonElement l : model.getAsJsonObject("config").getAsJsonArray("layers")) {
      JsonObject c = l.getAsJsonObject().getAsJsonObject("config");
      if (c.get("name").getAsString().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no layer " + name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hidden", "last"})
  void denseWithZeroUnitsIsRefused(String layer) {
    JsonObject config = mlpConfig();
    layerConfig(config, layer).addProperty("units", 0);
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> KerasFile.fromConfig(config.toString(), LoadOptions.DEFAULT));
    assertEquals("Layer 'seq/" + layer + "' (Dense): Received an invalid value for argument 'units', expected a "
        + "positive integer, got 0", e.getMessage());
    assertEquals("units", e.key());
  }

  @Test
  void denseWithZeroUnitsInAKerasFileIsRefused() throws IOException {
    Path saved = tmp.resolve("mlp.keras");
    KerasFile.save(new Sequential("seq",
        new InputLayer(Shape.ofNullable(Arrays.asList(null, 64L)), DType.FLOAT32, "input"),
        new Dense(8).setName("hidden"), new Dense(2).setName("last")), saved);
    Path crafted = tmp.resolve("zero.keras");
    UnknownConfigKeysTest.rewriteConfig(saved, crafted, c -> layerConfig(c, "last").addProperty("units", 0));
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Models.load(crafted));
    assertEquals("seq/last", e.layerPath());
  }

  @Test
  void denseWithZeroUnitsFromJava() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new Dense(0));
    assertEquals("Dense: Received an invalid value for argument 'units', expected a positive integer, got 0",
        e.getMessage());
  }

  @Test
  void hugeDenseFailsFastWithTheLimitError() {
    JsonObject config = mlpConfig();
    layerConfig(config, "hidden").addProperty("units", 100000000);
    // 64 x 1e8 float32 = 25.6 GB: refused before the initializer runs, so well within seconds.
    TensorLimitException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
        TensorLimitException.class, () -> KerasFile.fromConfig(config.toString(), LoadOptions.DEFAULT)));
    assertTrue(e.getMessage().startsWith("Cannot allocate variable 'kernel' of layer 'hidden' (Dense) of shape "
        + "[64, 100000000] (float32): 25600000000 bytes, over the limit of"), e.getMessage());
    assertTrue(e.getMessage().contains("jeras.maxTensorBytes"), e.getMessage());
  }

  private static JsonObject hugeInput(JsonObject config) {
    com.google.gson.JsonArray shape = new com.google.gson.JsonArray();
    shape.add(com.google.gson.JsonNull.INSTANCE);
    shape.add(100000000000L);
    shape.add(64);
    layerConfig(config, "input").add("batch_shape", shape);
    return config;
  }

  @Test
  void hugeInputShapeBuildsFromShapesAlone() {
    // Dense tells its output shape from its config: nothing of the (None, 1e11, 64) input is allocated.
    Layer m = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> KerasFile.fromConfig(hugeInput(mlpConfig()).toString(), LoadOptions.DEFAULT));
    assertEquals(Shape.ofNullable(Arrays.asList(null, 100000000000L, 2L)), ((Model) m).getLayer("last").output().shape());
  }

  @Test
  void hugeInputShapeFailsFastWithTheLimitErrorWhereATrialRunIsNeeded() {
    // LayerScale has no compute_output_shape (as in Keras): its output shape comes from a trial run,
    // which would need 1e11 x 64 floats.
    JsonObject config = Serialization.serialize(new Sequential("seq",
        new InputLayer(Shape.ofNullable(Arrays.asList(null, 64L)), DType.FLOAT32, "input"),
        new LayerScale(0.5, 64).setName("hidden"))).getAsJsonObject().deepCopy();
    TensorLimitException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
        TensorLimitException.class, () -> KerasFile.fromConfig(hugeInput(config).toString(), LoadOptions.DEFAULT)));
    assertTrue(e.getMessage().startsWith("Cannot allocate a trial input of layer 'hidden' (LayerScale)"), e.getMessage());
  }

  @Test
  void hugeDenseFromJavaFailsAtBuild() {
    Dense d = new Dense(100000000);
    TensorLimitException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
        TensorLimitException.class, () -> new Sequential("s",
            new InputLayer(Shape.ofNullable(Arrays.asList(null, 64L)), DType.FLOAT32, "in"), d)));
    assertTrue(e.getMessage().contains("'kernel'"), e.getMessage());
  }
}
