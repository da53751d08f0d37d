package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jeras.core.callbacks.History;
import org.jeras.core.config.ObjectFactory;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.model.Model;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.ConcurrentInference;
import org.jeras.conformance.Fixtures;
import org.jeras.core.training.CompileOptions;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.core.Dense;
import org.jeras.saving.custom.CustomFn;
import org.jeras.saving.custom.CustomLayer;
import org.jeras.saving.custom.HalfSquaredError;
import org.jeras.saving.custom.LoadedScale;
import org.jeras.saving.custom.MaxAbsError;
import org.jeras.saving.h5.FixtureCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Custom classes given to a load only (Keras's {@code custom_objects}, no global registration):
 * the loaded model trains, its compile config's losses and metrics resolve with the load's custom
 * objects, and it saves under names those custom objects find again.
 */
class LoadTimeCustomObjectsTest {
  @TempDir
  Path tmp;

  private static FitOptions oneBatch(INDArray x) {
    return FitOptions.defaults().batchSize((int) x.size(0)).epochs(1).verbose(0).shuffle(false);
  }

  @Test
  void aFixtureLoadedWithCustomObjectsFitsSavesAndReloads() {
    LoadOptions options = LoadOptions.DEFAULT.withCustomObjects(Map.of(
        "MyLayers>CustomLayer", (ObjectFactory<CustomLayer>) CustomLayer::fromConfig,
        "my_package>custom_fn", CustomFn.INSTANCE));
    Model m = Models.load(Fixtures.file("guide_custom_model.keras"), options);
    Map<String, INDArray> io = Fixtures.npz("guide_custom_model.io.npz");
    INDArray x = io.get("x");
    History h = m.fit(x, io.get("y"), oneBatch(x));
    assertTrue(Double.isFinite(h.history().get("loss").get(0)), "loss after one batch");
    INDArray trained = m.predictOnBatch(x);

    Path saved = tmp.resolve("guide_custom_model.keras");
    m.save(saved);
    Model reloaded = Models.load(saved, options);
    ConcurrentInference.assertSame(List.of(trained), List.of(reloaded.predictOnBatch(x)), "re-saved fixture");
  }

  @Test
  void unregisteredClassesSaveUnderTheirOwnNamesAndTrainAfterLoading() throws IOException {
    Nd4j.getRandom().setSeed(8);
    Tensor in = Input.of(3);
    LoadedScale scale = new LoadedScale();
    Tensor hidden = scale.apply(in);
    Model m = new Functional(in, new Dense(2).apply(hidden), "custom_everything");
    scale.setScale(1f, 2f, -1f);
    m.compile(CompileOptions.of(new Adam(0.01)).loss(new HalfSquaredError()).metrics(new MaxAbsError()));
    Path first = tmp.resolve("first.keras");
    m.save(first);

    JsonObject config = JsonParser.parseString(
        new String(FixtureCases.zipMember(first, "config.json"), StandardCharsets.UTF_8)).getAsJsonObject();
    JsonObject layer = config.getAsJsonObject("config").getAsJsonArray("layers").get(1).getAsJsonObject();
    assertEquals("org.jeras.saving.custom", layer.get("module").getAsString(), "custom layer module");
    assertEquals("LoadedScale", layer.get("registered_name").getAsString(), "custom layer registered_name");
    JsonObject compile = config.getAsJsonObject("compile_config");
    JsonObject loss = compile.getAsJsonObject("loss");
    assertEquals("org.jeras.saving.custom", loss.get("module").getAsString(), "custom loss module");
    assertEquals("HalfSquaredError", loss.get("registered_name").getAsString(), "custom loss registered_name");
    JsonObject metric = compile.getAsJsonArray("metrics").get(0).getAsJsonObject();
    assertEquals("MaxAbsError", metric.get("registered_name").getAsString(), "custom metric registered_name");

    LoadOptions options = LoadOptions.DEFAULT.withCustomObjects(Map.of(
        "LoadedScale", (ObjectFactory<LoadedScale>) LoadedScale::fromConfig,
        "HalfSquaredError", (ObjectFactory<HalfSquaredError>) HalfSquaredError::fromConfig,
        "MaxAbsError", (ObjectFactory<MaxAbsError>) MaxAbsError::fromConfig));
    Model loaded = Models.load(first, options);
    Nd4j.getRandom().setSeed(9);
    INDArray x = Nd4j.rand(DataType.FLOAT, 6, 3);
    INDArray y = Nd4j.rand(DataType.FLOAT, 6, 2);
    History h = loaded.fit(x, y, oneBatch(x));
    assertTrue(h.history().containsKey("max_abs_error"), "custom metric in the logs: " + h.history().keySet());
    INDArray trained = loaded.predictOnBatch(x);

    Path second = tmp.resolve("second.keras");
    loaded.save(second);
    Model again = Models.load(second, options);
    ConcurrentInference.assertSame(List.of(trained), List.of(again.predictOnBatch(x)), "re-saved model");
    assertTrue(again.isCompiled(), "compile config survives the round trip");
  }
}
