package org.jeras.saving.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Sequential;
import org.jeras.saving.KerasFile;
import org.jeras.saving.LoadOptions;
import org.junit.jupiter.api.Test;

/**
 * The Keras 2 config forms that no Keras-written file in the conformance set exercises (Keras 3 cannot
 * write them, and tf.keras 2 is not available here), each written as tf.keras 2.x / Keras 2.2 wrote it,
 * rewritten and deserialized; the expected forms follow Keras 3's legacy loader
 * ({@code saving_utils.model_from_config}, {@code functional.deserialize_node}).
 */
class LegacyConfigTest {
  private static JsonObject json(String s) {
    return JsonParser.parseString(s.replace('\'', '"')).getAsJsonObject();
  }

  private static Layer load(JsonObject legacy) {
    return KerasFile.fromConfig(LegacyConfig.model(legacy).toString(), LoadOptions.DEFAULT.withCompile(false));
  }

  /** Keras <= 2.2 wrote a Sequential's config as the bare list of its layers, the first with batch_input_shape. */
  @Test
  void keras22SequentialListConfig() {
    Layer l = load(json("{'class_name': 'Sequential', 'config': [{'class_name': 'Dense', 'config': {'name': 'd1',"
        + " 'trainable': true, 'batch_input_shape': [null, 3], 'dtype': 'float32', 'units': 2, 'activation': 'relu',"
        + " 'use_bias': true, 'kernel_initializer': {'class_name': 'VarianceScaling', 'config': {'scale': 1.0,"
        + " 'mode': 'fan_avg', 'distribution': 'uniform', 'seed': null}}, 'bias_initializer': {'class_name': 'Zeros',"
        + " 'config': {}}, 'kernel_regularizer': null, 'bias_regularizer': null, 'activity_regularizer': null,"
        + " 'kernel_constraint': null, 'bias_constraint': null}}]}"));
    Sequential s = (Sequential) l;
    assertEquals("(None, 3)", s.inputLayer().batchShape().toString());
    assertTrue(s.isBuilt());
    assertEquals(java.util.List.of(3L, 2L), java.util.Arrays.stream(s.layers().get(0).weights().get(0).array().shape())
        .boxed().toList());
  }

  /** A legacy inbound node passes several inputs as one list and its kwargs (the 4th entry) to the call. */
  @Test
  void legacyNodesWithSeveralInputsAndKwargs() {
    JsonObject legacy = json("{'class_name': 'Model', 'config': {'name': 'm', 'layers': ["
        + "{'class_name': 'InputLayer', 'config': {'batch_input_shape': [null, 4], 'dtype': 'float32',"
        + " 'sparse': false, 'ragged': false, 'name': 'a'}, 'name': 'a', 'inbound_nodes': []},"
        + "{'class_name': 'InputLayer', 'config': {'batch_input_shape': [null, 4], 'dtype': 'float32',"
        + " 'sparse': false, 'ragged': false, 'name': 'b'}, 'name': 'b', 'inbound_nodes': []},"
        + "{'class_name': 'Add', 'config': {'name': 'add', 'trainable': true, 'dtype': 'float32'}, 'name': 'add',"
        + " 'inbound_nodes': [[['a', 0, 0, {}], ['b', 0, 0, {}]]]},"
        + "{'class_name': 'Dropout', 'config': {'name': 'drop', 'trainable': true, 'dtype': 'float32', 'rate': 0.5,"
        + " 'noise_shape': null, 'seed': null}, 'name': 'drop', 'inbound_nodes': [[['add', 0, 0, {'training': false}]]]}],"
        + " 'input_layers': [['a', 0, 0], ['b', 0, 0]], 'output_layers': [['drop', 0, 0]]}}");
    JsonObject rewritten = LegacyConfig.model(legacy.deepCopy());
    assertEquals("Functional", rewritten.get("class_name").getAsString());
    JsonObject addNode = rewritten.getAsJsonObject("config").getAsJsonArray("layers").get(2).getAsJsonObject()
        .getAsJsonArray("inbound_nodes").get(0).getAsJsonObject();
    assertEquals(2, addNode.getAsJsonArray("args").get(0).getAsJsonArray().size(), addNode.toString());
    JsonObject dropNode = rewritten.getAsJsonObject("config").getAsJsonArray("layers").get(3).getAsJsonObject()
        .getAsJsonArray("inbound_nodes").get(0).getAsJsonObject();
    assertEquals(json("{'training': false}"), dropNode.getAsJsonObject("kwargs"));
    Functional m = (Functional) load(legacy);
    assertEquals(2, m.inputs().size());
    assertEquals(1, m.outputs().size());
  }

  /** Keras 2's mixed-precision policy dict becomes the policy's name; a one-element axis list an int. */
  @Test
  void policyDictAndAxisList() {
    JsonObject layer = json("{'class_name': 'BatchNormalization', 'config': {'name': 'bn', 'axis': [-1],"
        + " 'dtype': {'class_name': 'Policy', 'config': {'name': 'mixed_float16'}}}}");
    JsonObject wrapped = json("{'class_name': 'Sequential', 'config': {'name': 's', 'layers': []}}");
    wrapped.getAsJsonObject("config").getAsJsonArray("layers").add(layer);
    LegacyConfig.model(wrapped);
    assertEquals(json("{'name': 'bn', 'axis': -1, 'dtype': 'mixed_float16'}"), layer.getAsJsonObject("config"));
  }

  /**
   * tf.keras 2.x wrote a wrapper's inner layer without {@code module} (Keras 3.16 cannot locate it; Jeras
   * looks it up among its built-in layers), with the forward layer's weights first.
   */
  @Test
  void wrappedLayerWithoutModule() {
    Layer l = load(json("{'class_name': 'Sequential', 'config': {'name': 's', 'layers': ["
        + "{'class_name': 'InputLayer', 'config': {'batch_input_shape': [null, 5, 3], 'dtype': 'float32',"
        + " 'sparse': false, 'ragged': false, 'name': 'in'}},"
        + "{'class_name': 'Bidirectional', 'config': {'name': 'bi', 'trainable': true, 'dtype': 'float32',"
        + " 'merge_mode': 'concat', 'layer': {'class_name': 'LSTM', 'config': {'name': 'lstm', 'trainable': true,"
        + " 'dtype': 'float32', 'units': 4, 'return_sequences': false}}}}]}}"));
    Layer bi = ((Sequential) l).layers().get(0);
    assertEquals("Bidirectional", bi.className());
    assertEquals(6, bi.weights().size());
    assertEquals(java.util.List.of(3L, 16L), java.util.Arrays.stream(bi.weights().get(0).array().shape()).boxed().toList());
  }

  /** Malformed legacy structures are typed one-line errors naming where they are. */
  @Test
  void malformedStructuresAreNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> LegacyConfig.model(json(
        "{'class_name': 'Model', 'config': {'name': 'm', 'input_layers': [], 'output_layers': [], 'layers': ["
            + "{'class_name': 'Dense', 'config': {'name': 'd'}, 'name': 'd', 'inbound_nodes': [[['a', 0]]]}]}}")));
    assertTrue(e.getMessage().contains("model_config/m") && e.getMessage().contains("inbound node"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> LegacyConfig.model(json("{'class_name': 'Sequential', 'config': 3}")));
    assertTrue(e.getMessage().contains("'config' must be an object"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> LegacyConfig.compile(json("{'loss': 'mse', 'optimizer_config': 'adam'}")));
    assertTrue(e.getMessage().contains("optimizer_config"), e.getMessage());
  }
}
