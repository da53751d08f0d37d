package org.jeras.saving.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jeras.core.config.InvalidConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.model.InputLayer;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.layers.convolutional.Conv1D;
import org.jeras.layers.core.Dense;
import org.jeras.layers.normalization.LayerNormalization;
import org.jeras.layers.regularization.Dropout;
import org.jeras.layers.rnn.Bidirectional;
import org.jeras.layers.rnn.LSTM;
import org.jeras.layers.rnn.TimeDistributed;
import org.jeras.saving.KerasFile;
import org.jeras.saving.LoadOptions;
import org.jeras.saving.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A key that a layer does not take (a typo, or an argument of a newer Keras) is refused as Keras
 * refuses it ({@code Unrecognized keyword arguments passed to Dense: {'foo': 1}}), naming the path
 * of the layer, whether the config comes as JSON or inside a {@code .keras} file; keys of Keras's
 * base Layer are accepted everywhere.
 */
class UnknownConfigKeysTest {
  @TempDir
  Path tmp;

  /** seq: input, conv (Conv1D), drop (Dropout), norm (LayerNormalization), rnn (LSTM), td (TimeDistributed(inner Dense)). */
  private static Sequential sequential() {
    return new Sequential("seq",
        new InputLayer(Shape.ofNullable(Arrays.asList(null, 6L, 4L)), DType.FLOAT32, "input"),
        new Conv1D(3, 2).setName("conv"),
        new Dropout(0.25).setName("drop"),
        new LayerNormalization().setName("norm"),
        new LSTM(5).setName("rnn"),
        new Dense(2).setName("out"));
  }

  private static JsonObject configOf(Layer model) {
    return Serialization.serialize(model).getAsJsonObject().deepCopy();
  }

  /** The {@code config} of the layer called {@code name} among {@code model}'s layers. */
  private static JsonObject layerConfig(JsonObject model, String name) {
    for (JsonElement l : model.getAsJsonObject("config").getAsJsonArray("layers")) {
      JsonObject c = l.getAsJsonObject().getAsJsonObject("config");
      if (c.get("name").getAsString().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no layer " + name);
  }

  private static InvalidConfigException loadFails(JsonObject config) {
    return assertThrows(InvalidConfigException.class, () -> KerasFile.fromConfig(config.toString(), LoadOptions.DEFAULT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"conv:Conv1D", "drop:Dropout", "norm:LayerNormalization", "rnn:LSTM", "out:Dense"})
  void refusesUnknownKeyOfEachLayer(String nameAndClass) {
    String name = nameAndClass.split(":")[0];
    String cls = nameAndClass.split(":")[1];
    JsonObject config = configOf(sequential());
    layerConfig(config, name).addProperty("foo", 1);
    InvalidConfigException e = loadFails(config);
    assertEquals("Layer 'seq/" + name + "' (" + cls + "): Unrecognized keyword arguments passed to " + cls
        + ": {'foo': 1}", e.getMessage());
    assertEquals("seq/" + name, e.layerPath());
    assertEquals("foo", e.key());
  }

  @Test
  void namesEveryUnknownKeyOfALayer() {
    JsonObject config = configOf(sequential());
    JsonObject dense = layerConfig(config, "out");
    dense.addProperty("unit", 3);
    dense.add("kernel_initialiser", new JsonPrimitive("zeros"));
    InvalidConfigException e = loadFails(config);
    assertEquals("Layer 'seq/out' (Dense): Unrecognized keyword arguments passed to Dense: {'unit': 3, "
        + "'kernel_initialiser': 'zeros'}", e.getMessage());
    assertEquals("unit, kernel_initialiser", e.key());
  }

  @Test
  void otherConfigErrorsInsideALayerNameItsPath() {
    JsonObject config = configOf(sequential());
    layerConfig(config, "out").addProperty("kernel_initializer", "no_such_initializer");
    InvalidConfigException e = loadFails(config);
    assertTrue(e.getMessage().startsWith("Layer 'seq/out' (Dense): Unknown Initializer 'no_such_initializer'"),
        e.getMessage());
    assertEquals(null, e.key());
  }

  @Test
  void showsValuesAsPythonDoes() {
    JsonObject config = configOf(sequential());
    layerConfig(config, "drop").add("noise",
        JsonParser.parseString("{\"a\": [1, null, \"it's\", false], \"b\": \"x'y\\\"z\"}"));
    assertEquals("Layer 'seq/drop' (Dropout): Unrecognized keyword arguments passed to Dropout: "
        + "{'noise': {'a': [1, None, \"it's\", False], 'b': 'x\\'y\"z'}}", loadFails(config).getMessage());
  }

  @Test
  void refusesUnknownKeyOfTheModelItself() {
    JsonObject config = configOf(sequential());
    config.getAsJsonObject("config").addProperty("foo", true);
    assertEquals("Layer 'seq' (Sequential): Unrecognized keyword arguments passed to Sequential: {'foo': True}",
        loadFails(config).getMessage());
  }

  @Test
  void acceptsTheBaseLayerKeysKerasTakes() throws Exception {
    JsonObject config = configOf(sequential());
    JsonObject dense = layerConfig(config, "out");
    dense.addProperty("autocast", false);
    JsonArray shape = new JsonArray();
    shape.add(5);
    dense.add("input_shape", shape);
    dense.addProperty("input_dim", 5);
    KerasFile.fromConfig(config.toString(), LoadOptions.DEFAULT);
  }

  @Test
  void namesThePathOfWrappedAndFunctionalLayers() {
    var in = Input.of(6, 4);
    Layer td = new TimeDistributed(new Dense(3).setName("inner")).setName("td");
    Layer bi = new Bidirectional(new LSTM(2)).setName("bi");
    Functional model = new Functional(in, bi.apply(td.apply(in)), "func");
    JsonObject config = configOf(model);
    JsonObject tdConfig = layerConfig(config, "td");
    tdConfig.getAsJsonObject("layer").getAsJsonObject("config").addProperty("foo", 1);
    assertEquals("Layer 'func/td/inner' (Dense): Unrecognized keyword arguments passed to Dense: {'foo': 1}",
        loadFails(config).getMessage());

    JsonObject config2 = configOf(model);
    layerConfig(config2, "bi").addProperty("merge_mod", "sum");
    assertEquals("Layer 'func/bi' (Bidirectional): Unrecognized keyword arguments passed to Bidirectional: "
        + "{'merge_mod': 'sum'}", loadFails(config2).getMessage());
  }

  @Test
  void refusesUnknownKeyInAKerasFile() throws IOException {
    Path saved = tmp.resolve("seq.keras");
    KerasFile.save(sequential(), saved);
    Path crafted = tmp.resolve("crafted.keras");
    rewriteConfig(saved, crafted, config -> layerConfig(config, "rnn").addProperty("recurent_dropout", 0.5));
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Models.load(crafted));
    assertEquals("Layer 'seq/rnn' (LSTM): Unrecognized keyword arguments passed to LSTM: {'recurent_dropout': 0.5}",
        e.getMessage());
    // The untouched file loads.
    Model m = Models.load(saved);
    assertEquals("seq", m.name());
  }

  /** Copies the zip {@code from} to {@code to}, passing its config.json through {@code edit}. */
  static void rewriteConfig(Path from, Path to, java.util.function.Consumer<JsonObject> edit) throws IOException {
    try (InputStream fin = Files.newInputStream(from);
        ZipInputStream zin = new ZipInputStream(fin);
        OutputStream fout = Files.newOutputStream(to);
        ZipOutputStream zout = new ZipOutputStream(fout)) {
      for (ZipEntry entry = zin.getNextEntry(); entry != null; entry = zin.getNextEntry()) {
        byte[] bytes = zin.readAllBytes();
        if (entry.getName().equals("config.json")) {
          JsonObject config = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
          edit.accept(config);
          bytes = config.toString().getBytes(StandardCharsets.UTF_8);
        }
        zout.putNextEntry(new ZipEntry(entry.getName()));
        zout.write(bytes);
        zout.closeEntry();
      }
    }
  }
}
