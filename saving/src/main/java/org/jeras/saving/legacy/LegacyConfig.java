package org.jeras.saving.legacy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;
import java.util.Set;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Untrusted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the configs a legacy HDF5 file holds (Keras 2 style: layer dicts without {@code module},
 * {@code batch_input_shape}, one-element {@code axis} lists, {@code Model} as the functional class,
 * inbound nodes as nested lists, optimizer configs with {@code decay}) into the Keras 3
 * forms Jeras's deserializer reads, as Keras's legacy loader ({@code saving_utils.model_from_config},
 * {@code functional.deserialize_node}, the optimizer's keyword handling) accepts them.
 */
public final class LegacyConfig {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyConfig.class);

  /** Keys that hold one nested layer dict in a wrapper's config (Bidirectional, TimeDistributed...). */
  private static final Set<String> NESTED_LAYER_KEYS = Set.of("layer", "backward_layer", "forward_layer", "cell");


  private LegacyConfig() {}

  /**
   * Rewrites a legacy {@code model_config} into a Keras 3 model config, in place.
   *
   * @param modelConfig the parsed {@code model_config} attribute
   * @return {@code modelConfig}, rewritten
   */
  public static JsonObject model(JsonObject modelConfig) {
    layer(modelConfig, "model_config");
    return modelConfig;
  }

  /**
   * The Keras 3 {@code compile_config} for a legacy {@code training_config}: the optimizer from
   * {@code optimizer_config}, loss, metrics, weighted metrics and loss weights as saved.
   *
   * @param trainingConfig the parsed {@code training_config} attribute
   * @return the compile config
   */
  public static JsonObject compile(JsonObject trainingConfig) {
    JsonElement opt = trainingConfig.get("optimizer_config");
    if (opt == null || !opt.isJsonObject()) {
      throw new ConfigException("Invalid training_config: 'optimizer_config' must be an object");
    }
    JsonObject out = new JsonObject();
    out.add("optimizer", optimizer(opt.getAsJsonObject().deepCopy()));
    for (String key : new String[] {"loss", "loss_weights", "metrics", "weighted_metrics"}) {
      out.add(key, trainingConfig.has(key) ? trainingConfig.get(key).deepCopy() : JsonNull.INSTANCE);
    }
    return out;
  }

  private static JsonObject optimizer(JsonObject dict) {
    JsonElement cfg = dict.get("config");
    if (cfg != null && cfg.isJsonObject()) {
      // Keras 3 drops the Keras 2 learning-rate decay of any optimizer with a warning (and, like Keras 3,
      // Jeras refuses other Keras 2 arguments such as "lr" as unrecognized).
      JsonElement decay = cfg.getAsJsonObject().remove("decay");
      if (decay != null && !decay.isJsonNull()) {
        LOG.warn("Argument `decay` is no longer supported and will be ignored.");
      }
    }
    return dict;
  }

  /** Rewrites one layer dict (and the layers it nests); {@code where} names it in errors. */
  private static void layer(JsonElement e, String where) {
    if (e == null || !e.isJsonObject()) {
      throw new ConfigException("Invalid legacy config at " + Untrusted.quote(where) + ": expected a layer dict");
    }
    JsonObject dict = e.getAsJsonObject();
    JsonElement cn = dict.get("class_name");
    if (cn == null || !cn.isJsonPrimitive()) {
      throw new ConfigException("Invalid legacy config at " + Untrusted.quote(where) + ": no 'class_name'");
    }
    if (dict.has("module")) {
      return; // a Keras 3 dict nested in a legacy one is already in the form Jeras reads
    }
    String className = cn.getAsString();
    JsonElement cfgElement = dict.get("config");
    if (cfgElement != null && cfgElement.isJsonArray() && className.equals("Sequential")) {
      // Keras <= 2.2 wrote a Sequential's config as the bare list of its layers.
      JsonObject wrapped = new JsonObject();
      wrapped.add("layers", cfgElement);
      dict.add("config", wrapped);
      cfgElement = wrapped;
    }
    if (cfgElement == null || !cfgElement.isJsonObject()) {
      throw new ConfigException("Invalid legacy config at " + Untrusted.quote(where) + ": 'config' must be an object");
    }
    JsonObject cfg = cfgElement.getAsJsonObject();
    String name = cfg.has("name") && cfg.get("name").isJsonPrimitive() ? cfg.get("name").getAsString() : className;
    String path = where + "/" + name;
    if (className.equals("Model") && cfg.has("input_layers")) {
      // Keras 2 named a functional model's class "Model" (later "Functional").
      dict.addProperty("class_name", "Functional");
      className = "Functional";
    }
    JsonElement batchInputShape = cfg.remove("batch_input_shape");
    if (batchInputShape != null && !batchInputShape.isJsonNull()) {
      cfg.add(className.equals("InputLayer") ? "batch_shape" : "input_shape", batchInputShape);
    }
    JsonElement axis = cfg.get("axis");
    if (axis != null && axis.isJsonArray() && axis.getAsJsonArray().size() == 1) {
      cfg.add("axis", axis.getAsJsonArray().get(0));
    }
    dtypePolicy(cfg);
    JsonElement layers = cfg.get("layers");
    if (layers != null && layers.isJsonArray()) {
      JsonArray list = layers.getAsJsonArray();
      for (JsonElement l : list) {
        layer(l, path);
        if (cfg.has("input_layers") && l.getAsJsonObject().has("inbound_nodes")) {
          inboundNodes(l.getAsJsonObject(), path);
        }
      }
      if (className.equals("Sequential")) {
        sequentialInput(list);
      }
    }
    for (Map.Entry<String, JsonElement> entry : cfg.entrySet()) {
      if (NESTED_LAYER_KEYS.contains(entry.getKey()) && entry.getValue().isJsonObject()
          && entry.getValue().getAsJsonObject().has("class_name")) {
        layer(entry.getValue(), path);
      }
    }
  }

  /** Keras 2's mixed-precision policy dict ({@code Policy}) as Keras 3's {@code DTypePolicy}. */
  private static void dtypePolicy(JsonObject cfg) {
    JsonElement dtype = cfg.get("dtype");
    if (dtype != null && dtype.isJsonObject() && !dtype.getAsJsonObject().has("module")) {
      JsonObject d = dtype.getAsJsonObject();
      JsonElement pc = d.get("config");
      if (pc != null && pc.isJsonObject() && pc.getAsJsonObject().has("name")) {
        cfg.add("dtype", pc.getAsJsonObject().get("name"));
      }
    }
  }

  /**
   * A Sequential whose first layer carries the input shape ({@code batch_input_shape}, now
   * {@code input_shape}) gets the InputLayer Keras 3 creates for it.
   */
  private static void sequentialInput(JsonArray layers) {
    if (layers.isEmpty() || !layers.get(0).isJsonObject()) {
      return;
    }
    JsonObject first = layers.get(0).getAsJsonObject();
    if ("InputLayer".equals(first.get("class_name").getAsString())) {
      return;
    }
    JsonObject cfg = first.getAsJsonObject("config");
    JsonElement shape = cfg.remove("input_shape");
    if (shape == null || shape.isJsonNull()) {
      return;
    }
    JsonObject inputCfg = new JsonObject();
    inputCfg.add("batch_shape", shape);
    JsonElement dtype = cfg.get("dtype");
    inputCfg.add("dtype", dtype != null && dtype.isJsonPrimitive() ? dtype : new JsonPrimitive("float32"));
    JsonObject input = new JsonObject();
    input.addProperty("class_name", "InputLayer");
    input.add("config", inputCfg);
    JsonArray rebuilt = new JsonArray();
    rebuilt.add(input);
    rebuilt.addAll(layers);
    while (!layers.isEmpty()) {
      layers.remove(0);
    }
    layers.addAll(rebuilt);
  }

  /**
   * Keras 2's inbound nodes, each a list of {@code [layer, node, tensor(, kwargs)]}, as Keras 3's
   * {@code {"args": [...], "kwargs": {...}}}: one input is passed alone, several as one list.
   */
  private static void inboundNodes(JsonObject layerDict, String where) {
    JsonElement nodes = layerDict.get("inbound_nodes");
    if (!nodes.isJsonArray()) {
      throw new ConfigException("Invalid legacy config at " + Untrusted.quote(where) + ": 'inbound_nodes' must be a list");
    }
    JsonArray converted = new JsonArray();
    for (JsonElement node : nodes.getAsJsonArray()) {
      if (!node.isJsonArray()) {
        converted.add(node);
        continue;
      }
      JsonArray tensors = new JsonArray();
      JsonObject kwargs = new JsonObject();
      for (JsonElement input : node.getAsJsonArray()) {
        if (!input.isJsonArray() || input.getAsJsonArray().size() < 3 || input.getAsJsonArray().size() > 4) {
          throw new ConfigException("Invalid legacy config at " + Untrusted.quote(where) + ": an inbound node entry "
              + "must be [layer, node_index, tensor_index(, kwargs)], found " + Untrusted.quote(input.toString()));
        }
        JsonArray a = input.getAsJsonArray();
        JsonArray history = new JsonArray();
        history.add(a.get(0));
        history.add(a.get(1));
        history.add(a.get(2));
        JsonObject tensorCfg = new JsonObject();
        tensorCfg.add("keras_history", history);
        JsonObject tensor = new JsonObject();
        tensor.addProperty("class_name", "__keras_tensor__");
        tensor.add("config", tensorCfg);
        tensors.add(tensor);
        if (a.size() == 4 && a.get(3).isJsonObject()) {
          kwargs = a.get(3).getAsJsonObject();
        }
      }
      JsonArray args = new JsonArray();
      args.add(tensors.size() == 1 ? tensors.get(0) : tensors);
      JsonObject call = new JsonObject();
      call.add("args", args);
      call.add("kwargs", kwargs);
      converted.add(call);
    }
    layerDict.add("inbound_nodes", converted);
  }
}
