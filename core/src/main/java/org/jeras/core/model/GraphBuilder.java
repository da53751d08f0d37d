package org.jeras.core.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Untrusted;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;

/** Replays a config's layer calls in Keras's order until every node is created. */
final class GraphBuilder {
  final Map<String, Layer> byName = new LinkedHashMap<>();
  final Map<String, List<List<Tensor>>> created = new HashMap<>();
  List<Tensor> inputs;
  List<Tensor> outputs;

  static GraphBuilder from(Config config) {
    GraphBuilder b = new GraphBuilder();
    JsonArray layerDicts = config.get("layers").getAsJsonArray();
    Map<String, JsonArray> pending = new LinkedHashMap<>();
    for (JsonElement e : layerDicts) {
      Config dict = Config.of(e.getAsJsonObject());
      String name = dict.getString("name");
      Layer layer = Serialization.deserialize(e, Layer.class);
      b.byName.put(name, layer);
      List<List<Tensor>> outs = new ArrayList<>();
      if (layer instanceof InputLayer in) {
        outs.add(List.of(in.output()));
      }
      b.created.put(name, outs);
      pending.put(name, dict.isSet("inbound_nodes") ? dict.get("inbound_nodes").getAsJsonArray() : new JsonArray());
    }
    Map<String, Integer> done = new HashMap<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Map.Entry<String, JsonArray> p : pending.entrySet()) {
        String name = p.getKey();
        JsonArray nodes = p.getValue();
        int i = done.getOrDefault(name, 0);
        while (i < nodes.size()) {
          CallArgs args = b.resolveNode(name, nodes.get(i).getAsJsonObject());
          if (args == null) {
            break;
          }
          Layer layer = b.byName.get(name);
          b.created.get(name).add(Serialization.inLayer(name, layer.className(), () -> layer.apply(args)));
          i++;
          progress = true;
        }
        done.put(name, i);
      }
    }
    for (Map.Entry<String, JsonArray> p : pending.entrySet()) {
      if (done.getOrDefault(p.getKey(), 0) < p.getValue().size()) {
        throw new ConfigException("Functional config: cannot resolve the inputs of layer '" + p.getKey() + "'");
      }
    }
    b.inputs = b.tensors(config.get("input_layers"), "input_layers");
    b.outputs = b.tensors(config.get("output_layers"), "output_layers");
    return b;
  }

  private List<Tensor> tensors(JsonElement e, String key) {
    JsonArray a = e.getAsJsonArray();
    List<Tensor> out = new ArrayList<>();
    if (a.size() > 0 && a.get(0).isJsonPrimitive()) {
      out.add(lookup(a, key));
      return out;
    }
    for (JsonElement x : a) {
      out.add(lookup(x.getAsJsonArray(), key));
    }
    return out;
  }

  private Tensor lookup(JsonArray history, String where) {
    String layer = history.get(0).getAsString();
    int node = history.get(1).getAsInt();
    int index = history.get(2).getAsInt();
    List<List<Tensor>> outs = created.get(layer);
    if (outs == null) {
      throw new ConfigException("Functional config: " + Untrusted.quote(where) + " refers to unknown layer "
          + Untrusted.quote(layer));
    }
    if (node >= outs.size()) {
      return null;
    }
    return outs.get(node).get(index);
  }

  /** The call arguments of a node, or null while some input is not created yet. */
  private CallArgs resolveNode(String layerName, JsonObject node) {
    List<Object> args = new ArrayList<>();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    boolean[] missing = {false};
    if (node.has("args")) {
      for (JsonElement a : node.get("args").getAsJsonArray()) {
        args.add(value(a, missing, layerName));
      }
    }
    if (node.has("kwargs")) {
      for (Map.Entry<String, JsonElement> k : node.get("kwargs").getAsJsonObject().entrySet()) {
        kwargs.put(k.getKey(), value(k.getValue(), missing, layerName));
      }
    }
    return missing[0] ? null : CallArgs.of(args, kwargs);
  }

  private Object value(JsonElement e, boolean[] missing, String layerName) {
    if (e.isJsonNull()) {
      return null;
    }
    if (e.isJsonObject() && "__keras_tensor__".equals(Config.of(e.getAsJsonObject()).getString("class_name", null))) {
      JsonArray history = e.getAsJsonObject().getAsJsonObject("config").getAsJsonArray("keras_history");
      Tensor t = lookup(history, "inbound_nodes of '" + layerName + "'");
      if (t == null) {
        missing[0] = true;
      }
      return t;
    }
    if (e.isJsonArray()) {
      List<Object> l = new ArrayList<>();
      for (JsonElement x : e.getAsJsonArray()) {
        l.add(value(x, missing, layerName));
      }
      return l;
    }
    if (e.isJsonPrimitive()) {
      JsonPrimitive p = e.getAsJsonPrimitive();
      return p.isBoolean() ? p.getAsBoolean() : p.isNumber() ? p.getAsNumber() : p.getAsString();
    }
    return e;
  }
}
